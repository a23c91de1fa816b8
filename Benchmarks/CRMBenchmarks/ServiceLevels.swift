import CRMContacts
import CRMCore
import CRMService
import Foundation
import Synchronization

/// SLA due dates and statuses of many open tickets on an office calendar with holidays, and the cost of
/// adding a year of working time to one instant.
enum ServiceLevels {
    /// Monday to Friday 09:00-12:30 and 13:30-17:30 in Berlin, with the German national holidays of 2026
    /// and 2027 and the recurring ones.
    static func officeCalendar() throws -> BusinessCalendar {
        let recurring = ["--01-01", "--05-01", "--10-03", "--12-24", "--12-25", "--12-26", "--12-31"]
        let dated = [
            "2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25", "2027-03-26", "2027-03-29", "2027-05-06",
            "2027-05-17",
        ]
        return try BusinessCalendar.workdays(
            [try WorkingHours("09:00-12:30"), try WorkingHours("13:30-17:30")],
            in: TimeZone(identifier: "Europe/Berlin")!,
            holidays: try (recurring + dated).map { Holiday("Holiday", on: try CalendarDay(iso: $0)) })
    }

    static func run(count: Int) async throws {
        let calendar = try officeCalendar()
        let start = Date(timeIntervalSince1970: 1_774_252_800)
        let year: TimeInterval = 250 * 7.5 * 3600
        var random = SeededRandomNumberGenerator(seed: 7)
        let starts = (0..<10_000).map { _ in start + Double.random(in: 0..<(365 * 86_400), using: &random) }
        var last = start
        let addTime = try await seconds {
            for from in starts { last = try calendar.adding(year, to: from) }
        }
        printHeader("Business calendar (Berlin office hours, 15 holidays a year, DST)")
        emit(
            Result(name: "add one year of working time", operations: starts.count, seconds: addTime, target: "< 50 µs")
                .line)
        _ = last

        let tickets = try makeTickets(count: count, calendar: calendar, start: start, random: &random)
        let now = start + 14 * 86_400 + 5 * 3600
        var counts: [SLAStatus: Int] = [:]
        let evaluate = try await seconds {
            let partial = try parallelCounts(tickets, at: now)
            counts = partial
        }
        printHeader("SLA states (\(count) open tickets: first response and resolution, a quarter paused)")
        emit(
            Result(
                name: "due dates and statuses, all tickets", operations: 1, seconds: evaluate,
                target: "< 1 s for 1,000,000"
            ).line)
        emit(Result(name: "due dates and statuses, per ticket", operations: count, seconds: evaluate, target: "").line)
        let single = try await seconds {
            for ticket in tickets { _ = try ticket.sla?.states(at: now) }
        }
        emit(Result(name: "one thread, per ticket", operations: count, seconds: single, target: "").line)
        emit("statuses: " + SLAStatus.allCases.map { "\($0) \(counts[$0, default: 0])" }.joined(separator: ", "))
    }

    /// Open tickets created over the two weeks before `now`, of every priority; a quarter wait on the customer
    /// and half have had their first response. Each block of tickets has its own copy of the policy, as
    /// tickets read from a store do, so that threads do not share reference counts.
    static func makeTickets(
        count: Int, calendar: BusinessCalendar, start: Date, random: inout SeededRandomNumberGenerator
    ) throws -> [Ticket] {
        let hour: TimeInterval = 3600
        let shared = try SLAPolicy(
            id: ID(ULIDGenerator().next()), name: "Standard", calendar: calendar,
            targets: [
                .low: try SLATargets(firstResponse: 8 * hour, resolution: 40 * hour),
                .normal: try SLATargets(firstResponse: 4 * hour, resolution: 24 * hour),
                .high: try SLATargets(firstResponse: 2 * hour, resolution: 8 * hour),
                .urgent: try SLATargets(firstResponse: hour, resolution: 4 * hour),
            ], isDefault: true)
        let ids = ULIDGenerator()
        let agent = MessageAuthor.agent(try Principal("agent:bench"))
        var tickets: [Ticket] = []
        tickets.reserveCapacity(count)
        var policy = shared
        for number in 0..<count {
            if number % 10_000 == 0 {
                policy = try JSONDecoder().decode(SLAPolicy.self, from: try JSONEncoder().encode(shared))
            }
            let opened = start + Double.random(in: 0..<(14 * 86_400), using: &random)
            var ticket = try Ticket(
                id: ID(ids.next()), subject: "Ticket \(number)", channel: .email,
                priority: TicketPriority.allCases[number % 4], at: opened, slaPolicy: policy)
            if number % 2 == 0 { try ticket.addReply("On it", by: agent, at: opened + 1_800) }
            if number % 4 == 0 { try ticket.setStatus(.waitingOnCustomer, at: opened + 3_600) }
            tickets.append(ticket)
        }
        return tickets
    }

    /// The statuses of every clock of every ticket at `now`, counted on all cores.
    static func parallelCounts(_ tickets: [Ticket], at now: Date) throws -> [SLAStatus: Int] {
        let chunks = max(1, tickets.count / 10_000)
        let size = (tickets.count + chunks - 1) / chunks
        let results = Mutex<[SLAStatus: Int]>([:])
        let failure = Mutex<(any Error)?>(nil)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var local: [SLAStatus: Int] = [:]
            do {
                for ticket in tickets[min(chunk * size, tickets.count)..<min((chunk + 1) * size, tickets.count)] {
                    for state in try ticket.sla!.states(at: now) { local[state.status, default: 0] += 1 }
                }
            } catch {
                failure.withLock { $0 = error }
            }
            results.withLock { total in total.merge(local, uniquingKeysWith: +) }
        }
        if let error = failure.withLock({ $0 }) { throw error }
        return results.withLock { $0 }
    }
}
