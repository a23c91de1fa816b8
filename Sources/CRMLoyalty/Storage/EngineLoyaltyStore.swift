public import CRMContacts
public import CRMCore
public import Foundation

/// The ``LoyaltyStore`` over any `StorageEngine`.
///
/// ```swift
/// let loyalty = try await EngineLoyaltyStore(engine: contacts.engine)
/// try await loyalty.save(club, by: admin)
/// _ = try await loyalty.enroll(Member(id: ID(ids.next()), program: club, contactID: ada.id, at: now), by: admin)
/// _ = try await loyalty.recordPurchase(purchase, for: member.id, by: till)
/// let redemption = try await loyalty.redeem(voucher.id, for: member.id, idempotencyKey: requestID, at: now, by: app)
/// ```
///
/// Each ledger entry is its own record, indexed by member and time; the member's ``PointsAccount`` is stored
/// beside them as a derived record that every operation updates in the same transaction, at its version.
public struct EngineLoyaltyStore: LoyaltyStore {
    /// The engine the store writes to.
    public let engine: any StorageEngine
    /// The source of ids for ledger entries and redemptions.
    public let ids: any IDGenerator
    /// The bus loyalty events are published on.
    public let events: EventBus

    static let program = "crm.loyaltyProgram"
    static let member = "crm.loyaltyMember"
    static let account = "crm.loyaltyAccount"
    static let entry = "crm.ledgerEntry"
    static let reward = "crm.reward"
    static let redemption = "crm.redemption"
    static let schemas: [EntitySchema] = [
        try! EntitySchema(name: program),
        try! EntitySchema(
            name: member,
            indexes: [IndexDefinition("program"), IndexDefinition("contact"), IndexDefinition("card", unique: true)]),
        try! EntitySchema(name: account, indexes: [IndexDefinition("program"), IndexDefinition("dueAt")]),
        try! EntitySchema(name: entry, indexes: [IndexDefinition("member"), IndexDefinition("at")]),
        try! EntitySchema(name: reward),
        try! EntitySchema(name: redemption, indexes: [IndexDefinition("key", unique: true)]),
    ]
    static let programCoder = PayloadCoder<LoyaltyProgram>(entity: program)
    static let memberCoder = PayloadCoder<Member>(entity: member)
    static let accountCoder = PayloadCoder<PointsAccount>(entity: account)
    static let entryCoder = PayloadCoder<LedgerEntry>(entity: entry)
    static let rewardCoder = PayloadCoder<Reward>(entity: reward)
    static let redemptionCoder = PayloadCoder<Redemption>(entity: redemption)

    /// Creates the store and registers its schemas with `engine`.
    public init(engine: any StorageEngine, ids: any IDGenerator = ULIDGenerator(), events: EventBus = EventBus())
        async throws
    {
        self.engine = engine
        self.ids = ids
        self.events = events
        try await engine.register(Self.schemas)
    }

    /// Stores a program, or replaces it.
    public func save(_ program: LoyaltyProgram, by principal: Principal) async throws {
        try await upsert(
            RecordKey(entity: Self.program, id: program.id.rawValue), Self.programCoder.encode(program), by: principal)
    }

    /// The program with `id`, or `nil`.
    public func program(_ id: ID<LoyaltyProgram>) async throws -> LoyaltyProgram? {
        try await engine.read(Self.program, id: id.rawValue).map { try Self.programCoder.decode($0) }
    }

    /// Enrolls a member with an empty account and the enrollment bonus, in one transaction.
    public func enroll(_ member: Member, by principal: Principal) async throws -> Stored<Member> {
        let program = try await existingProgram(member.programID)
        var member = member
        var account = PointsAccount(memberID: member.id)
        var entries: [LedgerEntry] = []
        for (key, points) in EarningEngine(program: program).bonus(for: .enrollment, at: member.enrolledAt).points
            .sorted(by: { $0.key < $1.key })
        {
            entries.append(
                try account.earn(
                    points, currency: key, source: .event(.enrollment), at: member.enrolledAt, id: ID(ids.next()),
                    program: program))
        }
        let changes = program.reviewTier(of: &member, account: account, at: member.enrolledAt)
        let operations =
            [
                try Self.memberWrite(member, expectedVersion: nil),
                try Self.accountWrite(account, of: member, program: program, expectedVersion: nil),
            ] + (try entries.map(Self.entryWrite))
        _ = try await engine.commit(Transaction(principal: principal, operations: operations))
        for change in changes { await events.publish(change) }
        return try await self.member(member.id)!
    }

    /// Replaces a member, if still at `expectedVersion`.
    public func update(_ member: Member, expectedVersion: UInt64, by principal: Principal) async throws
        -> Stored<Member>
    {
        _ = try await engine.commit(
            Transaction(
                principal: principal, operations: [try Self.memberWrite(member, expectedVersion: expectedVersion)]))
        return try await self.member(member.id)!
    }

    /// The member with `id`, or `nil`.
    public func member(_ id: ID<Member>) async throws -> Stored<Member>? {
        try await engine.read(Self.member, id: id.rawValue).map { Stored(try Self.memberCoder.decode($0), record: $0) }
    }

    /// The memberships of a contact, in every program.
    public func members(of contact: ID<Contact>) async throws -> [Stored<Member>] {
        try await engine.queryAll(
            RecordQuery(entity: Self.member, filters: [.equals("contact", .string(contact.description))])
        ).map { Stored(try Self.memberCoder.decode($0), record: $0) }
    }

    /// The members of a program, in the order of their ids.
    public func members(in program: ID<LoyaltyProgram>) async throws -> [Stored<Member>] {
        try await engine.queryAll(
            RecordQuery(entity: Self.member, filters: [.equals("program", .string(program.description))])
        ).map { Stored(try Self.memberCoder.decode($0), record: $0) }
    }

    /// Every program.
    public func allPrograms() async throws -> [LoyaltyProgram] {
        try await engine.queryAll(RecordQuery(entity: Self.program)).map { try Self.programCoder.decode($0) }
    }

    /// The member whose current card is `card`, or `nil`.
    public func member(withCard card: CardNumber) async throws -> Stored<Member>? {
        try await engine.queryAll(RecordQuery(entity: Self.member, filters: [.equals("card", .string(card.digits))]))
            .first.map { Stored(try Self.memberCoder.decode($0), record: $0) }
    }

    /// The member's account, or `nil` for an unknown member.
    public func account(of member: ID<Member>) async throws -> PointsAccount? {
        try await engine.read(Self.account, id: member.rawValue).map { try Self.accountCoder.decode($0) }
    }

    /// The member's ledger, oldest first.
    public func ledger(of member: ID<Member>) async throws -> [LedgerEntry] {
        try await engine.queryAll(
            RecordQuery(
                entity: Self.entry, filters: [.equals("member", .string(member.description))], sort: [SortKey("at")])
        ).map { try Self.entryCoder.decode($0) }
    }

    /// The member's statement at `now`.
    public func statement(of member: ID<Member>, at now: Date, expiringWithinDays days: Int) async throws
        -> MemberStatement
    {
        let stored = try await existingMember(member)
        let program = try await existingProgram(stored.value.programID)
        return MemberStatement(
            member: stored.value, account: try await account(of: member) ?? PointsAccount(memberID: member),
            history: try await ledger(of: member), at: now, expiringWithinDays: days, program: program)
    }

    func accountKey(_ member: ID<Member>) -> RecordKey { RecordKey(entity: Self.account, id: member.rawValue) }

    func existingProgram(_ id: ID<LoyaltyProgram>) async throws -> LoyaltyProgram {
        guard let program = try await program(id) else {
            throw StorageError(.notFound, entity: Self.program, id: id.rawValue, message: "no such program")
        }
        return program
    }

    func existingMember(_ id: ID<Member>) async throws -> Stored<Member> {
        guard let member = try await member(id) else {
            throw StorageError(.notFound, entity: Self.member, id: id.rawValue, message: "no such member")
        }
        return member
    }

    /// Writes `payload` at `key`, inserting it or replacing the version stored.
    func upsert(_ key: RecordKey, _ payload: [UInt8], by principal: Principal) async throws {
        let write = try await engine.upsert(key, payload: payload)
        _ = try await engine.commit(Transaction(principal: principal, operations: [write]))
    }

    static func memberWrite(_ member: Member, expectedVersion: UInt64?) throws -> WriteOperation {
        var values: IndexValues = [
            "program": .string(member.programID.description), "contact": .string(member.contactID.description),
        ]
        values["card"] = member.currentCard.map { .string($0.number.digits) }
        let key = RecordKey(entity: Self.member, id: member.id.rawValue)
        let payload = try memberCoder.encode(member)
        guard let expectedVersion else { return .insert(key, payload: payload, indexValues: values) }
        return .update(key, payload: payload, indexValues: values, expectedVersion: expectedVersion)
    }

    /// The write of a member's account, indexed by program and by the next instant time changes it (the
    /// next unlock, expiry or tier review), so a run of the program's clock reads only the members due.
    static func accountWrite(
        _ account: PointsAccount, of member: Member, program: LoyaltyProgram, expectedVersion: UInt64?
    ) throws -> WriteOperation {
        var values: IndexValues = ["program": .string(program.id.description)]
        values["dueAt"] = [account.nextDeadline(program: program), member.tierReviewAt].compactMap { $0 }.min()
            .map { .date($0) }
        let key = RecordKey(entity: Self.account, id: member.id.rawValue)
        let payload = try accountCoder.encode(account)
        guard let expectedVersion else { return .insert(key, payload: payload, indexValues: values) }
        return .update(key, payload: payload, indexValues: values, expectedVersion: expectedVersion)
    }

    static func entryWrite(_ entry: LedgerEntry) throws -> WriteOperation {
        .insert(
            RecordKey(entity: Self.entry, id: entry.id.rawValue), payload: try entryCoder.encode(entry),
            indexValues: ["member": .string(entry.memberID.description), "at": .date(entry.at)])
    }
}
