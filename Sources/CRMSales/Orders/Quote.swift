public import CRMContacts
public import CRMCore
public import Foundation

/// A priced offer to a customer, valid until a date; revising it makes a new version.
public struct Quote: Hashable, Sendable, Codable, Identifiable {
    /// Where a quote stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Being prepared.
        case draft
        /// Sent to the customer.
        case sent
        /// Accepted: an order was made from it.
        case accepted
        /// Declined by the customer.
        case rejected
        /// Replaced by a newer version.
        case superseded
    }

    /// The quote's id, shared by all its versions.
    public let id: CRMCore.ID<Quote>
    /// The version, from 1.
    public let version: Int
    /// The opportunity it belongs to.
    public var opportunityID: CRMCore.ID<Opportunity>?
    /// The customer.
    public var accountID: CRMCore.ID<Organization>?
    /// The customer's category, for pricing.
    public var category: CustomerCategory?
    /// The lines and their prices.
    public private(set) var priced: PricedDocument
    /// The currency of every amount.
    public let currency: Currency
    /// When it was priced.
    public let pricedOn: Date
    /// The last moment it can be accepted.
    public var validUntil: Date
    /// Where it stands.
    public private(set) var status: Status

    /// Prices `lines` with `engine` on `date` and opens version 1 as a draft.
    public init(
        id: CRMCore.ID<Quote>, lines: [LineRequest], engine: PricingEngine, currency: Currency, on date: Date,
        validUntil: Date, category: CustomerCategory? = nil, opportunityID: CRMCore.ID<Opportunity>? = nil,
        accountID: CRMCore.ID<Organization>? = nil
    ) throws(PricingError) {
        self.id = id
        self.version = 1
        self.opportunityID = opportunityID
        self.accountID = accountID
        self.category = category
        self.priced = try engine.price(lines, currency: currency, on: date, category: category)
        self.currency = currency
        self.pricedOn = date
        self.validUntil = validUntil
        self.status = .draft
    }

    private init(revising quote: Quote, priced: PricedDocument, on date: Date, validUntil: Date) {
        id = quote.id
        version = quote.version + 1
        opportunityID = quote.opportunityID
        accountID = quote.accountID
        category = quote.category
        self.priced = priced
        currency = quote.currency
        pricedOn = date
        self.validUntil = validUntil
        status = .draft
    }

    /// The next version, with `lines` priced anew on `date`; this version becomes superseded.
    public mutating func revise(
        lines: [LineRequest], engine: PricingEngine, on date: Date, validUntil: Date
    ) throws(OrderError) -> Quote {
        guard status == .draft || status == .sent else {
            throw .invalidTransition(from: status.rawValue, to: "revised")
        }
        let priced: PricedDocument
        do {
            priced = try engine.price(lines, currency: currency, on: date, category: category)
        } catch {
            throw .pricing(error)
        }
        status = .superseded
        return Quote(revising: self, priced: priced, on: date, validUntil: validUntil)
    }

    /// Marks the quote sent.
    public mutating func send() throws(OrderError) {
        guard status == .draft else { throw .invalidTransition(from: status.rawValue, to: Status.sent.rawValue) }
        status = .sent
    }

    /// Marks the quote rejected.
    public mutating func reject() throws(OrderError) {
        guard status == .sent else { throw .invalidTransition(from: status.rawValue, to: Status.rejected.rawValue) }
        status = .rejected
    }

    /// Accepts the quote at `now`, which must be before ``validUntil``, and returns the order made from it.
    public mutating func accept(at now: Date, orderID: CRMCore.ID<Order>, channel: Order.Channel) throws(OrderError)
        -> Order
    {
        guard status == .sent || status == .draft else {
            throw .invalidTransition(from: status.rawValue, to: Status.accepted.rawValue)
        }
        guard now <= validUntil else { throw .quoteExpired(validUntil) }
        status = .accepted
        return Order(id: orderID, quote: self, channel: channel)
    }
}
