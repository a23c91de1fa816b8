/// For one unique field, which row holds each value: an open-addressing hash table of 16-byte slots, each
/// the value's hash and the row's position, so a lookup touches one slot and then the row itself.
///
/// The table does not keep the values: the caller confirms a candidate row by comparing the value the row
/// stores, which the read that follows needs anyway.
struct UniqueSlots {
    private struct Slot {
        var hash: UInt64
        /// The row's position; -1 marks an empty slot.
        var position: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    /// An empty table with room for `capacity` values before it grows.
    init(capacity: Int = 0) {
        var size = 16
        while size * 3 / 4 < capacity { size *= 2 }
        slots = Array(repeating: Slot(hash: 0, position: -1), count: size)
        mask = size - 1
    }

    /// The holders of `count` rows, the row at each position holding `value(position)` (absent values are
    /// not held).
    init(count: Int, value: (Int) -> IndexValue) {
        self.init(capacity: count)
        for position in 0..<count {
            let held = value(position)
            if held != .absent { insert(held, at: position) }
        }
    }

    static func hash(_ value: IndexValue) -> UInt64 {
        UInt64(bitPattern: Int64(value.hashValue))
    }

    /// The position of the row holding `value`, among rows whose hash matches and for which `confirm` says
    /// the row stores that value.
    func position(of value: IndexValue, confirm: (Int) -> Bool) -> Int? {
        let hash = Self.hash(value)
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].position >= 0 {
            if slots[index].hash == hash, confirm(Int(slots[index].position)) { return Int(slots[index].position) }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Records that the row at `position` holds `value`.
    mutating func insert(_ value: IndexValue, at position: Int) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        place(Slot(hash: Self.hash(value), position: Int32(position)))
        count += 1
    }

    /// Forgets that the row at `position` holds `value`.
    mutating func remove(_ value: IndexValue, at position: Int) {
        guard var index = find(Self.hash(value), position) else { return }
        count -= 1
        // Backward-shift deletion: move later slots of the same run into the gap, so no tombstones pile up.
        var next = (index + 1) & mask
        while slots[next].position >= 0 {
            let home = Int(truncatingIfNeeded: slots[next].hash) & mask
            if (next - home) & mask >= (next - index) & mask {
                slots[index] = slots[next]
                index = next
            }
            next = (next + 1) & mask
        }
        slots[index].position = -1
    }

    /// Records that the row holding `value` moved from `old` to `new`.
    mutating func move(_ value: IndexValue, from old: Int, to new: Int) {
        if let index = find(Self.hash(value), old) { slots[index].position = Int32(new) }
    }

    private func find(_ hash: UInt64, _ position: Int) -> Int? {
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index].position >= 0 {
            if slots[index].hash == hash, Int(slots[index].position) == position { return index }
            index = (index + 1) & mask
        }
        return nil
    }

    private mutating func place(_ slot: Slot) {
        var index = Int(truncatingIfNeeded: slot.hash) & mask
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
