import CLibPQ
import CRMSQL
import Foundation

/// One libpq connection, with a cache of server-side prepared statements and binary parameters and
/// results (no value is ever written into SQL text).
///
/// Not thread-safe: the engine confines each connection to one worker queue.
final class PostgresConnection: SQLSession {
    private var handle: OpaquePointer?
    private var prepared: [String: String] = [:]
    private var inTransaction = false

    /// Type OIDs of the parameters and results the engine uses.
    private enum TypeOID {
        static let bool: UInt32 = 16
        static let bytea: UInt32 = 17
        static let int8: UInt32 = 20
        static let int2: UInt32 = 21
        static let int4: UInt32 = 23
        static let text: UInt32 = 25
        static let float4: UInt32 = 700
        static let float8: UInt32 = 701
    }

    /// Connects with `parameters` (keyword, value), then applies `settings` statements.
    init(parameters: [(String, String)], settings: [String]) throws(SQLFailure) {
        handle = Self.connect(parameters)
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = handle.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(handle)
            handle = nil
            throw .io("cannot connect to the server: " + message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        for setting in settings { _ = try execute(setting, []) }
    }

    /// Where the connection goes, without credentials: `postgresql://host:port/database`.
    var address: String {
        guard let handle else { return "postgresql" }
        let host = String(cString: PQhost(handle))
        let shownHost = host.hasPrefix("/") ? "[\(host)]" : host
        return "postgresql://\(shownHost):\(String(cString: PQport(handle)))/\(String(cString: PQdb(handle)))"
    }

    private static func connect(_ parameters: [(String, String)]) -> OpaquePointer? {
        let keywords = parameters.map { strdup($0.0) } + [nil]
        let values = parameters.map { strdup($0.1) } + [nil]
        defer { (keywords + values).forEach { free($0) } }
        return keywords.map { UnsafePointer($0) }.withUnsafeBufferPointer { keywordPointers in
            values.map { UnsafePointer($0) }.withUnsafeBufferPointer { valuePointers in
                PQconnectdbParams(keywordPointers.baseAddress, valuePointers.baseAddress, 1)
            }
        }
    }

    func execute(_ sql: String, _ parameters: [SQLValue]) throws(SQLFailure) -> [SQLRow] {
        // A rollback ends the transaction even when it fails: the server drops a lost connection's work.
        if sql == "ROLLBACK" { inTransaction = false }
        try reconnectIfIdleAndBroken()
        let encoded = parameters.map(Self.encode)
        defer { encoded.forEach { free($0.bytes) } }
        let values = encoded.map { UnsafePointer($0.bytes) }
        let lengths = encoded.map(\.length)
        let formats = [Int32](repeating: 1, count: encoded.count)
        let result: OpaquePointer?
        if let name = try preparedName(for: sql, types: encoded.map(\.type)) {
            result = PQexecPrepared(handle, name, Int32(encoded.count), values, lengths, formats, 1)
        } else {
            result = PQexecParams(
                handle, sql, Int32(encoded.count), encoded.map(\.type), values, lengths, formats, 1)
        }
        defer { PQclear(result) }
        try check(result)
        trackTransaction(sql)
        return rows(of: result)
    }

    func close() {
        PQfinish(handle)
        handle = nil
    }

    /// A lost connection is reopened only between transactions: inside one, the server has already rolled
    /// it back, and reconnecting would run its remaining statements on their own.
    private func reconnectIfIdleAndBroken() throws(SQLFailure) {
        guard let handle else { throw .connectionLost("the connection is closed") }
        guard PQstatus(handle) != CONNECTION_OK else { return }
        guard !inTransaction else { throw .connectionLost(String(cString: PQerrorMessage(handle))) }
        PQreset(handle)
        prepared = [:]
        guard PQstatus(handle) == CONNECTION_OK else { throw .connectionLost(String(cString: PQerrorMessage(handle))) }
    }

    private func trackTransaction(_ sql: String) {
        if sql.hasPrefix("BEGIN") { inTransaction = true }
        if sql == "COMMIT" { inTransaction = false }
    }

    /// The prepared statement for `sql`, preparing it on first use; `nil` for statements run once (DDL,
    /// transaction control), which are not prepared.
    private func preparedName(for sql: String, types: [UInt32]) throws(SQLFailure) -> String? {
        if let name = prepared[sql] { return name }
        guard ["SELECT", "INSERT", "UPDATE", "DELETE"].contains(where: sql.hasPrefix) else { return nil }
        let name = "crm_s\(prepared.count + 1)"
        let result = PQprepare(handle, name, sql, Int32(types.count), types)
        defer { PQclear(result) }
        try check(result)
        prepared[sql] = name
        return name
    }

    private func check(_ result: OpaquePointer?) throws(SQLFailure) {
        let status = PQresultStatus(result)
        guard status != PGRES_COMMAND_OK, status != PGRES_TUPLES_OK else { return }
        throw failure(result)
    }

    private func failure(_ result: OpaquePointer?) -> SQLFailure {
        let message = String(cString: PQerrorMessage(handle)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let result, let state = field(result, "C") else { return .connectionLost(message) }
        switch state {
        case "23505":
            // Constraint names: crm_r1_pkey (the id), crm_r1_u2 (unique index on column k2).
            let constraint = field(result, "n") ?? ""
            if constraint.hasSuffix("_pkey") { return .uniqueViolation(column: "id") }
            return .uniqueViolation(column: constraint.split(separator: "_").last.map { "k" + $0.dropFirst() })
        case "40001", "40P01": return .retryable(message)
        case "55P03", "57014": return .busy(message)
        case "53100", "58030": return .io(message)
        case "XX001", "XX002": return .corrupted(message)
        default: return state.hasPrefix("08") || state.hasPrefix("57P") ? .connectionLost(message) : .other(message)
        }
    }

    private func field(_ result: OpaquePointer, _ code: Character) -> String? {
        PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) }
    }

    /// A parameter in binary format: its type, bytes (malloc'ed; freed by the caller) and length.
    private static func encode(_ value: SQLValue) -> (type: UInt32, bytes: UnsafeMutablePointer<CChar>?, length: Int32)
    {
        func copy(_ bytes: [UInt8]) -> UnsafeMutablePointer<CChar> {
            let pointer = UnsafeMutablePointer<CChar>.allocate(capacity: max(bytes.count, 1))
            bytes.withUnsafeBytes {
                UnsafeMutableRawPointer(pointer).copyMemory(
                    from: $0.baseAddress ?? UnsafeRawPointer(pointer), byteCount: bytes.count)
            }
            return pointer
        }
        switch value {
        case .null: return (0, nil, 0)
        case .integer(let number): return (TypeOID.int8, copy(bigEndian(UInt64(bitPattern: number))), 8)
        case .real(let number): return (TypeOID.float8, copy(bigEndian(number.bitPattern)), 8)
        case .text(let text): return (TypeOID.text, copy(Array(text.utf8)), Int32(text.utf8.count))
        case .blob(let bytes): return (TypeOID.bytea, copy(bytes), Int32(bytes.count))
        }
    }

    private static func bigEndian(_ number: UInt64) -> [UInt8] {
        stride(from: 56, through: 0, by: -8).map { UInt8(truncatingIfNeeded: number >> $0) }
    }

    private func rows(of result: OpaquePointer?) -> [SQLRow] {
        let columns = PQnfields(result)
        return (0..<PQntuples(result)).map { row in
            (0..<columns).map { column in
                guard PQgetisnull(result, row, column) == 0 else { return .null }
                let bytes = UnsafeRawBufferPointer(
                    start: PQgetvalue(result, row, column), count: Int(PQgetlength(result, row, column)))
                let number = bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                switch PQftype(result, column) {
                case TypeOID.int8: return .integer(Int64(bitPattern: number))
                case TypeOID.int4: return .integer(Int64(Int32(truncatingIfNeeded: number)))
                case TypeOID.int2: return .integer(Int64(Int16(truncatingIfNeeded: number)))
                case TypeOID.bool: return .integer(Int64(number))
                case TypeOID.float8: return .real(Double(bitPattern: number))
                case TypeOID.float4: return .real(Double(Float(bitPattern: UInt32(truncatingIfNeeded: number))))
                case TypeOID.bytea: return .blob(Array(bytes))
                default: return .text(String(decoding: bytes, as: UTF8.self))
                }
            }
        }
    }
}
