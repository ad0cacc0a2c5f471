import Foundation
import Testing
import YubeiCore
@testable import YubeiScenario
import YubeiTestSupport

/// A small valid scenario whose line numbers the validation tests refer to.
let baseScenario = """
name: Test county
travel: {speed_kmh: 40, detour_factor: 1.3}
areas:
  - {id: a1, name: 甲镇, location: {lat: 25.5, lon: 118.2}, population: 1000}
  - {id: a2, name: 乙乡, location: {lat: 25.6, lon: 118.3}, population: 500}
supplies:
  - {id: tent, per_person: 0.25, volume_m3: 0.12, unit_cost: 1800}
hazards:
  - id: h1
    probability: 0.6
    displaced: {a1: 300, a2: 100}
    closed_sites: [s2]
    needs: [flood-rescue]
  - id: h2
    probability: 0.4
    displaced: {a2: 50}
warehouses:
  - {id: w1, location: {lat: 25.5, lon: 118.2}, existing: true, capacity_m3: 100}
  - {id: w2, location: {lat: 25.6, lon: 118.3}, existing: false, capacity_m3: 50, fixed_cost: 1000}
shelters:
  - {id: s1, location: {lat: 25.5, lon: 118.2}, existing: true, area_m2: 3000, class: fixed-short}
  - {id: s2, location: {lat: 25.6, lon: 118.3}, existing: false, area_m2: 2500, fixed_cost: 500}
teams:
  - {id: t1, base: {lat: 25.5, lon: 118.2}, specialties: [flood-rescue], members: 10}
policy:
  budget: 5000
  supply_response_minutes: 360
  shelter_max_km: 20
  area_per_person_m2: 2.0
  team_response_minutes: 60

"""

/// The result of loading `text` as the file `path`: the scenario, or the diagnostics.
func load(_ text: String, path: String = "test.yaml") -> (scenario: Scenario?, diagnostics: Diagnostics) {
    do {
        let loaded = try ScenarioLoader.load(text: text, path: path)
        return (loaded.scenario, loaded.warnings)
    } catch {
        return (nil, error.diagnostics)
    }
}

/// `text` with its `line`-th line (1-based) replaced.
func replacingLine(_ line: Int, in text: String = baseScenario, with replacement: String) -> String {
    var lines = text.components(separatedBy: "\n")
    lines[line - 1] = replacement
    return lines.joined(separator: "\n")
}
