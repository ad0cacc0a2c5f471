import Foundation
import Testing
import YubeiTestSupport

/// `--lang zh` output must be Chinese: every English word left in a report is a defect, except the
/// planner's own ids and names (any ASCII word of the input files), units and a few proper names.
@Suite("Chinese reports hold no English words but ids and units")
struct ChineseOutputTests {
    /// Words allowed in Chinese text besides the inputs' own: units, file names and proper names.
    static let allowed: Set<String> = [
        "m", "km", "m²", "m³", "kg", "h", "min", "s", "GLPK", "CSV", "HTML", "JSON", "ICS", "GB", "GeoJSON",
        "plan", "csv", "ics", "md", "html", "json", "geojson", "report", "yubei", "yaml", "warning",
        // Period labels of FORMATS.md §3 (2026-H1, 2026-Q3).
        "H1", "H2", "Q1", "Q2", "Q3", "Q4",
        // Keys and keywords of the scenario format, named so the planner knows what to set.
        "budget", "stock_budget", "risk", "expected", "every-hazard", "worst-case", "service_level", "priority",
    ]

    /// The ASCII words of `text` (letters, then letters, digits, `-`, `_`, `.`), HTML markup,
    /// styles and entities left out.
    static func words(_ text: String) -> [String] {
        var body = text
        for pattern in [#"<style[\s\S]*?</style>"#, #"<script[\s\S]*?</script>"#, #"<[^>]*>"#, #"&#?[A-Za-z0-9]+;"#] {
            body = body.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        var result: [String] = []
        var current = ""
        for character in body + " " {
            if character.isASCII && (character.isLetter || (!current.isEmpty && (character.isNumber || "-_.".contains(character)))) {
                current.append(character)
            } else {
                if !current.isEmpty { result.append(current.trimmingCharacters(in: CharacterSet(charactersIn: "-_."))) }
                current = ""
            }
        }
        return result.filter { $0.count >= 2 || $0.first?.isLetter == true }
    }

    /// The English words of `text` that are neither allowed nor ids of the `inputs`.
    static func english(_ text: String, inputs: [URL], out: URL) throws -> Set<String> {
        var known = allowed.union(words(out.path))
        for input in inputs {
            known.formUnion(words(try String(contentsOf: input, encoding: .utf8)))
            known.insert(input.deletingPathExtension().lastPathComponent)
        }
        // An id is known whole; ids joined by `-` or `.` or split at one are still ids.
        return Set(words(text).filter { word in
            !known.contains(word) && !word.split(separator: ".").allSatisfy { known.contains(String($0)) }
                && !word.split(whereSeparator: { "-_.".contains($0) }).allSatisfy { known.contains(String($0)) }
        })
    }

    @Test("solve, describe and validate --lang zh: summaries, report.md and report.html")
    func solve() throws {
        let scenario = packageRoot.appendingPathComponent("Tests/YubeiSitingTests/Fixtures/hillside-county.yaml")
        let out = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try runYubei(["solve", scenario.path, "--out", out.path, "--lang", "zh"])
        #expect(run.status == 0, "\(run.stderr)")
        let describe = try runYubei(["describe", scenario.path, "--lang", "zh"])
        let validate = try runYubei(["validate", scenario.path, "--lang", "zh"])
        for (name, text) in [("stdout", run.stdout), ("describe", describe.stdout), ("validate", validate.stdout),
                             ("report.md", try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)),
                             ("report.html", try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8))] {
            let found = try Self.english(text, inputs: [scenario], out: out)
            #expect(found.isEmpty, "English in \(name): \(found.sorted())")
        }
    }

    @Test("drills plan and drills check --lang zh: summaries, plan.md, the notice")
    func drills() throws {
        let examples = packageRoot.appendingPathComponent("Examples/drills")
        let orgs = examples.appendingPathComponent("orgs.yaml"), records = examples.appendingPathComponent("records-2026.csv")
        let rules = try FileManager.default.contentsOfDirectory(at: packageRoot.appendingPathComponent("Sources/YubeiDrills/Resources/rules"),
                                                                  includingPropertiesForKeys: nil)
        let calendars = try FileManager.default.contentsOfDirectory(
            at: packageRoot.appendingPathComponent("Sources/YubeiDrills/Resources/calendars"), includingPropertiesForKeys: nil)
        let inputs = [orgs, records] + rules + calendars
        let out = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let plan = try runYubei(["drills", "plan", orgs.path, "--year", "2027", "--out", out.path, "--lang", "zh", "--quiet"])
        #expect(plan.status == 0, "\(plan.stderr)")
        let check = try runYubei(["drills", "check", orgs.path, records.path, "--year", "2026", "--lang", "zh", "--format", "md"])
        let table = try runYubei(["drills", "check", orgs.path, records.path, "--year", "2026", "--lang", "zh"])
        let csv = try runYubei(["drills", "check", orgs.path, records.path, "--year", "2026", "--lang", "zh", "--format", "csv"])
        #expect(csv.stdout.split(whereSeparator: \.isNewline).first
                    == "\u{FEFF}单位编号,单位名称,单位类型,乡镇,规则,依据,周期,周期开始,周期截止,应演练,已演练,状态,计数方式,未演练预案",
                "\(csv.stdout.prefix(200))")
        #expect(csv.stdout.contains(",已完成,按单位计,"), "\(csv.stdout.prefix(400))")
        for (name, text) in [("drills plan stdout", plan.stdout),
                             ("plan.md", try String(contentsOf: out.appendingPathComponent("plan.md"), encoding: .utf8)),
                             ("plan.html", try String(contentsOf: out.appendingPathComponent("plan.html"), encoding: .utf8)),
                             ("drills check md", check.stdout), ("drills check table", table.stdout),
                             ("drills check csv", csv.stdout), ("drills check stderr", check.stderr), ("drills plan stderr", plan.stderr)] {
            let found = try Self.english(text, inputs: inputs, out: out)
            #expect(found.isEmpty, "English in \(name): \(found.sorted())")
        }
    }

    @Test("a broken scenario's diagnostics in Chinese: the same places, Chinese messages, error: kept for tools")
    func diagnostics() throws {
        let folder = try scratchFolder(texts: ["bad.yaml": """
        name: 坏的情景
        areas:
          - {id: a, location: {lat: 95, lon: 118}, population: 100}
        hazards:
          - {id: h, probability: 1.5, displaced: {a: 300, b: 1}}
        policy: {budjet: 1, supply_response_minutes: 60, shelter_max_km: 3, area_per_person_m2: 0, team_response_minutes: 60}

        """])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runYubei(["validate", "bad.yaml", "--lang", "zh"], in: folder)
        #expect(run.status == 65)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            "bad.yaml:3:29: error: areas[0].location.lat：纬度 95 超出 -90…90（WGS-84 度；是否把 lat 和 lon 写反了？）",
            "bad.yaml:5:26: error: hazards[0].probability：应为 ≤ 1 的数字，实为 1.5",
            "bad.yaml:5:46: error: hazards[0].displaced.a：转移 300 人，但区域 'a' 只有 100 名居民",
            "bad.yaml:5:51: error: hazards[0].displaced.b：未知的区域 'b'；是否应为 'a'？",
            "bad.yaml:6:9: error: policy：缺少必填的键 'budget'",
            "bad.yaml:6:10: error: policy.budjet：未知的键 'budjet'；是否应为 'budget'？",
            "bad.yaml:6:89: error: policy.area_per_person_m2：人均面积为 0：应 > 0 m²（GB 21734-2008 要求每名避难人员至少 1.5 m²）",
        ], "\(run.stderr)")
        let english = try Self.english(run.stderr, inputs: [folder.appendingPathComponent("bad.yaml")], out: folder)
        #expect(english.subtracting(["error", "WGS-84", "GB"]).isEmpty, "\(english)")
    }
}
