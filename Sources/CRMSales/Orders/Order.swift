public import CRMContacts
public import CRMCore
public import Foundation

/// A confirmed sale: what was ordered, through which channel, and what happened to it since, including
/// returns and cancellation.
public struct Order: Hashable, Sendable, Codable, Identifiable {
    /// How the sale was made.
    public enum Channel: String, Hashable, Sendable, Codable, CaseIterable {
        /// By the business's own sellers.
        case direct
        /// Online, by the customer.
        case online
        /// Through a reselling partner.
        case partner
        /// Through a franchisee.
        case franchise
        /// Through an agent on commission.
        case agent
    }

    /// Where an order stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Not yet confirmed.
        case draft
        /// Confirmed by the customer.
        case placed
        /// Delivered.
        case fulfilled
        /// Some units came back.
        case partiallyReturned
        /// Every unit came back.
        case returned
        /// Called off before delivery.
        case cancelled
    }

    /// One ordered line with what came back of it.
    public struct Line: Hashable, Sendable, Codable {
        /// The product.
        public let productID: CRMCore.ID<Product>
        /// The quantity ordered.
        public let quantity: Decimal
        /// The net amount ordered.
        public let net: Money
        /// The tax of the amount ordered.
        public let tax: Money
        /// The quantity returned so far.
        public internal(set) var returnedQuantity: Decimal = 0
        /// The net amount refunded so far.
        public internal(set) var refundedNet: Money
        /// The tax refunded so far.
        public internal(set) var refundedTax: Money
    }

    /// The order's id.
    public let id: CRMCore.ID<Order>
    /// The quote it came from.
    public let quoteID: CRMCore.ID<Quote>?
    /// The customer.
    public let accountID: CRMCore.ID<Organization>?
    /// The sales channel.
    public let channel: Channel
    /// The currency of every amount.
    public let currency: Currency
    /// The lines.
    public private(set) var lines: [Line]
    /// Where it stands.
    public private(set) var status: Status
    /// When it was placed.
    public private(set) var placedAt: Date?
    /// When it was shipped.
    public private(set) var shippedAt: Date?
    /// When it was delivered: the completion date.
    public private(set) var fulfilledAt: Date?

    /// A draft order of a quote's priced lines.
    init(id: CRMCore.ID<Order>, quote: Quote, channel: Channel) {
        self.id = id
        self.quoteID = quote.id
        self.accountID = quote.accountID
        self.channel = channel
        self.currency = quote.currency
        self.lines = quote.priced.lines.map { line in
            Line(
                productID: line.request.productID, quantity: line.request.quantity, net: line.net, tax: line.tax,
                refundedNet: .zero(quote.currency), refundedTax: .zero(quote.currency))
        }
        self.status = .draft
    }

    /// The net total after refunds; zero once cancelled.
    public var net: Money {
        guard status != .cancelled else { return .zero(currency) }
        return Money(
            minorUnits: lines.reduce(0) { $0 + $1.net.minorUnits - $1.refundedNet.minorUnits }, currency: currency)
    }

    /// The tax total after refunds; zero once cancelled.
    public var tax: Money {
        guard status != .cancelled else { return .zero(currency) }
        return Money(
            minorUnits: lines.reduce(0) { $0 + $1.tax.minorUnits - $1.refundedTax.minorUnits }, currency: currency)
    }

    /// Confirms the order.
    public mutating func place(at now: Date) throws(OrderError) {
        guard status == .draft else { throw .invalidTransition(from: status.rawValue, to: Status.placed.rawValue) }
        status = .placed
        placedAt = now
    }

    /// Records the shipping date of a placed order.
    public mutating func ship(at now: Date) throws(OrderError) {
        guard status == .placed, shippedAt == nil else {
            throw .invalidTransition(from: status.rawValue, to: "shipped")
        }
        shippedAt = now
    }

    /// Records the delivery.
    public mutating func fulfill(at now: Date) throws(OrderError) {
        guard status == .placed else { throw .invalidTransition(from: status.rawValue, to: Status.fulfilled.rawValue) }
        status = .fulfilled
        fulfilledAt = now
    }

    /// Calls the order off; only before it ships. Its totals become zero.
    public mutating func cancel() throws(OrderError) {
        guard status == .draft || (status == .placed && shippedAt == nil) else {
            throw .invalidTransition(from: status.rawValue, to: Status.cancelled.rawValue)
        }
        status = .cancelled
    }

    /// Takes back `quantity` units of line `index` of a fulfilled order and refunds their share of the line's
    /// net and tax. Shares are allocated so that returning every unit, in any steps, refunds the line exactly.
    /// Returns the refund (net plus tax).
    @discardableResult
    public mutating func returnUnits(_ quantity: Decimal, ofLine index: Int) throws(OrderError) -> Money {
        guard status == .fulfilled || status == .partiallyReturned else {
            throw .invalidTransition(from: status.rawValue, to: Status.returned.rawValue)
        }
        guard lines.indices.contains(index) else { throw .noSuchLine(index) }
        var line = lines[index]
        guard quantity > 0, line.returnedQuantity + quantity <= line.quantity else {
            throw .invalidReturn(line: index, quantity: quantity, returnable: line.quantity - line.returnedQuantity)
        }
        let returned = line.returnedQuantity + quantity
        // The refund so far is the returned share of the line, rounded; this step refunds the difference.
        func share(_ total: Money) -> Int64 {
            let exact = Decimal(total.minorUnits) * returned / line.quantity
            // A share of the total is no larger than it, so rounding it cannot overflow.
            return (try? Money.round(exact, rule: .halfEven, operation: "return")) ?? total.minorUnits
        }
        let netNow = Money(minorUnits: share(line.net), currency: currency)
        let taxNow = Money(minorUnits: share(line.tax), currency: currency)
        let refund = Money(
            minorUnits: netNow.minorUnits - line.refundedNet.minorUnits + taxNow.minorUnits
                - line.refundedTax.minorUnits,
            currency: currency)
        line.returnedQuantity = returned
        line.refundedNet = netNow
        line.refundedTax = taxNow
        lines[index] = line
        status = lines.allSatisfy { $0.returnedQuantity == $0.quantity } ? .returned : .partiallyReturned
        return refund
    }
}

/// Why a quote or order change was refused.
public enum OrderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The change does not follow from the current status.
    case invalidTransition(from: String, to: String)
    /// The quote is past its validity date.
    case quoteExpired(Date)
    /// The order has no such line.
    case noSuchLine(Int)
    /// More units than remain, or not a positive quantity.
    case invalidReturn(line: Int, quantity: Decimal, returnable: Decimal)
    /// Pricing the lines failed.
    case pricing(PricingError)

    /// What was refused and why.
    public var description: String {
        switch self {
        case .invalidTransition(let from, let to): "cannot go from \(from) to \(to)"
        case .quoteExpired(let date): "the quote expired at \(date.formatted(.iso8601))"
        case .noSuchLine(let index): "the order has no line \(index + 1)"
        case .invalidReturn(let line, let quantity, let returnable):
            "line \(line + 1): cannot return \(quantity); \(returnable) can be returned"
        case .pricing(let error): "\(error)"
        }
    }
}
