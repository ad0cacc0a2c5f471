import Testing
@testable import YubeiDrills

@Suite("Periods: calendar windows, labels and edges")
struct PeriodTests {
    @Test("labels as FORMATS.md writes them")
    func labels() {
        #expect(Period.periods(of: .year, in: 2026).map(\.label) == ["2026"])
        #expect(Period.periods(of: .halfYear, in: 2026).map(\.label) == ["2026-H1", "2026-H2"])
        #expect(Period.periods(of: .quarter, in: 2026).map(\.label) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"])
        #expect(Period.periods(of: .month, in: 2026).map(\.label)
                == (1...12).map { $0 < 10 ? "2026-0\($0)" : "2026-\($0)" })
        // 2- and 3-year rules are maximum intervals: no calendar window; their label is START/DUE.
        #expect(Period.periods(of: .twoYears, in: 2026).isEmpty)
        #expect(Period(interval: .twoYears, from: d("2025-03-14"), due: d("2027-03-14")).label == "2025-03-14/2027-03-14")
    }

    @Test("30 June closes H1 and Q2; 1 July opens H2 and Q3")
    func midYear() {
        let (h1, h2) = (Period(cadence: .halfYear, year: 2026, month: 1), Period(cadence: .halfYear, year: 2026, month: 7))
        #expect(h1.end == d("2026-06-30") && h2.start == d("2026-07-01"))
        #expect(h1.contains(d("2026-06-30")) && !h1.contains(d("2026-07-01")))
        #expect(h2.contains(d("2026-07-01")) && !h2.contains(d("2026-06-30")))
        #expect(Period.period(of: .quarter, containing: d("2026-06-30"))?.label == "2026-Q2")
        #expect(Period.period(of: .quarter, containing: d("2026-07-01"))?.label == "2026-Q3")
        #expect(Period.period(of: .month, containing: d("2026-06-30"))?.label == "2026-06")
    }

    @Test("31 December is in the year, its H2, Q4 and December; 1 January of the next is not")
    func yearEnd() {
        for cadence in [Cadence.year, .halfYear, .quarter, .month] {
            let last = Period.periods(of: cadence, in: 2026).last!
            #expect(last.end == d("2026-12-31"))
            #expect(last.contains(d("2026-12-31")))
            #expect(!last.contains(d("2027-01-01")))
            #expect(Period.periods(of: cadence, in: 2027).first!.contains(d("2027-01-01")))
        }
    }

    @Test("29 February 2028 is in 2028-02, Q1 and H1; February 2028 has 29 days, 2026 has 28")
    func leapDay() {
        let february = Period(cadence: .month, year: 2028, month: 2)
        #expect(february.end == d("2028-02-29"))
        #expect(february.contains(d("2028-02-29")))
        #expect(Period(cadence: .month, year: 2026, month: 2).end == d("2026-02-28"))
        #expect(Period.period(of: .quarter, containing: d("2028-02-29"))?.label == "2028-Q1")
        #expect(Period.period(of: .halfYear, containing: d("2028-02-29"))?.label == "2028-H1")
    }

    @Test("a period has ended only when as-of is after its last day")
    func ended() {
        let h1 = Period(cadence: .halfYear, year: 2026, month: 1)
        #expect(!h1.hasEnded(asOf: d("2026-06-30")))
        #expect(h1.hasEnded(asOf: d("2026-07-01")))
    }
}
