import Testing
@testable import YubeiDrills

/// Each hard constraint on an instance small enough to check by hand.
@Suite struct DrillSchedulerHardConstraintTests {
    typealias F = PlanningFixtures

    @Test func everyObligationMetInsideItsWindowAndNoExtraDrills() throws {
        // a: 2 drills in March; b: 1 in H2 of type onsite; c: 1 in the year, already done.
        let problem = DrillScheduleProblem(
            year: 2027, calendar: F.plainCalendar, settings: F.hardOnly,
            organizations: [F.org("a"), F.org("b"), F.org("c")],
            obligations: [
                F.obligation("a", from: "2027-03-01", to: "2027-03-31", count: 2, cadence: .month),
                F.obligation("b", from: "2027-07-01", to: "2027-12-31", cadence: .halfYear, types: ["onsite"]),
                F.obligation("c", from: "2027-01-01", to: "2027-12-31", done: 1),
            ]
        )
        let plan = try #require(try F.plan(problem))
        let a = plan.drills.filter { $0.organization == "a" }
        let b = plan.drills.filter { $0.organization == "b" }
        #expect(a.count == 2)
        #expect(a.allSatisfy { $0.date.month == 3 && $0.date.weekday <= 5 })
        #expect(Set(a.map(\.date)).count == 2)  // two different days
        #expect(b.count == 1 && b[0].type == "onsite" && b[0].date.month >= 7)
        #expect(plan.drills.filter { $0.organization == "c" }.isEmpty)
        #expect(plan.alreadyMet == 1)
    }

    @Test func drillsAvoidHolidaysBlackoutsAndWeekends() throws {
        // March 2027 closed except 29–31 March (Mon–Wed): three drills must take exactly those days.
        var calendar = F.plainCalendar
        calendar.closures = [
            .init(name: "春季检修", kind: .blackout, first: F.date("2027-03-01"), last: F.date("2027-03-28")),
        ]
        let problem = DrillScheduleProblem(
            year: 2027, calendar: calendar, settings: F.hardOnly,
            organizations: [F.org("a")],
            obligations: [F.obligation("a", from: "2027-03-01", to: "2027-03-31", count: 3, cadence: .month)]
        )
        let plan = try #require(try F.plan(problem))
        #expect(plan.drills.map(\.date.description).sorted() == ["2027-03-29", "2027-03-30", "2027-03-31"])
    }

    @Test func organisationUnavailableDatesAreAvoided() throws {
        // Unavailable 1–30 March: the only March weekday left is Wednesday 31 March.
        let problem = DrillScheduleProblem(
            year: 2027, calendar: F.plainCalendar, settings: F.hardOnly,
            organizations: [F.org("a", unavailable: [F.date("2027-03-01")...F.date("2027-03-30")])],
            obligations: [F.obligation("a", from: "2027-03-01", to: "2027-03-31", cadence: .month)]
        )
        let plan = try #require(try F.plan(problem))
        #expect(plan.drills.map(\.date.description) == ["2027-03-31"])
    }

    @Test func blackoutLeavingNoDayIsExplained() throws {
        var calendar = F.plainCalendar
        calendar.closures = [.init(name: "春节", kind: .holiday, first: F.date("2027-02-01"), last: F.date("2027-02-28"))]
        let problem = DrillScheduleProblem(
            year: 2027, calendar: calendar, settings: F.hardOnly,
            organizations: [F.org("a"), F.org("b")],
            obligations: [
                F.obligation("a", "monthly", from: "2027-02-01", to: "2027-02-28", cadence: .month, period: "2027-02"),
                F.obligation("b", from: "2027-01-01", to: "2027-12-31"),
            ]
        )
        let why = try #require(try F.infeasibility(problem))
        #expect(why.blocked.count == 1)
        #expect(why.blocked[0].obligation.organization == "a")
        #expect(why.blocked[0].availableDays == 0)
        #expect(why.blocked[0].closures == ["春节 2027-02-01…2027-02-28"])
        #expect(why.overloads.isEmpty)
    }

    @Test func observersPerWeekIsHonoured() throws {
        // Four organisations must drill in the week of Monday 1 March; observers attend 2 a week,
        // so the other two must use 8–12 March (their windows run to 12 March).
        var settings = F.hardOnly
        settings.observers = .init(perWeek: 2)
        let problem = DrillScheduleProblem(
            year: 2027, calendar: F.plainCalendar, settings: settings,
            organizations: ["a", "b", "c", "d"].map { F.org($0) },
            obligations: ["a", "b", "c", "d"].map { F.obligation($0, from: "2027-03-01", to: "2027-03-12", cadence: .month) }
        )
        let plan = try #require(try F.plan(problem))
        #expect(plan.drills.count == 4)
        let firstWeek = plan.drills.filter { $0.date <= F.date("2027-03-07") }.count
        #expect(firstWeek == 2)
    }

    @Test func observerShortageIsExplainedWithTheWeekAndTheObligations() throws {
        // Three drills in one week, observers attend 2: no plan; the week and all three are named.
        var settings = F.hardOnly
        settings.observers = .init(perWeek: 2)
        let problem = DrillScheduleProblem(
            year: 2027, calendar: F.plainCalendar, settings: settings,
            organizations: ["a", "b", "c"].map { F.org($0) },
            obligations: ["a", "b", "c"].map { F.obligation($0, from: "2027-03-01", to: "2027-03-05", cadence: .month) }
        )
        let why = try #require(try F.infeasibility(problem))
        #expect(why.blocked.isEmpty)
        #expect(why.overloads.count == 1)
        let overload = try #require(why.overloads.first)
        #expect(overload.capacity == .observers)
        #expect(overload.period == "week of 2027-03-01")
        #expect(overload.limit == 2 && overload.needed == 3)
        #expect(overload.obligations.count == 3)
        #expect(why.proven)
    }

    @Test func teamPerMonthIsHonouredAndItsShortageExplained() throws {
        // The fire team joins at most 1 drill a month. a: March; b, c: March–May → one a month.
        var settings = F.hardOnly
        settings.teams = [.init(id: "fire-rescue", name: "县消防救援大队", perMonth: 1, joins: DrillSelector(types: ["comprehensive"]))]
        let obligations = [
            F.obligation("a", from: "2027-03-01", to: "2027-03-31", types: ["comprehensive"]),
            F.obligation("b", from: "2027-03-01", to: "2027-05-31", types: ["comprehensive"]),
            F.obligation("c", from: "2027-03-01", to: "2027-05-31", types: ["comprehensive"]),
        ]
        let problem = DrillScheduleProblem(
            year: 2027, calendar: F.plainCalendar, settings: settings,
            organizations: ["a", "b", "c"].map { F.org($0) }, obligations: obligations
        )
        let plan = try #require(try F.plan(problem))
        #expect(plan.drills.map(\.date.month).sorted() == [3, 4, 5])
        #expect(plan.drills.first { $0.organization == "a" }?.date.month == 3)

        // Shrink b and c to March–April: three drills, two months, one a month → no plan.
        var tight = problem
        tight.obligations[1].last = F.date("2027-04-30")
        tight.obligations[2].last = F.date("2027-04-30")
        let why = try #require(try F.infeasibility(tight))
        try #require(why.overloads.count == 1)
        #expect(why.overloads[0].capacity == .team(id: "fire-rescue"))
        #expect(why.overloads[0].limit == 1 && why.overloads[0].needed == 2)
        #expect(why.overloads[0].obligations.count == 2)
    }

    @Test func heldDrillsCountAndUseCapacity() throws {
        // a held an observed drill on Wed 3 March; observers attend 1 a week; b must drill 1–12 March
        // → b goes to the week of 8 March. a's obligation is done, so nothing is planned for a.
        var settings = F.hardOnly
        settings.observers = .init(perWeek: 1)
        let problem = DrillScheduleProblem(
            year: 2027, calendar: F.plainCalendar, settings: settings,
            organizations: [F.org("a"), F.org("b")],
            obligations: [
                F.obligation("a", from: "2027-03-01", to: "2027-03-31", done: 1),
                F.obligation("b", from: "2027-03-01", to: "2027-03-12"),
            ],
            held: [HeldDrill(organization: "a", date: F.date("2027-03-03"), type: "special")]
        )
        let plan = try #require(try F.plan(problem))
        #expect(plan.drills.count == 1)
        #expect(plan.drills[0].organization == "b")
        #expect(plan.drills[0].date >= F.date("2027-03-08") && plan.drills[0].date <= F.date("2027-03-12"))
    }

    @Test func oneDrillCountsTowardSeveralObligations() throws {
        // A yearly any-type rule and a half-yearly onsite rule: two onsite drills cover all three.
        let problem = DrillScheduleProblem(
            year: 2027, calendar: F.plainCalendar, settings: F.hardOnly,
            organizations: [F.org("a")],
            obligations: [
                F.obligation("a", "year-any", from: "2027-01-01", to: "2027-12-31"),
                F.obligation("a", "onsite-h", from: "2027-01-01", to: "2027-06-30", cadence: .halfYear, types: ["onsite"]),
                F.obligation("a", "onsite-h", from: "2027-07-01", to: "2027-12-31", cadence: .halfYear, types: ["onsite"]),
            ]
        )
        let plan = try #require(try F.plan(problem))
        #expect(plan.drills.count == 2)
        #expect(plan.drills.allSatisfy { $0.type == "onsite" })
    }
}
