/// Why a storage operation failed: a ``Code`` to switch on, plus the entity, record and field concerned.
///
/// A struct rather than an enum, so that new codes can be added without breaking code that switches on
/// the existing ones. A failed operation changes nothing in the store.
public struct StorageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// A version precondition failed: someone else changed the record. Reread it and retry.
        public static let conflict = Code("conflict")
        /// An insert used a key that is already taken.
        public static let alreadyExists = Code("alreadyExists")
        /// An update or delete named a record that does not exist.
        public static let notFound = Code("notFound")
        /// A unique index already holds the value for another record.
        public static let uniqueViolation = Code("uniqueViolation")
        /// The entity was not registered with the engine.
        public static let unknownEntity = Code("unknownEntity")
        /// A write carried a value for a field the schema does not index, or a value that cannot be stored.
        public static let invalidIndexValue = Code("invalidIndexValue")
        /// A record's payload is larger than the engine stores (16 MiB for the reference engines).
        public static let tooLarge = Code("tooLarge")
        /// A query used an undeclared field, a bad limit, or a cursor of another sort order.
        public static let invalidQuery = Code("invalidQuery")
        /// The stored data is damaged; the message says where.
        public static let corrupted = Code("corrupted")
        /// Another process holds the store open for writing.
        public static let locked = Code("locked")
        /// The store was written by a format this version does not read.
        public static let unsupportedFormat = Code("unsupportedFormat")
        /// The operating system refused an I/O operation (disk full, permission, I/O error).
        public static let io = Code("io")
        /// The store refuses writes after an earlier failure could have lost data; reopen it.
        public static let readOnly = Code("readOnly")
        /// The store was closed.
        public static let closed = Code("closed")

        /// The code's name.
        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// The entity concerned, if any.
    public let entity: String?
    /// The record concerned, if any.
    public let id: RecordID?
    /// The field concerned, if any.
    public let field: String?
    /// What happened and what the caller can do.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, entity: String? = nil, id: RecordID? = nil, field: String? = nil, message: String) {
        self.code = code
        self.entity = entity
        self.id = id
        self.field = field
        self.message = message
    }

    /// Creates an error about one record.
    public init(_ code: Code, key: RecordKey, field: String? = nil, message: String) {
        self.init(code, entity: key.entity, id: key.id, field: field, message: message)
    }

    /// `conflict on contact/01J…: expected version 3, found 4`.
    public var description: String {
        var subject = ""
        if let entity { subject += entity }
        if let id { subject += "/\(id)" }
        if let field { subject += subject.isEmpty ? "field \(field)" : " field \(field)" }
        return subject.isEmpty ? "\(code): \(message)" : "\(code) on \(subject): \(message)"
    }
}
