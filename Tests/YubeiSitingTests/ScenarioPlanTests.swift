import Foundation
import Testing
import YubeiScenario
@testable import YubeiSiting
import YubeiTestSupport

/// Plans for real scenario files, each checked by ``PlanChecker``, which re-reads the file on its own.
@Suite struct ScenarioPlanTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every shipped scenario (Scenarios/*.yaml) and every test fixture.
    static var scenarioFiles: [String] {
        let fm = FileManager.default
        var files: [String] = []
        for folder in [packageRoot.appendingPathComponent("Scenarios"), fixtures] {
            let names = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
            files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { folder.appendingPathComponent($0).path }
        }
        return files
    }

    static func plan(_ path: String, stageTeams: Bool = false) throws -> (SitingProblem, SitingPlan, Data) {
        let loaded = try ScenarioLoader.load(path: path)
        let problem = SitingProblem(scenario: loaded.scenario)
        var options = SitingOptions()
        options.timeLimit = .seconds(20)
        options.needStageTimeLimit = .seconds(4)
        options.stageTeams = stageTeams
        let plan = try SitingSolver.solve(problem, options: options)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (problem, plan, try encoder.encode(plan))
    }

    @Test(arguments: scenarioFiles) func planPassesTheIndependentChecker(path: String) throws {
        let (_, plan, json) = try Self.plan(path)
        #expect(plan.status.hasSolution, "\(path)")
        let checker = try PlanChecker(scenarioPath: path)
        let problems = try checker.violations(planJSON: json)
        #expect(problems.isEmpty, "\(URL(fileURLWithPath: path).lastPathComponent): \(problems.prefix(10))")
    }

    /// GLPK takes a handed-over incumbent on trust (it checks integrality only), so the greedy
    /// plan must satisfy every row and bound of the model, supplies included.
    @Test(arguments: scenarioFiles) func greedyPlanSatisfiesEveryRow(path: String) throws {
        let problem = SitingProblem(scenario: try ScenarioLoader.load(path: path).scenario)
        for strong in [false, true] {
            let siting = SitingModel(problem, flowPairLinks: strong)
            let x = SitingHeuristic(problem).values(for: siting)
            for (i, row) in siting.model.constraints.enumerated() {
                let value = zip(row.indices, row.coefficients).reduce(0.0) { $0 + $1.1 * x[$1.0] }
                let scale = max(1, abs(row.lowerBound ?? 0), abs(row.upperBound ?? 0))
                if let l = row.lowerBound { #expect(value >= l - 1e-7 * scale, "row \(i)") }
                if let u = row.upperBound { #expect(value <= u + 1e-7 * scale, "row \(i)") }
            }
            for (j, v) in siting.model.variables.enumerated() {
                if let l = v.lowerBound { #expect(x[j] >= l - 1e-9, "column \(j)") }
                if let u = v.upperBound { #expect(x[j] <= u + 1e-7 * max(1, abs(u)), "column \(j)") }
                if v.kind.isInteger { #expect(x[j] == x[j].rounded()) }
            }
        }
    }

    /// With no time to finish even the root LP, the answer is the greedy plan, marked feasible.
    @Test func timeLimitFallsBackToTheGreedyPlan() throws {
        let path = packageRoot.appendingPathComponent("Scenarios").appendingPathComponent("xiangfen-earthquake.yaml").path
        let file = FileManager.default.fileExists(atPath: path) ? path : Self.fixtures.appendingPathComponent("hillside-county.yaml").path
        let problem = SitingProblem(scenario: try ScenarioLoader.load(path: file).scenario)
        var options = SitingOptions()
        options.timeLimit = .nanoseconds(1)
        let plan = try SitingSolver.solve(problem, options: options)
        #expect(plan.status.hasSolution)
        #expect(plan.objective != nil)
        let encoder = JSONEncoder()
        let problems = try PlanChecker(scenarioPath: file).violations(planJSON: encoder.encode(plan))
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func scenarioFilesExist() {
        #expect(Self.scenarioFiles.count >= 2)
    }

    /// The checker must catch broken plans, or its silence proves nothing.
    @Test func checkerCatchesBrokenPlans() throws {
        let path = Self.fixtures.appendingPathComponent("hillside-county.yaml").path
        let (_, _, json) = try Self.plan(path)
        let checker = try PlanChecker(scenarioPath: path)
        #expect(try checker.violations(planJSON: json).isEmpty)
        var object = try JSONSerialization.jsonObject(with: json) as! [String: Any]
        func mutated(_ change: (inout [String: Any]) -> Void) throws -> [String] {
            var copy = object
            change(&copy)
            return try checker.violations(planJSON: JSONSerialization.data(withJSONObject: copy))
        }
        // Someone sent to the closed riverside park in the flood.
        #expect(try !mutated { plan in
            var hazards = plan["hazards"] as! [String: Any]
            var flood = hazards["flood"] as! [String: Any]
            var assignment = flood["shelter_assignment"] as! [String: Any]
            assignment["chengguan"] = ["riverside-park": 3000]
            flood["shelter_assignment"] = assignment
            hazards["flood"] = flood
            plan["hazards"] = hazards
        }.isEmpty)
        // Stock beyond capacity.
        #expect(try !mutated { plan in plan["stock"] = ["county-depot": ["tent": 10_000]] }.isEmpty)
        // Unmet people silently dropped.
        #expect(try !mutated { plan in
            var hazards = plan["hazards"] as! [String: Any]
            var flood = hazards["flood"] as! [String: Any]
            flood["unmet"] = ["people_unsheltered": [String: Double](), "supplies": [String: Any]()]
            hazards["flood"] = flood
            plan["hazards"] = hazards
        }.isEmpty)
        // Over budget.
        #expect(try !mutated { plan in
            plan["open_warehouses"] = ["county-depot", "dongxi-point", "nanshan-point"]
            plan["open_shelters"] = ["riverside-park", "no1-school", "stadium", "dongxi-school"]
        }.isEmpty)
        object["status"] = "optimal"
    }

    /// What no plan can meet is reported unmet and explained, never a crash.
    @Test func unreachableNeedsAreExplained() throws {
        let path = Self.fixtures.appendingPathComponent("hillside-county.yaml").path
        let (_, plan, _) = try Self.plan(path)
        // 远山乡 lies ~45 road km from every shelter: its 400 flood evacuees cannot be sheltered.
        #expect(plan.explanations.contains { $0.kind == .noShelterInReach && $0.area == "yuanshan" && $0.hazard == "flood" })
        #expect(plan.hazards["flood"]?.unmet.peopleUnsheltered["yuanshan"] == 400)
        // No team does geohazard work.
        #expect(plan.explanations.contains { $0.kind == .specialtyMissing && $0.specialty == "geohazard" })
        #expect(plan.hazards["landslide"]?.teamCoverage.uncovered.contains { $0.area == "dongxi" && $0.specialty == "geohazard" } == true)
    }

    @Test func levelsSpendingAndSummariesAreReported() throws {
        let path = Self.fixtures.appendingPathComponent("hillside-county.yaml").path
        let (_, plan, _) = try Self.plan(path)
        #expect(plan.bound != nil)
        #expect(plan.levels?.risk == "expected")
        #expect(plan.spending?.budget != nil)
        #expect(plan.verification.isEmpty)
        for (_, hp) in plan.hazards {
            #expect(hp.summary.displaced == hp.summary.sheltered + hp.summary.unsheltered)
            #expect(hp.summary.fullySupplied <= hp.summary.displaced)
        }
        #expect(plan.modelSize.variables > 0)
    }

    /// The optional per-route supply links only tighten the LP: the optimum is the same.
    @Test(arguments: ["hillside-county.yaml", "single-shelter-county.yaml"])
    func strongFlowLinksGiveTheSameOptimum(fixture: String) throws {
        let loaded = try ScenarioLoader.load(path: Self.fixtures.appendingPathComponent(fixture).path)
        let problem = SitingProblem(scenario: loaded.scenario)
        var options = SitingOptions()
        options.relativeGap = 1e-9
        options.flowPairLinks = false
        let plain = try SitingSolver.solve(problem, options: options)
        options.flowPairLinks = true
        let strong = try SitingSolver.solve(problem, options: options)
        #expect(plain.status == .optimal && strong.status == .optimal)
        #expect(abs(plain.objective! - strong.objective!) <= 1e-7 * abs(plain.objective!))
        #expect(strong.modelSize.rows > plain.modelSize.rows)
        #expect(strong.lpBound! >= plain.lpBound! - 1e-6 * abs(plain.lpBound!))
        #expect(strong.modelSize.strongFlowLinks && !plain.modelSize.strongFlowLinks)
        // Small models get the links by default.
        options.flowPairLinks = nil
        #expect(try SitingSolver.solve(problem, options: options).modelSize.strongFlowLinks)
    }

    @Test func teamStagingNeverCoversLess() throws {
        let path = Self.fixtures.appendingPathComponent("hillside-county.yaml").path
        let (_, plan, _) = try Self.plan(path, stageTeams: true)
        let staging = try #require(plan.teamStaging)
        #expect(staging.coveredAfter >= staging.coveredBefore - 1e-6)
        #expect(staging.sites.count == 2)
    }
}
