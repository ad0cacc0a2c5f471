import Foundation
import Testing
@testable import YubeiDrills
import YubeiTestSupport

@Suite struct PlanningSettingsTests {
    @Test func readsEverySection() throws {
        let text = """
        observers: {per_week: 3, attend: {types: [comprehensive], kinds: [enterprise]}}
        teams:
          - {id: fire-rescue, name: 县消防救援大队, per_month: 4, joins: {sectors: [hazardous-chemicals], hazards: [fire]}}
        weights: {season: 5, safety_month: 0, spacing: 2.5, balance: 1}
        spacing_days: 100
        seasons:
          - {hazard: flood, name: 主汛期前, from: 03-15, to: 05-15}
        form: tabletop
        """
        let url = try scratchFile("settings.yaml", text: text)
        defer { try? FileManager.default.removeItem(at: url) }
        let settings = try PlanningSettings.load(path: url.path)
        #expect(settings.observers?.perWeek == 3)
        #expect(settings.observers?.attends == DrillSelector(kinds: ["enterprise"], types: ["comprehensive"]))
        #expect(settings.teams.map(\.id) == ["fire-rescue"])
        #expect(settings.teams[0].name == "县消防救援大队" && settings.teams[0].perMonth == 4)
        #expect(settings.teams[0].joins.sectors == ["hazardous-chemicals"] && settings.teams[0].joins.hazards == ["fire"])
        #expect(settings.weights.season == 5 && settings.weights.safetyMonth == 0 && settings.weights.spacing == 2.5)
        #expect(settings.spacingDays == 100)
        #expect(settings.seasons.count == 1)
        #expect(settings.seasons[0].contains(CalendarDate(parsing: "2027-03-15")!))
        #expect(!settings.seasons[0].contains(CalendarDate(parsing: "2027-05-16")!))
        #expect(settings.form == "tabletop")
    }

    @Test func selectorMatchesOnEveryGivenCriterion() {
        let chem = PlanningOrganization(id: "c", kind: "enterprise", sectors: ["hazardous-chemicals"], hazards: ["fire"])
        let school = PlanningOrganization(id: "s", kind: "school", hazards: ["earthquake"])
        let selector = DrillSelector(kinds: ["enterprise"], types: ["comprehensive"])
        #expect(selector.matches(chem, type: "comprehensive"))
        #expect(!selector.matches(chem, type: "onsite"))
        #expect(!selector.matches(school, type: "comprehensive"))
        #expect(DrillSelector().matches(school, type: "special"))
        #expect(DrillSelector(hazards: ["fire"]).matches(chem, type: "special"))
        #expect(!DrillSelector(organizations: ["x"]).matches(chem, type: "special"))
    }

    @Test func defaultHazardsFollowKindAndSector() {
        #expect(PlanningSettings.defaultHazards(kind: "school", sectors: []) == ["earthquake", "fire"])
        #expect(PlanningSettings.defaultHazards(kind: "township", sectors: []) == ["flood"])
        #expect(PlanningSettings.defaultHazards(kind: "enterprise", sectors: ["fire-key-unit"]) == ["fire"])
        #expect(PlanningSettings.defaultHazards(kind: "enterprise", sectors: ["mining"]).isEmpty)
    }
}
