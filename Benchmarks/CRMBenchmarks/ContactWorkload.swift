import CRMCore

/// Contact-sized records for the benchmarks: about ten fields and 300 bytes of payload, four indexed fields.
enum ContactWorkload {
    static let schema = try! EntitySchema(
        name: "contact",
        indexes: [
            IndexDefinition("email", unique: true), IndexDefinition("familyName"), IndexDefinition("city"),
            IndexDefinition("lifetimeValue"),
        ])
    static let principal = try! Principal("benchmark")
    private static let familyNames = [
        "Lovelace", "Hopper", "Turing", "Johnson", "Hamilton", "Liskov", "Knuth", "Ritchie",
    ]
    private static let cities = ["London", "Berlin", "Paris", "Tokyo", "Austin", "Lagos", "Lima", "Oslo"]

    static func id(_ number: Int) -> RecordID {
        RecordID(milliseconds: 1_700_000_000_000 + UInt64(number / 1000), randomHigh: 0, randomLow: UInt64(number))
    }

    static func key(_ number: Int) -> RecordKey { RecordKey(entity: "contact", id: id(number)) }

    static func email(_ number: Int) -> String { "person\(number)@example.com" }

    static func insert(_ number: Int) -> WriteOperation {
        let family = familyNames[number % familyNames.count] + String(number % 1000)
        let city = cities[number % cities.count]
        let json = """
            {"given":"Person","family":"\(family)","email":"\(email(number))","phone":"+4420794\(String(format6(number)))",\
            "city":"\(city)","street":"\(number % 997) High Street","postalCode":"SW1A 2AA","country":"GB",\
            "stage":"customer","owner":"user:\(number % 50)","ltv":\(number % 100_000)}
            """
        return .insert(
            key(number), payload: Array(json.utf8),
            indexValues: [
                "email": .string(email(number)), "familyName": .string(family), "city": .string(city),
                "lifetimeValue": .integer(Int64(number % 100_000)),
            ])
    }

    private static func format6(_ number: Int) -> String {
        let text = String(number % 1_000_000)
        return String(repeating: "0", count: 6 - text.count) + text
    }

    static func transaction(_ operations: [WriteOperation]) -> Transaction {
        Transaction(principal: principal, operations: operations)
    }
}
