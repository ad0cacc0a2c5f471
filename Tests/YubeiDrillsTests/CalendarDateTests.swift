import Testing
@testable import YubeiDrills

@Suite("CalendarDate: the three date forms, impossible days, arithmetic")
struct CalendarDateTests {
    @Test("each date form county offices write gives the same day", arguments: [
        "2026-03-14", "2026-3-14", "2026/3/14", "2026/03/14", "2026年3月14日", "2026年03月14日", " 2026-03-14 ",
        "2026.3.14", "2026.03.14", "2026年3月14", "2026年3月14号", "２０２６－３－１４", "2026/3/14 0:00", "2026-03-14 00:00:00",
    ])
    func forms(text: String) {
        #expect(CalendarDate(parsing: text) == CalendarDate(year: 2026, month: 3, day: 14))
    }

    @Test("impossible days are told apart from text that is no date", arguments: [
        ("2026-02-30", true), ("2026-02-29", true), ("2100-02-29", true), ("2026-13-01", true), ("2026/4/31", true),
        ("2026年2月30日", true), ("14/03/2026", false), ("2026.3.32", true), ("March 14", false), ("", false),
        ("2026-03", false), ("26-03-14", false), ("2026年3月", false), ("2026.03", false), ("14.3.2026", false),
    ])
    func rejected(text: String, impossible: Bool) {
        switch CalendarDate.parse(text) {
        case .success(let date): Issue.record("\(text) parsed as \(date)")
        case .failure(.impossible): #expect(impossible)
        case .failure(.unrecognised): #expect(!impossible)
        }
    }

    @Test("29 February exists in 2028 and 2000, not in 2026 or 2100")
    func leapDays() {
        #expect(CalendarDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2100, month: 2, day: 29) == nil)
    }

    @Test("day numbers round-trip and known weekdays come out right")
    func arithmetic() {
        #expect(d("1970-01-01").dayNumber == 0)
        #expect(d("2000-03-01").dayNumber == 11017)  // 30·365 + 7 leap days + 31 (Jan) + 29 (Feb 2000)
        for n in stride(from: -1000, through: 60000, by: 37) {
            #expect(CalendarDate(dayNumber: n).dayNumber == n)
        }
        #expect(d("2028-02-28").adding(days: 1) == d("2028-02-29"))
        #expect(d("2028-02-29").adding(days: 1) == d("2028-03-01"))
        #expect(d("2026-12-31").adding(days: 1) == d("2027-01-01"))
        #expect(d("2026-11-22").weekday == 7)  // a Sunday
        #expect(d("2026-01-01").weekday == 4)  // a Thursday
        #expect(d("2028-02-29").adding(years: 3) == d("2031-02-28"))
        #expect(d("2026-09-30").days(to: d("2026-10-30")) == 30)
    }
}
