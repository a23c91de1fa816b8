import CRMCore
import Foundation
import Testing

/// The business calendar against a table of vectors worked out by hand: daylight saving in spring and
/// autumn, holidays, split days, overnight shifts, year ends and 24x7.
@Suite struct BusinessCalendarTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!
    static let newYork = TimeZone(identifier: "America/New_York")!
    static let utc = TimeZone(identifier: "UTC")!

    /// Monday to Friday 09:00-12:30 and 13:30-17:00 in Berlin (7 hours a day), with Christmas, New Year and
    /// Good Friday 2026 as holidays.
    static let office = try! BusinessCalendar.workdays(
        [try! WorkingHours("09:00-12:30"), try! WorkingHours("13:30-17:00")], in: berlin,
        holidays: [
            Holiday("Christmas Day", on: try! CalendarDay(iso: "--12-25")),
            Holiday("Boxing Day", on: try! CalendarDay(iso: "--12-26")),
            Holiday("New Year", on: try! CalendarDay(iso: "--01-01")),
            Holiday("Good Friday", on: try! CalendarDay(iso: "2026-04-03")),
        ])
    /// Monday to Friday night shifts 22:00-06:00, UTC.
    static let nights = try! BusinessCalendar.workdays([try! WorkingHours("22:00-06:00")], in: utc)

    /// `yyyy-MM-dd HH:mm` on the wall clock of `zone`.
    static func at(_ text: String, _ zone: TimeZone = berlin) -> Date {
        let parts = text.split { $0 == "-" || $0 == " " || $0 == ":" }.map { Int($0)! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.date(
            from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4]))!
    }

    struct Vector: Sendable, CustomStringConvertible {
        let name: String
        let calendar: BusinessCalendar
        let start: Date
        let hours: Double
        let expected: Date
        var description: String { name }
    }

    static let vectors: [Vector] = [
        Vector(
            name: "inside one stretch", calendar: office, start: at("2026-03-23 10:00"), hours: 2,
            expected: at("2026-03-23 12:00")),
        Vector(
            name: "over the lunch break", calendar: office, start: at("2026-03-23 10:00"), hours: 3,
            expected: at("2026-03-23 14:00")),
        Vector(
            name: "ends exactly at closing", calendar: office, start: at("2026-03-23 16:00"), hours: 1,
            expected: at("2026-03-23 17:00")),
        Vector(
            name: "from a weekend", calendar: office, start: at("2026-03-21 12:00"), hours: 1,
            expected: at("2026-03-23 10:00")),
        Vector(
            name: "over the spring change (CET to CEST)", calendar: office, start: at("2026-03-27 16:00"),
            hours: 2, expected: Date(timeIntervalSince1970: 1_774_857_600)),
        Vector(
            name: "over the autumn change (CEST to CET)", calendar: office, start: at("2026-10-23 16:00"),
            hours: 2, expected: Date(timeIntervalSince1970: 1_793_005_200)),
        Vector(
            name: "over a dated holiday", calendar: office, start: at("2026-04-02 16:30"), hours: 1,
            expected: at("2026-04-06 09:30")),
        Vector(
            name: "over Christmas", calendar: office, start: at("2026-12-24 16:00"), hours: 2,
            expected: at("2026-12-28 10:00")),
        Vector(
            name: "over the year end and New Year", calendar: office, start: at("2026-12-31 16:00"), hours: 2,
            expected: at("2027-01-04 10:00")),
        Vector(
            name: "a whole week, into summer time", calendar: office, start: at("2026-03-23 10:00"), hours: 35,
            expected: at("2026-03-30 10:00")),
        Vector(
            name: "24x7 over the spring change", calendar: .alwaysOpen(in: newYork),
            start: at("2026-03-08 00:00", newYork), hours: 3, expected: at("2026-03-08 04:00", newYork)),
        Vector(
            name: "24x7 over the autumn change", calendar: .alwaysOpen(in: newYork),
            start: at("2026-11-01 00:00", newYork), hours: 3,
            expected: Date(timeIntervalSince1970: 1_793_516_400)),
        Vector(
            name: "overnight shift into the weekend", calendar: nights, start: at("2026-03-27 23:00", utc),
            hours: 8, expected: at("2026-03-30 23:00", utc)),
        Vector(
            name: "inside an overnight shift after midnight", calendar: nights,
            start: at("2026-03-24 03:00", utc), hours: 2, expected: at("2026-03-24 05:00", utc)),
    ]

    @Test(arguments: vectors)
    func addingWorkingTimeMatchesTheVector(_ vector: Vector) throws {
        let result = try vector.calendar.adding(vector.hours * 3600, to: vector.start)
        #expect(result == vector.expected)
        #expect(try vector.calendar.workingDuration(from: vector.start, to: result) == vector.hours * 3600)
    }

    @Test func theVectorsMeanWhatTheySay() {
        // 2026-03-30 10:00 CEST is 08:00 UTC; 2026-10-26 10:00 CET is 09:00 UTC; 02:00 EST on 2026-11-01 is 07:00 UTC.
        #expect(Self.at("2026-03-30 10:00") == Date(timeIntervalSince1970: 1_774_857_600))
        #expect(Self.at("2026-10-26 10:00") == Date(timeIntervalSince1970: 1_793_005_200))
        #expect(Date(timeIntervalSince1970: 1_793_516_400) == Self.at("2026-11-01 07:00", Self.utc))
    }

    @Test func daysAroundDaylightSavingChangesHaveTheirRealLength() throws {
        let always = BusinessCalendar.alwaysOpen(in: Self.berlin)
        let spring = try always.workingDuration(from: Self.at("2026-03-29 00:00"), to: Self.at("2026-03-30 00:00"))
        let autumn = try always.workingDuration(from: Self.at("2026-10-25 00:00"), to: Self.at("2026-10-26 00:00"))
        #expect(spring == 23 * 3600)
        #expect(autumn == 25 * 3600)
        let shifts = try BusinessCalendar(timeZone: Self.berlin, hours: [.saturday: [try WorkingHours("22:00-06:00")]])
        let short = try shifts.workingDuration(from: Self.at("2026-03-28 12:00"), to: Self.at("2026-03-29 12:00"))
        let long = try shifts.workingDuration(from: Self.at("2026-10-24 12:00"), to: Self.at("2026-10-25 12:00"))
        #expect(short == 7 * 3600, "the overnight shift loses the skipped hour")
        #expect(long == 9 * 3600, "the overnight shift gains the repeated hour")
    }

    @Test func workingHoursInsideTheSkippedHourStartWhenTheClocksJump() throws {
        let calendar = try BusinessCalendar(timeZone: Self.berlin, hours: [.sunday: [try WorkingHours("02:00-04:00")]])
        let day = try calendar.workingDuration(from: Self.at("2026-03-29 00:00"), to: Self.at("2026-03-30 00:00"))
        #expect(day == 3600)
        #expect(try calendar.nextWorkingInstant(atOrAfter: Self.at("2026-03-28 12:00")) == Self.at("2026-03-29 03:00"))
    }

    @Test func workingTimeIsFoundAndSkipped() throws {
        let office = Self.office
        #expect(try office.isWorkingTime(Self.at("2026-03-23 09:00")), "a stretch includes its start")
        #expect(try !office.isWorkingTime(Self.at("2026-03-23 12:30")), "and excludes its end")
        #expect(try !office.isWorkingTime(Self.at("2026-03-23 13:00")), "the lunch break")
        #expect(try !office.isWorkingTime(Self.at("2026-12-25 10:00")), "a recurring holiday")
        #expect(try office.nextWorkingInstant(atOrAfter: Self.at("2026-03-23 12:45")) == Self.at("2026-03-23 13:30"))
        #expect(try office.nextWorkingInstant(atOrAfter: Self.at("2026-03-23 11:00")) == Self.at("2026-03-23 11:00"))
        #expect(try Self.nights.isWorkingTime(Self.at("2026-03-28 03:00", Self.utc)), "Friday's shift on Saturday")
        #expect(try !Self.nights.isWorkingTime(Self.at("2026-03-23 03:00", Self.utc)), "no Sunday shift")
        let closedFriday = try BusinessCalendar.workdays(
            [try WorkingHours("22:00-06:00")], in: Self.utc,
            holidays: [Holiday("Closed", on: try CalendarDay(iso: "2026-03-27"))])
        #expect(try !closedFriday.isWorkingTime(Self.at("2026-03-28 03:00", Self.utc)), "a holiday removes its shift")
        #expect(try office.adding(0, to: Self.at("2026-03-21 12:00")) == Self.at("2026-03-21 12:00"))
        #expect(
            try office.workingDuration(from: Self.at("2026-03-24 10:00"), to: Self.at("2026-03-23 10:00")) == -7 * 3600)
    }

    @Test func addingAndMeasuringAreInverse() throws {
        var generator = SystemRandomNumberGenerator()
        let start = Self.at("2026-01-01 00:00").timeIntervalSince1970
        for _ in 0..<200 {
            let from = Date(timeIntervalSince1970: start + Double.random(in: 0..<(2 * 365 * 86_400), using: &generator))
            let hours = Double(Int.random(in: 0..<3_000, using: &generator)) / 4
            for calendar in [Self.office, Self.nights, .alwaysOpen(in: Self.newYork)] {
                let due = try calendar.adding(hours * 3600, to: from)
                #expect(try calendar.workingDuration(from: from, to: due) == hours * 3600, "\(from) + \(hours) h")
            }
        }
    }

    @Test func aCalendarWithoutWorkingTimeIsRefused() throws {
        #expect(throws: BusinessCalendarError.noWorkingTime) {
            try BusinessCalendar(timeZone: Self.utc, hours: [:])
        }
        #expect(throws: BusinessCalendarError.noWorkingTime) {
            try BusinessCalendar(timeZone: Self.utc, hours: [.monday: []])
        }
        let everyDay = (1...12).flatMap { month in
            (1...31).compactMap { day in try? CalendarDay(month: month, day: day) }.map { Holiday("Closed", on: $0) }
        }
        #expect(everyDay.count == 366)
        #expect(throws: BusinessCalendarError.noWorkingTime) {
            try BusinessCalendar.workdays([try WorkingHours("09:00-17:00")], in: Self.utc, holidays: everyDay)
        }
        let mondays = (0..<3_200).map { week in
            Holiday(
                "Closed",
                on: try! CalendarDay(
                    iso: Self.isoDay(Self.at("2026-03-23 12:00", Self.utc) + Double(week) * 7 * 86_400)))
        }
        let closedForYears = try BusinessCalendar(
            timeZone: Self.utc, hours: [.monday: [try WorkingHours("09:00-17:00")]], holidays: mondays)
        let start = Self.at("2026-03-20 12:00", Self.utc)
        #expect(throws: BusinessCalendarError.noWorkingTimeAfter(start)) { try closedForYears.adding(3600, to: start) }
    }

    static func isoDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test func overlappingHoursAndBadInputAreTypedErrors() throws {
        let morning = try WorkingHours("09:00-12:00")
        let late = try WorkingHours("11:00-13:00")
        #expect(throws: BusinessCalendarError.overlappingHours(.monday, morning, .monday, late)) {
            try BusinessCalendar(timeZone: Self.utc, hours: [.monday: [late, morning]])
        }
        let night = try WorkingHours("22:00-06:00")
        let early = try WorkingHours("05:00-09:00")
        #expect(throws: BusinessCalendarError.overlappingHours(.sunday, night, .monday, early)) {
            try BusinessCalendar(timeZone: Self.utc, hours: [.sunday: [night], .monday: [early]])
        }
        #expect(throws: BusinessCalendarError.invalidDuration(-1)) { try Self.office.adding(-1, to: Date()) }
        let far = Date(timeIntervalSince1970: 20_000_000_000)
        #expect(throws: BusinessCalendarError.outOfRange(far)) { try Self.office.adding(60, to: far) }
        for bad in ["09:00", "9:00-17:00", "09:00-09:00", "25:00-26:00", "09:60-10:00", "24:00-02:00"] {
            #expect(throws: ValidationError.self, "\(bad)") { try WorkingHours(bad) }
        }
    }

    @Test func aCalendarRoundTripsThroughJSONAndIsValidatedOnDecoding() throws {
        let data = try JSONEncoder().encode(Self.office)
        #expect(try JSONDecoder().decode(BusinessCalendar.self, from: data) == Self.office)
        let bad = #"{"timeZone":"UTC","hours":{"monday":["09:00-12:00","11:00-13:00"]},"holidays":[]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BusinessCalendar.self, from: Data(bad.utf8)) }
        let zone = #"{"timeZone":"Mars/Olympus","hours":{"monday":["09:00-12:00"]},"holidays":[]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BusinessCalendar.self, from: Data(zone.utf8)) }
    }
}
