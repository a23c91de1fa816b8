/// Where a contact stands in its relationship with the business, from first touch to former customer.
///
/// The stages follow the usual marketing-to-sales funnel (as in HubSpot's and Salesforce's lifecycle
/// fields); ``custom(_:)`` holds a stage a business defines for itself.
public enum LifecycleStage: ExtensibleChoice {
    /// Receives newsletters or updates; no sales interest shown yet.
    case subscriber
    /// Has shown interest (a form, a download, an event).
    case lead
    /// Qualified by marketing as likely to buy.
    case marketingQualified
    /// Accepted by sales for direct follow-up.
    case salesQualified
    /// In an active sales conversation.
    case prospect
    /// Has bought.
    case customer
    /// Recommends the business to others.
    case evangelist
    /// Used to be a customer.
    case formerCustomer
    /// A stage the business defines, by name.
    case custom(String)

    /// The standard stages, in funnel order.
    public static let standard: [LifecycleStage] = [
        .subscriber, .lead, .marketingQualified, .salesQualified, .prospect, .customer, .evangelist, .formerCustomer,
    ]

    /// The stable name stored and indexed: `customer`, `custom:partner`.
    public var description: String {
        switch self {
        case .subscriber: "subscriber"
        case .lead: "lead"
        case .marketingQualified: "marketingQualified"
        case .salesQualified: "salesQualified"
        case .prospect: "prospect"
        case .customer: "customer"
        case .evangelist: "evangelist"
        case .formerCustomer: "formerCustomer"
        case .custom(let name): "custom:\(name)"
        }
    }
}
