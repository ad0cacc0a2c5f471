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
        options.relativeGap = 0
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

    init(_ plan: SitingPlan) {
        openWarehouses = plan.openWarehouses
        openShelters = plan.openShelters
        stock = plan.stock
        unsheltered = plan.hazards.mapValues { $0.unmet.peopleUnsheltered }
        suppliesShort = plan.hazards.mapValues { $0.unmet.supplies }
        objective = (plan.objective ?? .nan)
    }

    static func == (a: PlanDecisions, b: PlanDecisions) -> Bool {
        a.openWarehouses == b.openWarehouses && a.openShelters == b.openShelters && a.stock == b.stock
            && a.unsheltered == b.unsheltered && a.suppliesShort == b.suppliesShort
            && abs(a.objective - b.objective) <= 1e-6 * max(1, abs(a.objective))
    }

    var description: String { "open \(openWarehouses) \(openShelters), objective \(objective), unsheltered \(unsheltered)" }
}
