import Foundation
import Testing
import YubeiScenario
import YubeiSiting
import YubeiStudies
import YubeiTestSupport

/// The shocks beyond FORMATS.md §4 (README "Running scenarios"): a road cut in the roads file
/// and a team unavailable, on the county of road-villages.yaml, whose answers are worked out by
/// hand in its header.
@Suite("Shocks: a road cut, a team unavailable")
struct ShockTests {
    static let roadVillages = packageRoot.appendingPathComponent("Tests/YubeiStudiesTests/Fixtures/road-villages.yaml").path

    static func stress(_ overrides: [String]) async throws -> StressResult {
        let plain = try StressTests.load(roadVillages)
        let planned = try ScenarioPlanner.solve(plain)
        #expect(planned.plan.status == .optimal)
        let flood = planned.figures.hazards["flood"]
        #expect(flood?.sheltered == 1600 && flood?.fullySupplied == 1600 && flood?.teamGaps == 0)
        let shocked = try StressTests.load(roadVillages, overrides)
        return try await StressTest.run(plain: plain, shocked: shocked, plan: AdoptedPlan(planned.plan), nMinus1: false)
    }

    @Test("cutting the road from B to the centre leaves 200 of B unsheltered and all 600 without a tent")
    func cutRoadToB() async throws {
        let result = try await Self.stress(["--cut-road B:S3"])
        #expect(result.overrides == ["--cut-road B:S3"])
        let shock = try #require(result.cases.first { $0.kind == .shock })
        #expect(shock.name == "shock: --cut-road B:S3")
        #expect(shock.hazards["flood"]?.unsheltered == 200)
        #expect(shock.hazards["flood"]?.withoutKit == 600)
        #expect(shock.newlyUnsheltered == 200)
        #expect(shock.newlyWithoutKit == 600)
        // B now goes to S2 only; nothing is carried to it.
        #expect(shock.plan.hazards["flood"]?.shelterAssignment["B"] == ["S2": 400])
        #expect(shock.plan.hazards["flood"]?.supplyFlows.allSatisfy { $0.to != "B" } == true)
    }

    @Test("cutting the road from A to the centre (written either way) leaves A in S1 but without tents")
    func cutRoadToA() async throws {
        for written in ["--cut-road A:S3", "--cut-road S3:A", "--cut-road area:A:site:S3"] {
            let result = try await Self.stress([written])
            let shock = try #require(result.cases.first { $0.kind == .shock })
            #expect(shock.hazards["flood"]?.unsheltered == 0, "\(written)")
            #expect(shock.hazards["flood"]?.withoutKit == 1000, "\(written)")
        }
    }

    @Test("without team T2 no flood-rescue team reaches B in time: one team gap, the people as planned")
    func withoutTeam() async throws {
        let result = try await Self.stress(["--without-team T2"])
        let shock = try #require(result.cases.first { $0.kind == .shock })
        #expect(shock.name == "shock: --without-team T2")
        let flood = try #require(shock.hazards["flood"])
        #expect(flood.sheltered == 1600 && flood.unsheltered == 0 && flood.fullySupplied == 1600 && flood.withoutKit == 0)
        #expect(flood.teamGaps == 1)
        #expect(shock.plan.hazards["flood"]?.teamCoverage.uncovered.map { "\($0.area)/\($0.specialty)" } == ["B/flood-rescue"])
        // Both teams gone: both villages uncovered.
        let both = try await Self.stress(["--without-team T2", "--without-team T1"])
        #expect(both.cases.first { $0.kind == .shock }?.hazards["flood"]?.teamGaps == 2)
    }

    @Test("a road cut changes reach: the shelter across the cut road is out of reach, the rest unchanged")
    func reachRecomputed() throws {
        let plain = SitingProblem(scenario: try StressTests.load(Self.roadVillages).scenario)
        let cut = SitingProblem(scenario: try StressTests.load(Self.roadVillages, ["--cut-road B:S3"]).scenario)
        func shelterPairs(_ p: SitingProblem) -> Set<String> {
            Set(p.shelterLinks.map { "\(p.areas[$0.area].id)→\(p.shelters[$0.shelter].id)" })
        }
        func supplyPairs(_ p: SitingProblem) -> Set<String> {
            Set(p.supplyLinks.map { "\(p.warehouses[$0.warehouse].id)→\(p.areas[$0.area].id)" })
        }
        #expect(shelterPairs(plain) == ["A→S1", "A→S3", "B→S2", "B→S3"])
        #expect(shelterPairs(cut) == ["A→S1", "A→S3", "B→S2"])
        #expect(supplyPairs(plain) == ["W1→A", "W1→B"])
        #expect(supplyPairs(cut) == ["W1→A"])
    }

    @Test("an unknown road end, a road that does not exist, a county without roads, an unknown team: usage errors naming the closest")
    func unknownNames() throws {
        func message(_ path: String, _ override: String) -> String? {
            do {
                _ = try StressTests.load(path, [override])
                return nil
            } catch let error as OverrideError {
                return error.description
            } catch {
                return "\(error)"
            }
        }
        #expect(message(Self.roadVillages, "--cut-road B:S4")
            == "--cut-road B:S4: no road in the roads file ends at 'S4'; did you mean 'S1'?")
        #expect(message(Self.roadVillages, "--cut-road A:S2")
            == "--cut-road A:S2: no road of the roads file joins 'A' and 'S2'; did you mean 'A:S1'?")
        #expect(message(StressTests.twoVillages, "--cut-road A:S1")
            == "--cut-road A:S1: the scenario has no roads file (travel.roads), so there is no road to cut")
        #expect(message(Self.roadVillages, "--without-team T3") == "--without-team T3: unknown team 'T3'; did you mean 'T1'?")
        #expect(throws: OverrideError.self) { try ScenarioOverrides(commandLines: ["--cut-road AB"]) }
        #expect(try ScenarioOverrides(commandLines: ["--cut-road area:A:site:S3"]).items == [.cutRoad(from: "area:A", to: "site:S3")])
    }
}
