import YubeiSiting

/// The headline figures of one plan, per hazard and weighted across hazards: what studies,
/// frontiers and stress tests compare.
///
/// This is the one place those figures are read from a ``SitingPlan``: each hazard's `summary`
/// (people without a complete kit = displaced − fully supplied).
public struct PlanFigures: Sendable, Hashable {
    /// One hazard's figures, in people.
    public struct Hazard: Sendable, Hashable, Codable {
        public var displaced: Double
        public var sheltered: Double
        public var unsheltered: Double
        public var fullySupplied: Double
        public var withoutKit: Double
        /// (area, specialty) pairs no team reaches in time.
        public var teamGaps: Int
        enum CodingKeys: String, CodingKey {
            case displaced, sheltered, unsheltered
            case fullySupplied = "fully_supplied", withoutKit = "without_kit", teamGaps = "team_gaps"
        }
    }

    /// By hazard id.
    public var hazards: [String: Hazard]
    /// Hazard ids in the scenario's order.
    public var hazardOrder: [String]
    /// People unsheltered and without a kit, weighted across hazards as the plan's objective weighs them.
    public var expectedUnsheltered: Double
    public var expectedWithoutKit: Double
    /// Yuan spent opening candidate sites, and on stock.
    public var opening: Double
    public var stock: Double

    /// The figures of `plan`, a plan of `problem`.
    ///
    /// - Complexity: O(H · (A + flows + unmet entries)).
    public init(plan: SitingPlan, problem: SitingProblem) {
        // The weights the plan's objective used, else the problem's.
        let own = Self.hazardWeights(problem)
        let weights = problem.hazards.enumerated().map { h, hazard in plan.levels?.hazardWeights[hazard.id] ?? own[h] }
        var hazards: [String: Hazard] = [:]
        var expectedUnsheltered = 0.0, expectedWithoutKit = 0.0
        for (h, hazard) in problem.hazards.enumerated() {
            let displaced: Double = hazard.displaced.reduce(0.0) { $0 + $1 }
            let figures: Hazard
            if let hazardPlan = plan.hazards[hazard.id] {
                // The plan's own summary (FORMATS.md §2.1): whole people.
                let summary = hazardPlan.summary
                figures = Hazard(displaced: summary.displaced, sheltered: summary.sheltered, unsheltered: summary.unsheltered,
                                 fullySupplied: summary.fullySupplied, withoutKit: summary.displaced - summary.fullySupplied,
                                 teamGaps: hazardPlan.teamCoverage.uncovered.count)
            } else {
                let withoutKit = problem.supplies.contains { $0.perPerson > 0 } ? displaced : 0
                figures = Hazard(displaced: displaced, sheltered: 0, unsheltered: displaced, fullySupplied: displaced - withoutKit,
                                 withoutKit: withoutKit, teamGaps: 0)
            }
            hazards[hazard.id] = figures
            expectedUnsheltered += weights[h] * figures.unsheltered
            expectedWithoutKit += weights[h] * figures.withoutKit
        }
        self.hazards = hazards
        self.hazardOrder = problem.hazards.map(\.id)
        self.expectedUnsheltered = expectedUnsheltered
        self.expectedWithoutKit = expectedWithoutKit
        self.opening = plan.spending?.opening ?? 0
        self.stock = plan.spending?.stock ?? 0
    }

    /// The weight of each hazard in expected figures, as the plan's objective weighs people:
    /// the problem's hazard weights (FORMATS.md §2.1 `expected`: the probabilities when every
    /// hazard gives one, else 1 ÷ H), or 1 each under `policy.risk: every-hazard`.
    public static func hazardWeights(_ problem: SitingProblem) -> [Double] {
        problem.policy.risk == .everyHazard ? problem.hazards.map { _ in 1 } : problem.hazards.map(\.weight)
    }
}
