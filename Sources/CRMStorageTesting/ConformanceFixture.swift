public import CRMCore
import Foundation

/// The small domain every conformance check writes: people with typed indexed fields and notes about them.
public enum ConformanceFixture {
    /// People: `name` (string), `age` (integer), `score` (double), `email` (string, unique),
    /// `joined` (date), `active` (bool) and `mixed` (values of every kind, for the total order).
    public static let person = "kit.person"
    /// Notes: `person` (string: the person's id) and `rank` (integer).
    public static let note = "kit.note"

    /// The schemas of ``person`` and ``note``.
    public static let schemas: [EntitySchema] = [
        try! EntitySchema(
            name: person,
            indexes: [
                IndexDefinition("name"), IndexDefinition("age"), IndexDefinition("score"),
                IndexDefinition("email", unique: true), IndexDefinition("joined"), IndexDefinition("active"),
                IndexDefinition("mixed"),
            ]),
        try! EntitySchema(name: note, indexes: [IndexDefinition("person"), IndexDefinition("rank")]),
    ]

    /// The principal the kit writes as.
    public static let writer = try! Principal("kit:writer")
    /// A second principal, to check that each write records its own.
    public static let otherWriter = try! Principal("kit:other-writer")
}

/// Makes ids that are distinct across the kit's checks, deterministic in order.
struct KitIDs {
    private let generator = ULIDGenerator(
        clock: SystemWallClock(), random: SeededRandomNumberGenerator(seed: UInt64.random(in: 0 ... .max)))

    func next() -> RecordID { generator.next() }

    func person() -> RecordKey { RecordKey(entity: ConformanceFixture.person, id: next()) }
    func note() -> RecordKey { RecordKey(entity: ConformanceFixture.note, id: next()) }
}
