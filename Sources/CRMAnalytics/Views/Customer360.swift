public import CRMContacts
public import CRMCore
public import CRMLoyalty
public import CRMSales
public import CRMService
public import Foundation

/// Everything known about one customer, from every module, in one value: the person and their
/// organization, open deals, orders and their value, tickets and where their SLAs stand, loyalty standing,
/// consents, and the analytics of their value (RFM segment, P(alive), predicted lifetime value).
public struct Customer360: Sendable {
    /// A membership and its account.
    public struct LoyaltyStanding: Sendable {
        /// The membership.
        public let member: Member
        /// Its balances.
        public let account: PointsAccount?
    }

    /// The contact.
    public let contact: Contact
    /// Their organization.
    public let organization: Organization?
    /// The organization's opportunities that are still open.
    public let openOpportunities: [Opportunity]
    /// The organization's orders, oldest first.
    public let orders: [Order]
    /// What the orders came to, net of returns, per currency.
    public let orderValue: [Currency: Money]
    /// The contact's tickets, oldest first.
    public let tickets: [Ticket]
    /// The state that needs attention first, per active ticket with an SLA.
    public let slaStates: [CRMCore.ID<Ticket>: SLAState]
    /// Their loyalty memberships.
    public let loyalty: [LoyaltyStanding]
    /// Their consents.
    public let consents: ConsentLedger
    /// Their numbers in the customer-base analysis, when they are in it.
    public let value: CustomerBaseAnalysis.Customer?

    /// Assembles the profile of `contactID` at `now`; `analysis` is looked up by the contact's id.
    public static func assemble(
        _ contactID: CRMCore.ID<Contact>, contacts: any ContactStore, sales: any SalesStore, service: any ServiceStore,
        loyalty: any LoyaltyStore, analysis: CustomerBaseAnalysis? = nil, at now: Date
    ) async throws -> Customer360 {
        guard let contact = try await contacts.contact(contactID)?.value else {
            throw StorageError(.notFound, entity: "contact", id: contactID.rawValue, message: "no such contact")
        }
        let organization =
            try await contact.organizationID.asyncMap { try await contacts.organization($0)?.value } ?? nil
        let opportunities = try await contact.organizationID.asyncMap { try await sales.opportunities(of: $0) } ?? []
        let orders = try await contact.organizationID.asyncMap { try await sales.orders(of: $0) }?.map(\.value) ?? []
        var orderValue: [Currency: Money] = [:]
        for order in orders where order.placedAt != nil {
            orderValue[order.currency] = try orderValue[order.currency].map { try $0 + order.net } ?? order.net
        }
        let tickets = try await service.tickets(of: contactID).map(\.value)
        var states: [CRMCore.ID<Ticket>: SLAState] = [:]
        for ticket in tickets where ticket.isActive {
            if let state = try ticket.sla?.mostUrgentState(at: now) { states[ticket.id] = state }
        }
        var standings: [LoyaltyStanding] = []
        for member in try await loyalty.members(of: contactID) {
            standings.append(
                LoyaltyStanding(member: member.value, account: try await loyalty.account(of: member.value.id)))
        }
        return Customer360(
            contact: contact, organization: organization,
            openOpportunities: opportunities.map(\.value).filter { !$0.isClosed }, orders: orders,
            orderValue: orderValue, tickets: tickets, slaStates: states,
            loyalty: standings, consents: try await contacts.consentLedger(of: contactID),
            value: analysis?.customer(contactID.description))
    }
}

extension Optional {
    /// The async map of an optional.
    fileprivate func asyncMap<Result>(_ transform: (Wrapped) async throws -> Result) async rethrows -> Result? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
