import Foundation
import Testing
import YubeiTestSupport

/// `yubei solve` end to end: the built binary on real scenario files.
@Suite struct SolveCLITests {
    static let fixture = packageRoot.appendingPathComponent("Tests/YubeiSitingTests/Fixtures/hillside-county.yaml").path

    static func temporaryDirectory() throws -> URL {
        try scratchPath("out")
    }

    @Test func writesPlanAndReports() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try runYubei(["solve", Self.fixture, "--out", out.path, "--lang", "zh"])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["plan.json", "report.md", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as! [String: Any]
        for key in ["status", "objective", "open_warehouses", "stock", "open_shelters", "hazards"] { #expect(plan[key] != nil, "\(key)") }
        let flood = (plan["hazards"] as! [String: Any])["flood"] as! [String: Any]
        for key in ["shelter_assignment", "supply_flows", "unmet", "team_coverage"] { #expect(flood[key] != nil, "\(key)") }
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("城关镇"))
        // The first screen speaks people and yuan, per hazard; no penalty figure anywhere.
        #expect(markdown.contains("各灾害情景的人员安置与资金") && markdown.contains("物资齐全"))
        #expect(markdown.contains("如何弥补缺口"))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<svg"))
        // Self-contained: nothing fetched from elsewhere.
        #expect(!html.contains("<script src") && !html.contains("<link") && !html.contains("src=\"http"))
        // The map: legend, scale bar, the area nothing reaches ringed in red, Chinese names untouched.
        #expect(html.contains("储备库（已有）") && html.contains("公里"))
        #expect(html.contains("stroke=\"#dc2626\""))
        // One view per hazard, switched without scripts; 远山乡's 400 unsheltered written at the township.
        #expect(html.contains("type=\"radio\"") && html.contains("view-1") && !html.contains("<script"))
        #expect(html.contains(">400</text>"))
        #expect(html.contains("远山乡"))
        #expect(run.stdout.contains("最优"))
        // No staging folder left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func jsonPrintsExactlyThePlan() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try runYubei(["solve", Self.fixture, "--out", out.path, "--json"])
        #expect(run.status == 0)
        let printed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as! [String: Any]
        #expect(printed["objective"] as? Double == written["objective"] as? Double)
        #expect(printed["status"] as? String == "optimal")
    }

    @Test func badScenarioExits65AndWritesNothing() throws {
        let dir = try Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.yaml")
        try """
        name: broken
        areas:
          - {id: a1, location: {lat: 95, lon: 110}, population: -3}
        hazards:
          - {id: h, displaced: {nowhere: 10}}
        policy: {budget: 1}
        """.write(to: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let run = try runYubei(["solve", bad.path, "--out", out.path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("bad.yaml:3:"))
        #expect(run.stderr.contains(": error: "))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func usageErrorsExit64() throws {
        let run = try runYubei(["solve", Self.fixture, "--out", "/tmp/never", "--gap", "-1"])
        #expect(run.status == 64)
    }

    /// The exported LP, re-solved by glpsol, reaches the plan's cost.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol")))
    func exportedModelResolvesToTheSameObjective() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let lp = out.appendingPathComponent("model.lp").path
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let run = try runYubei(["solve", Self.fixture, "--out", out.path, "--export-model", lp, "--gap", "0"])
        #expect(run.status == 0)
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as! [String: Any]
        // The exported model is the cost rule with rules 1–3 held at the plan's values.
        let expected = plan["objective"] as! Double
        let solution = out.appendingPathComponent("glpsol.txt").path
        let glpsol = try runYubei(["--lp", lp, "-o", solution], executable: URL(fileURLWithPath: "/usr/bin/glpsol"))
        #expect(glpsol.status == 0)
        let text = try String(contentsOfFile: solution, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        let value = try #require(line.split(separator: "=")[1].split(separator: " ").first.flatMap { Double($0) })
        #expect(abs(value - expected) <= 1e-6 * max(1, abs(expected)), "glpsol \(value) vs plan \(expected)")
    }

    /// No penalty figure in any report: the plan.json of an earlier version carried a penalty
    /// per person and reports printed objectives like 22,196,414,822,463.
    @Test func reportsNeverShowAPenalty() throws {
        for language in ["en", "zh"] {
            let out = try Self.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: out) }
            let run = try runYubei(["solve", Self.fixture, "--out", out.path, "--lang", language])
            #expect(run.status == 0, "\(run.stderr)")
            let plan = try String(contentsOf: out.appendingPathComponent("plan.json"), encoding: .utf8)
            #expect(!plan.contains("penalty"))
            for name in ["report.md", "report.html"] {
                let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
                for word in ["penalty", "Penalty", "惩罚", "罚金", "objective", "目标值", "shadow", "影子价格"] {
                    #expect(!text.contains(word), "\(name) (\(language)) contains \(word)")
                }
            }
            #expect(!run.stdout.contains("penalty") && !run.stdout.contains("罚"))
        }
    }

    /// A service level the county cannot meet: exit 2, and the report says which areas fall
    /// short and why.
    @Test func unmeetableServiceLevelIsExplained() throws {
        let dir = try Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOfFile: Self.fixture, encoding: .utf8)
        // 远山乡 (400 flood evacuees) has no shelter in reach: the flood cannot shelter everyone.
        text = text.replacingOccurrences(of: "  - id: flood\n", with: "  - id: flood\n    service_level: 1\n")
        let scenario = dir.appendingPathComponent("county.yaml")
        try text.write(to: scenario, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let run = try runYubei(["solve", scenario.path, "--out", out.path])
        #expect(run.status == 2, "\(run.stderr)")
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as! [String: Any]
        #expect(plan["status"] as? String == "infeasible")
        let shortfalls = try #require(plan["service_level_shortfalls"] as? [[String: Any]])
        #expect(shortfalls.first?["hazard"] as? String == "flood")
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("Service levels that cannot be met") && markdown.contains("yuanshan"))
    }

    /// Township boundaries named by `boundaries:` are drawn under every hazard's map.
    @Test func boundariesAreDrawnOnTheMaps() throws {
        let dir = try Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "城关镇界"},
         "geometry": {"type": "Polygon", "coordinates": [[[118.2, 25.45], [118.28, 25.45], [118.28, 25.53], [118.2, 25.53], [118.2, 25.45]]]}}]}
        """.write(to: dir.appendingPathComponent("towns.geojson"), atomically: true, encoding: .utf8)
        let text = "boundaries: towns.geojson\n" + (try String(contentsOfFile: Self.fixture, encoding: .utf8))
        let scenario = dir.appendingPathComponent("county.yaml")
        try text.write(to: scenario, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out")
        let run = try runYubei(["solve", scenario.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        // Two hazards, two views, each with the boundary.
        #expect(html.components(separatedBy: "<title>城关镇界</title>").count - 1 == 2)
    }
}
