internal import CCRC32C

/// CRC-32C (Castagnoli polynomial 0x1EDC6F41, reflected 0x82F63B78), the checksum of iSCSI (RFC 3720) and
/// of ext4 and Btrfs metadata: with the processor's CRC-32C instruction where there is one (SSE 4.2, ARMv8
/// CRC), otherwise eight bytes at a time from tables ("slicing-by-8", Kounavis and Berry 2005).
enum CRC32C {
    /// Whether ``extend(_:_:)-(_,UnsafeRawBufferPointer)`` uses the processor's instruction.
    static let usesHardware = crm_crc32c_hardware_available() != 0

    /// The checksum of `bytes`.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        extend(0, bytes)
    }

    /// The checksum of the bytes that gave `previous`, followed by `bytes`.
    static func extend(_ previous: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard usesHardware else { return extendByTable(previous, bytes) }
        guard let base = bytes.baseAddress else { return previous }
        return ~crm_crc32c_hardware_update(~previous, base, bytes.count)
    }

    /// ``extend(_:_:)-(_,UnsafeRawBufferPointer)`` from the tables, on any processor.
    static func extendByTable(_ previous: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var crc: UInt32 = ~previous
        var index = 0
        let count = bytes.count
        let table = Self.table
        table.withUnsafeBufferPointer { table in
            while count - index >= 8 {
                let low = bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian ^ crc
                let high = bytes.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self).littleEndian
                crc =
                    table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ table[5 * 256 + Int((low >> 16) & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
                    ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ table[1 * 256 + Int((high >> 16) & 0xFF)] ^ table[Int(high >> 24)]
                index += 8
            }
            while index < count {
                crc = table[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        return ~crc
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBytes { checksum($0) }
    }

    static func extend(_ previous: UInt32, _ bytes: ArraySlice<UInt8>) -> UInt32 {
        bytes.withUnsafeBytes { extend(previous, $0) }
    }

    private static let table: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 8 * 256)
        for byte in 0..<256 {
            var crc = UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
            table[byte] = crc
        }
        for byte in 0..<256 {
            for slice in 1..<8 {
                let previous = table[(slice - 1) * 256 + byte]
                table[slice * 256 + byte] = table[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return table
    }()
}
