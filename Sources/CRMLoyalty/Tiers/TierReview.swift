public import CRMCore
public import Foundation

/// A member's move from one tier to another; published after the commit that made it.
public struct TierChanged: DomainEvent, Hashable {
    /// The member.
    public let memberID: CRMCore.ID<Member>
    /// The tier left.
    public let from: String
    /// The tier reached.
    public let to: String
    /// When it took effect.
    public let at: Date
    /// Whether it was an upgrade.
    public let isUpgrade: Bool
}

extension LoyaltyProgram {
    /// The start and end of the qualification period that contains `instant`, for a member who enrolled at
    /// `enrolledAt`.
    public func qualificationPeriod(containing instant: Date, enrolledAt: Date) -> DateInterval {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        switch tiers.period {
        case .calendarYear:
            return calendar.dateInterval(of: .year, for: instant)!
        case .rolling12Months:
            let monthEnd = calendar.dateInterval(of: .month, for: instant)!.end
            return DateInterval(start: calendar.date(byAdding: .month, value: -12, to: monthEnd)!, end: monthEnd)
        case .anniversary:
            var start = enrolledAt
            var years = 0
            while let next = calendar.date(byAdding: .year, value: years + 1, to: enrolledAt), next <= instant {
                years += 1
                start = next
            }
            return DateInterval(start: start, end: calendar.date(byAdding: .year, value: years + 1, to: enrolledAt)!)
        }
    }

    /// The total that counts toward tiers from day `start` up to, not including, day `end`.
    func qualifyingTotal(_ account: PointsAccount, fromDay start: Int, toDay end: Int) -> Int64 {
        let totals = account.qualification.totals(fromDay: start, toDay: end)
        return tiers.basis == .qualifyingPoints ? totals.points : totals.spend
    }

    /// Moves `member` to the tier their qualifying total gives at `now`: an upgrade at once, a downgrade
    /// only for each review (period end) that passed since their tier was last reviewed. Returns the changes.
    public func reviewTier(of member: inout Member, account: PointsAccount, at now: Date) -> [TierChanged] {
        guard !tiers.tiers.isEmpty else { return [] }
        var changes: [TierChanged] = []
        func move(to key: String, at instant: Date) {
            guard key != member.tier else { return }
            changes.append(
                TierChanged(
                    memberID: member.id, from: member.tier, to: key, at: instant,
                    isUpgrade: tiers.rank(of: key) > tiers.rank(of: member.tier)))
            member.tier = key
            member.tierSince = instant
        }
        var reviewAt =
            member.tierReviewAt ?? qualificationPeriod(containing: member.enrolledAt, enrolledAt: member.enrolledAt).end
        while reviewAt <= now {
            let ended = qualificationPeriod(containing: reviewAt - 1, enrolledAt: member.enrolledAt)
            let total = qualifyingTotal(account, fromDay: dayNumber(of: ended.start), toDay: dayNumber(of: ended.end))
            let qualified = tiers.qualifiedTier(for: total)!
            let current = tiers.rank(of: member.tier)
            switch tiers.downgrade {
            case .toQualifiedTier: move(to: qualified.key, at: reviewAt)
            case .oneTierAtATime:
                let target = max(tiers.rank(of: qualified.key), current - 1)
                move(to: tiers.tiers[max(0, target)].key, at: reviewAt)
            case .never:
                if tiers.rank(of: qualified.key) > current { move(to: qualified.key, at: reviewAt) }
            }
            reviewAt = qualificationPeriod(containing: reviewAt, enrolledAt: member.enrolledAt).end
        }
        member.tierReviewAt = reviewAt
        let current = qualificationPeriod(containing: now, enrolledAt: member.enrolledAt)
        let total = qualifyingTotal(account, fromDay: dayNumber(of: current.start), toDay: dayNumber(of: now) + 1)
        let reached = tiers.qualifiedTier(for: total)!
        if tiers.rank(of: reached.key) > tiers.rank(of: member.tier) { move(to: reached.key, at: now) }
        return changes
    }
}
