public import CRMContacts
public import CRMCore

/// A person who may become a customer, before qualification: their contact data, where they came from,
/// what they are interested in, and where they stand.
public struct Lead: Hashable, Sendable, Codable, Identifiable {
    /// Where a lead stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Not yet looked at.
        case new
        /// Being contacted.
        case working
        /// Not ready; kept warm with marketing.
        case nurturing
        /// Ready to convert.
        case qualified
        /// Not a fit.
        case unqualified
        /// Converted into a contact (and maybe an opportunity).
        case converted
    }

    /// The lead's id.
    public var id: CRMCore.ID<Lead>
    /// The person's name.
    public var name: PersonName
    /// The company they work for, as given.
    public var company: String
    /// Their email address.
    public var email: EmailAddress?
    /// Their phone number.
    public var phone: PhoneNumber?
    /// Where the lead came from: `web form`, `trade show`, `referral`.
    public var source: String
    /// Where it stands.
    public var status: Status
    /// The seller working it.
    public var owner: Principal?
    /// What they are interested in, such as a product family.
    public var interest: String
    /// The sales territory, such as `EMEA` or `UK-North`.
    public var territory: String
    /// The kind of customer they would be.
    public var category: CustomerCategory?
    /// How many interactions the lead has had (calls, emails, visits), for scoring.
    public var activityCount: Int
    /// The campaign that sourced it.
    public var campaignID: CRMCore.ID<Campaign>?
    /// What the lead became when converted.
    public var conversion: Conversion?

    /// The records a converted lead became.
    public struct Conversion: Hashable, Sendable, Codable {
        /// The contact (new, or the existing one it merged into).
        public var contactID: CRMCore.ID<Contact>
        /// The organization, if the lead named a company.
        public var organizationID: CRMCore.ID<Organization>?
        /// The opportunity, if one was opened.
        public var opportunityID: CRMCore.ID<Opportunity>?
    }

    /// Creates a lead.
    public init(
        id: CRMCore.ID<Lead>, name: PersonName, company: String = "", email: EmailAddress? = nil,
        phone: PhoneNumber? = nil,
        source: String = "", status: Status = .new, owner: Principal? = nil, interest: String = "",
        territory: String = "",
        category: CustomerCategory? = nil, activityCount: Int = 0, campaignID: CRMCore.ID<Campaign>? = nil
    ) {
        self.id = id
        self.name = name
        self.company = company
        self.email = email
        self.phone = phone
        self.source = source
        self.status = status
        self.owner = owner
        self.interest = interest
        self.territory = territory
        self.category = category
        self.activityCount = activityCount
        self.campaignID = campaignID
    }

    /// Whether the email address is at a free mail provider rather than a company domain.
    public var usesFreeMail: Bool {
        guard let domain = email?.domain else { return false }
        return Self.freeMailDomains.contains(String(domain))
    }

    static let freeMailDomains: Set<String> = [
        "gmail.com", "googlemail.com", "yahoo.com", "hotmail.com", "outlook.com", "live.com", "aol.com", "icloud.com",
        "me.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de", "web.de", "mail.com", "yandex.com",
    ]
}
