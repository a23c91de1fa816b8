import CRMContacts
import CRMCore
import CRMService
import Foundation
import Testing

@Suite struct TicketTests {
    let now = ServiceFixture.monday
    let sam = MessageAuthor.agent(ServiceFixture.agent)
    let customer = MessageAuthor.customer(nil)

    @Test func aNewTicketNeedsASubjectAndStartsNew() throws {
        let error = #expect(throws: ValidationError.self) {
            try Ticket(id: ID(ServiceFixture.ids.next()), subject: "  ", channel: .web, at: now)
        }
        #expect(error?.fields == ["subject"])
        let ticket = ServiceFixture.ticket()
        #expect(ticket.status == .new && ticket.isActive && ticket.tier == 1)
    }

    @Test func theFirstAgentReplyIsTheFirstResponseAndOpensTheTicket() throws {
        var ticket = ServiceFixture.ticket()
        try ticket.addNote("Checking the invoice run", by: ServiceFixture.agent, at: now + 60)
        #expect(ticket.firstRespondedAt == nil, "an internal note is no response")
        try ticket.addReply("We are on it.", by: sam, at: now + 120)
        #expect(ticket.firstRespondedAt == now + 120)
        #expect(ticket.status == .open)
        #expect(ticket.messages.map(\.visibility) == [.internalNote, .publicReply])
    }

    @Test func statusesMoveOnlyAlongTheirCategories() throws {
        var ticket = ServiceFixture.ticket()
        try ticket.setStatus(try TicketStatus("Awaiting parts", category: .waitingOnThirdParty), at: now)
        try ticket.setStatus(.open, at: now)
        try ticket.resolve(at: now + 60)
        #expect(ticket.resolvedAt == now + 60)
        #expect(throws: TicketError.invalidTransition(from: .resolved, to: .resolved)) {
            try ticket.resolve(at: now + 90)
        }
        #expect(ticket.resolvedAt == now + 60, "resolving again does not move the resolution time")
        #expect(throws: TicketError.invalidTransition(from: .resolved, to: .waitingOnCustomer)) {
            try ticket.setStatus(.waitingOnCustomer, at: now)
        }
        #expect(throws: TicketError.invalidTransition(from: .resolved, to: .new)) {
            try ticket.setStatus(.new, at: now)
        }
        try ticket.reopen(at: now + 120)
        #expect(ticket.reopenCount == 1 && ticket.status == .open)
        #expect(throws: TicketError.invalidTransition(from: .open, to: .open)) { try ticket.reopen(at: now) }
        try ticket.close(at: now + 180)
        #expect(throws: TicketError.closed(ticket.id)) { try ticket.setStatus(.open, at: now) }
        #expect(throws: TicketError.closed(ticket.id)) { try ticket.addReply("Hello?", by: customer, at: now) }
        #expect(throws: TicketError.closed(ticket.id)) { try ticket.changePriority(to: .urgent) }
    }

    @Test func aCustomerReplyReopensAResolvedTicketAndAnswersAWaitingOne() throws {
        var ticket = ServiceFixture.ticket()
        try ticket.addReply("Can you send the invoice number?", by: sam, at: now)
        try ticket.setStatus(.waitingOnCustomer, at: now)
        try ticket.addReply("It is 4711.", by: customer, at: now + 60)
        #expect(ticket.status == .open)
        try ticket.resolve(at: now + 120)
        try ticket.addReply("Still wrong!", by: customer, at: now + 180)
        #expect(ticket.status == .open && ticket.reopenCount == 1)
    }

    @Test func aRefusedChangeLeavesTheTicketAsItWas() throws {
        var ticket = ServiceFixture.ticket()
        let before = ticket
        #expect(throws: TicketError.emptyMessage) { try ticket.addReply("   ", by: sam, at: now) }
        #expect(ticket == before)
        let attachment = try AttachmentReference(
            name: "photo.jpg", location: "s3://tickets/photo.jpg", mediaType: "image/jpeg", byteCount: 20_000)
        try ticket.addReply("", by: customer, attachments: [attachment], at: now)
        #expect(ticket.messages.last?.attachments == [attachment], "an attachment alone is a message")
        let far = Date(timeIntervalSince1970: 20_000_000_000)
        let stamped = ticket
        #expect(throws: TicketError.calendar(.outOfRange(far))) { try ticket.addReply("Answer", by: sam, at: far) }
        #expect(ticket == stamped, "a failed SLA measurement does not leave the reply behind")
        let bad = #expect(throws: ValidationError.self) {
            try AttachmentReference(name: "", location: "", mediaType: "x", byteCount: -1)
        }
        #expect(Set(bad?.fields ?? []) == ["name", "location", "byteCount"])
    }

    @Test func mergingMovesTheConversationAndClosesTheDuplicate() throws {
        var survivor = ServiceFixture.ticket()
        var duplicate = ServiceFixture.ticket(at: now + 60)
        try survivor.addReply("First", by: customer, at: now + 10)
        try duplicate.addReply("Second", by: customer, at: now + 70)
        try survivor.merge(&duplicate, at: now + 100)
        #expect(survivor.messages.map(\.body) == ["First", "Second"])
        #expect(survivor.messages.last?.mergedFrom == duplicate.id)
        #expect(survivor.mergedTickets == [duplicate.id])
        #expect(duplicate.mergedInto == survivor.id && duplicate.status == .closed)
        var again = duplicate
        #expect(throws: TicketError.self) { try survivor.merge(&again, at: now) }
        var same = survivor
        #expect(throws: TicketError.self) { try survivor.merge(&same, at: now) }
    }
}
