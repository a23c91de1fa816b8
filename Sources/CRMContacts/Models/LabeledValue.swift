import CRMCore

/// One of a contact's email addresses or phone numbers, with a label and whether it is the primary one.
public struct LabeledValue<Value: Hashable & Sendable & Codable>: Hashable, Sendable, Codable {
    /// The address or number.
    public var value: Value
    /// What it is for: `work`, `home`, `mobile`, or any label.
    public var label: String
    /// Whether it is the one to use first; a contact has exactly one primary value of each kind.
    public var isPrimary: Bool

    /// Creates an entry.
    public init(_ value: Value, label: String = "", isPrimary: Bool = false) {
        self.value = value
        self.label = label
        self.isPrimary = isPrimary
    }
}

extension Array {
    /// The entries with exactly one primary: the one marked, or the first when none is. More than one
    /// marked primary is an error for `field`.
    static func withOnePrimary<Value>(_ entries: [LabeledValue<Value>], field: String, check: inout ValidationCollector)
        -> [LabeledValue<Value>] where Element == LabeledValue<Value>
    {
        var entries = entries
        let primaries = entries.indices.filter { entries[$0].isPrimary }
        if primaries.count > 1 {
            check.add(field: field, reason: "has \(primaries.count) primary entries; exactly one may be primary")
        } else if primaries.isEmpty, !entries.isEmpty {
            entries[0].isPrimary = true
        }
        return entries
    }
}
