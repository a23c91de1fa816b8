/// Numbers customers in the order they first appear, so per-customer state can live in arrays.
///
/// Open addressing over 32-bit slots that hold a customer's number, kept at most half full: a lookup of a
/// new customer usually touches one slot, which keeps a table of millions of customers small and its cache
/// misses few.
struct CustomerIndex {
    /// The customers, by number.
    private(set) var names: [String] = []
    /// Each slot holds a customer's number plus one; 0 is an empty slot.
    private var slots: [UInt32]
    private var mask: Int

    /// An empty index sized for about `capacity` customers.
    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = [UInt32](repeating: 0, count: size)
        mask = size - 1
        names.reserveCapacity(capacity)
    }

    /// The number of `customer`, whose ``hash(_:)`` is `hash`, and whether this lookup gave it.
    mutating func owner(of customer: String, hash: Int) -> (owner: Int, isNew: Bool) {
        let (found, slot) = lookUp(customer, hash: hash)
        if let found { return (found, false) }
        let number = names.count
        slots[slot] = UInt32(number + 1)
        names.append(customer)
        if 2 * names.count > slots.count { grow() }
        return (number, true)
    }

    /// The number of `customer`, whose ``hash(_:)`` is `hash`, if it has one.
    func number(of customer: String, hash: Int) -> Int? {
        lookUp(customer, hash: hash).number
    }

    /// The number of `customer`, or the empty slot where it would go.
    private func lookUp(_ customer: String, hash: Int) -> (number: Int?, slot: Int) {
        var slot = hash & mask
        while slots[slot] != 0 {
            let known = Int(slots[slot] - 1)
            if names[known] == customer { return (known, slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// Doubles the table and places every customer again.
    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: 2 * slots.count)
        mask = slots.count - 1
        for (number, name) in names.enumerated() {
            var slot = Self.hash(name) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(number + 1)
        }
    }

    /// A well-mixed hash of the UTF-8 bytes of `text`: words of eight bytes folded by multiplication, then
    /// the 64-bit finalizer of MurmurHash3 (Appleby), which spreads every input bit over the low bits used.
    /// The input is the caller's own log, so it needs no protection against chosen collisions.
    static func hash(_ text: String) -> Int {
        var text = text
        let folded = text.withUTF8 { bytes -> UInt64 in
            var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            let raw = UnsafeRawBufferPointer(bytes)
            var offset = 0
            while offset + 8 <= bytes.count {
                state = (state ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                offset += 8
            }
            var tail: UInt64 = 0
            for position in offset..<bytes.count { tail |= UInt64(bytes[position]) << (8 * (position - offset)) }
            return (state ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        }
        var mixed = folded ^ (folded >> 33)
        mixed = mixed &* 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        mixed = mixed &* 0xC4CE_B9FE_1A85_EC53
        mixed ^= mixed >> 33
        return Int(truncatingIfNeeded: mixed)
    }
}
