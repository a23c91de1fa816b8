public import Foundation

/// Working time: weekly working hours in a time zone, minus holidays.
///
/// Service-level targets and follow-up deadlines are measured in working time: "respond within 8 working
/// hours" means 8 hours of this calendar, not of the wall clock. The calendar answers four questions,
/// exactly across daylight-saving changes and year ends:
///
/// ```swift
/// let calendar = try BusinessCalendar(
///     timeZone: TimeZone(identifier: "Europe/Berlin")!,
///     hours: [.monday: [try WorkingHours("09:00-12:30"), try WorkingHours("13:30-17:00")]],
///     holidays: [Holiday("New Year", on: try CalendarDay(iso: "--01-01"))])
/// let due = try calendar.adding(8 * 3600, to: openedAt)
/// let spent = try calendar.workingDuration(from: openedAt, to: now)
/// ```
///
/// Wall-clock times resolve as people read them: a time shown twice when the clocks go back is its first
/// occurrence, and a time skipped when they go forward is the instant they jumped. A day can hold several
/// stretches (a lunch break) and an overnight shift that ends on the next day; a holiday removes the
/// stretches that start on it. The work is a walk over days in integer arithmetic, so adding a year of
/// working time costs a few microseconds.
public struct BusinessCalendar: Sendable {
    /// The time zone the hours are read in.
    public var timeZone: TimeZone { storage.timeZone }
    /// The working hours of each day of the week; a day missing here has none.
    public var hours: [Weekday: [WorkingHours]] { storage.hours }
    /// The days without working time.
    public var holidays: [Holiday] { storage.holidays }

    /// How many days after an instant the calendar searches for working time before it reports
    /// ``BusinessCalendarError/noWorkingTimeAfter(_:)``.
    public static let searchHorizonDays = 20_000

    /// The definition and its tables in one immutable object, so that copying a calendar (every ticket's
    /// agreement holds one) costs one reference count.
    private final class Storage: Sendable {
        let timeZone: TimeZone
        let hours: [Weekday: [WorkingHours]]
        let holidays: [Holiday]
        let table: ZoneOffsetTable
        /// The stretches of all weekdays, Monday's first, as seconds from the start of their day: weekday
        /// `w`'s (Monday 0) are `stretchBounds[firstStretch[w] ..< firstStretch[w + 1]]`.
        let stretchBounds: [(start: Int, end: Int)]
        let firstStretch: [Int]
        /// Recurring holidays by `(month - 1) * 31 + day - 1`.
        let recurringClosed: [Bool]
        /// Dated holidays as days since 1970-01-01, ascending.
        let closedDays: [Int]

        init(
            timeZone: TimeZone, hours: [Weekday: [WorkingHours]], holidays: [Holiday], recurring: [Bool],
            dated: [Int]
        ) {
            self.timeZone = timeZone
            self.hours = hours.filter { !$0.value.isEmpty }
            self.holidays = holidays
            self.table = ZoneOffsetTable.table(for: timeZone)
            let byDay = Weekday.allCases.map { day in
                (hours[day] ?? []).map(\.secondsRange).sorted { $0.lowerBound < $1.lowerBound }
            }
            self.stretchBounds = byDay.flatMap { $0.map { (start: $0.lowerBound, end: $0.upperBound) } }
            self.firstStretch = byDay.reduce(into: [0]) { $0.append($0.last! + $1.count) }
            self.recurringClosed = recurring
            self.closedDays = dated.sorted()
        }
    }

    private let storage: Storage

    /// Creates a calendar; throws when stretches overlap or when there is no working time.
    public init(timeZone: TimeZone, hours: [Weekday: [WorkingHours]], holidays: [Holiday] = [])
        throws(BusinessCalendarError)
    {
        var stretches: [(day: Weekday, hours: WorkingHours, range: Range<Int>)] = []
        for (day, list) in hours {
            for item in list {
                let offset = (day.rawValue - 1) * 86_400
                let range = item.secondsRange
                stretches.append((day, item, (range.lowerBound + offset)..<(range.upperBound + offset)))
            }
        }
        guard !stretches.isEmpty else { throw .noWorkingTime }
        stretches.sort { $0.range.lowerBound < $1.range.lowerBound }
        for (index, current) in stretches.enumerated() {
            let next = stretches[(index + 1) % stretches.count]
            let nextStart = next.range.lowerBound + (index + 1 == stretches.count ? 7 * 86_400 : 0)
            if current.range.upperBound > nextStart {
                throw .overlappingHours(current.day, current.hours, next.day, next.hours)
            }
        }
        var recurring = [Bool](repeating: false, count: 12 * 31)
        var dated = Set<Int>()
        for holiday in holidays {
            if let year = holiday.day.year {
                dated.insert(CivilDays.days(year: year, month: holiday.day.month, day: holiday.day.day))
            } else {
                recurring[(holiday.day.month - 1) * 31 + holiday.day.day - 1] = true
            }
        }
        let everyDay = (1...12).allSatisfy { month in
            (1...CalendarDay.length(ofMonth: month, year: nil)).allSatisfy { recurring[(month - 1) * 31 + $0 - 1] }
        }
        if everyDay { throw .noWorkingTime }
        storage = Storage(
            timeZone: timeZone, hours: hours, holidays: holidays, recurring: recurring, dated: Array(dated))
    }

    /// Every hour of every day in `timeZone`: 24x7 support.
    public static func alwaysOpen(in timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> BusinessCalendar {
        let wholeDay = try! WorkingHours(from: .midnight, to: .endOfDay)
        return try! BusinessCalendar(
            timeZone: timeZone, hours: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [wholeDay]) }))
    }

    /// The same `hours` on Monday to Friday, with `holidays`.
    public static func workdays(
        _ hours: [WorkingHours], in timeZone: TimeZone, holidays: [Holiday] = []
    ) throws(BusinessCalendarError) -> BusinessCalendar {
        try BusinessCalendar(
            timeZone: timeZone, hours: Dictionary(uniqueKeysWithValues: Weekday.workdays.map { ($0, hours) }),
            holidays: holidays)
    }

    /// Calls `body` with each stretch of working time that ends after `start`, clipped to start no earlier,
    /// in order, until `body` returns `false` or the walk passes the day `lastDay` (days since 1970 on the
    /// wall clock). Without `lastDay` the walk ends after ``searchHorizonDays`` with an error.
    ///
    /// The walk keeps the weekday, the date and the next dated holiday as it goes, so each day costs a few
    /// comparisons.
    func forEachSpan(
        after start: Date, throughDay lastDay: Int? = nil, _ body: (Double, Double) -> Bool
    ) throws(BusinessCalendarError) {
        var day = try localDay(of: start) - 1
        let seconds = start.timeIntervalSince1970
        let stop = lastDay ?? (day + Self.searchHorizonDays)
        var weekday = CivilDays.weekdayIndex(ofDays: day)
        var (year, month, dayOfMonth) = CivilDays.civil(fromDays: day)
        var monthLength = CalendarDay.length(ofMonth: month, year: year)
        let table = storage.table
        let stretchBounds = storage.stretchBounds
        let firstStretch = storage.firstStretch
        let recurringClosed = storage.recurringClosed
        let closedDays = storage.closedDays
        var nextClosed = closedDays.partitionPoint { $0 >= day }
        var hint = 0
        while day <= stop {
            guard day * 86_400 < ZoneOffsetTable.endSecond else {
                throw .outOfRange(Date(timeIntervalSince1970: Double(day * 86_400)))
            }
            var closed = recurringClosed[(month - 1) * 31 + dayOfMonth - 1]
            if nextClosed < closedDays.count && closedDays[nextClosed] == day {
                closed = true
                nextClosed += 1
            }
            if !closed {
                let midnight = day * 86_400
                for index in firstStretch[weekday]..<firstStretch[weekday + 1] {
                    let bounds = stretchBounds[index]
                    let from = Double(table.instant(ofLocal: midnight + bounds.start, hint: &hint))
                    let to = Double(table.instant(ofLocal: midnight + bounds.end, hint: &hint))
                    guard to > seconds else { continue }
                    let clipped = max(from, seconds)
                    if to > clipped && !body(clipped, to) { return }
                }
            }
            day += 1
            weekday = weekday == 6 ? 0 : weekday + 1
            dayOfMonth += 1
            if dayOfMonth > monthLength {
                dayOfMonth = 1
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
                monthLength = CalendarDay.length(ofMonth: month, year: year)
            }
        }
        if lastDay == nil { throw .noWorkingTimeAfter(start) }
    }

    /// The wall-clock day (days since 1970-01-01) of `date`.
    func localDay(of date: Date) throws(BusinessCalendarError) -> Int {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite, seconds >= Double(ZoneOffsetTable.firstSecond + 2 * 86_400),
            seconds < Double(ZoneOffsetTable.endSecond)
        else { throw .outOfRange(date) }
        let whole = Int(seconds.rounded(.down))
        return CivilDays.floorDivide(whole + storage.table.offset(atInstant: whole), 86_400)
    }
}
