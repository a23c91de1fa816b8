/// Who acts: the user, integration or system job on whose behalf a write is made.
///
/// Every write carries one, so the change feed doubles as an audit history and an access-control layer can
/// check it before delegating to the engine.
public struct Principal: Hashable, Sendable, Codable, CustomStringConvertible {
    /// A stable identifier, such as `user:42` or `job:nightly-import`.
    public let id: String

    /// Creates a principal; `id` must be 1 to 256 characters with no control characters.
    public init(_ id: String) throws(ValidationError) {
        guard !id.isEmpty, id.utf8.count <= 256,
            !id.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw ValidationError(
                subject: "Principal", field: "id", reason: "must be 1 to 256 printable characters", value: id)
        }
        self.id = id
    }

    package init(unchecked id: String) {
        self.id = id
    }

    /// The SDK itself, for maintenance work such as migrations.
    public static let system = Principal(unchecked: "system")

    /// The identifier.
    public var description: String { id }
}
