import Foundation
import Testing
import YubeiTestSupport

/// `yubei study` end to end, on the shipped study.
@Suite struct StudyCLITests {
    static let fixture = packageRoot.appendingPathComponent("Tests/YubeiSitingTests/Fixtures/hillside-county.yaml").path

    @Test func studyWritesEveryFile() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("yubei-study-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let study = out.appendingPathComponent("study.yaml").path
        try """
            name: 山城县预算论证
            base: \(Self.fixture)
            variants:
              - {name: budget-300k, overrides: ["--set policy.budget=300000"]}
              - {name: budget-1.2m, overrides: ["--set policy.budget=1200000"]}
              - {name: depot-flooded, overrides: ["--close county-depot"]}
              - {name: flood-plus-30pct, overrides: ["--scale-displaced flood=1.3"]}
              - {name: stadium-not-school, overrides: ["--require stadium", "--forbid dongxi-school"]}
            """.write(toFile: study, atomically: true, encoding: .utf8)
        let run = try runYubei(["study", study, "--out", out.appendingPathComponent("o").path, "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let variants = result["variants"] as! [[String: Any]]
        #expect(variants.map { $0["name"] as! String } == ["base", "budget-300k", "budget-1.2m", "depot-flooded", "flood-plus-30pct", "stadium-not-school"])
        for variant in variants {
            let name = variant["name"] as! String
            #expect(variant["plan"] as? String == "\(name)/plan.json")
            #expect(["optimal", "feasible"].contains(variant["status"] as? String))
            let hazards = variant["hazards"] as! [String: [String: Any]]
            #expect(Set(hazards.keys) == ["flood", "landslide"])
            for figures in hazards.values {
                for key in ["displaced", "sheltered", "unsheltered", "fully_supplied"] { #expect(figures[key] is Double, "\(key)") }
            }
            #expect(variant["spending"] is [String: Any] && variant["opened"] is [String] && variant["closed"] is [String])
            // The variant's own folder holds its plan, with its overrides.
            let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("o/\(name)/plan.json"))) as! [String: Any]
            #expect(plan["overrides"] as? [String] == variant["overrides"] as? [String])
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("o/\(name)/report.html").path))
        }
        let stadiumVariant = variants[5]
        #expect(stadiumVariant["plan"] as? String == "stadium-not-school/plan.json")
        for name in ["study.json", "study.csv", "study.md", "study.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("o/\(name)").path), "\(name)")
        }
        let csv = try String(decoding: Data(contentsOf: out.appendingPathComponent("o/study.csv")), as: UTF8.self)
        // One row per variant and hazard, after the header.
        #expect(csv.split(separator: "\r\n").count == 1 + 6 * 2)
        let html = try String(contentsOf: out.appendingPathComponent("o/study.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<svg").count - 1 == 6)
    }

    @Test func badStudyExits65() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yubei-study-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("s.yaml").path
        try "base: nowhere.yaml\nvariants: [{name: x, overrides: [\"--set policy.budget=1\"]}]\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try runYubei(["study", path, "--out", dir.appendingPathComponent("o").path])
        #expect(run.status == 65)
        // At the study's `base:` line (issue 11), no longer as an unpositioned error of the missing file.
        #expect(run.stderr.contains("s.yaml:1:7: error: variant 'base': cannot read the scenario '"))
        #expect(run.stderr.contains("nowhere.yaml' (no such file)"))
    }
}
