import Testing
import YubeiCore
@testable import YubeiDrills
import YubeiTestSupport

/// Every diagnostic of the drills readers and cross-checks (``DrillsMessage``) and the drills
/// plan's own lines have a Chinese form: different from the English, holding Chinese, and with no
/// English word but the files' keys and format names.
@Suite("Drills diagnostics in Chinese")
struct DrillsMessagesTests {
    static let allowed: Set<String> = ["rules", "year", "organizations", "from", "to", "plan", "YYYY-MM-DD", "MM-DD",
                                       "calendar", "GLPK", "time-limit", "optimal",
                                       // Arguments of the samples: file names and extensions.
                                       "csv", "xlsx", "yaml", "china-2028.yaml"]

    static func expectTranslated(_ phrase: Phrase, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(phrase.zh != phrase.en, "\(phrase.en)", sourceLocation: sourceLocation)
        #expect(holdsChinese(phrase.zh), "\(phrase.zh)", sourceLocation: sourceLocation)
        let english = englishWords(in: phrase.zh, allowed: allowed)
        #expect(english.isEmpty, "English \(english) in \(phrase.zh)", sourceLocation: sourceLocation)
    }

    @Test("every message of DrillsMessage")
    func messages() throws {
        typealias M = DrillsMessage
        let d1 = try #require(CalendarDate(year: 2026, month: 3, day: 1)), d2 = try #require(CalendarDate(year: 2026, month: 4, day: 1))
        let m1 = PlanningSettings.MonthDay(month: 4, day: 1), m2 = PlanningSettings.MonthDay(month: 5, day: 1)
        let phrases: [Phrase] = [
            M.notRealDate("2026-02-30", year: 2026, month: 2, day: 30), M.notRealDate("3026-01-01", year: 3026, month: 1, day: 1),
            M.notADate("三月"), M.notADateInTable("三月"), M.notASinceDate("三月"), M.notRealDateShort("2026-02-30"),
            M.expectedISODate("三月"), M.fromAfterTo(d2, d1), M.periodEndsBeforeStart(d2, d1), M.expectedMonthDay("四月"),
            M.noRulePack(1, "甲", shipped: ["乙"], guess: "乙"), M.noShippedRulePack("甲", shipped: ["乙"]), M.noSuchRulePack,
            M.ruleInTwoPacks("甲", "乙", "丙"), M.duplicateOrganization("甲", first: 0), M.unknownSector("甲", guess: "乙"),
            M.duplicatePlan("甲"), M.duplicateRule("甲", first: 0), M.monthOutOfRange(13), M.monthTwice(3), M.noMonth,
            M.rowWidth(3, 2, hint: true), M.rowWidth(3, 2, hint: false), M.column("甲", M.noMonth),
            M.planNotOfOrganization("甲", "乙", plans: ["丙"]), M.folderWithoutRecords([".csv", ".xlsx"]),
            M.twoCalendarsForYear("甲.yaml", 2026), M.calendarForOtherYear(2025, 2026), M.noShippedCalendar(2031, shipped: [2026]),
            M.notAnOrganization("甲", "乙.yaml"), M.termOutsideYear(d1, d2, 2027), M.workdayOnWeekday(d1),
            M.dateNotNearYear(d1, 2030), M.dateNotInYear(d1, 2030), M.teamTwice("甲"), M.spacingTooLong(200),
            M.seasonEndsBeforeStart(m2, m1),
            DrillsText.noPlanFound(status: "time-limit", detail: "时限", timeLimit: .seconds(10)),
            DrillsText.estimatedCalendar(year: 2028, origin: "china-2028.yaml"),
        ]
        for phrase in phrases { Self.expectTranslated(phrase) }
    }
}
