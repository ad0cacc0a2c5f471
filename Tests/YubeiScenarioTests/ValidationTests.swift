import Foundation
import Testing
import YubeiCore
@testable import YubeiScenario
import YubeiTestSupport

/// One broken (or standards-failing) variant of ``baseScenario`` and the diagnostic it must give.
struct ValidationCase: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var severity: Diagnostic.Severity = .error
    /// `LINE:COL` expected.
    var position: String
    var message: String

    var testDescription: String { name }

    static func line(_ name: String, _ line: Int, _ replacement: String, at position: String, _ message: String,
                     severity: Diagnostic.Severity = .error) -> ValidationCase {
        ValidationCase(name: name, text: replacingLine(line, with: replacement), severity: severity, position: position, message: message)
    }
}

let validationCases: [ValidationCase] = [
    .line("unknown key with the closest known", 26, "  budjet: 5000", at: "26:3",
          "policy.budjet: unknown key 'budjet'; did you mean 'budget'?"),
    .line("missing key", 26, "  budjet: 5000", at: "26:3", "policy: missing required key 'budget'"),
    .line("missing key in an entry", 5, "  - {id: a2, name: 乙乡, location: {lat: 25.6, lon: 118.3}}", at: "5:5",
          "areas[1]: missing required key 'population'"),
    .line("wrong type", 4, "  - {id: a1, name: 甲镇, location: {lat: 25.5, lon: 118.2}, population: many}", at: "4:71",
          "areas[0].population: expected a whole number, found 'many'"),
    .line("wrong type: a list for a number", 27, "  supply_response_minutes: [360]", at: "27:28",
          "policy.supply_response_minutes: expected a number, found a list"),
    .line("wrong type: not a boolean", 18, "  - {id: w1, location: {lat: 25.5, lon: 118.2}, existing: maybe, capacity_m3: 100}", at: "18:59",
          "warehouses[0].existing: expected true or false, found 'maybe'"),
    .line("bad id", 24, "  - {id: \"t 1\", base: {lat: 25.5, lon: 118.2}, specialties: [flood-rescue], members: 10}", at: "24:10",
          "teams[0].id: 't 1' is not a valid id (use letters, digits, '-', '_' and '.')"),
    .line("duplicate id in one list", 5, "  - {id: a1, name: 乙乡, location: {lat: 25.6, lon: 118.3}, population: 500}", at: "5:10",
          "areas[1].id: duplicate id 'a1': already used by areas[0].id at line 4"),
    .line("warehouses and shelters share one namespace", 21,
          "  - {id: w1, location: {lat: 25.5, lon: 118.2}, existing: true, area_m2: 3000, class: fixed-short}", at: "21:10",
          "shelters[0].id: duplicate id 'w1': already used by warehouses[0].id at line 18 (warehouses and shelters share one namespace)"),
    .line("dangling displaced area", 16, "    displaced: {a3: 50}", at: "16:17", "hazards[1].displaced.a3: unknown area 'a3'"),
    .line("dangling closed site", 12, "    closed_sites: [s9]", at: "12:20",
          "hazards[0].closed_sites[0]: unknown warehouse or shelter 's9'; did you mean 's1'?"),
    .line("dangling site area", 19,
          "  - {id: w2, area: a9, location: {lat: 25.6, lon: 118.3}, existing: false, capacity_m3: 50, fixed_cost: 1000}", at: "19:20",
          "warehouses[1].area: unknown area 'a9'"),
    .line("latitude out of range", 4, "  - {id: a1, name: 甲镇, location: {lat: 95, lon: 118.2}, population: 1000}", at: "4:40",
          "areas[0].location.lat: latitude 95 is outside -90…90"),
    .line("longitude out of range", 4, "  - {id: a1, name: 甲镇, location: {lat: 25.5, lon: -190}, population: 1000}", at: "4:51",
          "areas[0].location.lon: longitude -190 is outside -180…180"),
    .line("negative number", 18, "  - {id: w1, location: {lat: 25.5, lon: 118.2}, existing: true, capacity_m3: -100}", at: "18:78",
          "warehouses[0].capacity_m3: expected a number ≥ 0, found -100"),
    .line("not a number (NaN)", 18, "  - {id: w1, location: {lat: 25.5, lon: 118.2}, existing: true, capacity_m3: .nan}", at: "18:78",
          "warehouses[0].capacity_m3: expected a finite number, found '.nan'"),
    .line("infinite number", 7, "  - {id: tent, per_person: .inf, volume_m3: 0.12, unit_cost: 1800}", at: "7:28",
          "supplies[0].per_person: expected a finite number, found '.inf'"),
    .line("zero area per person", 29, "  area_per_person_m2: 0", at: "29:23", "policy.area_per_person_m2: zero area per person"),
    .line("zero area per person in a class map", 29, "  area_per_person_m2: {default: 2, emergency: 0}", at: "29:47",
          "policy.area_per_person_m2.emergency: zero area per person"),
    .line("probability above 1", 10, "    probability: 1.2", at: "10:18", "hazards[0].probability: expected a number ≤ 1, found 1.2"),
    .line("probability below 0", 10, "    probability: -0.1", at: "10:18", "hazards[0].probability: expected a number ≥ 0, found -0.1"),
    .line("more displaced than live in the area", 11, "    displaced: {a1: 3000, a2: 100}", at: "11:21",
          "hazards[0].displaced.a1: 3000 people displaced, but area 'a1' has only 1000 residents"),
    .line("negative displaced", 11, "    displaced: {a1: -5, a2: 100}", at: "11:21",
          "hazards[0].displaced.a1: expected a number ≥ 0, found -5"),
    .line("unknown shelter class with suggestion", 21,
          "  - {id: s1, location: {lat: 25.5, lon: 118.2}, existing: true, area_m2: 3000, class: centrl}", at: "21:87",
          "shelters[0].class: 'centrl' is not one of emergency, fixed-short, fixed-medium, fixed-long, central; did you mean 'central'?"),
    .line("per-class map without the class a shelter uses", 29, "  area_per_person_m2: {fixed-long: 3}", at: "29:23",
          "policy.area_per_person_m2: no value for shelter class 'fixed-short', which shelters[0] ('s1') uses; add 'fixed-short' or 'default'"),
    .line("unknown shelter class key in a per-class map", 28, "  shelter_max_km: {default: 20, centre: 30}", at: "28:33",
          "policy.shelter_max_km.centre: unknown key 'centre'; did you mean 'central'?"),
    .line("estimated names an unknown key", 24,
          "  - {id: t1, base: {lat: 25.5, lon: 118.2}, specialties: [flood-rescue], members: 10, estimated: [size]}", at: "24:99",
          "teams[0].estimated[0]: 'size' is not one of"),
    .line("detour factor below 1", 2, "travel: {speed_kmh: 40, detour_factor: 0.8}", at: "2:40",
          "travel.detour_factor: expected a number ≥ 1, found 0.8"),
    ValidationCase(name: "list section of the wrong type", text: replacingLine(7, in: replacingLine(6, with: "supplies: 5"), with: "# none"),
                   position: "6:11", message: "supplies: expected a list, found '5'"),
    .line("empty hazards", 8, "hazards: []\nx_hazards:", at: "8:10", "hazards: expected a list with at least one entry in 'hazards'"),
    ValidationCase(name: "top level not a map", text: "- a\n- b\n", position: "1:1",
                   message: "expected a mapping (key: value pairs), found a list"),
    ValidationCase(name: "top level a scalar", text: "just words\n", position: "1:1",
                   message: "expected a mapping (key: value pairs), found 'just words'"),
    ValidationCase(name: "missing top-level key", text: baseScenario.components(separatedBy: "policy:")[0], position: "1:1",
                   message: "missing required key 'policy'"),
    ValidationCase(name: "empty file", text: "", position: "1:1", message: "the file is empty"),
    ValidationCase(name: "blank file", text: "  \n\n\t\n", position: "1:1", message: "the file is empty"),
    ValidationCase(name: "truncated in a flow mapping", text: "name: x\nareas:\n  - {id: a1, name: 甲镇, loc", position: "4:1",
                   message: "is the file truncated or a quote or bracket left open?"),
    ValidationCase(name: "not YAML", text: "name: [unclosed\nareas: 3\n", position: "2:6", message: "invalid YAML"),
    // Warnings: standards, with exit 0.
    .line("area per person below GB 21734", 29, "  area_per_person_m2: 1.2", at: "29:23",
          "policy.area_per_person_m2: 1.2 m² per person is below the 1.5 m² that GB 21734-2008 requires (a mandatory clause)",
          severity: .warning),
    .line("shelter site under 2000 m²", 22,
          "  - {id: s2, location: {lat: 25.6, lon: 118.3}, existing: false, area_m2: 1500, fixed_cost: 500}", at: "22:75",
          "shelters[1].area_m2: a shelter site of 1500 m² is under the 2000 m² minimum of GB 21734-2008", severity: .warning),
    .line("probabilities not summing to 1", 15, "    probability: 0.3", at: "9:3",
          "hazards: hazard probabilities sum to 0.9, not 1; expected costs weight the hazards as given", severity: .warning),
]

@Suite("Scenario validation")
struct ValidationTests {
    @Test("the base scenario is valid with no warnings")
    func baseIsValid() throws {
        let loaded = try ScenarioLoader.load(text: baseScenario, path: "test.yaml")
        #expect(loaded.warnings.all.isEmpty)
        #expect(loaded.scenario.areas.map(\.name) == ["甲镇", "乙乡"])
        #expect(loaded.scenario.hazards[0].closedSites == ["s2"])
        #expect(loaded.scenario.shelters[1].shelterClass == .fixedShort)
        #expect(loaded.scenario.policy.capacity(of: loaded.scenario.shelters[0]) == 1500)
    }

    @Test("each rule gives its message at its line and column", arguments: validationCases)
    func rule(_ testCase: ValidationCase) {
        let result = load(testCase.text)
        let expected = "test.yaml:\(testCase.position): \(testCase.severity.rawValue): "
        let matching = result.diagnostics.all.filter {
            $0.description.hasPrefix(expected) && $0.message.contains(testCase.message)
        }
        #expect(!matching.isEmpty, "expected \(expected)\(testCase.message)\ngot:\n\(result.diagnostics.all.map(\.description).joined(separator: "\n"))")
        if testCase.severity == .warning {
            #expect(result.scenario != nil, "a standards warning must not stop loading")
            #expect(!result.diagnostics.hasErrors)
        } else {
            #expect(result.scenario == nil)
        }
    }

    @Test("the file is not UTF-8: error at the first bad byte")
    func notUTF8() {
        var data = Data("name: x\nareas: ".utf8)
        data.append(contentsOf: [0xFF, 0xFE])
        data.append(Data("\n".utf8))
        do {
            _ = try ScenarioLoader.load(data: data, path: "bad.yaml")
            Issue.record("a non-UTF-8 file loaded")
        } catch {
            #expect(error.diagnostics.all.map(\.description) == ["bad.yaml:2:8: error: the file is neither UTF-8 nor GB18030 text (save it as UTF-8)"])
        }
    }

    @Test("all problems are reported in one run, in file order")
    func allProblemsAtOnce() {
        var text = replacingLine(4, with: "  - {id: a1, name: 甲镇, location: {lat: 95, lon: 118.2}, population: 1000}")
        text = replacingLine(12, in: text, with: "    closed_sites: [s9]")
        text = replacingLine(29, in: text, with: "  area_per_person_m2: 0")
        text = replacingLine(26, in: text, with: "  budjet: 5000")
        let result = load(text)
        #expect(result.scenario == nil)
        #expect(result.diagnostics.errors.map { "\($0.location.line!):\($0.location.column!)" } == ["4:40", "12:20", "26:3", "26:3", "29:23"])
    }

    @Test("JSON is read as YAML, with positions")
    func json() throws {
        let text = """
        {"name": "J", "areas": [{"id": "a", "location": {"lat": 25.5, "lon": 118.2}, "population": 10}],
         "hazards": [{"id": "h", "displaced": {"a": 20}}],
         "policy": {"budget": 0, "supply_response_minutes": 60, "shelter_max_km": 5, "area_per_person_m2": 2, "team_response_minutes": 30}}
        """
        let result = load(text, path: "j.json")
        #expect(result.diagnostics.all.map(\.description) == ["j.json:2:45: error: hazards[0].displaced.a: 20 people displaced, but area 'a' has only 10 residents"])
        let fixed = try ScenarioLoader.load(text: text.replacingOccurrences(of: "\"a\": 20", with: "\"a\": 10"), path: "j.json")
        #expect(fixed.scenario.hazards[0].totalDisplaced == 10)
        #expect(fixed.scenario.warehouses.isEmpty)
    }

    @Test("per-class policy values and defaults")
    func perClass() throws {
        var text = replacingLine(29, with: "  area_per_person_m2: {default: 2.0, central: 3.0}")
        text = replacingLine(28, in: text, with: "  shelter_max_km: {fixed-short: 10, default: 4}")
        text = replacingLine(21, in: text, with: "  - {id: s1, location: {lat: 25.5, lon: 118.2}, existing: true, area_m2: 3000, class: central}")
        let scenario = try ScenarioLoader.load(text: text, path: "t.yaml").scenario
        #expect(scenario.policy.capacity(of: scenario.shelters[0]) == 1000)
        #expect(scenario.policy.capacity(of: scenario.shelters[1]) == 1250)
        #expect(scenario.policy.maximumKilometres(to: scenario.shelters[0]) == 4)
        #expect(scenario.policy.maximumKilometres(to: scenario.shelters[1]) == 10)
    }

    @Test("hazard weights: given probabilities, else shared equally")
    func weights() throws {
        let scenario = try ScenarioLoader.load(text: baseScenario, path: "t.yaml").scenario
        #expect(scenario.hazardWeights == [0.6, 0.4])
        let none = try ScenarioLoader.load(text: baseScenario.replacingOccurrences(of: "    probability: 0.6\n", with: "")
            .replacingOccurrences(of: "    probability: 0.4\n", with: ""), path: "t.yaml").scenario
        #expect(none.hazardWeights == [0.5, 0.5])
        let some = try ScenarioLoader.load(text: baseScenario.replacingOccurrences(of: "    probability: 0.4\n", with: ""), path: "t.yaml").scenario
        #expect(abs(some.hazardWeights[1] - 0.4) < 1e-12)
    }

    @Test("a missing file is reported, not crashed on")
    func missingFile() {
        do {
            _ = try ScenarioLoader.load(path: "/nonexistent/x.yaml")
            Issue.record("loaded a missing file")
        } catch {
            #expect(error.diagnostics.all.map(\.description) == ["/nonexistent/x.yaml: error: no such file"])
        }
    }
}
