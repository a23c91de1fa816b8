public import CRMContacts
public import CRMCore
public import Foundation

/// A customer's answer to a satisfaction survey about a ticket.
public struct SatisfactionResponse: Hashable, Sendable, Codable, Identifiable {
    /// The question asked and the score given.
    public enum Score: Hashable, Sendable, Codable {
        /// Customer satisfaction: "How satisfied were you?", 1 (very unsatisfied) to 5 (very satisfied).
        case csat(Int)
        /// Net Promoter Score: "How likely are you to recommend us?", 0 to 10.
        case nps(Int)
    }

    /// The response's id.
    public let id: CRMCore.ID<SatisfactionResponse>
    /// The ticket it is about.
    public let ticketID: CRMCore.ID<Ticket>
    /// Who answered.
    public let contactID: CRMCore.ID<Contact>?
    /// The score.
    public let score: Score
    /// What the customer wrote.
    public let comment: String
    /// When it was given.
    public let at: Date

    /// Creates a response; a CSAT score lies in 1...5 and an NPS score in 0...10.
    public init(
        id: CRMCore.ID<SatisfactionResponse>, ticketID: CRMCore.ID<Ticket>, contactID: CRMCore.ID<Contact>? = nil,
        score: Score, comment: String = "", at now: Date
    ) throws(ValidationError) {
        switch score {
        case .csat(let value) where !(1...5).contains(value):
            throw ValidationError(
                subject: "SatisfactionResponse", field: "score", reason: "CSAT is 1 to 5", value: "\(value)")
        case .nps(let value) where !(0...10).contains(value):
            throw ValidationError(
                subject: "SatisfactionResponse", field: "score", reason: "NPS is 0 to 10", value: "\(value)")
        default: break
        }
        self.id = id
        self.ticketID = ticketID
        self.contactID = contactID
        self.score = score
        self.comment = comment
        self.at = now
    }
}

/// CSAT and NPS over a set of responses.
///
/// CSAT is the share of satisfied answers (4 or 5 of 5), the usual definition; NPS is the percentage of
/// promoters (9 or 10) minus the percentage of detractors (0 to 6), as Reichheld defined it ("The One Number
/// You Need to Grow", Harvard Business Review, 2003).
public struct SatisfactionSummary: Hashable, Sendable {
    /// How many CSAT answers there were.
    public let csatResponses: Int
    /// The share of CSAT answers of 4 or 5, from 0 to 1; `nil` without answers.
    public let csat: Double?
    /// The mean CSAT score; `nil` without answers.
    public let averageCSAT: Double?
    /// How many NPS answers there were.
    public let npsResponses: Int
    /// Answers of 9 or 10.
    public let promoters: Int
    /// Answers of 7 or 8.
    public let passives: Int
    /// Answers of 0 to 6.
    public let detractors: Int

    /// Summarizes `responses`.
    public init(_ responses: [SatisfactionResponse]) {
        var csatScores: [Int] = []
        var npsScores: [Int] = []
        for response in responses {
            switch response.score {
            case .csat(let value): csatScores.append(value)
            case .nps(let value): npsScores.append(value)
            }
        }
        csatResponses = csatScores.count
        csat = csatScores.isEmpty ? nil : Double(csatScores.filter { $0 >= 4 }.count) / Double(csatScores.count)
        averageCSAT = csatScores.isEmpty ? nil : Double(csatScores.reduce(0, +)) / Double(csatScores.count)
        npsResponses = npsScores.count
        promoters = npsScores.filter { $0 >= 9 }.count
        passives = npsScores.filter { $0 == 7 || $0 == 8 }.count
        detractors = npsScores.filter { $0 <= 6 }.count
    }

    /// The Net Promoter Score, from -100 to 100; `nil` without answers.
    public var nps: Double? {
        npsResponses == 0 ? nil : Double(promoters - detractors) * 100 / Double(npsResponses)
    }
}
