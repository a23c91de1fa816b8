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
    public let timeZone: TimeZone
    /// The working hours of each day of the week; a day missing here has none.
    public let hours: [Weekday: [WorkingHours]]
    /// The days without working time.
    public let holidays: [Holiday]

    /// How many days after an instant the calendar searches for working time before it reports
    /// ``BusinessCalendarError/noWorkingTimeAfter(_:)``.
    public static let searchHorizonDays = 20_000

    private let table: ZoneOffsetTable
    /// The stretches of each weekday, Monday first, as seconds from the start of the day.
    private let dayRanges: [[Range<Int>]]
    /// Recurring holidays by `(month - 1) * 31 + day - 1`.
    private let recurringClosed: [Bool]
    private let hasRecurring: Bool
    /// Dated holidays as days since 1970-01-01.
    private let closedDays: Set<Int>

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
        self.timeZone = timeZone
        self.hours = hours.filter { !$0.value.isEmpty }
        self.holidays = holidays
        self.table = ZoneOffsetTable.table(for: timeZone)
        self.dayRanges = Weekday.allCases.map { day in
            (hours[day] ?? []).map(\.secondsRange).sorted { $0.lowerBound < $1.lowerBound }
        }
        self.recurringClosed = recurring
        self.hasRecurring = recurring.contains(true)
        self.closedDays = dated
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

    /// Whether `day` (days since 1970-01-01 on the wall clock) is a holiday.
    func isClosed(_ day: Int) -> Bool {
        if closedDays.contains(day) { return true }
        guard hasRecurring else { return false }
        let civil = CivilDays.civil(fromDays: day)
        return recurringClosed[(civil.month - 1) * 31 + civil.day - 1]
    }

    /// Calls `body` with each stretch of working time that ends after `start`, clipped to start no earlier,
    /// in order, until `body` returns `false` or the walk passes the day `lastDay` (days since 1970 on the
    /// wall clock). Without `lastDay` the walk ends after ``searchHorizonDays`` with an error.
    func forEachSpan(
        after start: Date, throughDay lastDay: Int? = nil, _ body: (Double, Double) -> Bool
    ) throws(BusinessCalendarError) {
        let seconds = start.timeIntervalSince1970
        guard seconds.isFinite, seconds >= Double(ZoneOffsetTable.firstSecond + 2 * 86_400),
            seconds < Double(ZoneOffsetTable.endSecond)
        else { throw .outOfRange(start) }
        let whole = Int(seconds.rounded(.down))
        var day = CivilDays.floorDivide(whole + table.offset(atInstant: whole), 86_400) - 1
        let stop = lastDay ?? (day + Self.searchHorizonDays)
        var hint = 0
        while day <= stop {
            guard day * 86_400 < ZoneOffsetTable.endSecond else {
                throw .outOfRange(Date(timeIntervalSince1970: Double(day * 86_400)))
            }
            if !isClosed(day) {
                for range in dayRanges[CivilDays.weekdayIndex(ofDays: day)] {
                    let from = Double(table.instant(ofLocal: day * 86_400 + range.lowerBound, hint: &hint))
                    let to = Double(table.instant(ofLocal: day * 86_400 + range.upperBound, hint: &hint))
                    guard to > seconds else { continue }
                    let clipped = max(from, seconds)
                    if to > clipped && !body(clipped, to) { return }
                }
            }
            day += 1
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
        return CivilDays.floorDivide(whole + table.offset(atInstant: whole), 86_400)
    }
}
