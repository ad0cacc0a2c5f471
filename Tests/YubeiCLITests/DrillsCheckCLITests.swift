import Foundation
import Testing
import YubeiTestSupport

private let onePackOrgs = """
jurisdiction: 渠县
rules: [pack.yaml]
organizations:
  - {id: hengda-chem, name: 恒达化工有限公司, kind: enterprise, sectors: [hazardous-chemicals], township: 土溪镇}
"""

private let onePack = """
- id: enterprise-onsite-half-year
  applies_to: {kind: enterprise}
  every: half-year
  at_least: 1
  types: [onsite]
  source: 应急管理部令第2号 第三十三条
"""

private let twoDrills = """
organization,date,type,form,plan,participants,evaluation_report,reported_to_county
hengda-chem,2026-03-14,onsite,live,tank-leak,35,yes,yes
hengda-chem,2026/5/20,special,tabletop,,12,no,no
"""

@Suite("yubei drills check: end to end")
struct DrillsCheckCLITests {
    @Test("--json: the spec's document, values worked out by hand; nothing missed → exit 0")
    func jsonAsOf() throws {
        let dir = try scratchFolder(["orgs.yaml": Data(onePackOrgs.utf8), "pack.yaml": Data(onePack.utf8),
                              "records.csv": Data(twoDrills.utf8)])
        let run = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--as-of", "2026-09-30", "--json"], in: dir)
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys).isSuperset(of: ["year", "as_of", "results", "findings", "summary"]))
        #expect(json["year"] as? Int == 2026)
        #expect(json["as_of"] as? String == "2026-09-30")
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.count == 2)
        #expect(results.allSatisfy { Set($0.keys) == ["organization", "rule", "period", "required", "done", "status"] })
        #expect(results.map { "\($0["organization"]!) \($0["rule"]!) \($0["period"]!) \($0["required"]!) \($0["done"]!) \($0["status"]!)" } == [
            "hengda-chem enterprise-onsite-half-year 2026-H1 1 1 met",
            "hengda-chem enterprise-onsite-half-year 2026-H2 1 0 due",
        ])
        let findings = try #require(json["findings"] as? [[String: String]])
        // No 708号 ¶2 rule in this pack, but the report duty follows from the sector (hazardous-chemicals).
        #expect(findings == [["organization": "hengda-chem", "date": "2026-05-20", "issue": "no-evaluation-report"],
                             ["organization": "hengda-chem", "date": "2026-05-20", "issue": "not-reported-to-county"]])
        #expect(json["summary"] as? [String: Int] == ["met": 1, "missed": 0, "due": 1])
        #expect(run.stderr.isEmpty)
    }

    @Test("without --as-of the year is judged from 1 January next year: H2 missed → exit 1")
    func missedExitsOne() throws {
        let dir = try scratchFolder(["orgs.yaml": Data(onePackOrgs.utf8), "pack.yaml": Data(onePack.utf8),
                              "records.csv": Data(twoDrills.utf8)])
        let run = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--json"], in: dir)
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["as_of"] as? String == "2027-01-01")
        #expect(json["summary"] as? [String: Int] == ["met": 1, "missed": 1, "due": 0])
        // The terminal table says the same.
        let table = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026"], in: dir)
        #expect(table.status == 1)
        #expect(table.stdout.contains("2026-H2") && table.stdout.contains("missed") && table.stdout.contains("恒达化工有限公司"))
        #expect(table.stdout.contains("1 met, 1 missed, 0 due"))
    }

    @Test("bad records: every row as FILE:ROW: error:, nothing on stdout, exit 65")
    func badRowsExit65() throws {
        // Rows: 1 header, 2 and 3 good, 4 and 5 bad.
        let bad = twoDrills + "\nhengda,2026-02-30,onsite,live,,,yes,yes\nhengda-chem,2026-04-01,drill,live,,,yes,perhaps\n"
        let dir = try scratchFolder(["orgs.yaml": Data(onePackOrgs.utf8), "pack.yaml": Data(onePack.utf8),
                              "records.csv": Data(bad.utf8)])
        let run = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--json"], in: dir)
        #expect(run.status == 65)
        #expect(run.stdout.isEmpty)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            "records.csv:4: error: column 'organization': unknown organisation 'hengda' (not in the organisations file); did you mean 'hengda-chem'?",
            "records.csv:4: error: column 'date': '2026-02-30' is not a real date (no such day in that month)",
            "records.csv:5: error: column 'type': 'drill' is not one of comprehensive, special, onsite",
            "records.csv:5: error: column 'reported_to_county': 'perhaps' is not one of yes, no, planned",
        ])
    }

    @Test("a bad orgs file and a missing column: exit 65 with positions")
    func badOrgs() throws {
        let dir = try scratchFolder(["orgs.yaml": Data("rules: [national]\norganizations:\n  - {id: x, name: 某, kind: shop}\n".utf8),
                              "records.csv": Data("organization,date\n".utf8)])
        let run = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026"], in: dir)
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("orgs.yaml:3:28: error: organizations[0].kind: 'shop' is not one of"))
        // The records are checked in the same run, for all but the organisation ids.
        #expect(run.stderr.contains("records.csv:1: error: missing column 'type'"))
        let dir2 = try scratchFolder(["orgs.yaml": Data(onePackOrgs.utf8), "pack.yaml": Data(onePack.utf8),
                               "records.csv": Data("organization,date,type\n".utf8)])
        let run2 = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026"], in: dir2)
        #expect(run2.status == 65)
        #expect(run2.stderr.contains("records.csv:1: error: missing column 'form'"))
    }

    @Test("usage errors exit 64")
    func usage() throws {
        let dir = try scratchFolder([:])
        #expect(try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--as-of", "2026-02-30"], in: dir).status == 64)
        #expect(try runYubei(["drills", "check", "orgs.yaml"], in: dir).status == 64)
        #expect(try runYubei(["drills", "check", "a", "b", "--year", "2026", "--format", "pdf"], in: dir).status == 64)
    }

    // MARK: Shipped packs, the notice, encodings

    static let quxianOrgs = """
    jurisdiction: 渠县
    rules: [national, quxian-2021]
    organizations:
      - {id: quxian-gov, name: 渠县人民政府, kind: county-government}
      - {id: tuxi-town, name: 土溪镇人民政府, kind: township, township: 土溪镇}
      - {id: yingji-ju, name: 县应急管理局, kind: department}
      - id: hengda-chem
        name: 恒达化工有限公司
        kind: enterprise
        sectors: [hazardous-chemicals]
        township: 土溪镇
        plans: [{id: tank-leak, last_evaluated: 2023-09-01}]
    """

    static let quxianRecords = """
    organization,date,type,form,plan,participants,evaluation_report,reported_to_county
    quxian-gov,2026年5月12日,comprehensive,live,,300,yes,yes
    tuxi-town,2026/6/30,special,live,,80,yes,yes
    yingji-ju,2026-07-01,special,tabletop,,20,yes,yes
    hengda-chem,2026-03-14,onsite,live,tank-leak,35,yes,yes
    hengda-chem,2026-04-20,special,live,,40,yes,no
    hengda-chem,2026-09-10,onsite,live,tank-leak,30,no,yes
    """

    /// Hand count, as of 2026-09-30, with national + quxian-2021:
    /// quxian-gov: gov-708 2026-05-12/2028-05-12 met (05-12), fire-other 2026 met, quxian-county 2026 met → 3 met.
    /// tuxi-town: township-708 met, fire-other met, quxian-township met → 3 met.
    /// yingji-ju: department-708 met, fire-other met, quxian-department met → 3 met.
    /// hengda-chem: high-risk-708 H1 met (2 drills), H2 met (09-10); comprehensive-or-special 2026 met (04-20);
    ///   onsite H1 met, H2 met; fire-other met; quxian-high-risk H1 met (04-20), H2 due (no special/comprehensive yet)
    ///   → 7 met, 1 due.
    /// → 16 met, 0 missed, 1 due (17 results). Findings: 04-20 not reported (708 ¶2 unit), 09-10 no evaluation report.
    @Test("shipped packs on the spec's example: counts by hand; GB18030 records give the same answer")
    func shippedPacks() throws {
        let gb = try gb18030(Self.quxianRecords)
        let dir = try scratchFolder(["orgs.yaml": Data(Self.quxianOrgs.utf8), "records.csv": Data(Self.quxianRecords.utf8),
                              "records-gb.csv": gb, "records-bom.csv": Data([0xEF, 0xBB, 0xBF]) + Data(Self.quxianRecords.utf8)])
        var outputs: [String] = []
        for file in ["records.csv", "records-gb.csv", "records-bom.csv"] {
            let run = try runYubei(["drills", "check", "orgs.yaml", file, "--year", "2026", "--as-of", "2026-09-30", "--json"], in: dir)
            #expect(run.status == 0)
            outputs.append(run.stdout)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            #expect(json["summary"] as? [String: Int] == ["met": 16, "missed": 0, "due": 1])
            #expect(json["findings"] as? [[String: String]] == [
                ["organization": "hengda-chem", "date": "2026-04-20", "issue": "not-reported-to-county"],
                ["organization": "hengda-chem", "date": "2026-09-10", "issue": "no-evaluation-report"],
            ])
            let evaluations = try #require(json["plan_evaluations"] as? [[String: Any]])
            #expect(evaluations.map { "\($0["plan"]!) \($0["due_date"]!) \($0["overdue"]!)" } == ["tank-leak 2026-09-01 1"])
        }
        #expect(Set(outputs).count == 1)
    }

    @Test("--format md and html: the notice grouped by kind and by township, with what falls due in 30 days")
    func notice() throws {
        let actions = """
        organization,drill_date,action,owner,due_date,closed_date
        hengda-chem,2026-03-14,更换储罐区可燃气体报警器,王工,2026-06-30,
        hengda-chem,2026-03-14,修订现场处置方案,李科长,2026-12-31,
        hengda-chem,2026-03-14,补充应急物资,张三,2026-05-01,2026-04-28
        """
        let dir = try scratchFolder(["orgs.yaml": Data(Self.quxianOrgs.utf8), "records.csv": Data(Self.quxianRecords.utf8),
                              "actions.csv": Data(actions.utf8)])
        let md = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--as-of", "2026-12-05",
                            "--format", "md", "--lang", "zh", "--corrective-actions", "actions.csv"], in: dir)
        #expect(md.status == 0)
        let text = md.stdout
        #expect(text.hasPrefix("# 渠县2026年应急演练落实情况通报"))
        for heading in ["## 总体情况", "## 按单位类型", "### 县人民政府", "### 乡镇（街道）", "### 部门", "### 企业",
                        "## 按乡镇（街道）", "## 未来30天内到期事项", "## 发现的问题", "## 未关闭的整改措施",
                        "## 应急预案三年评估到期"] {
            #expect(text.contains(heading), "missing \(heading)")
        }
        // 土溪镇 holds two organisations; the others have no township.
        #expect(text.contains("| 土溪镇 | 2 |"))
        #expect(text.contains("| （未填乡镇） | 2 |"))
        // As of 5 December the 渠县 high-risk H2 drill falls due on 31 December: within 30 days.
        let dueSection = try #require(text.components(separatedBy: "## 未来30天内到期事项").last?.components(separatedBy: "## ").first)
        #expect(dueSection.contains("恒达化工有限公司 | 土溪镇 | 高危行业企业每半年至少组织1次综合或专项应急演练 | 2026-H2 | 2026-12-31 | 1 | 0"))
        // Open actions: the overdue one and the open one; the closed one is gone.
        #expect(text.contains("更换储罐区可燃气体报警器") && text.contains("已逾期"))
        #expect(text.contains("修订现场处置方案") && !text.contains("补充应急物资"))

        let html = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--format", "html",
                              "--lang", "en"], in: dir)
        #expect(html.status == 1)  // judged after the year: the 渠县 H2 drill was missed
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(html.stdout.contains("<h2>By kind of organisation</h2>") && html.stdout.contains("<h2>By township</h2>"))
        #expect(html.stdout.contains("<td class=\"missed\">missed</td>"))
        #expect(html.stdout.contains("恒达化工有限公司"))
    }

    @Test("--format csv: one row per result, UTF-8 with BOM for Excel")
    func csv() throws {
        let dir = try scratchFolder(["orgs.yaml": Data(Self.quxianOrgs.utf8), "records.csv": Data(Self.quxianRecords.utf8)])
        let run = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--as-of", "2026-09-30",
                             "--format", "csv"], in: dir)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("\u{FEFF}organization,name,kind,township,rule,source,period"))
        let lines = run.stdout.split(separator: "\r\n")
        #expect(lines.count == 18)  // header + 17 results
        #expect(lines.contains { $0.hasPrefix("hengda-chem,恒达化工有限公司,enterprise,土溪镇,quxian-high-risk-half-year,") && $0.contains(",2026-H2,2026-07-01,2026-12-31,1,0,due,") })
    }

    @Test("per-plan counting from orgs.yaml count: per-plan, end to end")
    func perPlan() throws {
        let orgs = """
        rules: [pack.yaml]
        count: per-plan
        organizations:
          - {id: hengda-chem, name: 恒达化工有限公司, kind: enterprise, plans: [tank-leak, pump-fire]}
        """
        let records = """
        organization,date,type,form,plan,participants,evaluation_report,reported_to_county
        hengda-chem,2026-03-14,onsite,live,tank-leak,35,yes,yes
        hengda-chem,2026-08-14,onsite,live,tank-leak,35,yes,yes
        hengda-chem,2026-09-14,onsite,live,pump-fire,35,yes,yes
        """
        let dir = try scratchFolder(["orgs.yaml": Data(orgs.utf8), "pack.yaml": Data(onePack.utf8), "records.csv": Data(records.utf8)])
        let run = try runYubei(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--json"], in: dir)
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.map { "\($0["period"]!) \($0["required"]!) \($0["done"]!) \($0["status"]!)" }
                == ["2026-H1 2 1 missed", "2026-H2 2 2 met"])
        let plans = try #require(results[0]["plans"] as? [[String: Any]])
        #expect(plans.map { "\($0["plan"]!) \($0["done"]!)" } == ["tank-leak 1", "pump-fire 0"])
    }
}

/// `text` in GB18030, made by iconv(1), and not by chance the same bytes as UTF-8.
private func gb18030(_ text: String) throws -> Data {
    let data = try gb18030ByIconv(text)
    #expect(data != Data(text.utf8))
    return data
}
