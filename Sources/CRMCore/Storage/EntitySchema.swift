/// What an engine needs to know about one entity type: its name and the fields it can be queried by.
///
/// Each domain module declares the schemas of its entities and registers them with
/// ``StorageEngine/register(_:)``. Only declared fields may carry index values and appear in queries.
public struct EntitySchema: Hashable, Sendable, Codable {
    /// The entity's name, such as `contact`; unique within a store.
    public let name: String
    /// The indexed fields, each queryable by equality, `in`, range, prefix and sort.
    public let indexes: [IndexDefinition]

    /// Declares an entity; names must be 1 to 64 ASCII letters, digits, `_`, `-` or `.`, and field names unique.
    public init(name: String, indexes: [IndexDefinition] = []) throws(ValidationError) {
        var check = ValidationCollector(subject: "EntitySchema")
        if !Self.isValidName(name) {
            check.add(field: "name", reason: "must be 1 to 64 of [A-Za-z0-9_.-]", value: name)
        }
        var seen = Set<String>()
        for index in indexes {
            if !Self.isValidName(index.field) {
                check.add(field: "indexes", reason: "field names must be 1 to 64 of [A-Za-z0-9_.-]", value: index.field)
            }
            if !seen.insert(index.field).inserted {
                check.add(field: "indexes", reason: "declares a field twice", value: index.field)
            }
        }
        try check.finish()
        self.name = name
        self.indexes = indexes
    }

    /// The declaration of `field`, if it is indexed.
    public func index(_ field: String) -> IndexDefinition? {
        indexes.first { $0.field == field }
    }

    package static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x5F || byte == 0x2D || byte == 0x2E
            }
    }
}

/// One indexed field of an entity.
public struct IndexDefinition: Hashable, Sendable, Codable {
    /// The field's name as the domain layer extracts it, such as `emailKey`.
    public let field: String
    /// Whether two records may not share a value (absent values never conflict).
    public let unique: Bool

    /// Declares an indexed field.
    public init(_ field: String, unique: Bool = false) {
        self.field = field
        self.unique = unique
    }
}
