import Foundation
import YubeiScenario
import YubeiSiting
import YubeiStudies
import YubeiTestSupport

/// Scenario files the tests plan on.
enum Fixture {
    static let hillside = packageRoot.appendingPathComponent("Tests/YubeiSitingTests/Fixtures/hillside-county.yaml").path
    static let singleShelter = packageRoot.appendingPathComponent("Tests/YubeiSitingTests/Fixtures/single-shelter-county.yaml").path
    static let dehua = packageRoot.appendingPathComponent("Scenarios/dehua-typhoon.yaml").path

    static func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// Solves the file at `path` with `overrides` (written as on the command line).
    static func solve(_ path: String, _ overrides: [String] = []) throws -> PlannedScenario {
        let loaded = try ScenarioLoader.load(path: path, overrides: ScenarioOverrides(commandLines: overrides))
        return try ScenarioPlanner.solve(loaded, options: quiet)
    }

    /// Solves scenario text as if it were the file `path`.
    static func solve(text: String, path: String) throws -> PlannedScenario {
        let loaded = try ScenarioLoader.load(text: text, path: path, overrides: ScenarioOverrides())
        return try ScenarioPlanner.solve(loaded, options: quiet)
    }

    static var quiet: SitingOptions {
        var options = SitingOptions()
        options.closeGaps = false
        return options
    }
}

/// The decisions of a plan, comparable with `==`: sites, stock, and per hazard the people
/// sheltered where and left unmet.
struct PlanDecisions: Equatable, CustomStringConvertible {
    var openWarehouses: [String]
    var openShelters: [String]
    var stock: [String: [String: Double]]
    var unsheltered: [String: [String: Double]]
    var suppliesShort: [String: [String: [String: Double]]]
    var objective: Double
    var levels: [Double]

    init(_ plan: SitingPlan) {
        levels = plan.levels.map { [$0.unsheltered, $0.withoutKit, $0.itemsShort] } ?? []
        openWarehouses = plan.openWarehouses
        openShelters = plan.openShelters
        stock = plan.stock
        unsheltered = plan.hazards.mapValues { $0.unmet.peopleUnsheltered }
        suppliesShort = plan.hazards.mapValues { $0.unmet.supplies }
        objective = (plan.objective ?? .nan)
    }

    /// The same sites, the same people unsheltered where, the same needs met (rules 1–3 of the
    /// objective order) and the same cost within GLPK's relative gap (1e-4); stock and items
    /// short may be spread differently between equally good plans.
    static func == (a: PlanDecisions, b: PlanDecisions) -> Bool {
        a.openWarehouses == b.openWarehouses && a.openShelters == b.openShelters
            && a.unsheltered == b.unsheltered
            && zip(a.levels, b.levels).allSatisfy { abs($0 - $1) <= 1e-6 * max(1, abs($0)) } && a.levels.count == b.levels.count
            && abs(a.objective - b.objective) <= 2e-4 * max(1, abs(a.objective))
    }

    var description: String { "open \(openWarehouses) \(openShelters), objective \(objective), unsheltered \(unsheltered)" }
}
