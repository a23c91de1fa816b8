import CRMCore
import CRMService
import Foundation
import Testing

@Suite struct KnowledgeAndSatisfactionTests {
    let now = ServiceFixture.monday

    func article(_ title: String, _ body: String, keywords: [String] = []) throws -> KnowledgeArticle {
        var article = try KnowledgeArticle(
            id: ID(ServiceFixture.ids.next()), title: title, body: body, keywords: keywords, at: now)
        try article.publish(at: now)
        return article
    }

    @Test func onlyDraftsAreEditableAndPublishingReplacesTheLiveVersion() throws {
        var article = try KnowledgeArticle(id: ID(ServiceFixture.ids.next()), title: "Reset", body: "v1", at: now)
        try article.edit(body: "Version one", at: now)
        try article.publish(at: now + 60)
        #expect(throws: KnowledgeError.noDraft(article.id)) { try article.edit(body: "live edit", at: now) }
        try article.startDraft(at: now + 120)
        #expect(throws: KnowledgeError.draftExists(article.id)) { try article.startDraft(at: now) }
        try article.edit(title: "Resetting a password", at: now + 180)
        #expect(article.live?.body == "Version one", "the live version is untouched while the draft changes")
        try article.publish(at: now + 240)
        #expect(article.versions.map(\.status) == [.archived, .published])
        #expect(article.live?.title == "Resetting a password" && article.live?.number == 2)
        #expect(
            throws: KnowledgeError.invalid(
                ValidationError(subject: "KnowledgeArticle", field: "title", reason: "must not be empty"))
        ) {
            try article.startDraft(at: now)
            try article.edit(title: " ", at: now)
        }
        try article.archive()
        #expect(article.live == nil)
        #expect(throws: KnowledgeError.notPublished(article.id)) { try article.archive() }
    }

    @Test func searchRanksTitlesAndKeywordsAboveMentions() throws {
        let reset = try article("Resetting your password", "Open the sign-in page and choose Forgot password.")
        let mention = try article("Account settings", "Your profile, your e-mail and, if needed, your password.")
        let vat = try article("VAT on invoices", "Why the tax rate changed.", keywords: ["Mehrwertsteuer"])
        var draft = try KnowledgeArticle(id: ID(ServiceFixture.ids.next()), title: "Password policy", body: "", at: now)
        draft.link(to: ID(ServiceFixture.ids.next()))
        let search = KnowledgeSearch([reset, mention, vat, draft])
        #expect(search.search("PASSWORD").map(\.articleID) == [reset.id, mention.id], "drafts are not found")
        #expect(search.search("mehrwertsteuer").map(\.articleID) == [vat.id])
        #expect(search.search("Mehrwértsteuer").map(\.articleID) == [vat.id], "diacritics fold")
        #expect(search.search("nothing here").isEmpty)
        #expect(search.search("password", limit: 1).count == 1)
    }

    @Test func helpedTicketsAreCountedOnce() throws {
        var article = try article("Reset", "Steps")
        let ticket = ID<Ticket>(ServiceFixture.ids.next())
        article.markHelped(ticket)
        article.markHelped(ticket)
        article.link(to: ID(ServiceFixture.ids.next()))
        #expect(article.helpedCount == 1 && article.linkedTickets.count == 2)
    }

    @Test func csatAndNPSFollowTheirDefinitions() throws {
        let ticket = ID<Ticket>(ServiceFixture.ids.next())
        func response(_ score: SatisfactionResponse.Score) throws -> SatisfactionResponse {
            try SatisfactionResponse(id: ID(ServiceFixture.ids.next()), ticketID: ticket, score: score, at: now)
        }
        let scores: [SatisfactionResponse.Score] =
            [.csat(5), .csat(4), .csat(2), .csat(5), .nps(10), .nps(9), .nps(8), .nps(6), .nps(0)]
        let summary = SatisfactionSummary(try scores.map(response))
        #expect(summary.csat == 0.75 && summary.averageCSAT == 4)
        #expect(summary.promoters == 2 && summary.passives == 1 && summary.detractors == 2)
        #expect(summary.nps == 0)
        #expect(SatisfactionSummary([]).nps == nil && SatisfactionSummary([]).csat == nil)
        for bad: SatisfactionResponse.Score in [.csat(0), .csat(6), .nps(-1), .nps(11)] {
            let error = #expect(throws: ValidationError.self, "\(bad)") { try response(bad) }
            #expect(error?.fields == ["score"])
        }
    }
}
