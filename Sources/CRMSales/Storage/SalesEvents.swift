public import CRMContacts
public import CRMCore
public import Foundation

/// An opportunity reached a won stage.
public struct OpportunityWon: DomainEvent, Hashable {
    /// The opportunity.
    public let opportunityID: ID<Opportunity>
    /// The customer.
    public let accountID: ID<Organization>?
    /// The amount won.
    public let amount: Money
    /// When it was won.
    public let at: Date
}

/// An opportunity was closed as lost.
public struct OpportunityLost: DomainEvent, Hashable {
    /// The opportunity.
    public let opportunityID: ID<Opportunity>
    /// Why it was lost.
    public let reason: String
    /// When it was lost.
    public let at: Date
}

/// An order was placed.
public struct OrderPlaced: DomainEvent, Hashable {
    /// The order.
    public let orderID: ID<Order>
    /// The customer.
    public let accountID: ID<Organization>?
    /// Its net amount.
    public let net: Money
    /// When it was placed.
    public let at: Date
}

/// Units of an order came back.
public struct OrderReturned: DomainEvent, Hashable {
    /// The order.
    public let orderID: ID<Order>
    /// The net amount still kept after the return.
    public let remainingNet: Money
    /// Whether every unit came back.
    public let isFullReturn: Bool
}
