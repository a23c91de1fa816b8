package import CRMCore
import Foundation
import Synchronization

/// The storage-engine logic that SQL databases share: the catalog of entity layouts, schema registration,
/// reads, queries, commits and the change feed, all over an ``SQLSession`` with a ``SQLDialect``.
///
/// The engines add connections, threading and their database's error codes. Every value reaches the
/// database as a bound parameter; table and column names come from catalog numbers.
package final class SQLStore: Sendable {
    package let dialect: SQLDialect
    /// The store's name for messages: a path or a server address.
    package let name: String
    package let clock: any WallClock
    private let catalog = Mutex(SQLCatalog())

    package init(dialect: SQLDialect, name: String, clock: any WallClock) {
        self.dialect = dialect
        self.name = name
        self.clock = clock
    }

    /// The marker of parameter `position` (1-based).
    func marker(_ position: Int) -> String { dialect.parameter(position) }

    /// `count` markers from `first` on, comma-separated.
    func markers(from first: Int, count: Int) -> String {
        (first..<first + count).map(marker).joined(separator: ", ")
    }

    // MARK: Catalog

    /// The layout of `entity` from the cached catalog, reloading it once from `session` when the entity or
    /// one of `fields` is unknown (another application instance may have registered it).
    package func layout(of entity: String, fields: [String] = [], session: any SQLSession) throws(StorageError)
        -> EntityLayout
    {
        if let layout = catalog.withLock({ $0.entities[entity] }),
            fields.allSatisfy({ layout.schema.index($0) != nil })
        {
            return layout
        }
        let fresh = try loadCatalog(session)
        guard let layout = fresh.entities[entity] else {
            throw StorageError(.unknownEntity, entity: entity, message: "register the entity's schema first")
        }
        return layout
    }

    /// Reads the catalog tables and caches them.
    @discardableResult
    package func loadCatalog(_ session: any SQLSession) throws(StorageError) -> SQLCatalog {
        let loaded = try SQLErrors.run(store: name) { () throws(SQLFailure) in
            let entities = try session.execute("SELECT name, table_no, schema_json FROM crm_entities", [])
            let fields = try session.execute("SELECT entity, field, column_no FROM crm_fields", [])
            return (entities, fields)
        }
        var result = SQLCatalog()
        for row in loaded.0 {
            guard let name = row[0].text, let number = row[1].integer, let json = row[2].text,
                let schema = try? JSONDecoder().decode(EntitySchema.self, from: Data(json.utf8))
            else {
                throw StorageError(.corrupted, message: "\(self.name): the catalog row of an entity is unreadable")
            }
            result.entities[name] = EntityLayout(schema: schema, tableNumber: Int(number), columns: [:])
        }
        for row in loaded.1 {
            guard let entity = row[0].text, let field = row[1].text, let number = row[2].integer,
                result.entities[entity] != nil
            else {
                throw StorageError(.corrupted, message: "\(name): a catalog row of a field is unreadable")
            }
            result.entities[entity]!.columns[field] = Int(number)
        }
        catalog.withLock { $0 = result }
        return result
    }

    /// Runs `body` in a write transaction on `session`: committed when it returns, rolled back when it
    /// throws.
    package func inWriteTransaction<T>(_ session: any SQLSession, _ body: () throws(StorageError) -> T)
        throws(StorageError) -> T
    {
        try SQLErrors.run(store: name) { () throws(SQLFailure) in _ = try session.execute(dialect.beginWrite, []) }
        do {
            let result = try body()
            try SQLErrors.run(store: name) { () throws(SQLFailure) in _ = try session.execute("COMMIT", []) }
            return result
        } catch {
            _ = try? session.execute("ROLLBACK", [])
            throw error
        }
    }

    /// Creates or migrates the store's tables and loads the catalog.
    package func bootstrap(_ session: any SQLSession) throws(StorageError) {
        try inWriteTransaction(session) { () throws(StorageError) in
            try StoreFormat.migrate(session, dialect: dialect, store: name)
        }
        try loadCatalog(session)
    }
}

/// The layouts of every registered entity, by name.
package struct SQLCatalog: Sendable {
    package var entities: [String: EntityLayout] = [:]

    package init() {}
}
