/// The running RFM counts of one customer, fed one purchase at a time in the order of the purchase days.
///
/// Purchases of one day are summed before they count, so a day's value is added in the same order whether
/// the purchases come from a stream or from a sorted list. A purchase dated before the day still open
/// marks the tally as out of order; such a customer is recounted from its sorted purchases.
struct PurchaseTally {
    /// The first purchase day.
    private(set) var firstDay: Int32
    /// The day whose purchases are being summed.
    private var openDay: Int32
    /// The sum of the open day's purchases.
    private var openTotal = 0.0
    /// The last purchase day within the calibration period.
    private var lastCalibrationDay: Int32
    private var repeatDays: Int32 = 0
    private var repeatTotal = 0.0
    private var holdoutDays: Int32 = 0
    private var holdoutTotal = 0.0
    /// Whether every purchase so far came on or after the open day.
    private(set) var isInOrder = true

    /// A tally that starts with a purchase.
    init(day: Int32, amount: Double) {
        firstDay = day
        openDay = day
        lastCalibrationDay = day
        openTotal = amount
    }

    /// Adds a purchase; `calibration` is the last day of the calibration period.
    mutating func add(day: Int32, amount: Double, calibration: Int32) {
        if day == openDay {
            openTotal += amount
        } else if day > openDay {
            closeDay(calibration: calibration)
            openDay = day
            openTotal = amount
        } else {
            isInOrder = false
        }
    }

    /// Counts the open day, once the customer has no more purchases.
    mutating func finish(calibration: Int32) {
        closeDay(calibration: calibration)
        openTotal = 0
    }

    private mutating func closeDay(calibration: Int32) {
        if openDay > calibration {
            holdoutDays += 1
            holdoutTotal += openTotal
        } else {
            lastCalibrationDay = openDay
            if openDay != firstDay {
                repeatDays += 1
                repeatTotal += openTotal
            }
        }
    }

    /// The finished tally as a summary; `calibration` is in days, times are reported in `unit`.
    func summary(of customer: String, calibration: Int32, hasHoldout: Bool, unit: TimeUnit) -> CustomerSummary {
        CustomerSummary(
            customer: customer, frequency: Int(repeatDays),
            recency: Double(lastCalibrationDay - firstDay) / unit.days,
            age: Double(calibration - firstDay) / unit.days,
            monetaryValue: repeatDays == 0 ? 0 : repeatTotal / Double(repeatDays),
            holdoutFrequency: hasHoldout ? Int(holdoutDays) : nil,
            holdoutMonetaryValue: hasHoldout ? (holdoutDays == 0 ? 0 : holdoutTotal / Double(holdoutDays)) : nil)
    }
}
