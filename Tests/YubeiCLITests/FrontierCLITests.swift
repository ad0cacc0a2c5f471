import Foundation
import Testing
import YubeiTestSupport

/// `yubei frontier` end to end.
@Suite struct FrontierCLITests {
    static let fixture = packageRoot.appendingPathComponent("Tests/YubeiSitingTests/Fixtures/hillside-county.yaml").path

    @Test func writesTheCurve() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("yubei-frontier-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try runYubei(["frontier", Self.fixture, "--budget", "0:1000000", "--out", out.path, "--json",
                                "--set", "policy.single_shelter_per_area=true"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let points = result["points"] as! [[String: Any]]
        #expect(points.map { $0["budget"] as! Double } == stride(from: 0.0, through: 1_000_000, by: 100_000).map { $0 })
        for point in points {
            for key in ["budget", "unsheltered", "without_kit", "opening"] { #expect(point[key] is Double, "\(key)") }
            #expect(point["opened"] is [String])
            #expect((point["opening"] as! Double) <= (point["budget"] as! Double))
        }
        #expect(points.contains { $0["breakpoint"] as? Bool == true })
        #expect(result["overrides"] as? [String] == ["--set policy.single_shelter_per_area=true"])
        for name in ["frontier.json", "frontier.csv", "frontier.svg", "frontier.md", "frontier.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let svg = try String(contentsOf: out.appendingPathComponent("frontier.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("<polyline") && svg.contains("stroke-dasharray"))
    }

    @Test func badBudgetIsAUsageError() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("yubei-frontier-\(UUID().uuidString)")
        let run = try runYubei(["frontier", Self.fixture, "--budget", "5:1", "--out", out.path])
        #expect(run.status == 64)
        #expect(run.stderr.contains("FROM:TO[:STEP]"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
