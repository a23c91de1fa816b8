/// A customer's purchase history reduced to the numbers the customer-base models read, in the conventions
/// of Fader, Hardie and Lee and their reference libraries.
///
/// Purchases on the same day count as one. **Frequency** is the number of repeat purchase days (all but the
/// first); **recency** the time from the first to the last purchase; **T** the time from the first purchase
/// to the end of the observation (calibration) period; **monetary value** the mean value of the repeat
/// purchase days, the first excluded (0 without repeats). Times are in the summary's unit.
public struct CustomerSummary: Hashable, Sendable, Codable {
    /// The customer.
    public let customer: String
    /// Repeat purchase days.
    public let frequency: Int
    /// From the first to the last purchase.
    public let recency: Double
    /// From the first purchase to the end of the observation period.
    public let age: Double
    /// Mean value of the repeat purchase days; 0 without repeats.
    public let monetaryValue: Double
    /// Purchase days in the holdout period, when the summary has one.
    public let holdoutFrequency: Int?
    /// Mean value of the holdout purchase days, when the summary has a holdout period.
    public let holdoutMonetaryValue: Double?

    /// Creates a summary; `recency` may not exceed `age`, and a customer without repeats has recency 0.
    public init(
        customer: String, frequency: Int, recency: Double, age: Double, monetaryValue: Double = 0,
        holdoutFrequency: Int? = nil, holdoutMonetaryValue: Double? = nil
    ) {
        self.customer = customer
        self.frequency = frequency
        self.recency = recency
        self.age = age
        self.monetaryValue = monetaryValue
        self.holdoutFrequency = holdoutFrequency
        self.holdoutMonetaryValue = holdoutMonetaryValue
    }
}
