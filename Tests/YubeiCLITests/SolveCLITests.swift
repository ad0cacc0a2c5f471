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
        #expect(markdown.contains("影子价格"))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<svg"))
        // Self-contained: nothing fetched from elsewhere.
        #expect(!html.contains("<script src") && !html.contains("<link") && !html.contains("src=\"http"))
        // The map: legend, scale bar, the area nothing reaches ringed in red, Chinese names untouched.
        #expect(html.contains("储备库（已有）") && html.contains("公里"))
        #expect(html.contains("stroke=\"#dc2626\""))
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

    /// The exported LP, re-solved by glpsol, reaches the plan's objective (less the constant
    /// penalty of needs nothing can reach, which the model leaves out).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol")))
    func exportedModelResolvesToTheSameObjective() throws {
        let out = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let lp = out.appendingPathComponent("model.lp").path
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let run = try runYubei(["solve", Self.fixture, "--out", out.path, "--export-model", lp, "--gap", "0"])
        #expect(run.status == 0)
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as! [String: Any]
        let terms = plan["objective_terms"] as! [String: Any]
        let expected = (plan["objective"] as! Double) - (terms["unavoidable_penalty"] as! Double)
        let solution = out.appendingPathComponent("glpsol.txt").path
        let glpsol = try runYubei(["--lp", lp, "-o", solution], executable: URL(fileURLWithPath: "/usr/bin/glpsol"))
        #expect(glpsol.status == 0)
        let text = try String(contentsOfFile: solution, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        let value = try #require(line.split(separator: "=")[1].split(separator: " ").first.flatMap { Double($0) })
        #expect(abs(value - expected) <= 1e-6 * max(1, abs(expected)), "glpsol \(value) vs plan \(expected)")
    }
}
