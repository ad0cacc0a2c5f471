import Foundation
import Testing
import YubeiTestSupport

/// `yubei validate` and `yubei describe`, run as the built binary on real files.
@Suite("yubei validate and describe")
struct ScenarioCLITests {
    static let scenarios = ["dehua-typhoon.yaml", "quxian-flood.yaml", "minqin-sandstorm-drought.yaml",
                            "wuxi-landslide-flood.yaml", "xiangfen-earthquake.yaml"]

    @Test("every shipped scenario validates cleanly: exit 0, one summary line, no warnings", arguments: scenarios)
    func shipped(_ file: String) throws {
        let result = try runYubei(["validate", "Scenarios/\(file)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains(": valid: ") == true)
    }

    @Test("a broken scenario: every error as FILE:LINE:COL, exit 65, nothing on stdout")
    func broken() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("bad.yaml").path
        try """
        name: 坏的情景
        areas:
          - {id: a, location: {lat: 95, lon: 118}, population: 100}
        hazards:
          - {id: h, probability: 1.5, displaced: {a: 300, b: 1}}
        policy: {budjet: 1, supply_response_minutes: 60, shelter_max_km: 3, area_per_person_m2: 0, team_response_minutes: 60}

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runYubei(["validate", path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(path):3:29: error: areas[0].location.lat: latitude 95 is outside -90…90 (WGS-84 degrees; are lat and lon swapped?)",
            "\(path):5:26: error: hazards[0].probability: expected a number ≤ 1, found 1.5",
            "\(path):5:46: error: hazards[0].displaced.a: 300 people displaced, but area 'a' has only 100 residents",
            "\(path):5:51: error: hazards[0].displaced.b: unknown area 'b'; did you mean 'a'?",
            "\(path):6:9: error: policy: missing required key 'budget'",
            "\(path):6:10: error: policy.budjet: unknown key 'budjet'; did you mean 'budget'?",
            "\(path):6:89: error: policy.area_per_person_m2: zero area per person: expected m² > 0 (GB 21734-2008 asks for at least 1.5 m² per sheltered person)",
        ])
        let describe = try runYubei(["describe", path])
        #expect(describe.status == 65)
        #expect(describe.stdout.isEmpty)
    }

    @Test("standards are warnings: exit 0, warning lines on stderr, summary counts them")
    func warnings() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("w.yaml").path
        try """
        name: W
        areas: [{id: a, location: {lat: 25, lon: 118}, population: 100}]
        hazards: [{id: h, probability: 0.5, displaced: {a: 10}}]
        shelters: [{id: s, location: {lat: 25, lon: 118}, existing: true, area_m2: 900}]
        policy: {budget: 1, supply_response_minutes: 60, shelter_max_km: 3, area_per_person_m2: 1.0, team_response_minutes: 60}

        """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runYubei(["validate", path])
        #expect(result.status == 0)
        #expect(result.stdout == "W: valid: 1 areas, 1 hazards, 0 warehouses, 1 shelters, 0 teams; distances by straight line × detour, 3 warnings\n")
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "\(path):3:10: warning: hazards: hazard probabilities sum to 0.5, not 1; expected costs weight the hazards as given",
            "\(path):4:76: warning: shelters[0].area_m2: a shelter site of 900 m² is under the 2000 m² minimum of GB 21734-2008",
            "\(path):5:89: warning: policy.area_per_person_m2: 1 m² per person is below the 1.5 m² that GB 21734-2008 requires (a mandatory clause)",
        ])
    }

    @Test("describe: the planner's sanity check in English, Chinese and JSON")
    func describe() throws {
        let en = try runYubei(["describe", "Scenarios/dehua-typhoon.yaml"])
        #expect(en.status == 0, "\(en.stderr)")
        #expect(en.stdout.contains("Hazard typhoon-gaemi-l2"))
        #expect(en.stdout.contains("displaced: 11,569 people"))
        #expect(en.stdout.contains("geohazard: no team has it"))
        let zh = try runYubei(["describe", "Scenarios/dehua-typhoon.yaml", "--lang", "zh"])
        #expect(zh.stdout.contains("需转移安置人数：11,569 人"))
        #expect(zh.stdout.contains("德化县 台风季（Ⅱ级响应）"))
        // Areas and teams by the names planners know, with the file's id beside them.
        #expect(zh.stdout.contains("该专业队伍无法及时到达的区域：汤头乡 (tangtou), 春美乡 (chunmei)"))
        #expect(zh.stdout.contains("县消防救援大队 (county-fire)"))
        let json = try runYubei(["describe", "Scenarios/wuxi-landslide-flood.yaml", "--json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["uses_roads"] as? Bool == true)  // snake_case, as every JSON document
        #expect((object["hazards"] as? [[String: Any]])?.count == 4)
    }

    @Test("a missing file exits 65 with the file named")
    func missing() throws {
        let result = try runYubei(["validate", "no/such.yaml"])
        #expect(result.status == 65)
        #expect(result.stderr == "no/such.yaml: error: no such file\n")
    }
}
