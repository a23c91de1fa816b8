public import Foundation

/// A scalar value of an indexed field, as it crosses the storage engine boundary.
///
/// The domain layer extracts these from its models; engines store, compare and query them without ever
/// decoding a payload. All values share one total order, which every engine must follow and the
/// conformance kit checks:
///
/// 1. by kind: ``absent`` < ``bool(_:)`` < ``integer(_:)`` < ``double(_:)`` < ``string(_:)`` < ``date(_:)``;
/// 2. within a kind: `false < true`; numbers numerically; strings by their UTF-8 bytes (so the order is
///    the same in every engine and locale, and `"B" < "a"`); dates chronologically.
///
/// A field should hold one kind of value; mixing kinds is allowed but sorts by kind first.
/// Strings are compared and matched by their exact bytes: normalize them (case, Unicode form) in the domain
/// layer when a case-insensitive lookup is wanted. `Double.nan` is not a valid value.
public enum IndexValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The field has no value; sorts first. Unique indexes ignore absent values.
    case absent
    /// A boolean.
    case bool(Bool)
    /// A signed 64-bit integer, such as money in minor units.
    case integer(Int64)
    /// A finite or infinite double (not NaN).
    case double(Double)
    /// A string, compared by UTF-8 bytes.
    case string(String)
    /// An instant.
    case date(Date)

    /// The position of the kind in the total order.
    package var rank: UInt8 {
        switch self {
        case .absent: 0
        case .bool: 1
        case .integer: 2
        case .double: 3
        case .string: 4
        case .date: 5
        }
    }

    /// Equal when of the same kind and value; strings must match byte for byte.
    public static func == (lhs: IndexValue, rhs: IndexValue) -> Bool {
        switch (lhs, rhs) {
        case (.absent, .absent): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.string(let a), .string(let b)): UTF8Order.compare(a, b) == 0
        case (.date(let a), .date(let b)): a == b
        default: false
        }
    }

    /// Hashes kind and value (byte-equal strings are canonically equal, so `String`'s hash is consistent).
    public func hash(into hasher: inout Hasher) {
        hasher.combine(rank)
        switch self {
        case .absent: break
        case .bool(let value): hasher.combine(value)
        case .integer(let value): hasher.combine(value)
        case .double(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .date(let value): hasher.combine(value)
        }
    }

    /// The total order described on the type.
    public static func < (lhs: IndexValue, rhs: IndexValue) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// -1, 0 or 1 as `lhs` sorts before, with or after `rhs`: one pass for both equality and order.
    static func compare(_ lhs: IndexValue, _ rhs: IndexValue) -> Int {
        switch (lhs, rhs) {
        case (.absent, .absent): return 0
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.integer(let a), .integer(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.double(let a), .double(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        case (.string(let a), .string(let b)): return UTF8Order.compare(a, b)
        case (.date(let a), .date(let b)): return a == b ? 0 : (a < b ? -1 : 1)
        default: return lhs.rank < rhs.rank ? -1 : 1
        }
    }

    /// Whether this is a string that starts with `prefix`, byte for byte.
    func hasPrefix(_ prefix: String) -> Bool {
        guard case .string(let value) = self else { return false }
        return UTF8Order.hasPrefix(value, prefix)
    }

    /// A short form for messages: `"ada@example.com"`, `42`, `absent`.
    public var description: String {
        switch self {
        case .absent: "absent"
        case .bool(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .double(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .date(let value): value.formatted(.iso8601)
        }
    }

    /// Whether the value may be stored: everything but NaN.
    var isStorable: Bool {
        if case .double(let value) = self { return !value.isNaN }
        return true
    }
}
