import Testing

@testable import CRMCore

/// The in-memory index structures, checked against plain models of what they stand for.
@Suite struct IndexStructureTests {
    @Test func rowSlotsAgreeWithADictionaryThroughInsertsRemovalsAndMoves() {
        var slots = RowSlots()
        var model: [Int: IndexValue] = [:]
        var random = SeededRandomNumberGenerator(seed: 7)
        for step in 0..<20_000 {
            let position = Int(random.next() % 3_000)
            if let value = model[position] {
                if step % 3 == 0 {
                    let target = 3_000 + position
                    slots.move(hash: RowSlots.hash(value), from: position, to: target)
                    model[position] = nil
                    if let displaced = model[target] { slots.remove(hash: RowSlots.hash(displaced), at: target) }
                    model[target] = value
                } else {
                    slots.remove(hash: RowSlots.hash(value), at: position)
                    model[position] = nil
                }
            } else if position < 3_000 {
                let value = IndexValue.string("value-\(step)")
                slots.insert(hash: RowSlots.hash(value), at: position)
                model[position] = value
            }
        }
        #expect(slots.count == model.count)
        for (position, value) in model {
            #expect(slots.position(hash: RowSlots.hash(value)) { model[$0] == value } == position)
        }
        #expect(slots.position(hash: RowSlots.hash(.string("never stored"))) { _ in true } == nil)
    }

    @Test func rowSlotsFindIdsThatDifferInOneBitOrOneHalf() {
        let ids = (0..<5_000).flatMap { number -> [RecordID] in
            let value = UInt64(number)
            return [RecordID(high: 7, low: value), RecordID(high: value, low: 7), RecordID(high: value << 40, low: 0)]
        }
        let unique = Array(Set(ids))
        let slots = RowSlots(count: unique.count) { RowSlots.hash(unique[$0]) }
        #expect(slots.count == unique.count)
        for (position, id) in unique.enumerated() {
            #expect(slots.position(hash: RowSlots.hash(id)) { unique[$0] == id } == position)
        }
        #expect(
            slots.position(hash: RowSlots.hash(RecordID(high: 1, low: 1 << 63))) {
                unique[$0] == RecordID(high: 1, low: 1 << 63)
            } == nil)
    }

    @Test(arguments: [
        "", "p", "person1", "person12", "person123", "person123456@e", "person123456@ex", "person123456@exa",
    ])
    func prefixFromSummariesAgreesWithTheBytes(_ prefix: String) {
        let start = SortedIndex.Entry(value: .string(prefix), id: RecordID(high: 0, low: 0))
        let values: [IndexValue] = [
            .string(""), .string("p"), .string("person"), .string("person1"), .string("person12"),
            .string("person123456@example.com"), .string("person123456@exa"), .string("person124"),
            .string("person12\u{0}"), .string("Person123"), .integer(7), .absent,
        ]
        for value in values {
            let entry = SortedIndex.Entry(value: value, id: RecordID(high: 0, low: 1))
            #expect(entry.hasPrefix(prefix, start: start) == value.hasPrefix(prefix), "\(value) with \(prefix)")
        }
    }
}
