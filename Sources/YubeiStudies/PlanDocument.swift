import YubeiSiting

/// plan.json as `yubei solve` writes it: the plan's keys and `overrides`, the override strings
/// as written on the command line, in order (FORMATS.md §4).
public struct PlanDocument: Encodable, Sendable {
    public var plan: SitingPlan
    public var overrides: [String]
    /// For a resilient plan (`policy.resilience: n-1`): the plain plan's figures beside it.
    public var resilience: ResilienceSummary?

    public init(plan: SitingPlan, overrides: [String], resilience: ResilienceSummary? = nil) {
        self.plan = plan; self.overrides = overrides; self.resilience = resilience
    }

    enum CodingKeys: String, CodingKey { case overrides, resilience, objective, spending }

    /// A plan without a solution (infeasible, none within the time limit) keeps the contract's
    /// keys: `objective` and `spending` are `null`, not left out.
    public func encode(to encoder: any Encoder) throws {
        try plan.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(overrides, forKey: .overrides)
        try container.encodeIfPresent(resilience, forKey: .resilience)
        if plan.objective == nil { try container.encodeNil(forKey: .objective) }
        if plan.spending == nil { try container.encodeNil(forKey: .spending) }
    }
}

/// What planning for the loss of any one open site costs (`policy.resilience: n-1`).
public struct ResilienceSummary: Codable, Sendable, Hashable {
    /// `n-1`.
    public var rule: String
    /// The largest share of a hazard's displaced that may go unmet when one open site is lost.
    public var maxUnmetShare: Double
    /// Opening + stock of the plain plan and of the resilient one, yuan.
    public var plainCost: Double
    public var resilientCost: Double
    /// resilientCost − plainCost.
    public var price: Double
    /// Open sites (existing and opened) of the plain plan and of the resilient one.
    public var plainOpen: [String]
    public var resilientOpen: [String]
    enum CodingKeys: String, CodingKey {
        case rule, price
        case maxUnmetShare = "max_unmet_share", plainCost = "plain_cost", resilientCost = "resilient_cost"
        case plainOpen = "plain_open", resilientOpen = "resilient_open"
    }
}
