import Testing
@testable import YubeiDrills

/// 国务院令第708号 第八条第二款: the duty to report each drill to the county follows from the
/// organisation's sectors (FORMATS.md §3), whichever packs bind it; a pack may add more.
@Suite("The report-to-county duty from the sectors")
struct ReportDutyTests {
    /// A bureau's own pack: one yearly rule for everyone, no `report_to_county` anywhere.
    let yearly = Rule(id: "y", appliesTo: Applicability(), every: .year, source: "县局自定")

    func findings(_ orgs: [Organization], rules: [Rule]) -> [String] {
        let records = orgs.map { drill($0.id, "2026-05-10", reported: .no) }
        return DrillCheck.run(orgs: registry(rules, orgs), records: records, year: 2026, terms: .standard)
            .findings.map { "\($0.organization) \($0.issue.rawValue)" }
    }

    @Test("every statutory sector carries the duty under a bureau's pack; other sectors do not", arguments: ReportDuty.statutorySectors)
    func statutorySector(sector: String) {
        let org = Organization(id: "u", name: "单位", kind: .enterprise, sectors: [sector])
        #expect(findings([org], rules: [yearly]) == ["u not-reported-to-county"])
    }

    @Test("a fire key unit or a textile firm has no duty; a crowded venue does; so does a unit bound by no rule at all")
    func others() {
        let fire = Organization(id: "fire", name: "消防重点单位", kind: .enterprise, sectors: ["fire-key-unit"])
        let textile = Organization(id: "textile", name: "纺织厂", kind: .enterprise, sectors: ["textiles"])
        let venue = Organization(id: "venue", name: "渠江商场", kind: .venue)
        #expect(findings([fire, textile, venue], rules: [yearly]) == ["venue not-reported-to-county"])
        let chem = Organization(id: "chem", name: "恒达化工", kind: .enterprise, sectors: ["hazardous-chemicals"])
        #expect(findings([chem], rules: []) == ["chem not-reported-to-county"])
        // `planned` and `yes` are no finding.
        let report = DrillCheck.run(orgs: registry([yearly], [chem]), records: [drill("chem", "2026-05-10", reported: .planned)],
                                    year: 2026, terms: .standard)
        #expect(report.findings.isEmpty)
    }

    @Test("a pack adds a sector with report_to_county: true on a rule binding it")
    func packAddsSector() {
        var gas = Rule(id: "gas", appliesTo: Applicability(sectors: ["gas-supply"]), every: .halfYear, source: "省燃气管理条例")
        gas.reportToCounty = true
        let supplier = Organization(id: "gas-co", name: "渠县燃气公司", kind: .enterprise, sectors: ["gas-supply"])
        #expect(findings([supplier], rules: [yearly]).isEmpty)
        #expect(findings([supplier], rules: [yearly, gas]) == ["gas-co not-reported-to-county"])
    }

    @Test("registered: calendar windows that end before it are not judged")
    func registeredWindows() {
        let half = Rule(id: "h", appliesTo: Applicability(kinds: [.enterprise]), every: .halfYear, source: "t")
        var firm = Organization(id: "firm", name: "新办企业", kind: .enterprise)
        firm.registered = d("2026-07-15")
        let report = DrillCheck.run(orgs: registry([half], [firm]), records: [], year: 2026, terms: .standard)
        #expect(statuses(report, "firm", "h") == ["2026-H2": .missed])
    }
}
