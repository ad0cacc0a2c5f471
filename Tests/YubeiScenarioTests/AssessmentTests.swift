import Foundation
import Testing
import YubeiCore
@testable import YubeiScenario
import YubeiTestSupport

@Suite("Describe: the pre-solve assessment")
struct AssessmentTests {
    /// The base scenario worked by hand. a1 and a2 are 14.4 km apart (× 1.3 = 18.7 km road,
    /// 28 min). Shelters at 2 m²/person: s1 3000 m² → 1,500, s2 2500 m² → 1,250; limit 20 km, so
    /// both reach both areas. Tent: 0.25 × 0.12 = 0.03 m³ per person.
    @Test("hand-worked figures for the base scenario")
    func base() throws {
        let scenario = try ScenarioLoader.load(text: baseScenario, path: "t.yaml").scenario
        let a = ScenarioAssessment(scenario: scenario, network: TravelNetwork(scenario: scenario))
        #expect(a.population == 1500)
        #expect(a.shelterCapacityExisting == 1500)
        #expect(a.shelterCapacityAll == 2750)
        #expect(a.storageAllCubicMetres == 150)
        #expect(a.candidateOpeningCost == 1500)
        let h1 = a.hazards[0], h2 = a.hazards[1]
        #expect(h1.displaced == 400)
        #expect(h1.shelterCapacityInReachAll == 1500)        // s2 is closed in h1
        #expect(abs(h1.supplyNeededCubicMetres - 12) < 1e-9)  // 400 × 0.03
        #expect(h1.needs == [.init(specialty: "flood-rescue", teams: ["t1"], areasUncovered: [])])
        #expect(h2.shelterCapacityInReachAll == 2750)
        #expect(h2.weight == 0.4)
    }

    @Test("areas out of reach, a specialty no team has, and a storage shortfall")
    func gaps() throws {
        var text = replacingLine(28, with: "  shelter_max_km: 5")                 // a2 is 18.7 km from s1
        text = replacingLine(22, in: text, with: "  - {id: s2, location: {lat: 25.7, lon: 118.3}, existing: false, area_m2: 2500, fixed_cost: 500}")
        text = replacingLine(13, in: text, with: "    needs: [flood-rescue, geohazard]")
        text = replacingLine(30, in: text, with: "  team_response_minutes: 20")       // t1 reaches a2 in 28 min
        text = replacingLine(27, in: text, with: "  supply_response_minutes: 20")
        text = replacingLine(19, in: text, with: "  - {id: w2, location: {lat: 25.7, lon: 118.3}, existing: false, capacity_m3: 5, fixed_cost: 1000}")
        text = replacingLine(7, in: text, with: "  - {id: tent, per_person: 1, volume_m3: 1, unit_cost: 1800}")
        let scenario = try ScenarioLoader.load(text: text, path: "t.yaml").scenario
        let a = ScenarioAssessment(scenario: scenario, network: TravelNetwork(scenario: scenario))
        let h1 = a.hazards[0]
        #expect(h1.areasWithoutShelter == ["a2"])
        #expect(h1.peopleWithoutShelterInReach == 100)
        #expect(h1.areasWithoutWarehouse == ["a2"])
        #expect(h1.storageInReachAll == 100)
        #expect(h1.supplyNeededCubicMetres == 400)
        #expect(h1.needs.map(\.areasUncovered) == [["a2"], ["a1", "a2"]])
        #expect(h1.needs[1].teams.isEmpty)
    }
}
