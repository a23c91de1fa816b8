public import Foundation

/// The value of a user-defined field on a record, typed so that reports and filters can rely on it.
public enum CustomFieldValue: Hashable, Sendable, Codable {
    /// Free text.
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// An exact decimal number.
    case decimal(Decimal)
    /// Yes or no.
    case boolean(Bool)
    /// An instant or a calendar day (stored as its start).
    case date(Date)
    /// An amount of money.
    case money(Money)
    /// One option of a pick list.
    case choice(String)
    /// Several options of a pick list.
    case multiChoice([String])
    /// A link to another record.
    case reference(entity: String, id: RecordID)

    /// The kind of the value.
    public var kind: CustomFieldKind {
        switch self {
        case .text: .text
        case .integer: .integer
        case .decimal: .decimal
        case .boolean: .boolean
        case .date: .date
        case .money: .money
        case .choice: .choice
        case .multiChoice: .multiChoice
        case .reference: .reference
        }
    }
}

/// The kinds of ``CustomFieldValue``.
public enum CustomFieldKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Free text.
    case text
    /// A whole number.
    case integer
    /// An exact decimal number.
    case decimal
    /// Yes or no.
    case boolean
    /// An instant.
    case date
    /// An amount of money.
    case money
    /// One option of a pick list.
    case choice
    /// Several options of a pick list.
    case multiChoice
    /// A link to another record.
    case reference
}

/// The definition of a custom field: its name, kind and, for pick lists, the allowed options.
public struct CustomFieldDefinition: Hashable, Sendable, Codable {
    /// The field's name, such as `shoeSize`: a letter, then letters, digits or `_`, at most 64 characters.
    public let name: String
    /// The kind every value must have.
    public let kind: CustomFieldKind
    /// The allowed options of a ``CustomFieldKind/choice`` or ``CustomFieldKind/multiChoice`` field.
    public let options: [String]
    /// The entity a ``CustomFieldKind/reference`` must point to; `nil` allows any.
    public let referencedEntity: String?

    /// Creates a definition; pick lists need at least one option, other kinds none.
    public init(
        name: String, kind: CustomFieldKind, options: [String] = [], referencedEntity: String? = nil
    ) throws(ValidationError) {
        var check = ValidationCollector(subject: "CustomFieldDefinition")
        let validName =
            name.first?.isLetter == true && name.count <= 64
            && name.allSatisfy { ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII }
        if !validName {
            check.add(field: "name", reason: "must be an ASCII letter then letters, digits or _", value: name)
        }
        let isPickList = kind == .choice || kind == .multiChoice
        if isPickList && options.isEmpty {
            check.add(field: "options", reason: "a pick list needs at least one option")
        }
        if !isPickList && !options.isEmpty { check.add(field: "options", reason: "only pick lists have options") }
        if Set(options).count != options.count { check.add(field: "options", reason: "must not repeat an option") }
        try check.finish()
        self.name = name
        self.kind = kind
        self.options = options
        self.referencedEntity = referencedEntity
    }

    /// Checks that `value` fits this definition; the error names the field.
    public func validate(_ value: CustomFieldValue) throws(ValidationError) {
        let field = "custom.\(name)"
        guard value.kind == kind else {
            throw ValidationError(
                subject: "CustomField", field: field, reason: "must be \(kind.rawValue), not \(value.kind.rawValue)")
        }
        switch value {
        case .choice(let option) where !options.contains(option):
            throw ValidationError(
                subject: "CustomField", field: field, reason: "is not one of \(options)", value: option)
        case .multiChoice(let chosen):
            if let bad = chosen.first(where: { !options.contains($0) }) {
                throw ValidationError(
                    subject: "CustomField", field: field, reason: "is not one of \(options)", value: bad)
            }
        case .reference(let entity, _):
            if let referencedEntity, entity != referencedEntity {
                throw ValidationError(
                    subject: "CustomField", field: field, reason: "must reference \(referencedEntity)", value: entity)
            }
        default:
            break
        }
    }
}
