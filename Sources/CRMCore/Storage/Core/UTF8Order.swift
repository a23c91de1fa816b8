#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-wise comparison of the UTF-8 forms of two strings (the order of ``IndexValue`` strings).
///
/// Native Swift strings store UTF-8 contiguously, so this is one `memcmp`; bridged strings without
/// contiguous storage take the element-by-element path.
enum UTF8Order {
    static func compare(_ lhs: String, _ rhs: String) -> Int {
        let fast = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in
                compare(UnsafeRawBufferPointer(left), UnsafeRawBufferPointer(right))
            }
        }
        if let result = fast ?? nil { return result }
        if lhs.utf8.elementsEqual(rhs.utf8) { return 0 }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8) ? -1 : 1
    }

    /// Whether the UTF-8 form of `string` starts with that of `prefix`.
    static func hasPrefix(_ string: String, _ prefix: String) -> Bool {
        let fast = string.utf8.withContiguousStorageIfAvailable { whole in
            prefix.utf8.withContiguousStorageIfAvailable { start in
                start.count <= whole.count
                    && (start.isEmpty || memcmp(whole.baseAddress!, start.baseAddress!, start.count) == 0)
            }
        }
        if let result = fast ?? nil { return result }
        return string.utf8.starts(with: prefix.utf8)
    }

    private static func compare(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Int {
        let common = min(left.count, right.count)
        if common > 0 {
            let result = memcmp(left.baseAddress!, right.baseAddress!, common)
            if result != 0 { return result < 0 ? -1 : 1 }
        }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }
}
