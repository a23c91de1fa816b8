/// A model of when customers buy and whether they are still customers: ``BGNBDModel`` or ``ParetoNBDModel``.
public protocol PurchaseModel: Sendable {
    /// The probability that the customer is still active at the end of their observation period.
    func probabilityAlive(_ customer: CustomerSummary) -> Double
    /// The purchases the customer is expected to make in the next `duration`.
    func expectedPurchases(in duration: Double, for customer: CustomerSummary) -> Double
}

extension BGNBDModel: PurchaseModel {}
extension ParetoNBDModel: PurchaseModel {}
