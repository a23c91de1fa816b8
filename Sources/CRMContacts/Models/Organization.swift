public import CRMCore

/// A company or other body the business deals with (an account), possibly part of a larger one.
public struct Organization: Hashable, Sendable, Codable, Identifiable {
    /// The organization's id.
    public var id: CRMCore.ID<Organization>
    /// Its name.
    public var name: String
    /// Its web domain, lowercased, such as `example.com`.
    public var domain: String?
    /// Its industry, such as `Retail`.
    public var industry: String
    /// How many people work there, if known.
    public var employeeCount: Int?
    /// The organization it belongs to; the hierarchy may have no cycles, which stores check.
    public var parentID: CRMCore.ID<Organization>?
    /// Postal addresses.
    public var addresses: [PostalAddress]
    /// The user responsible for the account.
    public var owner: Principal?
    /// The kind of customer.
    public var category: CustomerCategory?
    /// Free labels.
    public var tags: Set<CRMCore.Tag>
    /// Values of the business's own fields, by field name.
    public var customFields: [String: CustomFieldValue]
    /// Its ids in other systems.
    public var externalIDs: Set<ExternalID>

    /// Creates an organization and validates it.
    public init(
        id: CRMCore.ID<Organization>, name: String, domain: String? = nil, industry: String = "",
        employeeCount: Int? = nil,
        parentID: CRMCore.ID<Organization>? = nil, addresses: [PostalAddress] = [], owner: Principal? = nil,
        category: CustomerCategory? = nil, tags: Set<CRMCore.Tag> = [], customFields: [String: CustomFieldValue] = [:],
        externalIDs: Set<ExternalID> = []
    ) throws(ValidationError) {
        self.id = id
        self.name = name
        self.domain = domain
        self.industry = industry
        self.employeeCount = employeeCount
        self.parentID = parentID
        self.addresses = addresses
        self.owner = owner
        self.category = category
        self.tags = tags
        self.customFields = customFields
        self.externalIDs = externalIDs
        self = try validated()
    }

    /// The organization checked, with its name trimmed and domain lowercased. Throws every problem: an empty
    /// name or one over 200 characters, a domain that is not a host name, a negative employee count, itself as
    /// its parent, a bad custom field name.
    public func validated() throws(ValidationError) -> Organization {
        var check = ValidationCollector(subject: "Organization")
        var result = self
        result.name = name.trimmingWhitespace()
        if result.name.isEmpty || result.name.count > 200 {
            check.add(field: "name", reason: "must be 1 to 200 characters", value: name)
        }
        if let domain {
            let host = domain.lowercased()
            let labels = host.split(separator: ".", omittingEmptySubsequences: false)
            let valid =
                labels.count >= 2 && host.count <= 253
                && labels.allSatisfy { label in
                    (1...63).contains(label.count) && !label.hasPrefix("-") && !label.hasSuffix("-")
                        && label.unicodeScalars.allSatisfy {
                            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
                        }
                }
            if valid {
                result.domain = host
            } else {
                check.add(field: "domain", reason: "must be a host name such as example.com", value: domain)
            }
        }
        if let employeeCount, employeeCount < 0 {
            check.add(field: "employeeCount", reason: "must not be negative", value: "\(employeeCount)")
        }
        if parentID == id { check.add(field: "parentID", reason: "an organization cannot be its own parent") }
        for name in customFields.keys where !EntitySchema.isValidName(name) {
            check.add(field: "customFields", reason: "field names must be 1 to 64 of [A-Za-z0-9_.-]", value: name)
        }
        try check.finish()
        return result
    }
}
