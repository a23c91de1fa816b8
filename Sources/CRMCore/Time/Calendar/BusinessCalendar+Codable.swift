import Foundation

extension BusinessCalendar: Hashable {
    /// Calendars are equal when their time zone, hours and holidays are.
    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.timeZone.identifier == rhs.timeZone.identifier && lhs.hours == rhs.hours && lhs.holidays == rhs.holidays
    }

    /// Hashes the time zone, hours and holidays.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(timeZone.identifier)
        hasher.combine(hours)
        hasher.combine(holidays)
    }
}

extension BusinessCalendar: Codable {
    private enum CodingKeys: String, CodingKey {
        case timeZone, hours, holidays
    }

    /// Decodes `{"timeZone": "Europe/Berlin", "hours": {"monday": ["09:00-17:00"]}, "holidays": [...]}` and
    /// validates it again.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let identifier = try container.decode(String.self, forKey: .timeZone)
        guard let zone = TimeZone(identifier: identifier) else {
            throw DecodingError.dataCorruptedError(
                forKey: .timeZone, in: container, debugDescription: "unknown time zone \(identifier)")
        }
        let named = try container.decode([String: [WorkingHours]].self, forKey: .hours)
        var hours: [Weekday: [WorkingHours]] = [:]
        for (name, list) in named {
            guard let day = Weekday.allCases.first(where: { $0.description == name }) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .hours, in: container, debugDescription: "unknown weekday \(name)")
            }
            hours[day] = list
        }
        do {
            try self.init(
                timeZone: zone, hours: hours, holidays: try container.decode([Holiday].self, forKey: .holidays))
        } catch let error as BusinessCalendarError {
            throw DecodingError.dataCorruptedError(
                forKey: .hours, in: container, debugDescription: error.description)
        }
    }

    /// Encodes the time zone's identifier, the hours by weekday name and the holidays.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(timeZone.identifier, forKey: .timeZone)
        try container.encode(
            Dictionary(uniqueKeysWithValues: hours.map { ($0.key.description, $0.value) }), forKey: .hours)
        try container.encode(holidays, forKey: .holidays)
    }
}
