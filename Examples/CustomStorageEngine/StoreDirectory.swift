import CRMCore
import Foundation

/// The layout of a store on disk, and reading and writing it:
///
/// ```
/// <store>/schemas.json                   the registered entity schemas
/// <store>/records/<entity>/<id>.json     one file per record
/// <store>/changes/<first sequence>.json  the change feed, one file per commit
/// <store>/journal.json                   only while a commit is being applied
/// ```
struct StoreDirectory {
    /// Everything a store holds, as read at opening.
    struct Contents {
        var schemas: [String: EntitySchema] = [:]
        var records: [String: [RecordID: StoredRecord]] = [:]
        var feed: [Change] = []
    }

    let root: URL

    private var schemasFile: URL { root.appending(path: "schemas.json") }
    private var journalFile: URL { root.appending(path: "journal.json") }
    private var recordsDirectory: URL { root.appending(path: "records") }
    private var changesDirectory: URL { root.appending(path: "changes") }

    // MARK: Opening

    /// Creates the store's directories if needed, finishes an interrupted commit, and reads everything.
    func open() throws(StorageError) -> Contents {
        try DurableFiles.makeDirectory(root, withParents: true)
        try DurableFiles.makeDirectory(recordsDirectory)
        try DurableFiles.makeDirectory(changesDirectory)
        if try DurableFiles.entries(of: root).contains(journalFile.lastPathComponent) {
            try apply(try decode(CommitJournal.self, from: journalFile))
        }
        var contents = Contents()
        if FileManager.default.fileExists(atPath: schemasFile.path) {
            for schema in try decode([EntitySchema].self, from: schemasFile) { contents.schemas[schema.name] = schema }
        }
        for directory in try DurableFiles.entries(of: recordsDirectory) {
            for name in try DurableFiles.entries(of: recordsDirectory.appending(path: directory)) {
                let file = recordsDirectory.appending(path: directory).appending(path: name)
                let record = try read(file) { try decode(RecordDocument.self, from: file).record() }
                guard recordFile(record.key).path == file.path else {
                    throw StorageError(.corrupted, key: record.key, message: "\(file.path) holds another record")
                }
                contents.records[record.key.entity, default: [:]][record.key.id] = record
            }
        }
        for name in try DurableFiles.entries(of: changesDirectory) {
            let file = changesDirectory.appending(path: name)
            contents.feed += try read(file) { try decode([ChangeDocument].self, from: file).map { try $0.change() } }
        }
        for (position, change) in contents.feed.enumerated() where change.sequence != UInt64(position + 1) {
            throw StorageError(
                .corrupted, key: change.key,
                message: "the change feed jumps from \(position) to \(change.sequence) in \(changesDirectory.path)")
        }
        return contents
    }

    // MARK: Writing

    /// Replaces the schema file.
    func writeSchemas(_ schemas: [EntitySchema]) throws(StorageError) {
        try DurableFiles.replace(schemasFile, with: try encode(schemas))
        try DurableFiles.syncDirectory(root)
    }

    /// Makes `journal` durable: when this returns, the commit is stored.
    func writeJournal(_ journal: CommitJournal) throws(StorageError) {
        try DurableFiles.replace(journalFile, with: try encode(journal))
        try DurableFiles.syncDirectory(root)
    }

    /// Rewrites the files of a durable journal's commit, then deletes the journal.
    func apply(_ journal: CommitJournal) throws(StorageError) {
        var touched = Set<URL>()
        for document in journal.written {
            let directory = entityDirectory(document.entity)
            try DurableFiles.makeDirectory(directory)
            try DurableFiles.replace(directory.appending(path: "\(document.id).json"), with: try encode(document))
            touched.insert(directory)
        }
        for record in journal.deleted {
            let directory = entityDirectory(record.entity)
            try DurableFiles.remove(directory.appending(path: "\(record.id).json"))
            touched.insert(directory)
        }
        if let first = journal.changes.first {
            try DurableFiles.replace(changesFile(firstSequence: first.sequence), with: try encode(journal.changes))
            touched.insert(changesDirectory)
        }
        // The journal may go only when every file it describes is on the disk.
        for directory in touched { try DurableFiles.syncDirectory(directory) }
        try DurableFiles.remove(journalFile)
        try DurableFiles.syncDirectory(root)
    }

    // MARK: Names

    private func recordFile(_ key: RecordKey) -> URL {
        entityDirectory(key.entity).appending(path: "\(key.id.string).json")
    }

    /// An entity's directory. Entity names may hold capitals and dots, which would make `..` a name and
    /// let `Contact` and `contact` share a directory on a case-insensitive disk: those are written `%XX`.
    private func entityDirectory(_ entity: String) -> URL {
        let name = entity.utf8.map { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"),
                UInt8(ascii: "-"):
                String(UnicodeScalar(byte))
            default: "%" + String(byte, radix: 16, uppercase: true)
            }
        }
        return recordsDirectory.appending(path: name.joined())
    }

    /// The file of a commit's changes; zero-padded so that names sort in feed order.
    private func changesFile(firstSequence: UInt64) -> URL {
        let digits = String(firstSequence)
        return changesDirectory.appending(path: String(repeating: "0", count: 20 - digits.count) + digits + ".json")
    }

    // MARK: Coding

    private func encode(_ value: some Encodable) throws(StorageError) -> Data {
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return try encoder.encode(value)
        } catch {
            throw StorageError(.io, message: "cannot encode \(type(of: value)): \(error)")
        }
    }

    private func decode<Value: Decodable>(_ type: Value.Type, from file: URL) throws(StorageError) -> Value {
        let data = try DurableFiles.read(file)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw StorageError(.corrupted, message: "\(file.path) is not a valid \(type): \(error)")
        }
    }

    /// Runs `body`, reporting any error other than a ``StorageError`` as corruption of `file`.
    private func read<Value>(_ file: URL, _ body: () throws -> Value) throws(StorageError) -> Value {
        do {
            return try body()
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.corrupted, message: "\(file.path) is not valid: \(error)")
        }
    }
}
