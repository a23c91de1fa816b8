package import CRMCore
import Foundation

extension SQLStore {
    /// How often a batch is run again after the database aborted it to keep transactions serializable.
    static let retryLimit = 5

    /// Applies `transactions` in one database transaction, each inside its own savepoint, so that they
    /// share one sync (group commit) while each succeeds or fails on its own. Returns one result per
    /// transaction, in order; a failure of the whole batch (the database's lock, connection or disk) fails
    /// every transaction of it.
    package func commit(_ transactions: [Transaction], session: any SQLSession) -> [Result<CommitReceipt, StorageError>]
    {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try inWriteTransaction(session) { () throws(StorageError) in
                    try applyBatch(transactions, session: session)
                }
            } catch  where SQLErrors.isRetryable(error) && attempt < Self.retryLimit {
                continue
            } catch {
                return transactions.map { _ in .failure(error) }
            }
        }
    }

    private func applyBatch(_ transactions: [Transaction], session: any SQLSession) throws(StorageError)
        -> [Result<CommitReceipt, StorageError>]
    {
        let head = try SQLErrors.run(store: name) { () throws(SQLFailure) in
            try session.execute("SELECT last_sequence FROM crm_feed_head WHERE id = 1\(dialect.lockFeedHead)", [])
        }
        guard let last = head.first?.first?.integer else {
            throw StorageError(.corrupted, message: "\(name): the change-feed head row is missing")
        }
        var sequence = UInt64(last)
        var results: [Result<CommitReceipt, StorageError>] = []
        for transaction in transactions {
            try savepoint("SAVEPOINT crm_tx", session: session)
            let outcome: Result<CommitReceipt, ApplyFailure>
            do throws(ApplyFailure) {
                outcome = .success(try apply(transaction, at: clock.now(), after: sequence, session: session))
            } catch {
                outcome = .failure(error)
            }
            switch outcome {
            case .success(let receipt):
                sequence = receipt.sequences?.upperBound ?? sequence
                try savepoint("RELEASE SAVEPOINT crm_tx", session: session)
                results.append(.success(receipt))
            case .failure(.database(let failure)):
                throw SQLErrors.storageError(failure, store: name)
            case .failure(let failure):
                try savepoint("ROLLBACK TO SAVEPOINT crm_tx", session: session)
                try savepoint("RELEASE SAVEPOINT crm_tx", session: session)
                results.append(.failure(try explain(failure, session: session)))
            }
        }
        if sequence != UInt64(last) {
            try SQLErrors.run(store: name) { () throws(SQLFailure) in
                _ = try session.execute(
                    "UPDATE crm_feed_head SET last_sequence = \(marker(1)) WHERE id = 1", [.integer(Int64(sequence))])
            }
        }
        return results
    }

    private func savepoint(_ statement: String, session: any SQLSession) throws(StorageError) {
        try SQLErrors.run(store: name) { () throws(SQLFailure) in _ = try session.execute(statement, []) }
    }

    /// The error a failed transaction reports; a unique clash names the record holding the value, looked
    /// up after the rollback (PostgreSQL refuses statements inside a failed savepoint).
    private func explain(_ failure: ApplyFailure, session: any SQLSession) throws(StorageError) -> StorageError {
        switch failure {
        case .rejected(let error): return error
        case .database(let failure): throw SQLErrors.storageError(failure, store: name)
        case .uniqueClash(let key, let field, let value, let layout, let inserting):
            // SQLite may check a unique index before the primary key: a taken id is the error to report.
            if inserting, try exists(key, layout: layout, session: session) {
                return StorageError(.alreadyExists, key: key, message: "a record with this id already exists")
            }
            let column = layout.column(of: field)!
            let holder = try SQLErrors.run(store: name) { () throws(SQLFailure) in
                try session.execute(
                    "SELECT id FROM \(layout.table) WHERE \(column) = \(marker(1))", [.blob(IndexKey.encode(value))])
            }.first?.first?.blob.flatMap(RecordID.init(sqlBytes:))
            let by = holder.map { "\(key.entity)/\($0)" } ?? "another record of this transaction"
            return StorageError(
                .uniqueViolation, key: key, field: field, message: "the value \(value) is already used by \(by)")
        }
    }

    private func exists(_ key: RecordKey, layout: EntityLayout, session: any SQLSession) throws(StorageError) -> Bool {
        try SQLErrors.run(store: name) { () throws(SQLFailure) in
            try !session.execute("SELECT 1 FROM \(layout.table) WHERE id = \(marker(1))", [.blob(key.id.sqlBytes)])
                .isEmpty
        }
    }

    private func apply(_ transaction: Transaction, at time: Date, after sequence: UInt64, session: any SQLSession)
        throws(ApplyFailure) -> CommitReceipt
    {
        var versions: [RecordKey: UInt64] = [:]
        var next = sequence
        for operation in transaction.operations {
            let key = operation.key
            let layout: EntityLayout
            do {
                layout = try self.layout(of: key.entity, session: session)
            } catch {
                throw .rejected(error)
            }
            let (kind, version) = try write(
                operation, layout: layout, principal: transaction.principal, at: time, session: session)
            next += 1
            versions[key] = kind == .delete ? 0 : version
            do {
                _ = try session.execute(
                    """
                    INSERT INTO crm_changes (sequence, entity, id, kind, version, principal, committed_at)
                    VALUES (\(markers(from: 1, count: 7)))
                    """,
                    [
                        .integer(Int64(next)), .text(key.entity), .blob(key.id.sqlBytes),
                        .integer(Int64(kind.rawValue)),
                        .integer(Int64(version)), .text(transaction.principal.id),
                        .real(time.timeIntervalSinceReferenceDate),
                    ])
            } catch {
                throw .database(error)
            }
        }
        let sequences = next > sequence ? (sequence + 1)...next : nil
        return CommitReceipt(sequences: sequences, versions: versions, committedAt: time)
    }

    /// Writes one operation; returns its change kind and the record's version after it (before it, for a
    /// delete).
    private func write(
        _ operation: WriteOperation, layout: EntityLayout, principal: Principal, at time: Date, session: any SQLSession
    ) throws(ApplyFailure) -> (ChangeKind, UInt64) {
        let key = operation.key
        let stamp = SQLValue.real(time.timeIntervalSinceReferenceDate)
        switch operation {
        case .insert(_, let payload, let values):
            try check(payload, values, key: key, layout: layout)
            let row: [SQLValue] =
                [
                    .blob(key.id.sqlBytes), .integer(1), stamp, .text(principal.id), stamp, .text(principal.id),
                    .blob(payload),
                ]
                + keys(values, layout: layout)
            let sql =
                "INSERT INTO \(layout.table) (\(layout.selectList)) VALUES (\(markers(from: 1, count: row.count)))"
            try run(sql, row, key: key, values: values, layout: layout, session: session)
            return (.insert, 1)
        case .update(_, let payload, let values, let expected):
            try check(payload, values, key: key, layout: layout)
            let columns = layout.fieldsInColumnOrder.map(\.column)
            var parameters: [SQLValue] = [stamp, .text(principal.id), .blob(payload)] + keys(values, layout: layout)
            let assignments = (["updated_at", "updated_by", "payload"] + columns).enumerated().map {
                "\($0.element) = \(marker($0.offset + 1))"
            }
            parameters.append(.blob(key.id.sqlBytes))
            var sql = "UPDATE \(layout.table) SET version = version + 1, \(assignments.joined(separator: ", "))"
            sql += " WHERE id = \(marker(parameters.count))"
            if let expected {
                parameters.append(.integer(Int64(expected)))
                sql += " AND version = \(marker(parameters.count))"
            }
            let rows = try run(
                sql + " RETURNING version", parameters, key: key, values: values, layout: layout, session: session)
            guard let version = rows.first?.first?.integer else {
                throw try missing(key, expected: expected, layout: layout, session: session)
            }
            return (.update, UInt64(version))
        case .delete(_, let expected):
            var parameters: [SQLValue] = [.blob(key.id.sqlBytes)]
            var sql = "DELETE FROM \(layout.table) WHERE id = \(marker(1))"
            if let expected {
                parameters.append(.integer(Int64(expected)))
                sql += " AND version = \(marker(2))"
            }
            let rows = try run(
                sql + " RETURNING version", parameters, key: key, values: [:], layout: layout, session: session)
            guard let version = rows.first?.first?.integer else {
                throw try missing(key, expected: expected, layout: layout, session: session)
            }
            return (.delete, UInt64(version))
        }
    }

    private func check(_ payload: [UInt8], _ values: IndexValues, key: RecordKey, layout: EntityLayout)
        throws(ApplyFailure)
    {
        do {
            try StorageRules.checkWrite(payload: payload, values: values, key: key, schema: layout.schema)
        } catch {
            throw .rejected(error)
        }
    }

    /// The key of every column, in column order: the written value for declared fields, absent for the rest.
    private func keys(_ values: IndexValues, layout: EntityLayout) -> [SQLValue] {
        layout.fieldsInColumnOrder.map { field, _ in
            .blob(layout.schema.index(field) == nil ? IndexKey.absent : IndexKey.encode(values[field] ?? .absent))
        }
    }

    /// Runs a write, turning a refused key or unique value into the record's error.
    @discardableResult
    private func run(
        _ sql: String, _ parameters: [SQLValue], key: RecordKey, values: IndexValues, layout: EntityLayout,
        session: any SQLSession
    ) throws(ApplyFailure) -> [SQLRow] {
        do {
            return try session.execute(sql, parameters)
        } catch .uniqueViolation(let column) {
            if let column, let field = layout.field(ofColumn: column) {
                throw .uniqueClash(
                    key, field: field, value: values[field] ?? .absent, layout: layout,
                    inserting: sql.hasPrefix("INSERT"))
            }
            throw .rejected(StorageError(.alreadyExists, key: key, message: "a record with this id already exists"))
        } catch {
            throw .database(error)
        }
    }

    /// Why an update or delete matched no row: the record is missing, or its version differs.
    private func missing(_ key: RecordKey, expected: UInt64?, layout: EntityLayout, session: any SQLSession)
        throws(ApplyFailure) -> ApplyFailure
    {
        let rows: [SQLRow]
        do {
            rows = try session.execute(
                "SELECT version FROM \(layout.table) WHERE id = \(marker(1))", [.blob(key.id.sqlBytes)])
        } catch {
            throw .database(error)
        }
        guard let found = rows.first?.first?.integer else {
            return .rejected(StorageError(.notFound, key: key, message: "no such record"))
        }
        return .rejected(
            StorageError(
                .conflict, key: key,
                message: "expected version \(expected.map(String.init) ?? "any"), found \(found); reread and retry"))
    }
}

/// Why one transaction of a batch failed.
private enum ApplyFailure: Error {
    /// The transaction broke a rule; it is rolled back and the batch goes on.
    case rejected(StorageError)
    /// A unique index refused a value; the holder is looked up once the transaction is rolled back.
    case uniqueClash(RecordKey, field: String, value: IndexValue, layout: EntityLayout, inserting: Bool)
    /// The database failed; the whole batch is abandoned.
    case database(SQLFailure)
}
