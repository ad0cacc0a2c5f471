/// `policy.resilience`: plan so that losing sites still leaves few people unmet.
///
/// With `n-1`, the plan must leave at most ``maxUnmetShare`` of each hazard's displaced
/// unsheltered, and at most that share of each supply's need short, when any one site is lost
/// (closed in that hazard) and the rest re-plan: the site-loss cases are extra second-stage
/// scenarios of the one model.
public struct Resilience: Sendable, Hashable {
    public enum Rule: String, Sendable, Hashable, CaseIterable {
        /// Any one site lost.
        case nMinus1 = "n-1"
    }

    public var rule: Rule
    /// `policy.resilience_max_unmet`: the share (0–1) of a hazard's displaced that may go unmet
    /// in a site-loss case.
    public var maxUnmetShare: Double

    public init(rule: Rule, maxUnmetShare: Double) { self.rule = rule; self.maxUnmetShare = maxUnmetShare }
}
