import Foundation
import Testing
@testable import YubeiDrills
import YubeiTestSupport

/// The plan, read back as records, leaves nothing `missed` in the check of its year — through
/// the check's own code, on the shipped rule packs.
@Suite struct PlanRoundTripTests {
    typealias F = PlanningFixtures

    static func registry(count: Counting? = nil) throws -> OrganizationRegistry {
        let packs = [try RulePackLoader.shipped(named: "national"), try RulePackLoader.shipped(named: "quxian-2021")]
        let orgs = [
            Organization(id: "quxian-gov", name: "渠县人民政府", kind: .countyGovernment),
            Organization(id: "tuxi-town", name: "土溪镇人民政府", kind: .township, hazards: ["flood"]),
            Organization(id: "yingji-ju", name: "县应急管理局", kind: .department),
            Organization(id: "hengda-chem", name: "恒达化工有限公司", kind: .enterprise, sectors: ["hazardous-chemicals"],
                         plans: [EmergencyPlan(id: "tank-leak", type: .onsite), EmergencyPlan(id: "fire-pump", type: .onsite)],
                         unavailable: [DateRange(from: F.date("2027-03-01"), to: F.date("2027-04-30"))]),
            Organization(id: "shiyan-school", name: "渠县实验小学", kind: .school),
            Organization(id: "xingfu-kg", name: "幸福幼儿园", kind: .kindergarten),
            Organization(id: "wanda-mall", name: "万达广场", kind: .venue, sectors: ["fire-key-unit"]),
            Organization(id: "jianshe", name: "建设集团", kind: .enterprise, sectors: ["construction"]),
        ]
        return OrganizationRegistry(jurisdiction: "渠县", rulePacks: packs, organizations: orgs, halfYearCounting: count)
    }

    @Test(arguments: [Counting.perUnit, .perPlan])
    func planLeavesNothingMissed(counting: Counting) throws {
        let registry = try Self.registry(count: counting)
        let held = [
            DrillRecord(organization: "hengda-chem", date: F.date("2027-01-14"), type: .onsite, plan: "tank-leak"),
            DrillRecord(organization: "shiyan-school", date: F.date("2027-01-08"), type: .special),
        ]
        let calendar = try #require(try HolidayCalendar.shipped(year: 2027))
        var settings = PlanningSettings()
        settings.observers = .init(perWeek: 2)
        let problem = DrillScheduleProblem(registry: registry, records: held, year: 2027, calendar: calendar, settings: settings)
        // Before planning, the held drills alone leave quotas missed.
        #expect(DrillCheck.run(orgs: registry, records: held, year: 2027).results.contains { $0.status == .missed })

        let plan = try #require(try F.plan(problem))
        let report = plan.check(registry: registry, held: held)
        #expect(report.results.filter { $0.status == .missed }.isEmpty)
        #expect(!report.results.isEmpty)
        // Nothing planned twice: the school's January is already met by its held drill.
        #expect(!plan.drills.contains { $0.organization == "shiyan-school" && $0.date.month == 1 })
        // Every planned date is a drill day for the calendar and the organisation.
        for drill in plan.drills {
            #expect(calendar.allowsDrill(on: drill.date), "\(drill.date) is closed")
            let org = try #require(registry.organization(drill.organization))
            #expect(!org.unavailable.contains { $0.contains(drill.date) })
        }
        // Observers: at most 2 drills a week.
        var perWeek: [Int: Int] = [:]
        for drill in plan.drills { perWeek[drill.date.dayNumber - drill.date.weekday, default: 0] += 1 }
        #expect(perWeek.values.allSatisfy { $0 <= 2 })
        if counting == .perPlan {
            let fire = plan.drills.filter { $0.organization == "hengda-chem" && $0.plan == "fire-pump" }
            #expect(fire.count == 2)  // H1 and H2 for the plan not yet drilled
            #expect(plan.drills.filter { $0.organization == "hengda-chem" && $0.plan == "tank-leak" }.count == 1)
        }
        // plan.csv as written is what the records reader reads back.
        let url = try scratchFile("plan.csv", text: DrillRecordsCSV.text(plan.records))
        defer { try? FileManager.default.removeItem(at: url) }
        let read = try DrillRecordsReader.read(path: url.path, organizations: registry.organizations)
        #expect(read.records.count == plan.drills.count)
        #expect(read.records.allSatisfy { $0.evaluationReport == .planned && $0.reportedToCounty == .planned })
        let again = DrillCheck.run(orgs: registry, records: held + read.records, year: 2027)
        #expect(again.results.filter { $0.status == .missed }.isEmpty)
    }

    @Test func decomposedPlanAlsoLeavesNothingMissed() throws {
        // Forty organisations solved in groups of a few hundred variables, with shared observers.
        var orgs: [Organization] = []
        for i in 0..<40 {
            switch i % 4 {
            case 0: orgs.append(Organization(id: "s\(i)", name: "学校\(i)", kind: .school))
            case 1: orgs.append(Organization(id: "e\(i)", name: "企业\(i)", kind: .enterprise, sectors: ["hazardous-chemicals"]))
            case 2: orgs.append(Organization(id: "k\(i)", name: "幼儿园\(i)", kind: .kindergarten))
            default: orgs.append(Organization(id: "v\(i)", name: "场所\(i)", kind: .venue))
            }
        }
        let registry = OrganizationRegistry(rulePacks: [try RulePackLoader.shipped(named: "national")], organizations: orgs)
        var settings = PlanningSettings()
        settings.observers = .init(perWeek: 4, attends: DrillSelector(types: ["comprehensive"]))
        let problem = DrillScheduleProblem(
            registry: registry, records: [], year: 2027, calendar: try #require(try HolidayCalendar.shipped(year: 2027)), settings: settings
        )
        var options = DrillScheduler.Options()
        options.maxVariablesPerProgram = 100
        let plan = try #require(try F.plan(problem, options: options))
        #expect(plan.solverNotes.count > 3)  // several programs
        #expect(plan.check(registry: registry, held: []).results.filter { $0.status == .missed }.isEmpty)
        var perWeek: [Int: Int] = [:]
        for drill in plan.drills where drill.type == "comprehensive" { perWeek[drill.date.dayNumber - drill.date.weekday, default: 0] += 1 }
        #expect(perWeek.values.allSatisfy { $0 <= 4 })
    }
}
