import Foundation
@testable import YubeiDrills
import YubeiTestSupport

/// Small hand-checkable planning instances.
enum PlanningFixtures {
    static func date(_ text: String) -> CalendarDate { parsed(text) }

    /// 2027 with weekends only: no holidays, so every weekday is a drill day.
    static let plainCalendar = HolidayCalendar(year: 2027, name: "plain", origin: "test")

    static func org(_ id: String, kind: String = "enterprise", hazards: Set<String> = [], unavailable: [ClosedRange<CalendarDate>] = []) -> PlanningOrganization {
        PlanningOrganization(id: id, name: id, kind: kind, hazards: hazards, unavailable: unavailable)
    }

    static func obligation(
        _ org: String, _ rule: String = "r", from first: String, to last: String, count: Int = 1,
        cadence: Cadence = .year, types: Set<String>? = nil, done: Int = 0, period: String? = nil
    ) -> DrillObligation {
        DrillObligation(
            organization: org, rule: rule, period: period ?? "\(first)…\(last)", cadence: cadence,
            first: date(first), last: date(last), required: count, done: done, types: types
        )
    }

    /// Settings with every soft preference off, so only the hard constraints shape the plan.
    static var hardOnly: PlanningSettings {
        var settings = PlanningSettings()
        settings.weights.season = 0
        settings.weights.safetyMonth = 0
        settings.weights.spacing = 0
        settings.weights.balance = 0
        return settings
    }

    static func plan(_ problem: DrillScheduleProblem, options: DrillScheduler.Options = .init()) throws -> DrillPlan? {
        if case .planned(let plan) = try DrillScheduler(problem: problem, options: options).schedule() { return plan }
        return nil
    }

    static func infeasibility(_ problem: DrillScheduleProblem) throws -> ScheduleInfeasibility? {
        if case .impossible(let why) = try DrillScheduler(problem: problem).schedule() { return why }
        return nil
    }
}
