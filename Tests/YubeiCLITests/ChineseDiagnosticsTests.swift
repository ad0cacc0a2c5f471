import Foundation
import Testing
import YubeiTestSupport

/// `--lang zh` diagnostics of every reader, through the built binary: each bad file is still refused
/// with exit 65 and `FILE:LINE:COL: error:` (the tag kept for editors and scripts), and every message
/// is Chinese: no English word but the input's own ids, keys and names, file names and units.
@Suite("Chinese diagnostics of every reader")
struct ChineseDiagnosticsTests {
    /// Words a Chinese diagnostic may hold besides the inputs' own: the severity tags, format names
    /// and the command line's option words.
    static let allowed: Set<String> = [
        "error", "warning", "UTF-8", "GB18030", "YAML", "YYYY-MM-DD", "MM-DD", "GeoJSON", "Excel", "CSV",
        "area", "site", "team", "junction", "from", "to", "km", "speed_kmh", "year", "calendar", "organizations",
        "rules", "p", "cost", "points", "capacity", "radius", "facilities", "demand", "travel.roads", "lon", "lat",
    ]

    /// Every line of `stderr` is `PLACE: error|warning: MESSAGE` with a Chinese message, and no line
    /// holds an English word beyond the inputs' words and ``allowed``.
    static func expectChinese(_ stderr: String, inputs: [URL], folder: URL, extra: Set<String> = [],
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let lines = stderr.split(separator: "\n").map(String.init)
        #expect(!lines.isEmpty, "no diagnostics", sourceLocation: sourceLocation)
        for line in lines {
            let message = line.components(separatedBy: ": error: ").dropFirst().first
                ?? line.components(separatedBy: ": warning: ").dropFirst().first
            #expect(message != nil, "not a diagnostic line: \(line)", sourceLocation: sourceLocation)
            #expect(message?.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } == true,
                    "no Chinese in: \(line)", sourceLocation: sourceLocation)
        }
        let english = try ChineseOutputTests.english(stderr, inputs: inputs, out: folder)
            .subtracting(allowed).subtracting(extra)
        #expect(english.isEmpty, "English in the Chinese diagnostics: \(english.sorted())\n\(stderr)", sourceLocation: sourceLocation)
    }

    static let scenario = """
    name: 测试县
    travel: {speed_kmh: 40, roads: roads.csv}
    areas:
      - {id: a1, name: 甲镇, location: {lat: 25.5, lon: 118.2}, population: 1000}
      - {id: a2, name: 乙乡, location: {lat: 25.6, lon: 118.3}, population: 500}
    supplies:
      - {id: tent, per_person: 0.25, volume_m3: 0.12, unit_cost: 1800}
    hazards:
      - {id: h1, probability: 1, displaced: {a1: 300, a2: 100}}
    warehouses:
      - {id: w1, location: {lat: 25.5, lon: 118.2}, existing: true, capacity_m3: 100}
    shelters:
      - {id: s1, location: {lat: 25.5, lon: 118.2}, existing: true, area_m2: 3000}
      - {id: a2x, location: {lat: 25.6, lon: 118.3}, existing: false, area_m2: 2500, fixed_cost: 500}
    teams:
      - {id: t1, base: {lat: 25.5, lon: 118.2}, specialties: [flood-rescue], members: 10}
    policy: {budget: 5000, supply_response_minutes: 360, shelter_max_km: 20, area_per_person_m2: 2.0, team_response_minutes: 60}

    """

    @Test("the roads file: every row problem in Chinese, at its row, exit 65")
    func roads() throws {
        let folder = try scratchFolder(texts: ["county.yaml": Self.scenario, "roads.csv": """
        from,to,km,speed_kmh
        ,a1,3
        a1,a2,abc
        a1,a2,4,-5
        a1,a1,2
        bogus:x,a1,1
        area:a3,a1,1
        wq1,a1,2
        a1,w1,1e12

        """])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runYubei(["validate", "county.yaml", "--lang", "zh"], in: folder)
        #expect(run.status == 65, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("roads.csv:2: error: from：为空；应为区域、站点、队伍或路口的名称"), "\(run.stderr)")
        #expect(lines.contains("roads.csv:3: error: km：应为 ≥ 0 的数字，实为 'abc'"), "\(run.stderr)")
        #expect(lines.contains("roads.csv:5: error: 道路从 'a1' 通向它自己"), "\(run.stderr)")
        #expect(lines.contains("roads.csv:7: error: 未知的区域 'a3'；是否应为 'a1'？"), "\(run.stderr)")
        #expect(lines.contains { $0.hasPrefix("roads.csv:8: error: 'wq1' 不是区域、站点或队伍的编号") && $0.hasSuffix("是否应为 'w1'？") },
                "\(run.stderr)")
        #expect(lines.contains { $0.hasPrefix("roads.csv:9: error: 列 'km'：应为 ") }, "\(run.stderr)")
        #expect(lines.count == 8, "\(run.stderr)")
        try Self.expectChinese(run.stderr, inputs: [folder.appendingPathComponent("county.yaml"), folder.appendingPathComponent("roads.csv")],
                               folder: folder, extra: ["bogus", "a3", "wq1", "abc", "e12"])
        // A roads file that is missing is named at the scenario's key.
        try "from,to,km\n".write(to: folder.appendingPathComponent("roads.csv"), atomically: true, encoding: .utf8)
        let empty = try runYubei(["validate", "county.yaml", "--lang", "zh"], in: folder)
        #expect(empty.status == 65)
        #expect(empty.stderr == "roads.csv:1: error: 道路文件只有表头，没有道路\n", "\(empty.stderr)")
        try FileManager.default.removeItem(at: folder.appendingPathComponent("roads.csv"))
        let missing = try runYubei(["validate", "county.yaml", "--lang", "zh"], in: folder)
        #expect(missing.status == 65)
        #expect(missing.stderr.hasPrefix("county.yaml:2:"), "\(missing.stderr)")
        #expect(missing.stderr.contains("无法读取道路文件"), "\(missing.stderr)")
        // The same problems in English without --lang.
        let english = try runYubei(["validate", "county.yaml"], in: folder)
        #expect(english.stderr.contains("cannot read the roads file"), "\(english.stderr)")
    }

    @Test("YAML syntax, encoding and file problems in Chinese")
    func files() throws {
        let folder = try scratchFolder(texts: ["broken.yaml": "name: 坏\nareas: [a, b\n", "colon.yaml": "name: a: b\n", "empty.yaml": "\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in ["broken.yaml", "colon.yaml", "empty.yaml", "missing.yaml"] {
            let run = try runYubei(["validate", file, "--lang", "zh"], in: folder)
            #expect(run.status == 65, "\(file): \(run.stderr)")
            #expect(run.stderr.hasPrefix(file), "\(run.stderr)")
            try Self.expectChinese(run.stderr, inputs: [], folder: folder, extra: [file, "broken", "colon", "empty", "missing"])
        }
    }

    /// A small orgs.yaml with one problem of each kind the orgs reader finds, and its own rule pack.
    static let orgs = """
    jurisdiction: 测试县
    rules: [national, my-rules.yaml, nationl]
    organizations:
      - {id: gov, name: 测试县人民政府, kind: county-government}
      - {id: gov, name: 重复的政府, kind: county-government}
      - {id: chem, name: 化工厂, kind: enterprise, sectors: [hazardous-chemical], plans: [p1, p1],
         unavailable: [{from: 2026-05-01, to: 2026-04-01}], registered: 2026-02-30}
      - {id: school, name: 学校, kind: school, registered: 三月}

    """

    static let rules = """
    - id: my-rule
      title: 每年演练一次
      applies_to: {kind: school}
      every: year
      at_least: 1
      source: 测试
    - id: bad-rule
      title: 月份有误
      applies_to: {kind: school}
      every: year
      source: 测试
      months: [3, 3, 13]
      since: 2021-13-01
    - id: my-rule
      title: 重复
      applies_to: {kind: school}
      every: year
      source: 测试

    """

    @Test("orgs.yaml and rule packs: every problem in Chinese, exit 65")
    func organizationsAndRules() throws {
        let folder = try scratchFolder(texts: ["orgs.yaml": Self.orgs, "my-rules.yaml": Self.rules,
                                               "records.csv": "organization,date,type,form,evaluation_report,reported_to_county\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--lang", "zh"], in: folder)
        #expect(run.status == 65, "\(run.stderr)")
        let lines = run.stderr.split(separator: "\n").map(String.init)
        for expected in [
            "orgs.yaml:2:34: error: rules[2]：没有名为 'nationl' 的内置规则包或文件（内置：national、quxian-2021）；是否应为 'national'？",
            "orgs.yaml:5:10: error: organizations[1].id：单位编号 'gov' 重复（首次出现在 organizations[0]）",
            "orgs.yaml:6:55: warning: organizations[2].sectors[0]：未知的行业 'hazardous-chemical'（没有内置规则用到它）；是否应为 'hazardous-chemicals'？",
            "orgs.yaml:6:88: error: organizations[2].plans[1]：预案编号 'p1' 重复",
            "orgs.yaml:7:20: error: organizations[2].unavailable[0]：起始日 'from' 2026-05-01 晚于结束日 'to' 2026-04-01",
            "orgs.yaml:7:69: error: organizations[2].registered：'2026-02-30' 不是真实的日期（该月没有这一天）",
            "orgs.yaml:8:54: error: organizations[3].registered：'三月' 不是日期（请写作 2026-03-14、2026/3/14 或 2026年3月14日）",
            "my-rules.yaml:12:15: error: [1].months[1]：3 月重复列出",
            "my-rules.yaml:12:18: error: [1].months[2]：应为 1–12 的月份，实为 13",
            "my-rules.yaml:13:10: error: [1].since：'2021-13-01' 不是真实的日期",
            "my-rules.yaml:14:3: error: [2].id：规则编号 'my-rule' 重复（首次出现在 [0]）",
        ] {
            #expect(lines.contains(expected), "missing \(expected)\n\(run.stderr)")
        }
        try Self.expectChinese(run.stderr, inputs: [folder.appendingPathComponent("orgs.yaml"), folder.appendingPathComponent("my-rules.yaml")],
                               folder: folder, extra: ["nationl", "hazardous-chemicals", "quxian-2021", "national"])
    }

    @Test("records, corrective actions and the cross-checks of drills check and drills plan, in Chinese")
    func crossChecks() throws {
        let orgs = "rules: [national]\norganizations:\n  - {id: gov, name: 测试县人民政府, kind: county-government, plans: [p1]}\n"
        let folder = try scratchFolder(texts: [
            "orgs.yaml": orgs,
            "records.csv": """
            organization,date,type,form,plan,evaluation_report,reported_to_county
            gov,2026.2.30,comprehensive,live,,yes,yes
            gov,2026-03-01,comprehensive,live,p9,yes,yes
            测试县人民政府x,2026-03-01,comprehensive,live,,yes,yes,extra

            """,
            "calendar-2025.yaml": "year: 2025\nholidays: []\n",
            "settings.yaml": "teams:\n  - {id: t, per_month: 2, joins: {organizations: [nobody]}}\n  - {id: t, per_month: 1}\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let check = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--lang", "zh"], in: folder)
        #expect(check.status == 65, "\(check.stderr)")
        let lines = check.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("records.csv:2: error: 列 'date'：'2026.2.30' 不是真实的日期（该月没有这一天）"), "\(check.stderr)")
        #expect(lines.contains { $0.hasPrefix("records.csv:3: warning: 列 'plan'：'p9' 不是 'gov' 的预案") }, "\(check.stderr)")
        #expect(lines.contains { $0.hasPrefix("records.csv:4: error: 该行有 8 个字段，而表头有 7 列") }, "\(check.stderr)")
        #expect(lines.contains { $0.hasPrefix("records.csv:4: error: 列 'organization'：未知的单位 '测试县人民政府x'") }, "\(check.stderr)")
        try Self.expectChinese(check.stderr, inputs: [folder.appendingPathComponent("orgs.yaml"), folder.appendingPathComponent("records.csv")],
                               folder: folder)

        // Option checks: usage errors (64) in Chinese.
        let noRecords = try runYubei(["drills", "check", "orgs.yaml", "--year", "2026", "--lang", "zh"], in: folder)
        #expect(noRecords.status == 64)
        #expect(noRecords.stderr.contains("请在单位名录文件之后至少给出一个演练记录文件或文件夹"), "\(noRecords.stderr)")
        let asOf = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--as-of", "九月", "--lang", "zh"], in: folder)
        #expect(asOf.status == 64)
        #expect(asOf.stderr.contains("--as-of '九月' 不是日期（请写作 2026-09-30）"), "\(asOf.stderr)")
        let noCalendar = try runYubei(["drills", "plan", "orgs.yaml", "--year", "2040", "--out", "out", "--lang", "zh"], in: folder)
        #expect(noCalendar.status == 64)
        #expect(noCalendar.stderr.contains("没有内置 2040 年的节假日日历"), "\(noCalendar.stderr)")

        let plan = try runYubei(["drills", "plan", "orgs.yaml", "--year", "2026", "--calendar", "calendar-2025.yaml",
                                 "--settings", "settings.yaml", "--out", "out", "--lang", "zh", "--quiet"], in: folder)
        #expect(plan.status == 65, "\(plan.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        let planLines = plan.stderr.split(separator: "\n").map(String.init)
        #expect(planLines.contains("calendar-2025.yaml:1:1: error: year：日历是 2025 年的，但 --year 是 2026"), "\(plan.stderr)")
        #expect(planLines.contains { $0.contains("队伍编号 't' 使用了两次") }, "\(plan.stderr)")
        try Self.expectChinese(plan.stderr, inputs: [folder.appendingPathComponent("settings.yaml"), folder.appendingPathComponent("calendar-2025.yaml")],
                               folder: folder, extra: ["calendar-2025"])
    }

    @Test("locate: problem files, OR-Library files and option checks in Chinese")
    func locate() throws {
        let folder = try scratchFolder(texts: [
            "p.json": #"{"model": "p-median", "cost": [[1, 2], [3]], "facilities": [{"id": "f"}, {"id": "f"}]}"#,
            "cap.txt": "2 2\n10 5\ncapacity x\n1 2 3\n4 5\n",
            "pmed.txt": "3 2 5\n1 9 1\n1 2\n",
            "hol.txt": "2 1\n5 5\n1 1\n3\n7\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try runYubei(["locate", "p.json", "--lang", "zh"], in: folder)
        #expect(json.status == 65, "\(json.stderr)")
        #expect(json.stderr.contains("缺少必填的键 'p'（p-median 模型恰好开设 p 个设施）"), "\(json.stderr)")
        #expect(json.stderr.contains("编号 'f' 重复（facilities[0] 也用了它）"), "\(json.stderr)")
        #expect(json.stderr.contains("应有 2 个费用（每个设施一个），实有 1 个"), "\(json.stderr)")
        try Self.expectChinese(json.stderr, inputs: [folder.appendingPathComponent("p.json")], folder: folder)

        let cap = try runYubei(["locate", "cap.txt", "--orlib", "cap", "--lang", "zh"], in: folder)
        #expect(cap.status == 65, "\(cap.stderr)")
        #expect(cap.stderr.contains("cap.txt:3: error: 仓库 2：容量写的是单词 'capacity'"), "\(cap.stderr)")
        #expect(cap.stderr.contains("cap.txt:3: error: 仓库 2 的固定费用：应为数字，实为 'x'"), "\(cap.stderr)")
        #expect(cap.stderr.contains("文件在客户 2 的费用处结束"), "\(cap.stderr)")
        try Self.expectChinese(cap.stderr, inputs: [], folder: folder, extra: ["cap", "capa", "capb", "capc", "capacity", "txt", "cap.txt", "x"])

        let pmed = try runYubei(["locate", "pmed.txt", "--orlib", "pmed", "--lang", "zh"], in: folder)
        #expect(pmed.status == 65, "\(pmed.stderr)")
        #expect(pmed.stderr.contains("pmed.txt:1: error: p = 5 多于顶点数 3"), "\(pmed.stderr)")
        #expect(pmed.stderr.contains("pmed.txt:2: error: 第 1 条边：应为 1...3 中的两个顶点编号，实为 '1 9'"), "\(pmed.stderr)")
        try Self.expectChinese(pmed.stderr, inputs: [], folder: folder, extra: ["pmed", "txt", "pmed.txt"])

        let holmberg = try runYubei(["locate", "hol.txt", "--orlib", "sscflp", "--lang", "zh"], in: folder)
        #expect(holmberg.status == 65, "\(holmberg.stderr)")
        #expect(holmberg.stderr.contains("文件在客户 1 的费用（已读 1 / 2；0 / 1 个客户已完整）处意外结束"), "\(holmberg.stderr)")
        try Self.expectChinese(holmberg.stderr, inputs: [], folder: folder, extra: ["hol", "txt", "hol.txt"])

        // Option checks are usage errors (64), worded in Chinese too.
        let option = try runYubei(["locate", "p.json", "--capacity", "5", "--lang", "zh"], in: folder)
        #expect(option.status == 64, "\(option.stderr)")
        #expect(option.stderr.contains("--capacity 只能与 --orlib cap 一起使用"), "\(option.stderr)")
        let gap = try runYubei(["locate", "p.json", "--gap=-1", "--lang", "zh"], in: folder)
        #expect(gap.status == 64, "\(gap.stderr)")
        #expect(gap.stderr.contains("--gap：应为 0…1000 之间的数字，实为 -1"), "\(gap.stderr)")
    }

    @Test("study and stress inputs in Chinese: --lang reaches every command's diagnostics")
    func studies() throws {
        let folder = try scratchFolder(texts: [
            "county.yaml": Self.scenario.replacingOccurrences(of: ", roads: roads.csv", with: ""),
            "study.yaml": "base: county.yaml\nvariants:\n  - {name: .x, overrides: [\"--close w1\"]}\n  - {name: v}\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let study = try runYubei(["study", "study.yaml", "--out", "out", "--lang", "zh"], in: folder)
        #expect(study.status == 65, "\(study.stderr)")
        #expect(study.stderr == """
            study.yaml:3:12: error: variants[0].name：变体名 '.x' 不能以 '.' 开头（它用作文件夹名）
            study.yaml:4:5: error: variants[1]：变体需要 'overrides' 或 'scenario'（或两者都有）

            """, "\(study.stderr)")
        let stress = try runYubei(["stress", "county.yaml", "--plan", "nowhere.json", "--out", "out", "--lang=zh"], in: folder)
        #expect(stress.status == 65, "\(stress.stderr)")
        #expect(stress.stderr == "nowhere.json: error: 文件不存在或无法读取\n", "\(stress.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        // English without --lang (the tests run with YUBEI_LANG=en).
        let english = try runYubei(["stress", "county.yaml", "--plan", "nowhere.json", "--out", "out"], in: folder)
        #expect(english.stderr == "nowhere.json: error: no such file, or it cannot be read\n", "\(english.stderr)")
    }

    /// The first line of a usage error ArgumentParser prints (`Error: MESSAGE`, then the usage).
    static func usageMessage(_ stderr: String) -> String {
        let first = stderr.split(separator: "\n").first.map(String.init) ?? ""
        return first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
    }

    @Test("overrides and the scenario commands' option checks in Chinese: usage errors (64)")
    func overridesAndOptions() throws {
        let folder = try scratchFolder(texts: [
            "county.yaml": Self.scenario.replacingOccurrences(of: ", roads: roads.csv", with: ""),
            "study.yaml": "base: county.yaml\nvariants:\n  - {name: v, overrides: [\"--close nosuchsite\"]}\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = [folder.appendingPathComponent("county.yaml")]

        let key = try runYubei(["solve", "county.yaml", "--out", "out", "--set", "policy.budgt=1", "--lang", "zh"], in: folder)
        #expect(key.status == 64, "\(key.stderr)")
        #expect(key.stderr == "yubei: error: --set policy.budgt=1：policy 中没有键 'budgt'；是否应为 'budget'？\n", "\(key.stderr)")
        try Self.expectChinese(key.stderr, inputs: inputs, folder: folder, extra: ["yubei", "set", "budgt", "policy.budgt"])
        // English without --lang (the tests run with YUBEI_LANG=en).
        let keyEnglish = try runYubei(["solve", "county.yaml", "--out", "out", "--set", "policy.budgt=1"], in: folder)
        #expect(keyEnglish.stderr == "yubei: error: --set policy.budgt=1: unknown key 'budgt' in policy; did you mean 'budget'?\n",
                "\(keyEnglish.stderr)")

        let site = try runYubei(["solve", "county.yaml", "--out", "out", "--close", "nosuchsite", "--lang", "zh"], in: folder)
        #expect(site.status == 64, "\(site.stderr)")
        #expect(site.stderr.hasPrefix("yubei: error: --close nosuchsite：未知的站点 'nosuchsite'（不是仓库或避难场所的编号）"), "\(site.stderr)")
        try Self.expectChinese(site.stderr, inputs: inputs, folder: folder, extra: ["yubei", "close", "nosuchsite"])

        let option = try runYubei(["solve", "county.yaml", "--out", "out", "--clse", "w1", "--lang", "zh"], in: folder)
        #expect(option.status == 64, "\(option.stderr)")
        let factor = try runYubei(["solve", "county.yaml", "--out", "out", "--scale-displaced", "many", "--lang", "zh"], in: folder)
        #expect(factor.status == 64, "\(factor.stderr)")
        #expect(Self.usageMessage(factor.stderr) == "--scale-displaced many：应为 ≥ 0 的倍数（例如 1.3），实为 'many'", "\(factor.stderr)")

        let budget = try runYubei(["frontier", "county.yaml", "--budget", "bad", "--out", "out", "--lang", "zh"], in: folder)
        #expect(budget.status == 64, "\(budget.stderr)")
        let budgetMessage = Self.usageMessage(budget.stderr)
        #expect(budgetMessage == "--budget 应写作 FROM:TO[:STEP]（单位：元），0 ≤ FROM ≤ TO，STEP > 0，至多 1000 个点；实为 'bad'",
                "\(budget.stderr)")
        #expect(englishWords(in: budgetMessage, allowed: ["budget", "FROM", "TO", "STEP", "bad"]).isEmpty, "\(budgetMessage)")

        let export = try runYubei(["solve", "county.yaml", "--out", "out", "--export-model", "model.txt", "--lang", "zh"], in: folder)
        #expect(export.status == 64, "\(export.stderr)")
        let exportMessage = Self.usageMessage(export.stderr)
        #expect(exportMessage == "--export-model 需要以 .lp 或 .mps 结尾的文件名", "\(export.stderr)")
        #expect(englishWords(in: exportMessage, allowed: ["export-model", "lp", "mps"]).isEmpty, "\(exportMessage)")

        // A study variant's override, at the variant's line (exit 65: the study file is input).
        let study = try runYubei(["study", "study.yaml", "--out", "out", "--lang", "zh"], in: folder)
        #expect(study.status == 65, "\(study.stderr)")
        #expect(study.stderr.hasPrefix("study.yaml:3:5: error: 变体 'v'：--close nosuchsite：未知的站点 'nosuchsite'"), "\(study.stderr)")
        try Self.expectChinese(study.stderr, inputs: inputs + [folder.appendingPathComponent("study.yaml")], folder: folder)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
