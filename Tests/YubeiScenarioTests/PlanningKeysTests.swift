import Foundation
import Testing
import YubeiCore
@testable import YubeiScenario
import YubeiTestSupport

/// The keys of FORMATS.md §2.1: `priority`, `service_level`, `risk`, `stock_budget`, and
/// Yubei's `boundaries`, read and checked at their line and column.
@Suite struct PlanningKeysTests {
    static func with(_ edits: [(Int, String)]) -> String {
        var lines = baseScenario.components(separatedBy: "\n")
        for (line, text) in edits.sorted(by: { $0.0 > $1.0 }) { lines.insert(text, at: line) }
        return lines.joined(separator: "\n")
    }

    @Test func keysAreReadWithTheirDefaults() throws {
        let plain = try #require(load(baseScenario).scenario)
        #expect(plain.supplies[0].priority == 1)
        #expect(plain.hazards[0].serviceLevel == nil)
        #expect(plain.policy.risk == .expected)
        #expect(plain.policy.stockBudget == nil)
        #expect(plain.boundaries == nil)
        // Every hazard has a probability: the objective weighs them as given.
        #expect(plain.objectiveHazardWeights == [0.6, 0.4])
        var text = baseScenario.replacingOccurrences(of: "unit_cost: 1800}", with: "unit_cost: 1800, priority: 3}")
        text = text.replacingOccurrences(of: "    probability: 0.6\n", with: "    probability: 0.6\n    service_level: 0.9\n")
        text = text.replacingOccurrences(of: "  team_response_minutes: 60\n", with: "  team_response_minutes: 60\n  risk: worst-case\n  stock_budget: 250000\n")
        let scenario = try #require(load(text).scenario, "\(load(text).diagnostics)")
        #expect(scenario.supplies[0].priority == 3)
        #expect(scenario.hazards[0].serviceLevel == 0.9)
        #expect(scenario.policy.risk == .worstCase)
        #expect(scenario.policy.stockBudget == 250_000)
    }

    @Test func equalWeightsWhenAnyHazardLacksAProbability() throws {
        let text = baseScenario.replacingOccurrences(of: "    probability: 0.4\n", with: "")
        let scenario = try #require(load(text).scenario)
        #expect(scenario.objectiveHazardWeights == [0.5, 0.5])
    }

    @Test(arguments: [
        ("    service_level: 1.5", "service_level: expected a number ≤ 1"),
        ("    service_level: -0.1", "service_level: expected a number ≥ 0"),
    ])
    func badServiceLevel(line: String, message: String) {
        let text = Self.with([(10, line)])
        let diagnostics = load(text).diagnostics
        #expect(diagnostics.all.contains { $0.message.contains(message) && $0.location.line == 11 }, "\(diagnostics)")
    }

    @Test func badRiskSuggestsTheClosest() {
        let text = baseScenario.replacingOccurrences(of: "  team_response_minutes: 60\n", with: "  team_response_minutes: 60\n  risk: worstcase\n")
        let diagnostics = load(text).diagnostics
        #expect(diagnostics.all.contains { $0.message.contains("policy.risk: 'worstcase' is not one of expected, every-hazard, worst-case; did you mean 'worst-case'?") && $0.location.line == 31 },
                "\(diagnostics)")
    }

    @Test func badPriorityAndStockBudget() {
        var text = baseScenario.replacingOccurrences(of: "unit_cost: 1800}", with: "unit_cost: 1800, priority: 0}")
        text = text.replacingOccurrences(of: "  team_response_minutes: 60\n", with: "  team_response_minutes: 60\n  stock_budget: -5\n")
        let diagnostics = load(text).diagnostics
        #expect(diagnostics.all.contains { $0.message.contains("supplies[0].priority: expected a number > 0") })
        #expect(diagnostics.all.contains { $0.message.contains("policy.stock_budget: expected a number ≥ 0") })
    }

    @Test func boundariesAreReadFromGeoJSON() throws {
        let dir = try scratchPath("boundaries")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let geojson = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"name": "甲镇"},
           "geometry": {"type": "Polygon", "coordinates": [[[118.1, 25.4], [118.3, 25.4], [118.3, 25.6], [118.1, 25.6], [118.1, 25.4]]]}}]}
        """
        try geojson.write(to: dir.appendingPathComponent("towns.geojson"), atomically: true, encoding: .utf8)
        let text = "boundaries: towns.geojson\n" + baseScenario
        let scenarioPath = dir.appendingPathComponent("county.yaml").path
        let scenario = try ScenarioLoader.load(text: text, path: scenarioPath).scenario
        #expect(scenario.boundaries?.regions.map(\.name) == ["甲镇"])
        #expect(scenario.boundaries?.regions.first?.rings.first?.count == 5)
        // A missing file is an error at the key.
        let missing = "boundaries: nowhere.geojson\n" + baseScenario
        #expect(throws: InputError.self) { try ScenarioLoader.load(text: missing, path: scenarioPath) }
        let diagnostics = load(missing, path: scenarioPath).diagnostics
        #expect(diagnostics.all.contains { $0.message.contains("boundaries: cannot read the boundaries file 'nowhere.geojson'") && $0.location.line == 1 })
    }
}
