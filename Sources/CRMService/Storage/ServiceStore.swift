public import CRMContacts
public import CRMCore
public import Foundation

/// The tickets, queues, agents, SLA policies, knowledge articles and satisfaction responses of a help desk,
/// in domain words.
///
/// ``EngineServiceStore`` implements it over any `StorageEngine`. Implementations publish
/// ``TicketSLAAtRisk``, ``TicketSLABreached`` and ``TicketEscalated`` on ``events`` after the commit that
/// recorded them, each once.
public protocol ServiceStore: Sendable {
    /// The bus that service events are published on.
    var events: EventBus { get }

    /// Stores a new ticket.
    func insert(_ ticket: Ticket, by principal: Principal) async throws -> Stored<Ticket>
    /// Replaces a ticket, if it is still at `expectedVersion`; publishes ``TicketEscalated`` when its tier
    /// went up.
    func update(_ ticket: Ticket, expectedVersion: UInt64, by principal: Principal) async throws -> Stored<Ticket>
    /// The ticket with `id`, or `nil`.
    func ticket(_ id: ID<Ticket>) async throws -> Stored<Ticket>?
    /// The tickets of a contact, oldest first.
    func tickets(of contact: ID<Contact>) async throws -> [Stored<Ticket>]
    /// The tickets still owing work (not resolved or closed), oldest first; in one queue when given.
    func activeTickets(in queue: ID<SupportQueue>?) async throws -> [Stored<Ticket>]
    /// The tickets with a status of `category`, oldest first.
    func tickets(in category: TicketStatus.Category) async throws -> [Stored<Ticket>]
    /// Merges the ticket `duplicate` into `survivor` at `now` in one transaction; returns the survivor.
    func merge(_ duplicate: ID<Ticket>, into survivor: ID<Ticket>, at now: Date, by principal: Principal) async throws
        -> Stored<Ticket>

    /// Stores a queue, or replaces it.
    func save(_ queue: SupportQueue, by principal: Principal) async throws
    /// The queue with `id`, or `nil`.
    func queue(_ id: ID<SupportQueue>) async throws -> SupportQueue?
    /// Stores an agent, or replaces them.
    func save(_ agent: Agent, by principal: Principal) async throws
    /// The agent with `id`, or `nil`.
    func agent(_ id: ID<Agent>) async throws -> Agent?
    /// Hands the ticket to `queue` and the agent its routing picks, in one transaction with the queue's
    /// turn; returns the agent.
    func route(_ ticket: ID<Ticket>, to queue: ID<SupportQueue>, at now: Date, by principal: Principal) async throws
        -> ID<Agent>
    /// Escalates the ticket to `queue` and routes it there, in one transaction; publishes
    /// ``TicketEscalated``.
    func escalate(
        _ ticket: ID<Ticket>, to queue: ID<SupportQueue>, reason: String, at now: Date, by principal: Principal
    ) async throws -> Stored<Ticket>
    /// Applies `policy` to every active ticket at `now`; returns the tickets escalated.
    func runEscalations(_ policy: EscalationPolicy, at now: Date, by principal: Principal) async throws
        -> [ID<Ticket>]

    /// Stores the SLA policies, replacing the ones stored.
    func save(_ policies: SLAPolicyCatalog, by principal: Principal) async throws
    /// The stored SLA policies, or `nil` before any were saved.
    func slaPolicies() async throws -> SLAPolicyCatalog?
    /// Computes the SLA state of every active ticket at `now`, records the at-risk and breached targets not
    /// yet alerted, and publishes one event for each after its commit. Running it again at the same instant
    /// publishes nothing.
    func checkSLAs(at now: Date, by principal: Principal) async throws -> [any DomainEvent]

    /// Stores a new article, or replaces it if it is still at `expectedVersion`.
    func save(_ article: KnowledgeArticle, expectedVersion: UInt64?, by principal: Principal) async throws
        -> Stored<KnowledgeArticle>
    /// The article with `id`, or `nil`.
    func article(_ id: ID<KnowledgeArticle>) async throws -> Stored<KnowledgeArticle>?
    /// The live articles that match `text`, best first.
    func searchArticles(_ text: String, limit: Int) async throws -> [KnowledgeSearchResult]

    /// Stores a satisfaction response; its ticket must exist.
    func record(_ response: SatisfactionResponse, by principal: Principal) async throws
    /// The responses about one ticket, oldest first.
    func satisfaction(for ticket: ID<Ticket>) async throws -> [SatisfactionResponse]
    /// The responses given from `start` up to, not including, `end`.
    func satisfaction(from start: Date, to end: Date) async throws -> [SatisfactionResponse]
}
