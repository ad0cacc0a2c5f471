import Foundation
import Testing
import YubeiCore
@testable import YubeiScenario
import YubeiTestSupport

@Suite("Scenarios as saved on a Chinese Windows: GB18030, a byte order mark, the planner's own keys")
struct WindowsYAMLTests {
    static let text = """
    name: 渠县洪涝
    负责人: 张三
    areas:
      - {id: tuxi, name: 土溪镇, location: {lat: 30.9, lon: 106.9}, population: 40000, 联系电话: "0818-7345678"}
    hazards:
      - {id: flood, name: 洪涝, displaced: {tuxi: 1200}}
    shelters:
      - {id: tuxi-school, name: 土溪中学, location: {lat: 30.91, lon: 106.91}, existing: true, area_m2: 3000}
    policy: {budget: 0, supply_response_minutes: 60, shelter_max_km: 3, area_per_person_m2: 1.5, team_response_minutes: 60}
    """

    @Test("GB18030 (by iconv), UTF-8 with a byte order mark and plain UTF-8 read the same")
    func encodings() throws {
        let plain = try ScenarioLoader.load(data: Data(Self.text.utf8), path: "s.yaml")
        let bom = try ScenarioLoader.load(data: Data([0xEF, 0xBB, 0xBF]) + Data(Self.text.utf8), path: "s.yaml")
        let gbData = try gb18030ByIconv(Self.text)
        #expect(gbData != Data(Self.text.utf8))
        let gb = try ScenarioLoader.load(data: gbData, path: "s.yaml")
        for loaded in [bom, gb] {
            #expect(loaded.scenario.name == "渠县洪涝")
            #expect(loaded.scenario.areas == plain.scenario.areas)
            #expect(loaded.scenario.shelters.map(\.name) == ["土溪中学"])
            #expect(loaded.scenario.extra == plain.scenario.extra)
        }
        #expect(try YAMLFile.parse(data: gbData, path: "s.yaml").encoding == .gb18030)
    }

    @Test("a key of the planner's own is a warning and kept; a misspelt key is an error with the suggestion")
    func unknownKeys() throws {
        let loaded = try ScenarioLoader.load(text: Self.text, path: "s.yaml")
        #expect(loaded.scenario.extra == ["负责人": .text("张三"), "areas[0].联系电话": .text("0818-7345678")])
        let warnings = loaded.warnings.warnings.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("s.yaml:2:1: warning: 负责人: unknown key '负责人' (not a Yubei key; kept") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("areas[0].联系电话: unknown key '联系电话'") }, "\(warnings)")
        let typo = Self.text.replacingOccurrences(of: "policy: {budget: 0,", with: "policy: {budjet: 0, budget: 0,")
        do {
            _ = try ScenarioLoader.load(text: typo, path: "s.yaml")
            Issue.record("a misspelt key was accepted")
        } catch {
            #expect(error.diagnostics.errors.map(\.description).contains { $0.contains("policy.budjet: unknown key 'budjet'; did you mean 'budget'?") })
        }
        // Two letters that share nothing with a known key are no misspelling of it.
        #expect(YAMLReader.closest(to: "备注", in: ["id", "name"]) == nil)
        #expect(YAMLReader.closest(to: "nmae", in: ["id", "name"]) == "name")
    }

    @Test("solve carries the planner's keys into plan.json under extra")
    func extraInPlan() throws {
        let folder = try scratchFolder(["s.yaml": try gb18030ByIconv(Self.text)])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runYubei(["solve", "s.yaml", "--out", "out", "--json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("warning: 负责人: unknown key '负责人'"))
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/plan.json"))) as! [String: Any]
        let extra = plan["extra"] as? [String: Any]
        #expect(extra?["负责人"] as? String == "张三")
        #expect(extra?["areas[0].联系电话"] as? String == "0818-7345678")
    }
}
