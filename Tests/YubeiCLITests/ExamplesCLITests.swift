import Foundation
import Testing
import YubeiTestSupport

/// The shipped examples do what `Examples/README.md` says they do.
@Suite("Shipped examples")
struct ExamplesCLITests {
    static let orgs = "Examples/drills/orgs.yaml"
    static let records = "Examples/drills/records-2026.csv"

    @Test("drills check on the 渠县 example finds exactly the two misses worked out by hand")
    func drillsCheck() throws {
        let run = try runYubei(["drills", "check", Self.orgs, Self.records, "--year", "2026", "--as-of", "2026-11-22", "--json"])
        #expect(run.status == 1, "\(run.stderr)")
        let document = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require(document["results"] as? [[String: Any]])
        let missed = results.filter { $0["status"] as? String == "missed" }
            .map { "\($0["organization"]!) \($0["rule"]!) \($0["period"]!)" }.sorted()
        #expect(missed == ["tianlong-build enterprise-onsite-half-year 2026-H1",
                           "tuxi-school school-evacuation-month 2026-07"])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.map { "\($0["organization"]!) \($0["date"]!) \($0["issue"]!)" }.sorted()
                == ["hengda-chem 2026-09-09 not-reported-to-county", "sanhui-town 2026-06-03 no-evaluation-report"])
    }

    @Test("drills plan for 2027 on the example leaves nothing missed when checked")
    func drillsPlan() throws {
        let out = try scratchFolder(prefix: "yubei-example-plan")
        let plan = try runYubei(["drills", "plan", Self.orgs, "--year", "2027", "--out", out.path])
        #expect(plan.status == 0, "\(plan.stderr)")
        let check = try runYubei(["drills", "check", Self.orgs, out.appendingPathComponent("plan.csv").path, "--year", "2027"])
        #expect(check.status == 0, "\(check.stdout)\n\(check.stderr)")
    }
}
