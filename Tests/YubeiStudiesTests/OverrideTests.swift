import Foundation
import Testing
import YubeiCore
import YubeiScenario
import YubeiSiting
import YubeiStudies

@Suite("Overrides")
struct OverrideTests {
    @Test("--set, --close and --scale-displaced give the plan of the same edits made in the file")
    func sameAsEditedFile() throws {
        let original = try Fixture.text(Fixture.hillside)
        let overridden = try Fixture.solve(Fixture.hillside, [
            "--set policy.budget=400000", "--close nanshan-point", "--scale-displaced flood=1.5",
            "--set hazards.landslide.probability=0.5", "--set shelters.stadium.area_m2=12000",
        ])
        var edited = original
        let edits = [
            ("budget: 800000", "budget: 400000"),
            ("displaced: {chengguan: 3000, nanshan: 1500, dongxi: 800, yuanshan: 400}",
             "displaced: {chengguan: 4500, nanshan: 2250, dongxi: 1200, yuanshan: 600}"),
            ("closed_sites: [riverside-park]", "closed_sites: [riverside-park, nanshan-point]"),
            ("probability: 0.4", "probability: 0.5"),
            ("area_m2: 9000", "area_m2: 12000"),
        ]
        for (from, to) in edits {
            #expect(edited.contains(from))
            edited = edited.replacingOccurrences(of: from, with: to)
        }
        // The landslide hazard must be closed too: add the key the file leaves out.
        edited = edited.replacingOccurrences(of: "displaced: {dongxi: 1200, beiling: 600}",
                                             with: "displaced: {dongxi: 1200, beiling: 600}\n    closed_sites: [nanshan-point]")
        let fromFile = try Fixture.solve(text: edited, path: Fixture.hillside)
        #expect(overridden.plan.status.hasSolution)
        #expect(PlanDecisions(overridden.plan) == PlanDecisions(fromFile.plan))
        // The overrides change the plan (so the comparison can fail).
        let plain = try Fixture.solve(Fixture.hillside)
        #expect(PlanDecisions(plain.plan) != PlanDecisions(overridden.plan))
        #expect(overridden.overrides.commandLines.first == "--set policy.budget=400000")
    }

    @Test("--require opens a site the plain plan leaves shut; --forbid keeps one it opens shut")
    func requireAndForbid() throws {
        let plain = try Fixture.solve(Fixture.hillside)
        let candidates = ["stadium", "dongxi-school", "nanshan-square", "beiling-field"]
        let shut = try #require(candidates.first { !plain.plan.openShelters.contains($0) })
        let opened = try #require(candidates.first { plain.plan.openShelters.contains($0) })
        let required = try Fixture.solve(Fixture.hillside, ["--require \(shut)"])
        #expect(required.plan.openShelters.contains(shut))
        let forbidden = try Fixture.solve(Fixture.hillside, ["--forbid \(opened)"])
        #expect(!forbidden.plan.openShelters.contains(opened))
        for hazard in forbidden.plan.hazards.values {
            #expect(!hazard.shelterAssignment.values.contains { $0[opened] != nil })
        }
        // Forbidding an existing depot takes its stock out of the plan.
        let noDepot = try Fixture.solve(Fixture.hillside, ["--forbid county-depot"])
        #expect(noDepot.plan.stock["county-depot"] == nil)
        #expect(!noDepot.plan.openWarehouses.contains("county-depot"))
    }

    @Test("an unknown key, entry, site or hazard is a usage error naming the closest")
    func unknownNames() throws {
        func message(_ overrides: [String]) -> String? {
            do {
                _ = try ScenarioLoader.load(path: Fixture.hillside, overrides: ScenarioOverrides(commandLines: overrides))
                return nil
            } catch let error as OverrideError {
                return error.description
            } catch { return "other: \(error)" }
        }
        #expect(message(["--set policy.budgt=1"])?.contains("did you mean 'budget'") == true)
        #expect(message(["--set polcy.budget=1"])?.contains("did you mean 'policy'") == true)
        #expect(message(["--set shelters.stadum.area_m2=1"])?.contains("did you mean 'stadium'") == true)
        #expect(message(["--set shelters.stadium.area_m3=1"])?.contains("did you mean 'area_m2'") == true)
        #expect(message(["--set hazards[7].probability=1"])?.contains("no item [7]") == true)
        #expect(message(["--set areas=1"])?.contains("holds a list or a map") == true)
        #expect(message(["--close county-dep0t"])?.contains("did you mean 'county-depot'") == true)
        #expect(message(["--require stadum"])?.contains("did you mean 'stadium'") == true)
        #expect(message(["--scale-displaced flod=2"])?.contains("did you mean 'flood'") == true)
        #expect(message(["--require stadium", "--forbid stadium"])?.contains("both required and forbidden") == true)
        #expect(message(["--scale-displaced -1"]) != nil)
        #expect(message(["--set policy.budget=400000"]) == nil)
    }

    @Test("a bad value set on the command line is a file error naming the override")
    func badValue() throws {
        do {
            _ = try ScenarioLoader.load(path: Fixture.hillside, overrides: ScenarioOverrides(commandLines: ["--set policy.budget=-5"]))
            Issue.record("expected an error")
        } catch let error as InputError {
            let text = error.diagnostics.all.map(\.description).joined(separator: "\n")
            #expect(text.contains("(--set policy.budget=-5): error: policy.budget:"))
        }
    }

    @Test("displaced people scale to whole people, halves rounded up")
    func roundHalfUp() {
        #expect(ScenarioLoader.scaled(3, by: 1.5) == 5)
        #expect(ScenarioLoader.scaled(30, by: 0.35) == 11)
        #expect(ScenarioLoader.scaled(7, by: 1.1) == 8)
        #expect(ScenarioLoader.scaled(5, by: 1.1) == 6)
        #expect(ScenarioLoader.scaled(4, by: 1.1) == 4)
        #expect(ScenarioLoader.scaled(0, by: 3) == 0)
    }

    @Test("overrides written as on the command line round-trip")
    func commandLines() throws {
        let lines = ["--set policy.budget=3800000", "--close county-depot", "--scale-displaced 1.3",
                     "--scale-displaced flood=2", "--require stadium", "--forbid beiling-field"]
        #expect(try ScenarioOverrides(commandLines: lines).commandLines == lines)
        #expect(try ScenarioOverride.parse(commandLine: "--set=policy.budget=1") == .set(path: "policy.budget", value: "1"))
        #expect(throws: OverrideError.self) { try ScenarioOverride.parse(commandLine: "--bogus x") }
    }
}
