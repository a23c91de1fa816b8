package import CRMCore
import Foundation

/// The byte encoding of an `IndexValue` whose byte order (`memcmp`, shorter first on a tie) is
/// the total order of index values, so that an SQL index on a key column sorts, compares and ranges exactly
/// as the reference engines do, in every database that compares bytes that way (SQLite blobs, PostgreSQL
/// `bytea`).
///
/// A key is the kind's rank (0 absent, 1 bool, 2 integer, 3 double, 4 string, 5 date) followed by:
/// nothing for absent; one byte for a bool; the integer's big-endian two's complement with the sign bit
/// flipped; for doubles and dates (seconds since 2001-01-01) the big-endian IEEE 754 bits with the sign
/// bit flipped for positive numbers and every bit flipped for negative ones; a string's UTF-8 bytes.
package enum IndexKey {
    /// The key of `IndexValue.absent`.
    package static let absent: [UInt8] = [0]

    /// The key of `value`; `-0.0` is keyed as `0.0`, which it equals.
    package static func encode(_ value: IndexValue) -> [UInt8] {
        var key: [UInt8] = [value.rank]
        switch value {
        case .absent: break
        case .bool(let flag): key.append(flag ? 1 : 0)
        case .integer(let number): appendBigEndian(UInt64(bitPattern: number) ^ (1 << 63), to: &key)
        case .double(let number): appendBigEndian(orderedBits(number), to: &key)
        case .string(let text): key.append(contentsOf: text.utf8)
        case .date(let date): appendBigEndian(orderedBits(date.timeIntervalSinceReferenceDate), to: &key)
        }
        return key
    }

    /// The value of a key made by ``encode(_:)``; `nil` for bytes that no value encodes to.
    package static func decode(_ key: [UInt8]) -> IndexValue? {
        guard let rank = key.first else { return nil }
        let body = key.dropFirst()
        switch (rank, body.count) {
        case (0, 0): return .absent
        case (1, 1) where body.first! <= 1: return .bool(body.first! == 1)
        case (2, 8): return .integer(Int64(bitPattern: bigEndian(body) ^ (1 << 63)))
        case (3, 8): return .double(double(fromOrderedBits: bigEndian(body)))
        case (4, _): return String(validating: body, as: UTF8.self).map(IndexValue.string)
        case (5, 8): return .date(Date(timeIntervalSinceReferenceDate: double(fromOrderedBits: bigEndian(body))))
        default: return nil
        }
    }

    /// The smallest key above every string key that starts with `prefix`: the prefix's key with its last
    /// byte raised by one (UTF-8 never contains `0xFF`, so this never carries).
    package static func prefixUpperBound(_ prefix: String) -> [UInt8] {
        var key = encode(.string(prefix))
        key[key.count - 1] += 1
        return key
    }

    private static func orderedBits(_ number: Double) -> UInt64 {
        let bits = (number == 0 ? 0.0 : number).bitPattern
        return bits & (1 << 63) == 0 ? bits | (1 << 63) : ~bits
    }

    private static func double(fromOrderedBits bits: UInt64) -> Double {
        Double(bitPattern: bits & (1 << 63) != 0 ? bits & ~(1 << 63) : ~bits)
    }

    private static func appendBigEndian(_ number: UInt64, to key: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { key.append(UInt8(truncatingIfNeeded: number >> shift)) }
    }

    private static func bigEndian(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }
}

extension RecordID {
    /// The id's 16 bytes, big-endian, so that byte order is id order.
    package var sqlBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        for part in [high, low] {
            for shift in stride(from: 56, through: 0, by: -8) { bytes.append(UInt8(truncatingIfNeeded: part >> shift)) }
        }
        return bytes
    }

    /// The id stored as ``sqlBytes``; `nil` unless there are 16 bytes.
    package init?(sqlBytes bytes: [UInt8]) {
        guard bytes.count == 16 else { return nil }
        let high = bytes[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let low = bytes[8..<16].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        self.init(high: high, low: low)
    }
}
