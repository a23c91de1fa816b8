public import CRMCore
public import Foundation

/// The three promises of a service-level agreement.
public enum SLATarget: String, Hashable, Sendable, Codable, CaseIterable {
    /// The first public reply of an agent after the ticket was opened; this clock never pauses.
    case firstResponse
    /// An agent's public reply after each later message of the customer; never pauses.
    case nextResponse
    /// The ticket resolved; paused while waiting on the customer or a third party.
    case resolution
}

/// How much working time each promise allows, in seconds; a missing target is not promised.
public struct SLATargets: Hashable, Sendable, Codable {
    /// Working time allowed until the first response.
    public var firstResponse: TimeInterval?
    /// Working time allowed for each next response.
    public var nextResponse: TimeInterval?
    /// Working time allowed until resolution, not counting paused time.
    public var resolution: TimeInterval?

    /// Creates targets; each given one must be positive and finite.
    public init(firstResponse: TimeInterval? = nil, nextResponse: TimeInterval? = nil, resolution: TimeInterval? = nil)
        throws(ValidationError)
    {
        var check = ValidationCollector(subject: "SLATargets")
        for (field, value) in [
            ("firstResponse", firstResponse), ("nextResponse", nextResponse), ("resolution", resolution),
        ] {
            if let value, !(value.isFinite && value > 0) {
                check.add(field: field, reason: "must be a positive number of seconds", value: "\(value)")
            }
        }
        try check.finish()
        self.firstResponse = firstResponse
        self.nextResponse = nextResponse
        self.resolution = resolution
    }

    /// The working time allowed for `target`.
    public subscript(target: SLATarget) -> TimeInterval? {
        switch target {
        case .firstResponse: firstResponse
        case .nextResponse: nextResponse
        case .resolution: resolution
        }
    }
}
