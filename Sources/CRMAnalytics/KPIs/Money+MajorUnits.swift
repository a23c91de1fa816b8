import CRMCore
import Foundation

extension Money {
    /// The amount in major units as a floating-point number, for statistics (12.34 for 12.34 EUR).
    var majorUnits: Double { NSDecimalNumber(decimal: amount).doubleValue }
}
