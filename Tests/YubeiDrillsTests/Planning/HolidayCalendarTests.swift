import Foundation
import Testing
import YubeiCore
@testable import YubeiDrills
import YubeiTestSupport

@Suite struct HolidayCalendarTests {
    typealias F = PlanningFixtures

    @Test func shipped2026FollowsTheOfficialNotice() throws {
        let calendar = try #require(try HolidayCalendar.shipped(year: 2026))
        #expect(!calendar.isEstimated)
        #expect(calendar.closures.map(\.name) == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"])
        #expect(calendar.allowsDrill(on: F.date("2026-02-14")))   // make-up Saturday
        #expect(!calendar.allowsDrill(on: F.date("2026-02-16")))  // 春节
        #expect(!calendar.allowsDrill(on: F.date("2026-01-03")))  // 元旦, a Saturday
        #expect(!calendar.allowsDrill(on: F.date("2026-03-07")))  // an ordinary Saturday
        #expect(calendar.closure(on: F.date("2026-10-05"))?.name == "国庆节")
        if case .closure(let closure)? = calendar.reasonClosed(on: F.date("2026-10-05")) {
            #expect(closure.name == "国庆节")
        } else {
            Issue.record("2026-10-05 should be closed by a holiday")
        }
        // Counted independently (Python's datetime over the notice): 248 working days.
        let slots = PlanningSlot.slots(of: 2026, calendar: calendar)
        var perMonth = Array(repeating: 0, count: 12)
        for slot in slots { perMonth[slot.month - 1] += slot.drillDays.count }
        #expect(perMonth == [21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23])
        #expect(perMonth.reduce(0, +) == 248)
    }

    @Test func shipped2027IsMarkedEstimated() throws {
        let calendar = try #require(try HolidayCalendar.shipped(year: 2027))
        #expect(calendar.isEstimated)
        #expect(calendar.closures.allSatisfy { $0.isEstimated })
        #expect(calendar.closure(on: F.date("2027-02-06"))?.name == "春节")  // 正月初一
        #expect(calendar.closure(on: F.date("2027-06-09"))?.name == "端午节")
        #expect(calendar.closure(on: F.date("2027-09-15"))?.name == "中秋节")
        #expect(HolidayCalendar.shippedYears.contains(2027))
        let none = try HolidayCalendar.shipped(year: 1999)
        #expect(none == nil)
    }

    @Test func slotsSplitAtMonthsWeeksAndBoundaries() throws {
        let slots = PlanningSlot.slots(of: 2027, calendar: F.plainCalendar, extraBoundaries: [F.date("2027-05-12").dayNumber])
        #expect(slots.first?.first == F.date("2027-01-01") && slots.first?.last == F.date("2027-01-03"))
        #expect(slots.allSatisfy { $0.first.month == $0.last.month && $0.first.days(to: $0.last) < 7 })
        #expect(slots.contains { $0.first == F.date("2027-05-12") })
        #expect(slots.reduce(0) { $0 + $1.first.days(to: $1.last) + 1 } == 365)
    }

    @Test func badCalendarFileReportsEveryProblemWithPosition() throws {
        let text = """
        year: 2027
        weekend: [saturday, sundy]
        holidays:
          - {name: 春节, from: 2027-02-10, to: 2027-02-05}
          - {name: 国庆, from: 2026-10-01, to: 2027-10-07}
          - {name: 端午, from: 2027-06-31, to: 2027-06-31}
        workday: [2027-02-20]
        """
        let url = try scratchFile("cal.yaml", text: text)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try HolidayCalendar.load(path: url.path)
            Issue.record("a bad calendar was accepted")
        } catch {
            let lines = error.diagnostics.errors.map(\.description)
            #expect(lines.count == 6)  // from and to of the impossible date each
            #expect(lines.contains { $0.hasPrefix("\(url.path):2:") && $0.contains("sundy") && $0.contains("sunday") })
            #expect(lines.contains { $0.hasPrefix("\(url.path):4:") && $0.contains("holidays[0].to") })
            #expect(lines.contains { $0.hasPrefix("\(url.path):5:") && $0.contains("not in the calendar's year 2027") })
            #expect(lines.contains { $0.hasPrefix("\(url.path):6:") && $0.contains("not a real date") })
            #expect(lines.contains { $0.hasPrefix("\(url.path):7:") && $0.contains("workdays") })
        }
    }
}
