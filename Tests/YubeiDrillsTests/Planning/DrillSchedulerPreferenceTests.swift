import Testing
@testable import YubeiDrills

/// Soft preferences are met when nothing stands against them, and their weights change the plan.
@Suite struct DrillSchedulerPreferenceTests {
    typealias F = PlanningFixtures

    /// Ten drills held in each of April and May by another organisation make those months heavy.
    static let heavySpring: [HeldDrill] = (1...10).flatMap { day in
        [HeldDrill(organization: "h", date: CalendarDate(year: 2027, month: 4, day: day + 4)!, type: "special"),
         HeldDrill(organization: "h", date: CalendarDate(year: 2027, month: 5, day: day + 9)!, type: "special")]
    }

    @Test func hazardSeasonsAreMet() throws {
        var settings = PlanningSettings()
        settings.weights.safetyMonth = 0
        let orgs = [
            F.org("flood", hazards: ["flood"]), F.org("quake", kind: "school", hazards: ["earthquake"]),
            F.org("fire", hazards: ["fire"]), F.org("forest", hazards: ["forest-fire"]),
        ]
        let problem = DrillScheduleProblem(
            year: 2027, calendar: F.plainCalendar, settings: settings, organizations: orgs,
            obligations: orgs.map { F.obligation($0.id, from: "2027-01-01", to: "2027-12-31") }
        )
        let plan = try #require(try F.plan(problem))
        func date(_ id: String) -> CalendarDate? { plan.drills.first { $0.organization == id }?.date }
        #expect(try [4, 5].contains(#require(date("flood")).month))
        let quake = try #require(date("quake"))
        #expect(quake >= F.date("2027-05-05") && quake <= F.date("2027-05-19"))
        #expect(date("fire")?.month == 11)
        #expect(try [2, 3].contains(#require(date("forest")).month))
        let seasons = plan.preferences.filter { $0.kind == .season }
        #expect(seasons.allSatisfy { $0.met == $0.applicable })
        #expect(seasons.reduce(0) { $0 + $1.applicable } == 4)
    }

    @Test func seasonWeightOutweighsBalanceOnlyWhenSet() throws {
        // Spring is loaded with held drills; balance alone moves the flood drill out of Apr–May,
        // the season weight brings it back.
        var settings = PlanningSettings()
        settings.weights.safetyMonth = 0
        var problem = DrillScheduleProblem(
            year: 2027, calendar: F.plainCalendar, settings: settings,
            organizations: [F.org("flood", hazards: ["flood"]), F.org("h")],
            obligations: [F.obligation("flood", from: "2027-01-01", to: "2027-12-31")],
            held: Self.heavySpring
        )
        let withSeason = try #require(try F.plan(problem))
        #expect(try [4, 5].contains(#require(withSeason.drills.first).date.month))
        #expect(withSeason.preferences.first { $0.hazard == "flood" }?.met == 1)

        problem.settings.weights.season = 0
        let without = try #require(try F.plan(problem))
        #expect(try ![4, 5].contains(#require(without.drills.first).date.month))
        #expect(without.preferences.first { $0.hazard == "flood" }?.met == 0)
    }

    @Test func safetyMonthDrawsADrillIntoJune() throws {
        var settings = PlanningSettings()
        settings.weights.balance = 0
        let problem = DrillScheduleProblem(
            year: 2027, calendar: F.plainCalendar, settings: settings, organizations: [F.org("a")],
            obligations: [F.obligation("a", from: "2027-01-01", to: "2027-12-31")]
        )
        let plan = try #require(try F.plan(problem))
        #expect(plan.drills.map(\.date.month) == [6])
    }

    @Test func halfYearlyDrillsAreThreeMonthsApart() throws {
        // a cannot drill before 2 June, so its H1 drill is in June; later months are loaded, so
        // balance alone would put the H2 drill in July. With spacing the gap is ≥ 91 days.
        let heavyAutumn: [HeldDrill] = (8...12).flatMap { month in
            (1...5).map { HeldDrill(organization: "h", date: CalendarDate(year: 2027, month: month, day: 10 + $0)!, type: "special") }
        }
        var settings = PlanningSettings()
        settings.weights.safetyMonth = 0
        settings.weights.season = 0
        var problem = DrillScheduleProblem(
            year: 2027, calendar: F.plainCalendar, settings: settings,
            organizations: [F.org("a", unavailable: [F.date("2027-01-01")...F.date("2027-06-01")]), F.org("h")],
            obligations: [
                F.obligation("a", "onsite-h", from: "2027-01-01", to: "2027-06-30", cadence: .halfYear, types: ["onsite"], period: "2027-H1"),
                F.obligation("a", "onsite-h", from: "2027-07-01", to: "2027-12-31", cadence: .halfYear, types: ["onsite"], period: "2027-H2"),
            ],
            held: heavyAutumn
        )
        let spaced = try #require(try F.plan(problem))
        let dates = spaced.drills.map(\.date).sorted()
        try #require(dates.count == 2)
        #expect(dates[0].month == 6)
        #expect(dates[0].days(to: dates[1]) >= 91)
        let spacing = try #require(spaced.preferences.first { $0.kind == .spacing })
        #expect(spacing.met == 1 && spacing.applicable == 1)

        problem.settings.weights.spacing = 0
        let unspaced = try #require(try F.plan(problem))
        let close = unspaced.drills.map(\.date).sorted()
        #expect(close[0].days(to: close[1]) < 91)
        #expect(unspaced.preferences.first { $0.kind == .spacing }?.met == 0)
    }

    @Test func loadIsEvenAcrossMonths() throws {
        var settings = PlanningSettings()
        settings.weights.safetyMonth = 0
        let ids = (1...24).map { "org\($0)" }
        var problem = DrillScheduleProblem(
            year: 2027, calendar: F.plainCalendar, settings: settings, organizations: ids.map { F.org($0) },
            obligations: ids.map { F.obligation($0, from: "2027-01-01", to: "2027-12-31") }
        )
        let plan = try #require(try F.plan(problem))
        #expect(plan.drills.count == 24)
        // 24 drills over 12 months of 20–23 weekdays: targets 1.8–2.1 a month. Every month
        // within one drill of 2, and in total within 3 drills of the targets.
        #expect(plan.load.drills.allSatisfy { (1...3).contains($0) })
        #expect(plan.load.deviation <= 3)

        // Without balance, safety month pulls every drill into June.
        problem.settings.weights.balance = 0
        problem.settings.weights.safetyMonth = 3
        let june = try #require(try F.plan(problem))
        #expect(june.load.drills[5] == 24)
        #expect(june.load.deviation > 40)
    }
}
