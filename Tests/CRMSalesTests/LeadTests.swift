import CRMContacts
import CRMCore
import CRMSales
import Testing

@Suite struct LeadTests {
    static let ids = ULIDGenerator()
    static let (ana, ben, cy) = (try! Principal("user:ana"), try! Principal("user:ben"), try! Principal("user:cy"))

    static func lead(
        source: String = "web form", email: String? = "pat@acme.example", phone: String? = nil,
        interest: String = "Hardware",
        territory: String = "UK", category: CustomerCategory? = .smallBusiness, activity: Int = 0
    ) -> Lead {
        Lead(
            id: ID(ids.next()), name: try! PersonName(givenName: "Pat", familyName: "Lee"), company: "Acme",
            email: email.map { try! EmailAddress($0) }, phone: phone.map { try! PhoneNumber($0) }, source: source,
            interest: interest, territory: territory, category: category, activityCount: activity)
    }

    @Test func assignmentTriesTerritoryThenCategoryThenTakesTurns() {
        var assignment = LeadAssignment(rules: [
            .territory(["DE": Self.ana]), .category([.enterprise: Self.ben]), .roundRobin([Self.ben, Self.cy]),
        ])
        #expect(assignment.owner(for: Self.lead(territory: "DE")) == Self.ana)
        #expect(assignment.owner(for: Self.lead(category: .enterprise)) == Self.ben)
        let turns = (0..<4).map { _ in assignment.owner(for: Self.lead()) }
        #expect(turns == [Self.ben, Self.cy, Self.ben, Self.cy])
        var nobody = LeadAssignment(rules: [.roundRobin([])])
        #expect(nobody.owner(for: Self.lead()) == nil)
    }

    @Test func ruleScoresAddUpWithTheirReasons() {
        let rules = LeadScoringRules(rules: [
            .init(name: "Business email", condition: .businessEmail, points: 10),
            .init(name: "Phone given", condition: .hasPhone, points: 5),
            .init(name: "Referral", condition: .source("referral"), points: 20),
            .init(name: "Engaged", condition: .activityAtLeast(3), points: 15),
            .init(name: "Student", condition: .category(.education), points: -10),
        ])
        let hot = rules.score(Self.lead(source: "referral", phone: "+442079460018", activity: 4))
        #expect(hot.points == 50)
        #expect(hot.reasons == ["Business email", "Phone given", "Referral", "Engaged"])
        let cold = rules.score(Self.lead(email: "pat@gmail.com", category: .education))
        #expect(cold.points == -10)
    }

    @Test func naiveBayesLearnsFromWonAndLostLeadsAndExplainsItself() {
        var model = PredictiveLeadScoring()
        #expect(model.predict(Self.lead()).probability == 0.5)
        // Referrals with a business email are mostly won; web-form leads with free mail mostly lost.
        for index in 0..<40 {
            model.learn(Self.lead(source: "referral", activity: 3), won: index % 5 != 0)
            model.learn(Self.lead(source: "web form", email: "x\(index)@gmail.com"), won: index % 5 == 0)
        }
        #expect(model.examples == (won: 40, lost: 40))
        let good = model.predict(Self.lead(source: "referral", activity: 3))
        let poor = model.predict(Self.lead(source: "web form", email: "pat@gmail.com"))
        #expect(good.probability > 0.9)
        #expect(poor.probability < 0.1)
        #expect(good.factors.first?.weight ?? 0 > 0)
        #expect(
            Set(good.factors.prefix(3).map(\.feature)) == [
                "source = referral", "email = business", "activity = engaged",
            ])
        // An unseen value neither raises nor lowers the odds much.
        let unseen = model.predict(
            Self.lead(source: "podcast", email: nil, interest: "Software", territory: "FR", category: nil))
        #expect(unseen.probability > 0.2 && unseen.probability < 0.8)
        // It keeps learning: a run of lost referrals lowers their probability.
        for _ in 0..<60 { model.learn(Self.lead(source: "referral", activity: 3), won: false) }
        #expect(model.predict(Self.lead(source: "referral", activity: 3)).probability < good.probability)
    }
}
