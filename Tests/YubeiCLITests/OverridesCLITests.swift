import Foundation
import Testing
import YubeiTestSupport

/// Overrides on `yubei solve`, end to end.
@Suite struct OverridesCLITests {
    static let fixture = packageRoot.appendingPathComponent("Tests/YubeiSitingTests/Fixtures/hillside-county.yaml").path

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("yubei-overrides-\(UUID().uuidString)")
    }

    @Test func recordedInOrderInPlanAndReport() throws {
        let out = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try runYubei(["solve", Self.fixture, "--out", out.path, "--forbid", "stadium",
                                "--set", "policy.budget=500000", "--scale-displaced=flood=1.2", "--close", "nanshan-point",
                                "--require", "beiling-field"])
        #expect(run.status == 0, "\(run.stderr)")
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as! [String: Any]
        #expect(plan["overrides"] as? [String] == ["--forbid stadium", "--set policy.budget=500000", "--scale-displaced flood=1.2",
                                                   "--close nanshan-point", "--require beiling-field"])
        #expect((plan["open_shelters"] as? [String])?.contains("beiling-field") == true)
        #expect((plan["open_shelters"] as? [String])?.contains("stadium") == false)
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        // "--forbid" cannot start a list or a rule, so the one Markdown escaper leaves it as written.
        #expect(markdown.contains("## Overrides\n\n- --forbid stadium\n") && markdown.contains("- --close nanshan-point\n"))
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(html.contains("<li>--set policy.budget=500000</li>"))
    }

    @Test func withoutOverridesTheListIsEmpty() throws {
        let out = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try runYubei(["solve", Self.fixture, "--out", out.path, "--json"])
        #expect(run.status == 0)
        let plan = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(plan["overrides"] as? [String] == [])
    }

    @Test func unknownTargetsAreUsageErrors() throws {
        let out = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let unknownKey = try runYubei(["solve", Self.fixture, "--out", out.path, "--set", "policy.budgt=1"])
        #expect(unknownKey.status == 64)
        #expect(unknownKey.stderr.contains("did you mean 'budget'"))
        let unknownSite = try runYubei(["solve", Self.fixture, "--out", out.path, "--close", "county-dep0t"])
        #expect(unknownSite.status == 64)
        #expect(unknownSite.stderr.contains("did you mean 'county-depot'"))
        let badValue = try runYubei(["solve", Self.fixture, "--out", out.path, "--set", "policy.budget=lots"])
        #expect(badValue.status == 65)
        #expect(badValue.stderr.contains("(--set policy.budget=lots): error: policy.budget: expected a number"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
