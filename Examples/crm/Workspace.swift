import CRMContacts
import CRMCore
import CRMLoyalty
import CRMSales
import CRMService
import Foundation

/// The stores of every module on one durable file engine, which is the `crm` store on disk.
struct Workspace {
    /// The directory of the store.
    let directory: String
    let engine: FileEngine
    let contacts: EngineContactStore
    let sales: EngineSalesStore
    let service: EngineServiceStore
    let loyalty: EngineLoyaltyStore
    /// Who the program acts as in the change feed.
    let principal: Principal

    /// The store directory: `--store`, else `$CRM_STORE`, else `./crm-data`.
    static func location(_ arguments: inout CommandLineArguments) -> String {
        arguments.option("store") ?? ProcessInfo.processInfo.environment["CRM_STORE"] ?? "crm-data"
    }

    /// Opens (creating if needed) the store in `directory`; `relaxed` for bulk loads, which sync at the end.
    static func open(_ directory: String, relaxed: Bool = false) async throws -> Workspace {
        let engine = try await FileEngine.open(
            at: directory, options: FileEngineOptions(durability: relaxed ? .relaxed : .synchronous))
        let contacts = try await EngineContactStore(engine: engine, referenceMovers: [TicketContactReferences()])
        return Workspace(
            directory: directory, engine: engine, contacts: contacts,
            sales: try await EngineSalesStore(contacts: contacts),
            service: try await EngineServiceStore(contacts: contacts),
            loyalty: try await EngineLoyaltyStore(engine: engine),
            principal: try Principal("user:\(ProcessInfo.processInfo.environment["USER"] ?? "crm")"))
    }

    /// Runs `body` on the store in `directory` and closes the store afterwards, also when `body` fails.
    static func with<T>(
        _ directory: String, relaxed: Bool = false, _ body: (Workspace) async throws -> T
    ) async throws -> T {
        let workspace = try await open(directory, relaxed: relaxed)
        do {
            let result = try await body(workspace)
            try await workspace.engine.close()
            return result
        } catch {
            try? await workspace.engine.close()
            throw error
        }
    }

    /// The time the commands act at: `$CRM_NOW` (ISO 8601) for a reproducible run, else the clock.
    static func now() throws -> Date {
        guard let text = ProcessInfo.processInfo.environment["CRM_NOW"] else { return Date() }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw CommandFailure("CRM_NOW: \"\(text)\" is not an ISO 8601 time such as 2026-03-02T12:00:00Z")
        }
        return date
    }
}
