import Foundation
import Testing
import YubeiTestSupport

/// An acceptance audit of the command-line contract (FORMATS.md, version 2): each test is a case
/// where the built binary once did not do what FORMATS says, run end to end on real files, with
/// its answer worked out by hand.
@Suite("FORMATS.md audit (CLI)")
struct FormatsAuditTests {
    /// Two areas 1.1 km apart, two shelters: s1 (existing, at a1, ⌊150 ÷ 1.5⌋ = 100 places) and
    /// s2 (a candidate at a2 for 1,000 yuan, the whole budget, ⌊200 ÷ 2⌋ = 100 places), closed in
    /// h2. One warehouse at a1 holds everything.
    static let scenario = """
    name: 测试县
    travel: {speed_kmh: 40, detour_factor: 1.0}
    areas:
      - {id: a1, name: 甲镇, location: {lat: 25.50, lon: 118.20}, population: 1000}
      - {id: a2, name: 乙乡, location: {lat: 25.51, lon: 118.20}, population: 500}
    supplies:
      - {id: tent, name: 帐篷, per_person: 0.25, volume_m3: 0.1, unit_cost: 100}
      - {id: water, name: 水, per_person: 1, volume_m3: 0.01, unit_cost: 10, priority: 2}
    hazards:
      - {id: h1, probability: 0.3, displaced: {a1: 100, a2: 50}}
      - {id: h2, probability: 0.7, displaced: {a1: 10}, closed_sites: [s2]}
    warehouses:
      - {id: w1, location: {lat: 25.50, lon: 118.20}, existing: true, capacity_m3: 100, fixed_cost: 0}
    shelters:
      - {id: s1, location: {lat: 25.50, lon: 118.20}, existing: true, area_m2: 150, class: fixed-short}
      - {id: s2, location: {lat: 25.51, lon: 118.20}, existing: false, area_m2: 200, class: emergency, fixed_cost: 1000}
    teams:
      - {id: t1, name: 消防, base: {lat: 25.5, lon: 118.2}, specialties: [flood-rescue], members: 10}
    policy:
      budget: 1000
      supply_response_minutes: 60
      shelter_max_km: 3.0
      area_per_person_m2: {fixed-short: 1.5, emergency: 2}
      team_response_minutes: 60
      single_shelter_per_area: true

    """

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// FORMATS.md §4: `--forbid SITE` is an override like the others. Forbidding an existing
    /// shelter takes it out; the plan that does so is sound, not a plan that "breaks
    /// existing-site-open" (status `error`, exit 1) as it was.
    /// By hand: without s1, h1 sends a1's 100 to s2 (100 places) and leaves a2's 50
    /// unsheltered; in h2 s2 is closed, so a1's 10 are unsheltered: 0.3 · 50 + 0.7 · 10 = 22.
    @Test("--forbid an existing site: a sound plan, exit 0, the site unused")
    func forbidExistingSite() throws {
        let folder = try scratchFolder(texts: ["county.yaml": Self.scenario], prefix: "yubei-audit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let run = try runYubei(["solve", folder.appendingPathComponent("county.yaml").path, "--out", out.path, "--json", "--forbid", "s1"])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try Self.json(run.stdout)
        #expect(plan["status"] as? String == "optimal")
        #expect((plan["verification"] as? [Any])?.isEmpty == true, "\(plan["verification"] ?? "")")
        #expect(plan["open_shelters"] as? [String] == ["s2"])
        #expect(plan["overrides"] as? [String] == ["--forbid s1"])
        let hazards = try #require(plan["hazards"] as? [String: [String: Any]])
        let h1 = try #require(hazards["h1"]?["shelter_assignment"] as? [String: [String: Int]])
        #expect(h1 == ["a1": ["s2": 100]])
        let summary = try #require(hazards["h2"]?["summary"] as? [String: Int])
        #expect(summary["unsheltered"] == 10 && summary["sheltered"] == 0)
        let levels = try #require(plan["levels"] as? [String: Any])
        #expect((levels["unsheltered"] as? NSNumber)?.doubleValue == 22)
        // a2's 50 in h1: s2, the only usable shelter, is full; s1 is no candidate "not opened".
        let reasons = try #require(plan["unmet_reasons"] as? [[String: Any]])
        #expect(reasons.count == 1 && reasons.first?["kind"] as? String == "shelters-full"
                && reasons.first?["sites"] as? [String] == ["s2"], "\(reasons)")
        // FORMATS.md §5: plan.geojson says s1 is not open (it said "existing").
        let geo = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.geojson"))) as? [String: Any])
        var statuses: [String: String] = [:]
        for feature in try #require(geo["features"] as? [[String: Any]]) {
            let properties = try #require(feature["properties"] as? [String: Any])
            if let status = properties["status"] as? String, let id = properties["id"] as? String { statuses[id] = status }
        }
        #expect(statuses == ["w1": "existing", "s1": "not-opened", "s2": "opened"])
        // The report's map draws s1 as a site not opened (hollow), not in the existing sites' colour.
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("fill=\"none\" stroke=\"#9aa5b1\" stroke-width=\"1.5\"><title>s1</title>"))
        #expect(!html.contains("fill=\"#1e3a8a\" stroke=\"#1e3a8a\" stroke-width=\"1.5\"><title>s1</title>"))

        // The adopted plan holds up under `stress` too: its first stage leaves s1 closed.
        let stress = try runYubei(["stress", folder.appendingPathComponent("county.yaml").path, "--plan",
                                   out.appendingPathComponent("plan.json").path, "--out", folder.appendingPathComponent("stress").path, "--json"])
        #expect(stress.status == 0, "\(stress.stderr)")
        let cases = try #require(try Self.json(stress.stdout)["cases"] as? [[String: Any]])
        #expect(cases.first?["status"] as? String == "optimal")
    }

    /// FORMATS.md §2.1: a list may come from a table. A duplicate id there pointed at "line 34"
    /// (a line of the YAML the table is read as, in no file the planner has); it now names the
    /// first definition's row, or its place in another file.
    @Test("a duplicate id in a table names the first one's row, or its file and line")
    func duplicateIdInTable() throws {
        let scenario = Self.scenario
            .replacingOccurrences(of: """
              - {id: a1, name: 甲镇, location: {lat: 25.50, lon: 118.20}, population: 1000}
              - {id: a2, name: 乙乡, location: {lat: 25.51, lon: 118.20}, population: 500}

            """, with: "")
            .replacingOccurrences(of: "areas:\n", with: "areas: {table: areas.csv}\n")
            .replacingOccurrences(of: "warehouses:\n  - {id: w1, location: {lat: 25.50, lon: 118.20}, existing: true, capacity_m3: 100, fixed_cost: 0}\n",
                                  with: "warehouses: {table: depots.csv}\n")
        #expect(scenario.contains("areas: {table: areas.csv}") && scenario.contains("warehouses: {table: depots.csv}"))
        let folder = try scratchFolder(texts: [
            "county.yaml": scenario,
            "areas.csv": "编号,名称,纬度,经度,人口\na1,甲镇,25.50,118.20,1000\na2,乙乡,25.51,118.20,500\na1,丙村,25.52,118.20,10\n",
            // s1 is also a shelter's id in county.yaml (line 12, the id at column 10).
            "depots.csv": "id,lat,lon,existing,capacity_m3\ns1,25.50,118.20,true,100\n",
        ], prefix: "yubei-audit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runYubei(["validate", "county.yaml"], in: folder)
        #expect(run.status == 65)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("areas.csv:4: error: areas[2].id: duplicate id 'a1': already used by areas[0].id at line 2"), "\(run.stderr)")
        #expect(lines.contains("county.yaml:12:10: error: shelters[0].id: duplicate id 's1': already used by warehouses[0].id at depots.csv:2 (warehouses and shelters share one namespace)"),
                "\(run.stderr)")
        #expect(!run.stderr.contains("at line 3"), "\(run.stderr)")
    }

    /// FORMATS.md conventions: every command that reads a file reports all its problems as
    /// `FILE:LINE:COLUMN: error:`; `--lang zh` reaches every diagnostic. `stress --plan` named
    /// unknown sites without a line (and in English only), and a broken plan.json with Foundation's
    /// English sentence ("The data isn't in the correct format") and no place.
    @Test("stress --plan: every problem of plan.json at its line and column, in the --lang asked for")
    func stressPlanDiagnostics() throws {
        let folder = try scratchFolder(texts: [
            "county.yaml": Self.scenario,
            "unknown.json": """
            {"status": "optimal",
             "open_warehouses": ["w1", "w9"],
             "open_shelters": ["s1", "s7"],
             "stock": {"w1": {"tent": 38, "soap": 3}}}

            """,
            "broken.json": "{\"open_warehouses\": [\n",
        ], prefix: "yubei-audit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = try runYubei(["stress", "county.yaml", "--plan", "unknown.json", "--out", "out"], in: folder)
        #expect(english.status == 65)
        let errors = english.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        #expect(errors == [
            "unknown.json:2:28: error: open_warehouses[1]: the plan names warehouse 'w9', which county.yaml does not have",
            "unknown.json:3:26: error: open_shelters[1]: the plan names shelter 's7', which county.yaml does not have",
            "unknown.json:4:31: error: stock.w1.soap: the plan names supply 'soap', which county.yaml does not have",
        ], "\(english.stderr)")
        let chinese = try runYubei(["stress", "county.yaml", "--plan", "unknown.json", "--out", "out", "--lang", "zh"], in: folder)
        #expect(chinese.status == 65)
        #expect(chinese.stderr.contains("unknown.json:2:28: error: open_warehouses[1]：方案中的仓库 'w9' 在 county.yaml 中不存在"),
                "\(chinese.stderr)")
        let broken = try runYubei(["stress", "county.yaml", "--plan", "broken.json", "--out", "out", "--lang", "zh"], in: folder)
        #expect(broken.status == 65)
        let brokenErrors = broken.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(brokenErrors.count == 1 && brokenErrors[0].hasPrefix("broken.json:2:1: error: "), "\(broken.stderr)")
        #expect(!broken.stderr.contains("The data"), "\(broken.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// FORMATS.md §2/§2.1: plan.json's keys stay. A plan with no solution (here s2 is required
    /// but costs 1,000 yuan against a budget of 0: infeasible, exit 2) left `objective` and
    /// `spending` out; they are now `null`, as `locate` writes `objective: null`.
    @Test("an infeasible plan keeps plan.json's keys: objective and spending null, exit 2")
    func infeasiblePlanKeepsKeys() throws {
        let folder = try scratchFolder(texts: ["county.yaml": Self.scenario], prefix: "yubei-audit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runYubei(["solve", "county.yaml", "--out", "out", "--json", "--require", "s2", "--set", "policy.budget=0"], in: folder)
        #expect(run.status == 2, "\(run.stderr)")
        for text in [run.stdout, try String(contentsOf: folder.appendingPathComponent("out/plan.json"), encoding: .utf8)] {
            let plan = try Self.json(text)
            #expect(plan["status"] as? String == "infeasible")
            for key in ["status", "objective", "open_warehouses", "stock", "open_shelters", "hazards", "spending", "overrides"] {
                #expect(plan.keys.contains(key), "\(key) missing")
            }
            #expect(plan["objective"] is NSNull && plan["spending"] is NSNull)
        }
        // The same variant in a study (FORMATS.md §4): its study.json entry keeps `spending`.
        let studyFile = folder.appendingPathComponent("study.yaml")
        try "base: county.yaml\nvariants:\n  - {name: impossible, overrides: [\"--require s2\", \"--set policy.budget=0\"]}\n"
            .write(to: studyFile, atomically: true, encoding: .utf8)
        let study = try runYubei(["study", "study.yaml", "--out", "study", "--json"], in: folder)
        #expect(study.status == 2, "\(study.stderr)")
        let variants = try #require(try Self.json(study.stdout)["variants"] as? [[String: Any]])
        #expect(variants.map { $0["name"] as? String } == ["base", "impossible"])
        for variant in variants {
            for key in ["name", "status", "plan", "hazards", "spending", "opened", "closed"] {
                #expect(variant.keys.contains(key), "\(key) missing in \(variant["name"] ?? "")")
            }
        }
        #expect(variants.last?["status"] as? String == "infeasible" && variants.last?["spending"] is NSNull)
        #expect((variants.first?["spending"] as? [String: Any])?["opening"] as? Int == 1000)
    }

    /// FORMATS.md §2.1: a `service_level` that cannot be met is explained; `stock_budget` buys
    /// stock. A kit is ¼ tent (100 yuan) and 1 water (10 yuan); by hand, 100·T + 10·W ≤ 2,000
    /// with W = 4·T gives T = 14.3, so 14 tents and 60 water: 56 of h1's 150 get a whole kit.
    /// The warehouse (100 m³) holds 2 m³:
    /// it is not full, yet the reasons said "every warehouse in reach is full"; they now name
    /// the spent stock budget, in the plan, in the service-level explanation and the report.
    @Test("supplies short because the stock budget is spent are explained as such, not as full warehouses")
    func stockBudgetReason() throws {
        let folder = try scratchFolder(texts: ["county.yaml": Self.scenario], prefix: "yubei-audit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try runYubei(["solve", "county.yaml", "--out", "plain", "--json", "--set", "policy.stock_budget=2000"], in: folder)
        #expect(plain.status == 0, "\(plain.stderr)")
        let plan = try Self.json(plain.stdout)
        let h1 = try #require((plan["hazards"] as? [String: [String: Any]])?["h1"]?["summary"] as? [String: Int])
        #expect(h1["fully_supplied"] == 56)
        let reasons = try #require(plan["unmet_reasons"] as? [[String: Any]])
        #expect(!reasons.isEmpty && reasons.allSatisfy { $0["kind"] as? String == "stock-budget-spent" && $0["sites"] as? [String] == ["w1"] },
                "\(reasons)")

        let level = try runYubei(["solve", "county.yaml", "--out", "level", "--set", "policy.stock_budget=2000",
                                  "--set", "hazards.h1.service_level=0.9", "--lang", "zh"], in: folder)
        #expect(level.status == 2, "\(level.stderr)")
        let levelPlan = try Self.json(try String(contentsOf: folder.appendingPathComponent("level/plan.json"), encoding: .utf8))
        let shortfall = try #require((levelPlan["service_level_shortfalls"] as? [[String: Any]])?.first)
        #expect(shortfall["required"] as? Int == 135 && shortfall["achievable"] as? Int == 56)
        let why = try #require(shortfall["reasons"] as? [[String: Any]])
        #expect(!why.isEmpty && why.allSatisfy { $0["kind"] as? String == "stock-budget-spent" }, "\(why)")
        let report = try String(contentsOf: folder.appendingPathComponent("level/report.md"), encoding: .utf8)
        #expect(report.contains("但储备采购预算已用完") && !report.contains("可达仓库库容已满"))
    }

    /// FORMATS.md §4: every command that reads a scenario takes the overrides, `stress` among
    /// them. `stress --forbid s2` was ignored (the plan kept sending a2's 50 to s2); a forbidden
    /// site of the adopted plan cannot be used, like a closed one. By hand: without s2, h1's a2
    /// (50 people) has no shelter with room (s1 holds a1's 100): 0.3 · 50 = 15 newly unsheltered.
    @Test("stress --forbid: the forbidden site of the adopted plan is not used; the shocked case in Chinese reports")
    func stressForbid() throws {
        let folder = try scratchFolder(texts: ["county.yaml": Self.scenario], prefix: "yubei-audit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let solve = try runYubei(["solve", "county.yaml", "--out", "plan"], in: folder)
        #expect(solve.status == 0, "\(solve.stderr)")
        var figures: [String: [String: Any]] = [:]
        for shock in ["--forbid", "--close"] {
            let run = try runYubei(["stress", "county.yaml", "--plan", "plan/plan.json", shock, "s2", "--out", "stress\(shock)", "--json"], in: folder)
            #expect(run.status == 0, "\(run.stderr)")
            let cases = try #require(try Self.json(run.stdout)["cases"] as? [[String: Any]])
            #expect(cases.map { $0["name"] as? String } == ["plan", "shock: \(shock) s2"])
            figures[shock] = cases.last
        }
        for shock in ["--forbid", "--close"] {
            let hazards = try #require(figures[shock]?["hazards"] as? [String: [String: Any]])
            #expect(hazards["h1"]?["unsheltered"] as? Int == 50, "\(shock)")
            #expect((figures[shock]?["newly_unsheltered"] as? NSNumber)?.doubleValue == 15, "\(shock)")
        }
        // The shocked case in a Chinese report: "冲击：", as "按方案" and "失去 SITE" (it said "shock:").
        let zh = try runYubei(["stress", "county.yaml", "--plan", "plan/plan.json", "--close", "s2", "--out", "zh", "--lang", "zh"], in: folder)
        #expect(zh.status == 0, "\(zh.stderr)")
        for name in ["stress.md", "stress.html"] {
            let text = try String(contentsOf: folder.appendingPathComponent("zh/\(name)"), encoding: .utf8)
            #expect(text.contains("冲击：--close s2") && !text.contains("shock:"), "\(name)")
        }
        // stress.json keeps the case's name as written (FORMATS.md §4 `name`).
        let json = try Self.json(try String(contentsOf: folder.appendingPathComponent("zh/stress.json"), encoding: .utf8))
        #expect((json["cases"] as? [[String: Any]])?.last?["name"] as? String == "shock: --close s2")
    }

    /// Exit 73 for what cannot be written, nothing half written, and the message in the language
    /// asked for: `drills plan` and the model files of `solve --export-model` and `locate
    /// --write-textbook-model` said so in English only (and `locate` without its `yubei:` tag).
    @Test("cannot write: exit 73, nothing written, the message in Chinese with --lang zh")
    func cannotWriteInChinese() throws {
        let folder = try scratchFolder(texts: [
            "county.yaml": Self.scenario, "a-file": "not a folder\n",
            "problem.json": #"{"model": "p-median", "p": 1, "cost": [[1, 2], [2, 1]]}"#,
        ], prefix: "yubei-audit")
        defer { try? FileManager.default.removeItem(at: folder) }
        let orgs = packageRoot.appendingPathComponent("Examples/drills/orgs.yaml").path
        let drills = try runYubei(["drills", "plan", orgs, "--year", "2027", "--out", "a-file/plan", "--lang", "zh"], in: folder)
        #expect(drills.status == 73)
        #expect(drills.stderr.contains("yubei: drills plan: 无法写入 'a-file/plan'："), "\(drills.stderr)")
        let solve = try runYubei(["solve", "county.yaml", "--out", "out", "--export-model", "a-file/model.lp", "--lang", "zh"], in: folder)
        #expect(solve.status == 73)
        #expect(solve.stderr.contains("yubei: error: 无法把模型写入 'a-file/model.lp'\n"), "\(solve.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        let locate = try runYubei(["locate", "problem.json", "--write-textbook-model", "a-file/model.lp", "--lang", "zh"], in: folder)
        #expect(locate.status == 73)
        #expect(locate.stderr == "yubei: error: 无法把模型写入 'a-file/model.lp'\n", "\(locate.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("a-file"), encoding: .utf8) == "not a folder\n")
    }
}
