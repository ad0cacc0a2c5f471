import Foundation
import Testing
import YubeiCore
import YubeiScenario
import YubeiSiting
import YubeiStudies
import YubeiTestSupport

@Suite("Studies")
struct StudyTests {
    static func write(_ text: String, name: String = "study.yaml") throws -> (URL, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yubei-study-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    @Test("every variant's plan is the plan of a separate solve with the same overrides")
    func variantsMatchSeparateSolves() async throws {
        let (dir, path) = try Self.write("""
            name: 山城县预算论证
            base: \(Fixture.hillside)
            variants:
              - {name: tight-budget, overrides: ["--set policy.budget=300000"]}
              - {name: depot-flooded, overrides: ["--close county-depot", "--scale-displaced flood=1.2"]}
              - {name: no-stadium, overrides: ["--forbid stadium"]}
              - {name: single-shelter, scenario: \(Fixture.singleShelter)}
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try StudyFile.read(path: path)
        #expect(file.variants.map(\.name) == ["base", "tight-budget", "depot-flooded", "no-stadium", "single-shelter"])
        let result = try await Study.run(name: file.title, variants: try file.load(), options: Fixture.quiet)
        let separate: [String: PlannedScenario] = [
            "base": try Fixture.solve(Fixture.hillside),
            "tight-budget": try Fixture.solve(Fixture.hillside, ["--set policy.budget=300000"]),
            "depot-flooded": try Fixture.solve(Fixture.hillside, ["--close county-depot", "--scale-displaced flood=1.2"]),
            "no-stadium": try Fixture.solve(Fixture.hillside, ["--forbid stadium"]),
            "single-shelter": try Fixture.solve(Fixture.singleShelter),
        ]
        #expect(result.variants.count == 5)
        for variant in result.variants {
            let alone = try #require(separate[variant.name])
            #expect(PlanDecisions(variant.plan) == PlanDecisions(alone.plan), "\(variant.name)")
            #expect(variant.hazards == alone.figures.hazards, "\(variant.name)")
        }
        // Opened and closed against the base.
        let base = result.variants[0], noStadium = result.variants[3]
        #expect(base.opened.isEmpty && base.closed.isEmpty)
        let baseSites = Set(base.plan.openWarehouses + base.plan.openShelters)
        let sites = Set(noStadium.plan.openWarehouses + noStadium.plan.openShelters)
        #expect(Set(noStadium.opened) == sites.subtracting(baseSites))
        #expect(Set(noStadium.closed) == baseSites.subtracting(sites))
        #expect(!noStadium.opened.isEmpty || !noStadium.closed.isEmpty)
    }

    @Test("a variant that only restricts the base takes the base's plan when it holds there, and every variant still matches its separate solve")
    func restrictionsTakeTheBasePlan() async throws {
        let base = try Fixture.solve(Fixture.hillside)
        let open = Set(base.plan.openWarehouses + base.plan.openShelters)
        let candidates = base.problem.warehouses.filter { !$0.isExisting }.map { ($0.id, $0.fixedCost) }
            + base.problem.shelters.filter { !$0.isExisting }.map { ($0.id, $0.fixedCost) }
        let spent = Int(candidates.filter { open.contains($0.0) }.reduce(0.0) { $0 + $1.1 })
        let opened = try #require(candidates.first { open.contains($0.0) }?.0)
        let shut = try #require(candidates.first { !open.contains($0.0) }?.0)
        let variants: [(name: String, overrides: [String], holds: Bool)] = [
            ("budget-as-spent", ["--set policy.budget=\(spent)"], true),
            ("no-\(shut)", ["--forbid \(shut)"], true),
            ("no-\(opened)", ["--forbid \(opened)"], false),
            ("more-people", ["--scale-displaced 1.2"], false),
        ]
        let (dir, path) = try Self.write("base: \(Fixture.hillside)\nvariants:\n"
            + variants.map { "  - {name: \($0.name), overrides: [\($0.overrides.map { "\"\($0)\"" }.joined(separator: ", "))]}\n" }.joined())
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try StudyFile.read(path: path)
        let result = try await Study.run(name: nil, variants: try file.load(), options: Fixture.quiet, concurrency: 2)
        #expect(result.variants.map(\.name) == ["base"] + variants.map(\.name))
        #expect(result.variants[0].basePlanHolds == false)
        #expect(PlanDecisions(result.variants[0].plan) == PlanDecisions(base.plan))
        for (variant, expected) in zip(result.variants.dropFirst(), variants) {
            #expect(variant.basePlanHolds == expected.holds, "\(variant.name)")
            let alone = try Fixture.solve(Fixture.hillside, expected.overrides)
            #expect(PlanDecisions(variant.plan) == PlanDecisions(alone.plan), "\(variant.name)")
            #expect(variant.plan.status == alone.plan.status, "\(variant.name)")
            if expected.holds {
                #expect(variant.opened.isEmpty && variant.closed.isEmpty && variant.stockChange.isEmpty, "\(variant.name)")
                #expect(variant.plan.bound == base.plan.bound, "\(variant.name)")
            }
        }
        let json = try #require(String(data: try JSONEncoder().encode(result), encoding: .utf8))
        #expect(json.contains("\"base_plan_holds\":true") && json.contains("\"base_plan_holds\":false"))
    }

    @Test("study file problems are reported at their lines")
    func badStudyFile() throws {
        let (dir, path) = try Self.write("""
            base: \(Fixture.hillside)
            variants:
              - {name: a, overrides: ["--set policy.budget=1"]}
              - {name: a, overrides: ["--close county-depot"]}
              - {name: base, overrides: ["--close county-depot"]}
              - {name: b, overides: ["--close county-depot"]}
              - {name: c, overrides: ["close county-depot"]}
              - {name: d, overrides: ["--close county-dep0t"]}
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            _ = try StudyFile.read(path: path)
            Issue.record("expected errors")
        } catch {
            let text = error.diagnostics.all.map(\.description).joined(separator: "\n")
            #expect(text.contains("study.yaml:4:12: error: variants[1].name: variant name 'a' already used at line 3"))
            #expect(text.contains("study.yaml:5:") && text.contains("'base' is the base scenario's name"))
            #expect(text.contains("study.yaml:6:") && text.contains("did you mean 'overrides'"))
            #expect(text.contains("study.yaml:7:") && text.contains("expected an override written as on the command line"))
        }
        // A site no scenario has: at the variant's line.
        let (dir2, path2) = try Self.write("""
            base: \(Fixture.hillside)
            variants:
              - {name: d, overrides: ["--close county-dep0t"]}
            """)
        defer { try? FileManager.default.removeItem(at: dir2) }
        do {
            _ = try StudyFile.read(path: path2).load()
            Issue.record("expected errors")
        } catch {
            let text = error.diagnostics.all.map(\.description).joined(separator: "\n")
            #expect(text.contains("study.yaml:3:5: error: variant 'd': --close county-dep0t: unknown site"))
            #expect(text.contains("did you mean 'county-depot'"))
        }
    }

    @Test("overrides given on the command line apply to every variant, before its own")
    func commandLineOverridesApplyToAll() throws {
        let (dir, path) = try Self.write("base: \(Fixture.hillside)\nvariants:\n  - {name: v, overrides: [\"--close county-depot\"]}\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let loaded = try StudyFile.read(path: path).load(extra: ScenarioOverrides(commandLines: ["--set policy.budget=100000"]))
        #expect(loaded.map { $0.scenario.overrides.commandLines } == [
            ["--set policy.budget=100000"], ["--set policy.budget=100000", "--close county-depot"],
        ])
        #expect(loaded.allSatisfy { $0.scenario.scenario.policy.budget == 100000 })
    }

    @Test("the shipped study reads, and every variant's overrides apply to 德化")
    func shippedStudy() throws {
        let file = try StudyFile.read(path: packageRoot.appendingPathComponent("Scenarios/studies/dehua-budget.yaml").path)
        let loaded = try file.load()
        #expect(loaded.map(\.name) == ["base", "budget-3m", "budget-3.8m", "depot-flooded", "gaemi-plus-30pct", "park-not-gekeng"])
        #expect(loaded[1].scenario.scenario.policy.budget == 3_000_000)
        #expect(loaded[5].scenario.siteRules == SiteRules(required: ["xunzhong-park"], forbidden: ["gekeng-school"]))
    }

    @Test("paths in a study are relative to the study file")
    func relativePaths() throws {
        let (dir, path) = try Self.write("base: county.yaml\nvariants:\n  - {name: v, scenario: other/county.yaml}\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try StudyFile.read(path: path)
        #expect(file.variants[0].scenarioPath == dir.appendingPathComponent("county.yaml").standardizedFileURL.path)
        #expect(file.variants[1].scenarioPath == dir.appendingPathComponent("other/county.yaml").standardizedFileURL.path)
    }
}
