import Foundation
import Testing
import YubeiCore
@testable import YubeiDrills
import YubeiTestSupport

@Suite("orgs.yaml, user rule packs and the corrective-actions CSV")
struct OrganizationsFileTests {
    @Test("the spec's example with the added keys reads as written")
    func example() throws {
        let scratch = Scratch()
        let path = scratch.write("orgs.yaml", """
        jurisdiction: 渠县
        rules: [national, quxian-2021, local/jiangsu.yaml]
        count: per-plan
        organizations:
          - {id: quxian-gov, name: 渠县人民政府, kind: county-government}
          - {id: tuxi-town, name: 土溪镇人民政府, kind: township, township: 土溪镇}
          - {id: yingji-ju, name: 县应急管理局, kind: department}
          - id: hengda-chem
            name: 恒达化工有限公司
            kind: enterprise
            sectors: [hazardous-chemicals]
            township: 土溪镇
            hazards: [fire, flood]
            plans:
              - tank-leak
              - {id: overall, name: 综合应急预案, type: comprehensive, last_evaluated: 2024/5/10}
            unavailable: [2027-03-15, {from: 2027-07-01, to: 2027-07-31}]
        """)
        scratch.write("local/jiangsu.yaml", """
        - id: js-onsite-per-plan
          applies_to: {kind: enterprise, sectors: hazardous-chemicals}
          every: half-year
          types: [onsite]
          count: per-plan
          source: 江苏省应急管理厅答复 (2022-08-30)
        """)
        let orgs = try OrganizationsFile.load(path: path)
        #expect(orgs.jurisdiction == "渠县")
        #expect(orgs.rulePacks.map(\.name) == ["national", "quxian-2021", "local/jiangsu.yaml"])
        #expect(orgs.halfYearCounting == .perPlan)
        #expect(orgs.organizations.map(\.id) == ["quxian-gov", "tuxi-town", "yingji-ju", "hengda-chem"])
        let firm = orgs.organizations[3]
        #expect(firm.name == "恒达化工有限公司" && firm.township == "土溪镇" && firm.hazards == ["fire", "flood"])
        #expect(firm.plans == [EmergencyPlan(id: "tank-leak"),
                               EmergencyPlan(id: "overall", name: "综合应急预案", type: .comprehensive, lastEvaluated: d("2024-05-10"))])
        #expect(firm.unavailable == [DateRange(from: d("2027-03-15"), to: d("2027-03-15")),
                                     DateRange(from: d("2027-07-01"), to: d("2027-07-31"))])
        let local = try #require(orgs.rules.first { $0.id == "js-onsite-per-plan" })
        #expect(local.counting == .perPlan && local.appliesTo.sectors == ["hazardous-chemicals"] && local.atLeast == 1)
    }

    @Test("every problem of orgs.yaml at its line and column, with suggestions")
    func errors() {
        let path = Scratch().write("orgs.yaml", """
        rules: [nationl]
        count: per-planet
        organisations: []
        organizations:
          - {id: a, name: 甲, kind: enterprize}
          - {id: a, name: 乙, kind: township}
          - {id: b c, name: 丙, kind: school, sector: [mining]}
          - {id: d, kind: venue, plans: [{id: p, type: drill, last_evaluated: 2024-02-30}]}
          - {id: e, name: 戊, kind: venue, unavailable: [{from: 2027-03-02, to: 2027-03-01}]}
        """)
        let found = messages { _ = try OrganizationsFile.load(path: path) }
        func has(_ prefix: String, _ text: String) -> Bool {
            found.contains { $0.contains("orgs.yaml:\(prefix)") && $0.contains(": error: ") && $0.contains(text) }
        }
        #expect(has("1:9", "rules[0]: no shipped rule pack or file 'nationl'") && has("1:9", "did you mean 'national'?"))
        #expect(has("2:8", "count: 'per-planet' is not one of per-unit, per-plan"))
        #expect(has("3:1", "unknown key 'organisations'; did you mean 'organizations'?"))
        #expect(has("5:", "organizations[0].kind: 'enterprize' is not one of") && has("5:", "did you mean 'enterprise'?"))
        #expect(has("6:", "duplicate organisation id 'a'"))
        #expect(has("7:", "organizations[2].id: 'b c' is not a valid id"))
        #expect(has("7:", "unknown key 'sector'; did you mean 'sectors'?"))
        #expect(has("8:", "organizations[3]: missing required key 'name'"))
        #expect(has("8:", "plans[0].type: 'drill' is not one of"))
        #expect(has("8:", "last_evaluated: '2024-02-30' is not a real date"))
        #expect(has("9:", "'from' 2027-03-02 is after 'to' 2027-03-01"))
        #expect(found.count == 11)
    }

    @Test("errors in a user rule pack are reported in that file; rule ids must be unique across packs")
    func packErrors() {
        let scratch = Scratch()
        let path = scratch.write("orgs.yaml", "rules: [national, mine.yaml]\norganizations: []\n")
        scratch.write("mine.yaml", """
        - id: enterprise-onsite-half-year
          applies_to: {kind: enterprise}
          every: half-year
          source: 本地
        - id: x
          applies_to: {kind: enterprise, sector: [mining]}
          every: fortnight
          at_least: 0
          types: [onsite, firedrill]
        """)
        let found = messages { _ = try OrganizationsFile.load(path: path) }
        let inPack = found.filter { $0.contains("mine.yaml:") }
        #expect(inPack.contains { $0.contains("[1]: missing required key 'source'") })
        #expect(inPack.contains { $0.contains("[1].applies_to.sector: unknown key 'sector'; did you mean 'sectors'?") })
        #expect(inPack.contains { $0.contains("[1].every: 'fortnight' is not one of month, quarter, half-year, year, 2-years, 3-years") })
        #expect(inPack.contains { $0.contains("[1].at_least: expected a whole number ≥ 1, found 0") })
        #expect(inPack.contains { $0.contains("[1].types[1]: 'firedrill' is not one of comprehensive, special, onsite") })
    }

    @Test("a rule id may not appear in two packs")
    func duplicateAcrossPacks() {
        let scratch = Scratch()
        let path = scratch.write("orgs.yaml", "rules: [national, mine.yaml]\norganizations: []\n")
        scratch.write("mine.yaml", """
        - {id: enterprise-onsite-half-year, applies_to: {kind: enterprise}, every: half-year, source: 本地}
        """)
        let found = messages { _ = try OrganizationsFile.load(path: path) }
        #expect(found.count == 1)
        #expect(found.first?.contains("orgs.yaml:1:8: error: rules: rule id 'enterprise-onsite-half-year' is in both 'national' and 'mine.yaml'") == true)
    }

    @Test("corrective actions: read with row errors; open and overdue decided on as-of")
    func correctiveActions() throws {
        let scratch = Scratch()
        let orgs = OrganizationRegistry(rulePacks: [], organizations: [Organization(id: "firm", name: "恒达", kind: .enterprise)])
        let good = scratch.write("ok.csv", """
        organization,drill_date,action,owner,due_date,closed_date
        firm,2026-03-14,"更换消防泵, 补充泡沫",王工,2026/5/1,
        firm,2026年3月14日,修订预案,李科长,2026-08-01,2026-07-20
        """)
        let actions = try CorrectiveActionsReader.read(path: good, orgs: orgs)
        #expect(actions.map(\.action) == ["更换消防泵, 补充泡沫", "修订预案"])
        #expect(actions[0].isOverdue(asOf: d("2026-06-01")) && !actions[0].isOverdue(asOf: d("2026-05-01")))
        #expect(actions[1].isOpen(asOf: d("2026-07-19")) && !actions[1].isOpen(asOf: d("2026-07-20")))
        let bad = scratch.write("bad.csv", """
        organization,drill_date,action,owner,due_date,closed_date
        frim,2026-03-14,x,y,2026-05-01,
        firm,2026-03-14,,y,2026-13-01,someday
        """)
        let found = messages { _ = try CorrectiveActionsReader.read(path: bad, orgs: orgs) }
        #expect(found.count == 4)
        #expect(found[0].contains("bad.csv:2: error: column 'organization': unknown organisation 'frim'"))
        #expect(found[1].contains("bad.csv:3: error: column 'action': empty"))
        #expect(found[2].contains("bad.csv:3: error: column 'due_date': '2026-13-01' is not a real date"))
        #expect(found[3].contains("bad.csv:3: error: column 'closed_date': 'someday' is not a date"))
    }
}
