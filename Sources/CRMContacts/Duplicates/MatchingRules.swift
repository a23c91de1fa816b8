/// How duplicate detection compares contacts: the weights of agreement and disagreement on each field,
/// the similarity needed to call two names alike, the score at which a pair is a duplicate, and how wide
/// the sorted-neighbourhood window is. The defaults need no training.
///
/// Scores follow Fellegi and Sunter ("A Theory for Record Linkage", 1969): each field adds the base-2
/// logarithm of how much likelier its outcome is among true duplicates (m) than among unrelated people (u).
/// The default weights come from typical m and u of person data (full names agree in about 80 % of true
/// pairs and 1 in 1,000 random ones; a full date of birth in 85 % and 1 in 20,000), rounded.
public struct MatchingRules: Sendable, Hashable {
    /// The weights of one field's outcomes.
    public struct Weights: Sendable, Hashable {
        /// Added when the values agree.
        public var agree: Double
        /// Added when they nearly agree (a typo, a swapped day and month).
        public var partial: Double
        /// Added when both are present and differ (negative).
        public var disagree: Double
        /// Added when one side has no value (usually near zero).
        public var missing: Double

        /// Creates weights.
        public init(agree: Double, partial: Double, disagree: Double, missing: Double = 0) {
            self.agree = agree
            self.partial = partial
            self.disagree = disagree
            self.missing = missing
        }

        func weight(_ level: PairComparison.Level) -> Double {
            switch level {
            case .agree: agree
            case .partial: partial
            case .disagree: disagree
            case .missing: missing
            }
        }
    }

    /// Names: given and family name, in either order, nicknames resolved (Bill and William agree); they
    /// agree when both parts do and nearly agree when both at least nearly do.
    public var name = Weights(agree: 10, partial: 4, disagree: -6)
    /// Email addresses by matching key; a partial agreement is the same domain and a mistyped local part.
    public var email = Weights(agree: 12, partial: 6, disagree: -2.5)
    /// Phone numbers in E.164; a partial agreement is one mistyped digit.
    public var phone = Weights(agree: 12, partial: 6, disagree: -2.5)
    /// Birthdays; a partial agreement is day and month swapped or one mistyped digit.
    public var birthday = Weights(agree: 11, partial: 5, disagree: -6)
    /// Postal addresses: postcode and house number, or a similar street.
    public var address = Weights(agree: 7, partial: 3, disagree: -1.5)
    /// Ids in other systems: the same id agrees; another id of the same system disagrees.
    public var externalID = Weights(agree: 14, partial: 0, disagree: -8)
    /// The Jaro-Winkler similarity at which names agree.
    public var nameAgreement = 0.94
    /// The Jaro-Winkler similarity at which names nearly agree.
    public var namePartialAgreement = 0.86
    /// The score from which a pair is a duplicate.
    public var threshold = 10.0
    /// Whether a detection over many contacts first re-estimates the weights and threshold from the
    /// contacts themselves, by expectation maximization over the candidate pairs (Winkler 1988, "Using the
    /// EM Algorithm for Weight Computation in the Fellegi-Sunter Model of Record Linkage"). Unsupervised:
    /// no labelled pairs are needed, and the weights above are its starting point. With fewer than 200
    /// candidate pairs the weights above are used as they are. On by default.
    public var fitsWeightsToData = true
    /// The number of neighbours each contact is compared with after sorting by name.
    public var window = 6
    /// Blocks (records sharing a blocking key) larger than this are skipped, so a shared office phone or
    /// a placeholder email cannot make the cost quadratic; the sorted neighbourhood still covers them.
    public var largestBlock = 50

    /// The default rules.
    public init() {}

    /// The weights of every compared field, in ``PairComparison/Field`` order.
    var fieldWeights: [Weights] {
        get { [name, email, phone, birthday, address, externalID] }
        set {
            (name, email, phone, birthday, address, externalID) = (
                newValue[0], newValue[1], newValue[2], newValue[3], newValue[4], newValue[5]
            )
        }
    }

    /// The score of a comparison under these weights.
    func score(_ comparison: PairComparison) -> Double {
        zip(fieldWeights, comparison.levels).reduce(0) { $0 + $1.0.weight($1.1) }
    }
}
