public import CRMService
import Foundation

/// The headline numbers of a help desk: how fast it answers and solves, how often it keeps its promises,
/// and what customers think.
public struct ServiceKPIs: Hashable, Sendable {
    /// Wall-clock hours from opening to the first agent reply, of the tickets that had one.
    public let firstResponseHours: Percentiles
    /// Wall-clock hours from opening to resolution, of the resolved tickets.
    public let resolutionHours: Percentiles
    /// The share of finished SLA clocks that met their target; `nil` without any.
    public let slaAttainment: Double?
    /// The share of resolved tickets that were reopened at least once; `nil` without any.
    public let reopenRate: Double?
    /// The share of resolved tickets solved with one agent reply and never reopened; `nil` without any.
    public let firstContactResolution: Double?
    /// CSAT and NPS.
    public let satisfaction: SatisfactionSummary
    /// Tickets still owing work.
    public let activeTickets: Int

    /// Computes the numbers over `tickets` and `responses`.
    public init(tickets: [Ticket], responses: [SatisfactionResponse]) {
        firstResponseHours = Percentiles(
            tickets.compactMap { ticket in ticket.firstRespondedAt.map { $0.timeIntervalSince(ticket.createdAt) / 3600 }
            })
        let resolved = tickets.filter { $0.resolvedAt != nil }
        resolutionHours = Percentiles(resolved.map { $0.resolvedAt!.timeIntervalSince($0.createdAt) / 3600 })
        let finished = tickets.flatMap { $0.sla?.clocks.filter(\.isStopped) ?? [] }
        slaAttainment =
            finished.isEmpty
            ? nil : Double(finished.filter { $0.outcome == .met }.count) / Double(finished.count)
        reopenRate =
            resolved.isEmpty ? nil : Double(resolved.filter { $0.reopenCount > 0 }.count) / Double(resolved.count)
        firstContactResolution =
            resolved.isEmpty
            ? nil
            : Double(resolved.filter { $0.reopenCount == 0 && $0.messages.filter(\.isAgentReply).count <= 1 }.count)
                / Double(resolved.count)
        satisfaction = SatisfactionSummary(responses)
        activeTickets = tickets.filter(\.isActive).count
    }
}
