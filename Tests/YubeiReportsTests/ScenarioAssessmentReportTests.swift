import Testing
import YubeiCore
import YubeiReports
import YubeiScenario

@Suite("Describe text: the assessment as the terminal shows it")
struct ScenarioAssessmentReportTests {
    /// Two areas 14.4 km apart (× 1.3 = 18.7 km road, 28 min at 40 km/h); the only shelter and
    /// warehouse stand at a1, within 5 km and 20 min of a1 only. h1 displaces 300 + 100 people who
    /// each need 1 m³ of tents: 400 m³ against 5 m³ of storage, a shortfall of 395 m³.
    static let scenario = """
    name: Test county
    policy: {budget: 5000, supply_response_minutes: 20, shelter_max_km: 5, area_per_person_m2: 2.0, team_response_minutes: 20}
    travel: {speed_kmh: 40, detour_factor: 1.3}
    areas:
      - {id: a1, name: 甲镇, population: 1000, location: {lat: 25.5, lon: 118.2}}
      - {id: a2, name: 乙乡, population: 500, location: {lat: 25.6, lon: 118.3}}
    supplies: [{id: tent, per_person: 1, volume_m3: 1, unit_cost: 1800}]
    hazards: [{id: h1, probability: 0.6, displaced: {a1: 300, a2: 100}, needs: [flood-rescue, geohazard]}]
    warehouses: [{id: w1, existing: true, capacity_m3: 5, location: {lat: 25.5, lon: 118.2}}]
    shelters: [{id: s1, existing: true, area_m2: 3000, class: fixed-short, location: {lat: 25.5, lon: 118.2}}]
    teams: [{id: t1, name: 县消防, specialties: [flood-rescue], members: 10, base: {lat: 25.5, lon: 118.2}}]

    """

    @Test func shortfallsAndGapsInBothLanguages() throws {
        let loaded = try ScenarioLoader.load(text: Self.scenario, path: "t.yaml")
        let assessment = ScenarioAssessment(scenario: loaded.scenario, network: TravelNetwork(scenario: loaded.scenario))
        let en = ScenarioAssessmentReport.text(assessment, language: .en)
        #expect(en.contains("geohazard: no team has it"))
        #expect(en.contains("SHORT by 395 m³"))
        #expect(en.contains("areas with displaced people and no shelter within reach: 乙乡 (a2) (100 people)"))
        #expect(en.contains("flood-rescue: teams 县消防 (t1); areas no such team reaches in time: 乙乡 (a2)"))
        let zh = ScenarioAssessmentReport.text(assessment, language: .zh)
        #expect(zh.contains("地质灾害处置：没有队伍具备"))  // the specialty by its Chinese name
        #expect(zh.contains("缺口 395 m³"))
    }
}
