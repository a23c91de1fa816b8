public import CRMCore

/// The SLA policies of a help desk, in the order they are tried, with exactly one default.
public struct SLAPolicyCatalog: Hashable, Sendable, Codable {
    /// The policies; the first non-default one whose conditions match a ticket applies.
    public let policies: [SLAPolicy]

    /// Creates a catalog; throws unless exactly one policy is the default and ids are unique.
    public init(_ policies: [SLAPolicy]) throws(ValidationError) {
        let defaults = policies.filter(\.isDefault).count
        var check = ValidationCollector(subject: "SLAPolicyCatalog")
        if defaults != 1 {
            check.add(field: "policies", reason: "needs exactly one default policy", value: "\(defaults) defaults")
        }
        if Set(policies.map(\.id)).count != policies.count {
            check.add(field: "policies", reason: "ids must be unique")
        }
        try check.finish()
        self.policies = policies
    }

    /// The default policy.
    public var defaultPolicy: SLAPolicy { policies.first(where: \.isDefault)! }

    /// The policy that applies to `ticket`.
    public func policy(for ticket: Ticket) -> SLAPolicy {
        policies.first { !$0.isDefault && $0.conditions.matches(ticket) } ?? defaultPolicy
    }

    /// Decodes the policies and checks the default again.
    public init(from decoder: any Decoder) throws {
        try self.init(try [SLAPolicy](from: decoder))
    }

    /// Encodes the policies in order.
    public func encode(to encoder: any Encoder) throws {
        try policies.encode(to: encoder)
    }
}
