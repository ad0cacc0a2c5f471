import YubeiSiting

/// The headline figures of one plan, per hazard and weighted across hazards: what studies,
/// frontiers and stress tests compare.
///
/// This is the one place those figures are read from a ``SitingPlan``: people without a complete
/// relief kit are counted here from the supplies short (an area's people without a kit are the
/// most any one supply leaves short, in whole people, at most its displaced).
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
        let weights = Self.hazardWeights(problem)
        var hazards: [String: Hazard] = [:]
        var expectedUnsheltered = 0.0, expectedWithoutKit = 0.0
        for (h, hazard) in problem.hazards.enumerated() {
            let displaced = hazard.displaced.reduce(0, +)
            let hazardPlan = plan.hazards[hazard.id]
            let unsheltered = hazardPlan.map { $0.unmet.peopleUnsheltered.values.reduce(0, +) } ?? displaced
            var withoutKit = 0.0
            if let hazardPlan {
                for (a, area) in problem.areas.enumerated() where hazard.displaced[a] > 0 {
                    withoutKit += Self.peopleWithoutKit(short: hazardPlan.unmet.supplies[area.id] ?? [:],
                                                        displaced: hazard.displaced[a], supplies: problem.supplies)
                }
            } else {
                withoutKit = problem.supplies.contains { $0.perPerson > 0 } ? displaced : 0
            }
            let figures = Hazard(displaced: displaced, sheltered: displaced - unsheltered, unsheltered: unsheltered,
                                 fullySupplied: displaced - withoutKit, withoutKit: withoutKit,
                                 teamGaps: hazardPlan?.teamCoverage.uncovered.count ?? 0)
            hazards[hazard.id] = figures
            expectedUnsheltered += weights[h] * unsheltered
            expectedWithoutKit += weights[h] * withoutKit
        }
        self.hazards = hazards
        self.hazardOrder = problem.hazards.map(\.id)
        self.expectedUnsheltered = expectedUnsheltered
        self.expectedWithoutKit = expectedWithoutKit
        self.opening = plan.spending?.opening ?? 0
        self.stock = plan.spending?.stock ?? 0
    }

    /// People of one area without a complete kit: the largest shortfall of any supply, in whole
    /// people (⌈units short ÷ per person⌉), at most the area's displaced.
    public static func peopleWithoutKit(short: [String: Double], displaced: Double, supplies: [SitingProblem.Supply]) -> Double {
        var people = 0.0
        for supply in supplies where supply.perPerson > 0 {
            guard let units = short[supply.id], units > 1e-6 else { continue }
            people = max(people, (units / supply.perPerson - 1e-6).rounded(.up))
        }
        return min(people, displaced)
    }

    /// The weight of each hazard in expected figures (FORMATS.md §2.1, `expected`): the
    /// probabilities as given when every hazard gives one, else 1 ÷ H each.
    public static func hazardWeights(_ problem: SitingProblem) -> [Double] {
        let count = Double(max(1, problem.hazards.count))
        if problem.hazards.allSatisfy({ $0.probability != nil }) { return problem.hazards.map { $0.probability! } }
        return problem.hazards.map { _ in 1 / count }
    }
}
