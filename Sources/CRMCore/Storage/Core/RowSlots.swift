/// Which row holds each key: an open-addressing hash table of 8-byte slots, each the low 32 bits of a key's
/// hash and the row's position, so a lookup touches one slot and then the row itself.
///
/// The table keeps neither keys nor rows: the caller hashes the key (``hash(_:)-(IndexValue)`` for a unique
/// field's values, ``hash(_:)-(RecordID)`` for ids) and confirms a candidate row by comparing the key the row
/// stores, which the read that follows needs anyway.
struct RowSlots {
    private struct Slot {
        /// The low 32 bits of the key's hash: they pick the slot's home and rule out most other keys.
        var hash: UInt32
        /// The row's position; -1 marks an empty slot.
        var position: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    /// An empty table with room for `capacity` keys before it grows.
    init(capacity: Int = 0) {
        var size = 16
        while size * 3 / 4 < capacity { size *= 2 }
        slots = Array(repeating: Slot(hash: 0, position: -1), count: size)
        mask = size - 1
    }

    /// The slots of `count` rows, the row at each position holding the key whose hash is `hash(position)`
    /// (`nil`: no key, as for an absent value).
    init(count: Int, hash: (Int) -> UInt64?) {
        self.init(capacity: count)
        for position in 0..<count {
            if let hash = hash(position) { insert(hash: hash, at: position) }
        }
    }

    /// The hash of a unique field's value.
    static func hash(_ value: IndexValue) -> UInt64 {
        UInt64(bitPattern: Int64(value.hashValue))
    }

    /// The hash of an id: both halves mixed with a secret chosen per process, so that ids chosen by an
    /// outsider cannot be made to collide, by the SplitMix64 finalizer (Steele, Lea and Flood, "Fast
    /// splittable pseudorandom number generators", OOPSLA 2014), which costs a few multiplications where
    /// the general-purpose hasher costs a few dozen instructions per word.
    static func hash(_ id: RecordID) -> UInt64 {
        var mixed = (id.high ^ idSeed) &* 0x9E37_79B9_7F4A_7C15 ^ id.low
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    private static let idSeed = UInt64.random(in: .min ... .max)

    /// The position of the row holding the key with `hash`, among rows whose hash matches and for which
    /// `confirm` says the row stores that key.
    func position(hash: UInt64, confirm: (Int) -> Bool) -> Int? {
        let hash = UInt32(truncatingIfNeeded: hash)
        var index = Int(hash) & mask
        while slots[index].position >= 0 {
            if slots[index].hash == hash, confirm(Int(slots[index].position)) { return Int(slots[index].position) }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Records that the row at `position` holds a key with `hash`.
    mutating func insert(hash: UInt64, at position: Int) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        place(Slot(hash: UInt32(truncatingIfNeeded: hash), position: Int32(position)))
        count += 1
    }

    /// Forgets that the row at `position` holds a key with `hash`.
    mutating func remove(hash: UInt64, at position: Int) {
        guard var index = find(hash, position) else { return }
        count -= 1
        // Backward-shift deletion: move later slots of the same run into the gap, so no tombstones pile up.
        var next = (index + 1) & mask
        while slots[next].position >= 0 {
            let home = Int(slots[next].hash) & mask
            if (next - home) & mask >= (next - index) & mask {
                slots[index] = slots[next]
                index = next
            }
            next = (next + 1) & mask
        }
        slots[index].position = -1
    }

    /// Records that the row holding a key with `hash` moved from `old` to `new`.
    mutating func move(hash: UInt64, from old: Int, to new: Int) {
        if let index = find(hash, old) { slots[index].position = Int32(new) }
    }

    private func find(_ hash: UInt64, _ position: Int) -> Int? {
        let hash = UInt32(truncatingIfNeeded: hash)
        var index = Int(hash) & mask
        while slots[index].position >= 0 {
            if slots[index].hash == hash, Int(slots[index].position) == position { return index }
            index = (index + 1) & mask
        }
        return nil
    }

    private mutating func place(_ slot: Slot) {
        var index = Int(slot.hash) & mask
        while slots[index].position >= 0 { index = (index + 1) & mask }
        slots[index] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(hash: 0, position: -1), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.position >= 0 { place(slot) }
    }
}
