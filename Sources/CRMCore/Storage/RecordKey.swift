/// The address of one record in a store: its entity name and id.
public struct RecordKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The entity name.
    public let entity: String
    /// The record id.
    public let id: RecordID

    /// Creates a key.
    public init(entity: String, id: RecordID) {
        self.entity = entity
        self.id = id
    }

    /// `entity/id`.
    public var description: String { "\(entity)/\(id)" }
}
