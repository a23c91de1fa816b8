public import Foundation

extension BusinessCalendar {
    /// Whether `date` lies in working time (a stretch includes its start and excludes its end).
    public func isWorkingTime(_ date: Date) throws(BusinessCalendarError) -> Bool {
        var working = false
        try forEachSpan(after: date, throughDay: try localDay(of: date)) { from, _ in
            working = from == date.timeIntervalSince1970
            return false
        }
        return working
    }

    /// `date` itself when it is working time, else the start of the next stretch of working time.
    public func nextWorkingInstant(atOrAfter date: Date) throws(BusinessCalendarError) -> Date {
        var next = date
        try forEachSpan(after: date) { from, _ in
            next = Date(timeIntervalSince1970: from)
            return false
        }
        return next
    }

    /// The instant at which `duration` seconds of working time have passed since `date`.
    ///
    /// Adding zero returns `date` unchanged; time that runs out exactly at the end of a stretch ends there,
    /// not at the start of the next one.
    public func adding(_ duration: TimeInterval, to date: Date) throws(BusinessCalendarError) -> Date {
        guard duration.isFinite, duration >= 0 else { throw .invalidDuration(duration) }
        guard duration > 0 else { return date }
        var remaining = duration
        var result = date
        try forEachSpan(after: date) { from, to in
            if remaining <= to - from {
                result = Date(timeIntervalSince1970: from + remaining)
                return false
            }
            remaining -= to - from
            return true
        }
        return result
    }

    /// The working time between two instants, in seconds; negative when `end` comes before `start`.
    public func workingDuration(from start: Date, to end: Date) throws(BusinessCalendarError) -> TimeInterval {
        guard start <= end else { return -(try workingDuration(from: end, to: start)) }
        let limit = end.timeIntervalSince1970
        var total = 0.0
        try forEachSpan(after: start, throughDay: try localDay(of: end)) { from, to in
            guard from < limit else { return false }
            total += min(to, limit) - from
            return true
        }
        return total
    }
}

extension BusinessCalendar {
    /// In one walk from `start`: the instants at which `first` and `second` seconds of working time have
    /// passed (as ``adding(_:to:)`` finds them; `start` itself for durations not above zero), and the working
    /// time between `start` and `end`. For deadlines that are read together, such as an SLA target's
    /// at-risk and due instants and the time it used.
    package func progress(
        from start: Date, reaching first: TimeInterval, and second: TimeInterval, until end: Date
    ) throws(BusinessCalendarError) -> (first: Date, second: Date, elapsed: TimeInterval) {
        let limit = end.timeIntervalSince1970
        var firstAt: Double? = first > 0 ? nil : start.timeIntervalSince1970
        var secondAt: Double? = second > 0 ? nil : start.timeIntervalSince1970
        var cumulative = 0.0
        var elapsed = 0.0
        try forEachSpan(after: start) { from, to in
            let length = to - from
            if firstAt == nil && cumulative + length >= first { firstAt = from + (first - cumulative) }
            if secondAt == nil && cumulative + length >= second { secondAt = from + (second - cumulative) }
            if from < limit { elapsed += min(to, limit) - from }
            cumulative += length
            return firstAt == nil || secondAt == nil || to < limit
        }
        return (Date(timeIntervalSince1970: firstAt!), Date(timeIntervalSince1970: secondAt!), elapsed)
    }
}
