/// A 128-bit, time-ordered, sortable identifier with a stable 26-character string form.
///
/// The layout follows the ULID specification (github.com/ulid/spec): the first 48 bits are the creation
/// time in milliseconds since 1970, the other 80 bits are random. Ids therefore sort by creation time,
/// both as values and as strings, which keeps logs, change feeds and pages in a natural order. The string
/// form is Crockford's base 32 in upper case; parsing accepts lower case and the usual look-alike letters
/// (`I`, `L` read as `1`, `O` as `0`).
///
/// Create ids with an ``IDGenerator`` so that tests can control time and randomness.
public struct RecordID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The upper 64 bits: 48 bits of milliseconds, then the first 16 random bits.
    public let high: UInt64
    /// The lower 64 random bits.
    public let low: UInt64

    /// Creates an id from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Creates an id from a timestamp and 80 bits of randomness (only the low 16 bits of `randomHigh` count).
    public init(milliseconds: UInt64, randomHigh: UInt16, randomLow: UInt64) {
        precondition(milliseconds < 1 << 48, "ULID time must fit in 48 bits")
        self.init(high: milliseconds << 16 | UInt64(randomHigh), low: randomLow)
    }

    /// The creation time encoded in the id, in milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: UInt64 { high >> 16 }

    /// Orders by creation time first, then by the random part.
    public static func < (lhs: RecordID, rhs: RecordID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    /// The 26-character Crockford base 32 form.
    public var description: String { string }

    /// The 26-character Crockford base 32 form.
    public var string: String {
        var characters = [UInt8](repeating: 0, count: 26)
        // 130 bits of space for 128 bits: the first character carries only the top 3 bits.
        for index in 0..<26 {
            let shift = 125 - 5 * index
            characters[index] = Self.alphabet[Int(bits(at: shift))]
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// Parses the 26-character form; throws a ``ValidationError`` naming the problem.
    public init(_ string: String) throws(ValidationError) {
        let bytes = Array(string.utf8)
        guard bytes.count == 26 else {
            throw ValidationError(subject: "RecordID", field: "id", reason: "must be 26 characters", value: string)
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            guard let digit = Self.decode(byte) else {
                throw ValidationError(
                    subject: "RecordID", field: "id", reason: "contains a character outside base 32", value: string)
            }
            if index == 0 && digit > 7 {
                throw ValidationError(subject: "RecordID", field: "id", reason: "exceeds 128 bits", value: string)
            }
            high = high << 5 | low >> 59
            low = low << 5 | UInt64(digit)
        }
        self.init(high: high, low: low)
    }

    /// The 5 bits whose lowest bit sits at position `shift` of the 130-bit field (128 bits plus 2 leading zeros).
    private func bits(at shift: Int) -> UInt64 {
        let value: UInt64
        if shift >= 64 {
            value = high >> UInt64(shift - 64)
        } else if shift > 59 {
            value = (low >> UInt64(shift)) | (high << UInt64(64 - shift))
        } else {
            value = low >> UInt64(shift)
        }
        return value & 0x1F
    }

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    private static func decode(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0"), UInt8(ascii: "o"), UInt8(ascii: "O"): return 0
        case UInt8(ascii: "1"), UInt8(ascii: "i"), UInt8(ascii: "I"), UInt8(ascii: "l"), UInt8(ascii: "L"): return 1
        case UInt8(ascii: "2")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        default:
            let upper = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
            guard let index = alphabet.firstIndex(of: upper) else { return nil }
            return UInt8(index)
        }
    }
}

extension RecordID: ValidatedStringValue {
    /// Validates `text`; the same as ``init(_:)``.
    public init(validating text: String) throws(ValidationError) {
        try self.init(text)
    }

    /// The 26-character form.
    public var storedString: String { string }
}
