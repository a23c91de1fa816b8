public import CRMCore

/// A contact field a CSV column can be imported into.
public enum ImportField: Hashable, Sendable, CustomStringConvertible {
    /// The given name.
    case givenName
    /// The family name.
    case familyName
    /// The middle name.
    case middleName
    /// An email address (added to the contact's addresses).
    case email
    /// A phone number (added to the contact's numbers).
    case phone
    /// The street line of the address.
    case street
    /// The town or city of the address.
    case locality
    /// The region of the address.
    case region
    /// The postal code of the address.
    case postalCode
    /// The two-letter country code of the address.
    case country
    /// The birthday, in the options' date format.
    case birthday
    /// The job title.
    case jobTitle
    /// The organization's name: an existing organization of that name, or a new one.
    case organization
    /// The contact's id in the options' external system.
    case externalID
    /// Tags, separated by the options' tag separator.
    case tags
    /// A note, recorded as an internal interaction.
    case notes
    /// A custom field, named after `custom.`.
    case custom(String)

    /// Every importable name but the custom fields.
    public static let named: [ImportField] = [
        .givenName, .familyName, .middleName, .email, .phone, .street, .locality, .region, .postalCode, .country,
        .birthday, .jobTitle, .organization, .externalID, .tags, .notes,
    ]

    /// Reads a field name: `givenName`, …, `custom.<name>`.
    public init(name: String) throws(ValidationError) {
        if let field = Self.named.first(where: { $0.description == name }) {
            self = field
        } else if name.hasPrefix("custom."), EntitySchema.isValidName(String(name.dropFirst(7))) {
            self = .custom(String(name.dropFirst(7)))
        } else {
            throw ValidationError(
                subject: "ContactImportOptions", field: "mapping",
                reason: "is not an importable field (givenName, familyName, …, custom.<name>)", value: name)
        }
    }

    /// The field's name in a mapping.
    public var description: String {
        switch self {
        case .givenName: "givenName"
        case .familyName: "familyName"
        case .middleName: "middleName"
        case .email: "email"
        case .phone: "phone"
        case .street: "street"
        case .locality: "locality"
        case .region: "region"
        case .postalCode: "postalCode"
        case .country: "country"
        case .birthday: "birthday"
        case .jobTitle: "jobTitle"
        case .organization: "organization"
        case .externalID: "externalID"
        case .tags: "tags"
        case .notes: "notes"
        case .custom(let name): "custom.\(name)"
        }
    }
}

/// How a CSV file of contacts is read and applied.
public struct ContactImportOptions: Sendable {
    /// The natural key that finds the contact a row updates.
    public enum NaturalKey: Sendable, Hashable {
        /// The row's email address.
        case email
        /// The row's phone number.
        case phone
        /// The row's external id.
        case externalID
    }

    /// For each column header, the name of the field it fills (see ``ImportField``); unmapped columns are
    /// ignored.
    public var mapping: [String: String]
    /// What finds an existing contact, so a second import updates instead of duplicating.
    public var naturalKey: NaturalKey
    /// The pattern of dates: `yyyy`, `MM` and `dd` with any separators, such as `yyyyMMdd` or `dd/MM/yyyy`.
    public var dateFormat: String
    /// The region of phone numbers written without a country code, such as `GB`.
    public var defaultRegion: String?
    /// The system the `externalID` column's ids belong to.
    public var externalSystem: String
    /// What separates tags in the `tags` column.
    public var tagSeparator: Character
    /// Import the valid rows and report the others, instead of importing nothing when a row is invalid.
    public var skipInvalidRows: Bool
    /// Report what would change without writing anything.
    public var dryRun: Bool

    /// Creates options.
    public init(
        mapping: [String: String], naturalKey: NaturalKey = .email, dateFormat: String = "yyyy-MM-dd",
        defaultRegion: String? = nil, externalSystem: String = "import", tagSeparator: Character = ";",
        skipInvalidRows: Bool = false, dryRun: Bool = false
    ) {
        self.mapping = mapping
        self.naturalKey = naturalKey
        self.dateFormat = dateFormat
        self.defaultRegion = defaultRegion
        self.externalSystem = externalSystem
        self.tagSeparator = tagSeparator
        self.skipInvalidRows = skipInvalidRows
        self.dryRun = dryRun
    }
}

/// One problem with one row of an import: its line, the field, and why.
public struct ImportIssue: Hashable, Sendable, CustomStringConvertible {
    /// The line of the file (the header is line 1).
    public let line: Int
    /// The import field (or column) concerned.
    public let field: String
    /// What is wrong.
    public let reason: String

    /// Creates an issue.
    public init(line: Int, field: String, reason: String) {
        self.line = line
        self.field = field
        self.reason = reason
    }

    /// `line 7, email: must contain one @`.
    public var description: String { "line \(line), \(field): \(reason)" }
}

/// An import that was refused: nothing was written.
public struct ImportRefused: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every problem found, in line order.
    public let issues: [ImportIssue]

    /// Creates the error.
    public init(issues: [ImportIssue]) {
        self.issues = issues
    }

    /// One issue per line.
    public var description: String {
        "the import was refused; nothing was written:\n" + issues.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// What an import did, or would do in a dry run.
public struct ImportReport: Hashable, Sendable {
    /// The lines that created contacts.
    public var inserted: [Int] = []
    /// The lines that changed existing contacts.
    public var updated: [Int] = []
    /// The lines whose contacts already held the same values.
    public var unchanged: [Int] = []
    /// The problems of rows that were skipped (with ``ContactImportOptions/skipInvalidRows``).
    public var skipped: [ImportIssue] = []
    /// The organizations created for names not found.
    public var createdOrganizations: [String] = []
    /// Whether nothing was written.
    public var isDryRun = false
}
