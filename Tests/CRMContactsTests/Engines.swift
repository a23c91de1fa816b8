import CRMContacts
import CRMCore
import CRMTestSupport
import Foundation

/// The engines every contact test body runs against.
typealias Engines = TestEngines

extension TestEngines {
    func store() async throws -> EngineContactStore {
        try await EngineContactStore(engine: try await make())
    }
}

/// Small builders for the tests.
enum Fixture {
    static let user = try! Principal("user:test")
    static let ids = ULIDGenerator()

    static func person(_ given: String, _ family: String, emails: [String] = [], phones: [String] = [])
        throws -> Contact
    {
        try Contact(
            id: ID(ids.next()), name: try PersonName(givenName: given, familyName: family),
            emails: try emails.map { LabeledValue(try EmailAddress($0)) },
            phones: try phones.map { LabeledValue(try PhoneNumber($0, defaultRegion: "GB")) })
    }

    static func organization(_ name: String, parent: ID<Organization>? = nil) throws -> Organization {
        try Organization(id: ID(ids.next()), name: name, parentID: parent)
    }
}
