import CRMCore
import Foundation

/// An index value as it is written in a record's JSON file.
///
/// JSON numbers cannot hold infinity, and a decimal rendering of a `Double` is easy to round by accident,
/// so doubles are kept as their exact bit pattern. Everything else is written as itself.
enum StoredValue: Codable, Equatable {
    case bool(Bool)
    case integer(Int64)
    case double(bitPattern: UInt64)
    case string(String)
    case date(bitPattern: UInt64)

    /// The file form of `value`; `nil` for ``IndexValue/absent``, which is simply not written.
    init?(_ value: IndexValue) {
        switch value {
        case .absent: return nil
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = .integer(number)
        case .double(let number): self = .double(bitPattern: number.bitPattern)
        case .string(let text): self = .string(text)
        case .date(let date): self = .date(bitPattern: date.timeIntervalSinceReferenceDate.bitPattern)
        }
    }

    /// The index value this file form stands for.
    var indexValue: IndexValue {
        switch self {
        case .bool(let flag): .bool(flag)
        case .integer(let number): .integer(number)
        case .double(let bits): .double(Double(bitPattern: bits))
        case .string(let text): .string(text)
        case .date(let bits): .date(Date(timeIntervalSinceReferenceDate: Double(bitPattern: bits)))
        }
    }
}
