import CRMContacts
import CRMCore
import CRMLoyalty
import Foundation

/// `crm loyalty enroll | earn | redeem | statement`: the club.
enum LoyaltyCommands {
    static func run(_ arguments: inout CommandLineArguments, store: String) async throws {
        let command = arguments.next()
        if Help.shown(for: ["loyalty", command], &arguments) { return }
        let json = arguments.flag("json")
        switch command {
        case "enroll":
            let contact = try ContactsCommands.contactID(try arguments.required("a contact id"))
            try arguments.finish()
            try await Workspace.with(store) { workspace in
                try await HouseRecords.install(in: workspace)
                guard try await workspace.contacts.contact(contact) != nil else {
                    throw CommandFailure("no contact \(contact) in \(workspace.directory)")
                }
                let now = try Workspace.now()
                var member = Member(
                    id: ID(ULIDGenerator().next()), program: HouseRecords.program, contactID: contact, at: now)
                let sequence = try await workspace.loyalty.members(in: HouseRecords.programID).count + 1
                let card = try CardNumber(prefix: "6040", sequence: sequence)
                try member.issueCard(card, at: now)
                let stored = try await workspace.loyalty.enroll(member, by: workspace.principal)
                if json { return try printJSON(stored.value) }
                print("Enrolled member \(stored.value.id) with card \(card), tier \(stored.value.tier)")
            }
        case "earn":
            let member = try memberID(try arguments.required("a member id"))
            let amount = try arguments.required(option: "amount")
            let order = arguments.option("order")
            let category = arguments.option("category")
            try arguments.finish()
            let spend: Money
            do {
                spend = try Money(parsing: amount, currency: .eur)
            } catch {
                throw UsageError("--amount must be an amount in euros such as 42.50, not \"\(amount)\"")
            }
            try await Workspace.with(store) { workspace in
                let now = try Workspace.now()
                let entries = try await workspace.loyalty.recordPurchase(
                    Purchase(
                        orderReference: order ?? "till-\(Int(now.timeIntervalSince1970))", at: now,
                        lines: [Purchase.Line(sku: "TILL", category: category, amount: spend)]), for: member,
                    by: workspace.principal)
                if json { return try printJSON(entries) }
                for entry in entries {
                    print(
                        "\(entry.kind.rawValue) \(entry.points) \(entry.currency)\(entry.unlocksAt.map { ", unlocks \(Reports.time($0))" } ?? "")"
                    )
                }
            }
        case "redeem":
            let member = try memberID(try arguments.required("a member id"))
            let name = try arguments.required(option: "reward")
            let key = arguments.option("key") ?? UUID().uuidString
            try arguments.finish()
            guard let reward = HouseRecords.rewards.first(where: { $0.name == name }) else {
                throw CommandFailure(
                    "no reward \"\(name)\"; the club offers \(HouseRecords.rewards.map(\.name).joined(separator: ", "))"
                )
            }
            try await Workspace.with(store) { workspace in
                let redemption = try await workspace.loyalty.redeem(
                    reward.id, for: member, idempotencyKey: key, at: try Workspace.now(), by: workspace.principal)
                if json { return try printJSON(redemption) }
                print("Redeemed \(reward.name) for \(redemption.points) points (redemption \(redemption.id))")
            }
        case "statement":
            let member = try memberID(try arguments.required("a member id"))
            try arguments.finish()
            try await Workspace.with(store) { workspace in
                let statement = try await workspace.loyalty.statement(
                    of: member, at: try Workspace.now(), expiringWithinDays: 30)
                if json { return try printJSON(statement) }
                print("Member \(member), tier \(statement.member.tier)")
                for (currency, points) in statement.balances.sorted(by: { $0.key < $1.key }) {
                    print("  \(currency): \(points) (\(statement.pending[currency] ?? 0) pending)")
                }
                for soon in statement.expiringSoon {
                    print("  \(soon.points) \(soon.currency) expire \(Reports.time(soon.expiresAt))")
                }
                var table = TextTable([.text("When"), .text("Entry"), .number("Points"), .text("Currency")])
                for entry in statement.history.suffix(10) {
                    table.add([Reports.time(entry.at), entry.kind.rawValue, "\(entry.points)", entry.currency])
                }
                print("")
                table.print()
            }
        default:
            throw UsageError("unknown command \"loyalty \(command ?? "")\"")
        }
    }

    static func memberID(_ text: String) throws(UsageError) -> ID<Member> {
        guard let id = try? ID<Member>(text) else { throw UsageError("\"\(text)\" is not a member id") }
        return id
    }
}
