/// The kind of customer, for segmenting and for rules that differ by market.
public enum CustomerCategory: ExtensibleChoice {
    /// A private person.
    case consumer
    /// A small or medium business.
    case smallBusiness
    /// A large company.
    case enterprise
    /// A school, university or other educational body.
    case education
    /// A public authority.
    case government
    /// A charity or other non-profit organization.
    case nonProfit
    /// A category the business defines, by name.
    case custom(String)

    /// The standard categories.
    public static let standard: [CustomerCategory] = [
        .consumer, .smallBusiness, .enterprise, .education, .government, .nonProfit,
    ]

    /// The stable name stored and indexed: `enterprise`, `custom:reseller`.
    public var description: String {
        switch self {
        case .consumer: "consumer"
        case .smallBusiness: "smallBusiness"
        case .enterprise: "enterprise"
        case .education: "education"
        case .government: "government"
        case .nonProfit: "nonProfit"
        case .custom(let name): "custom:\(name)"
        }
    }
}
