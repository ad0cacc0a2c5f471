import Foundation
import Testing
import YubeiTestSupport

/// The shipped examples do what `Examples/README.md` says they do.
@Suite("Shipped examples")
struct ExamplesCLITests {
    static let orgs = "Examples/drills/orgs.yaml"
    static let records = "Examples/drills/records-2026.csv"

    /// Worked by hand: tianlong-build (construction) has no on-site drill in H1 (its one drill,
    /// 2026-04-08, is special); tuxi-school drilled every term month up to October (January,
    /// March–June, September, October; its February and August drills fall in the holidays, which
    /// the school rule does not ask for, and July is the summer holiday); November and December
    /// have not ended on 2026-11-22. The 2-year duties: linba-town and jiaotong-ju have no drill on
    /// record, so theirs run from 2026-01-01 and are due on 2028-01-01, not missed.
    @Test("drills check on the 渠县 example finds exactly the one miss worked out by hand")
    func drillsCheck() throws {
        let run = try runYubei(["drills", "check", Self.orgs, Self.records, "--year", "2026", "--as-of", "2026-11-22", "--json"])
        #expect(run.status == 1, "\(run.stderr)")
        let document = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require(document["results"] as? [[String: Any]])
        let missed = results.filter { $0["status"] as? String == "missed" }
            .map { "\($0["organization"]!) \($0["rule"]!) \($0["period"]!)" }.sorted()
        #expect(missed == ["tianlong-build enterprise-onsite-half-year 2026-H1"])
        let twoYear = results.filter { ($0["rule"] as? String)?.hasSuffix("two-years") == true }
            .map { "\($0["organization"]!) \($0["period"]!) \($0["status"]!)" }.sorted()
        #expect(twoYear == ["jiaotong-ju 2026-01-01/2028-01-01 due", "linba-town 2026-01-01/2028-01-01 due",
                            "quxian-gov 2026-05-12/2028-05-12 met", "sanhui-town 2026-06-03/2028-06-03 met",
                            "shuiwu-ju 2026-04-25/2028-04-25 met", "tuxi-town 2026-04-18/2028-04-18 met",
                            "yingji-ju 2026-06-16/2028-06-16 met"])
        #expect(run.stderr.contains("linba-town") && run.stderr.contains("jiaotong-ju"))
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
