import Testing

@testable import CRMCore

/// The frame checksum, against published check values and with the processor's instruction against the
/// portable tables.
@Suite struct CRC32CTests {
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { CRC32C.checksum($0) }
    }

    /// The check value of the CRC catalogue ("123456789") and the iSCSI test patterns of RFC 3720, B.4.
    @Test func publishedCheckValuesHold() {
        #expect(Self.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(Self.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(Self.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(Self.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
        #expect(Self.checksum((0..<32).map { UInt8(31 - $0) }) == 0x113F_DB5C)
        #expect(Self.checksum([]) == 0)
    }

    @Test func everyLengthAndAlignmentAgreesWithTheTables() {
        var random = SeededRandomNumberGenerator(seed: 11)
        let bytes = (0..<300).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes.withUnsafeBytes { all in
            for start in 0..<9 {
                for end in start...all.count {
                    let part = UnsafeRawBufferPointer(rebasing: all[start..<end])
                    #expect(CRC32C.extend(0x1234_5678, part) == CRC32C.extendByTable(0x1234_5678, part))
                }
            }
        }
    }

    @Test func extendingInPiecesGivesTheWholeChecksum() {
        let bytes = Array("The quick brown fox jumps over the lazy dog".utf8)
        let whole = Self.checksum(bytes)
        for split in 0...bytes.count {
            let first = Self.checksum(Array(bytes[..<split]))
            let joined = bytes[split...].withUnsafeBytes { CRC32C.extend(first, $0) }
            #expect(joined == whole)
        }
    }
}
