/// A value bound to a statement parameter or read from a result column.
///
/// Engines bind values only through parameters, never by writing them into SQL text.
package enum SQLValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// A double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes.
    case blob([UInt8])

    package var integer: Int64? {
        if case .integer(let value) = self { value } else { nil }
    }

    package var real: Double? {
        if case .real(let value) = self { value } else { nil }
    }

    package var text: String? {
        if case .text(let value) = self { value } else { nil }
    }

    package var blob: [UInt8]? {
        if case .blob(let value) = self { value } else { nil }
    }
}

/// One result row: its values in the order of the statement's columns.
package typealias SQLRow = [SQLValue]
