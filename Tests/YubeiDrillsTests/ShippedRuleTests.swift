import Testing
import YubeiCore
@testable import YubeiDrills

/// What each shipped rule must say, written out by hand from the sources
/// (shared/domain/regulations-research.md §1 and the 渠县 document 二(五)).
struct ShippedRuleCase: CustomTestStringConvertible, Sendable {
    var id: String
    var pack: String
    /// An organisation the rule binds, and one it must not bind.
    var bound: Organization
    var unbound: Organization
    var every: Cadence
    /// Results for 2026 per bound organisation.
    var periodsIn2026: Int
    var types: Set<DrillType>
    var source: String
    var reportToCounty: Bool
    var testDescription: String { id }
}

private func org(_ kind: OrganizationKind, _ sectors: [String] = []) -> Organization {
    Organization(id: "o-\(kind.rawValue)-\(sectors.joined(separator: "-"))", name: "单位", kind: kind, sectors: sectors)
}

let shippedRuleCases: [ShippedRuleCase] = [
    .init(id: "gov-708-8-1-two-years", pack: "national", bound: org(.countyGovernment), unbound: org(.township),
          every: .twoYears, periodsIn2026: 1, types: [], source: "国务院令第708号 第八条第一款", reportToCounty: false),
    .init(id: "department-708-8-1-two-years", pack: "national", bound: org(.department), unbound: org(.enterprise),
          every: .twoYears, periodsIn2026: 1, types: [], source: "国务院令第708号 第八条第一款", reportToCounty: false),
    .init(id: "township-708-8-1-two-years", pack: "national", bound: org(.township), unbound: org(.countyGovernment),
          every: .twoYears, periodsIn2026: 1, types: [], source: "国务院令第708号 第八条第一款", reportToCounty: false),
    .init(id: "high-risk-708-8-2-half-year", pack: "national", bound: org(.enterprise, ["mining"]),
          unbound: org(.enterprise, ["textiles"]), every: .halfYear, periodsIn2026: 2, types: [],
          source: "国务院令第708号 第八条第二款", reportToCounty: true),
    .init(id: "venue-708-8-2-half-year", pack: "national", bound: org(.venue), unbound: org(.school),
          every: .halfYear, periodsIn2026: 2, types: [], source: "国务院令第708号 第八条第二款", reportToCounty: true),
    .init(id: "enterprise-comprehensive-or-special-year", pack: "national", bound: org(.enterprise),
          unbound: org(.venue), every: .year, periodsIn2026: 1, types: [.comprehensive, .special],
          source: "应急管理部令第2号 第三十三条", reportToCounty: false),
    .init(id: "enterprise-onsite-half-year", pack: "national", bound: org(.enterprise), unbound: org(.school),
          every: .halfYear, periodsIn2026: 2, types: [.onsite], source: "应急管理部令第2号 第三十三条",
          reportToCounty: false),
    .init(id: "fire-key-unit-61-half-year", pack: "national", bound: org(.venue, ["fire-key-unit"]),
          unbound: org(.venue), every: .halfYear, periodsIn2026: 2, types: [], source: "公安部令第61号",
          reportToCounty: false),
    .init(id: "fire-other-unit-61-year", pack: "national", bound: org(.department),
          unbound: org(.enterprise, ["fire-key-unit"]), every: .year, periodsIn2026: 1, types: [],
          source: "公安部令第61号", reportToCounty: false),
    .init(id: "school-evacuation-month", pack: "national", bound: org(.school), unbound: org(.kindergarten),
          every: .month, periodsIn2026: 9, types: [], source: "教基一厅〔2014〕2号", reportToCounty: false),
    .init(id: "kindergarten-evacuation-quarter", pack: "national", bound: org(.kindergarten), unbound: org(.school),
          every: .quarter, periodsIn2026: 4, types: [], source: "教基一厅〔2014〕2号", reportToCounty: false),
    .init(id: "quxian-county-large-drill-year", pack: "quxian-2021", bound: org(.countyGovernment),
          unbound: org(.township), every: .year, periodsIn2026: 1, types: [], source: "渠县", reportToCounty: false),
    .init(id: "quxian-township-year", pack: "quxian-2021", bound: org(.township), unbound: org(.department),
          every: .year, periodsIn2026: 1, types: [], source: "渠县", reportToCounty: false),
    .init(id: "quxian-department-professional-year", pack: "quxian-2021", bound: org(.department),
          unbound: org(.countyGovernment), every: .year, periodsIn2026: 1, types: [], source: "渠县",
          reportToCounty: false),
    .init(id: "quxian-high-risk-half-year", pack: "quxian-2021", bound: org(.enterprise, ["hazardous-chemicals"]),
          unbound: org(.enterprise), every: .halfYear, periodsIn2026: 2, types: [.comprehensive, .special],
          source: "渠县", reportToCounty: false),
]

@Suite("Shipped rule packs: each rule on its own")
struct ShippedRuleTests {
    @Test("the shipped packs load and hold exactly the rules written out here")
    func packs() throws {
        #expect(RulePackLoader.shippedNames == ["national", "quxian-2021"])
        let national = try RulePackLoader.shipped(named: "national")
        let quxian = try RulePackLoader.shipped(named: "quxian-2021")
        #expect(Set(national.rules.map(\.id)) == Set(shippedRuleCases.filter { $0.pack == "national" }.map(\.id)))
        #expect(Set(quxian.rules.map(\.id)) == Set(shippedRuleCases.filter { $0.pack == "quxian-2021" }.map(\.id)))
        #expect((national.rules + quxian.rules).allSatisfy { $0.atLeast == 1 && $0.since == nil && $0.counting == nil })
    }

    @Test("binding, cadence, types, source; no drill → missed (2-year windows due); one drill per period → met",
          arguments: shippedRuleCases)
    func rule(_ c: ShippedRuleCase) throws {
        let rule = try #require(try RulePackLoader.shipped(named: c.pack).rules.first { $0.id == c.id })
        #expect(rule.every == c.every)
        #expect(Set(rule.types) == c.types)
        #expect(rule.source.hasPrefix(c.source))
        #expect(rule.reportToCounty == c.reportToCounty)
        #expect(rule.applies(to: c.bound))
        #expect(!rule.applies(to: c.unbound))
        let orgs = registry([rule], [c.bound, c.unbound])

        // Nothing held.
        let empty = DrillCheck.run(orgs: orgs, records: [], year: 2026)
        #expect(empty.results.count == c.periodsIn2026)
        #expect(empty.results.allSatisfy { $0.organization == c.bound.id && $0.required == 1 && $0.done == 0 })
        let shortStatus: QuotaStatus = c.every.years == nil ? .missed : .due
        #expect(empty.results.allSatisfy { $0.status == shortStatus })

        // One drill of a type the rule counts, on the first day of each period.
        let countedType = c.types.isEmpty ? DrillType.special : c.types.sorted { $0.rawValue < $1.rawValue }[0]
        let periods = rule.periods(in: 2026)
        // A 2- or 3-year duty: one drill in the year keeps it.
        let held = c.every.years == nil ? periods.map { drill(c.bound.id, $0.start.description, countedType) }
            : [drill(c.bound.id, "2026-01-01", countedType)]
        let full = DrillCheck.run(orgs: orgs, records: held, year: 2026)
        #expect(full.results.allSatisfy { $0.status == .met && $0.done == 1 })

        // The last period's drill left out: that period alone falls short.
        let partial = DrillCheck.run(orgs: orgs, records: Array(held.dropLast()), year: 2026)
        #expect(partial.results.dropLast().allSatisfy { $0.status == .met })
        #expect(partial.results.last?.status == shortStatus)

        // Drills of a type the rule does not count do not count.
        if let other = DrillType.allCases.first(where: { !c.types.isEmpty && !c.types.contains($0) }) {
            let wrong = periods.map { drill(c.bound.id, $0.start.description, other) }
            let report = DrillCheck.run(orgs: orgs, records: wrong, year: 2026)
            #expect(report.results.allSatisfy { $0.done == 0 && $0.status == shortStatus })
        }
    }

    @Test("the spec's example organisations are bound by the rules a planner expects")
    func exampleBindings() throws {
        let rules = try RulePackLoader.shipped(named: "national").rules + RulePackLoader.shipped(named: "quxian-2021").rules
        let orgs = registry(rules, [])
        func ids(_ o: Organization) -> Set<String> { Set(orgs.rules(for: o).map(\.id)) }
        #expect(ids(Organization(id: "quxian-gov", name: "渠县人民政府", kind: .countyGovernment))
                == ["gov-708-8-1-two-years", "fire-other-unit-61-year", "quxian-county-large-drill-year"])
        #expect(ids(Organization(id: "tuxi-town", name: "土溪镇人民政府", kind: .township))
                == ["township-708-8-1-two-years", "fire-other-unit-61-year", "quxian-township-year"])
        #expect(ids(Organization(id: "hengda-chem", name: "恒达化工有限公司", kind: .enterprise, sectors: ["hazardous-chemicals"]))
                == ["high-risk-708-8-2-half-year", "enterprise-comprehensive-or-special-year", "enterprise-onsite-half-year",
                    "fire-other-unit-61-year", "quxian-high-risk-half-year"])
        #expect(ids(Organization(id: "mall", name: "万达广场", kind: .venue, sectors: ["fire-key-unit"]))
                == ["venue-708-8-2-half-year", "fire-key-unit-61-half-year"])
    }
}
