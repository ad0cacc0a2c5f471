import YubeiCore
import YubeiDrills

/// Why no drill plan exists, as lines for the terminal: each obligation that cannot be placed
/// with the holidays, blackouts or unavailable dates that block it, and each capacity that is
/// short with the week or month and the obligations competing for it.
public enum DrillPlanExplanation {
    public static func lines(_ why: ScheduleInfeasibility, year: Int, directory: DrillPlanReport.Directory, language l: Language) -> [String] {
        let T = DrillPlanText.self
        var lines = [T.noPlan(year: year, proven: why.proven)(l)]
        for b in why.blocked {
            let ob = b.obligation
            let first = max(ob.first, CalendarDate.firstDay(of: year)), last = min(ob.last, CalendarDate.lastDay(of: year))
            let label = "\(directory.name(ob.organization)) (\(ob.organization)) \(ob.rule) \(ob.period)\(ob.plan.map { " [\($0)]" } ?? "")"
            lines.append("  " + T.blocked(label, window: "\(first)…\(last)", available: b.availableDays, needed: ob.outstanding,
                                          closures: b.closures, unavailable: b.unavailable)(l))
        }
        for o in why.overloads {
            let capacity = o.capacity == .observers ? "\(T.observers(l)) (≤ \(o.limit) \(T.perWeek(l)))" : "\(o.capacityName) (\(o.capacity.id), ≤ \(o.limit) \(T.perMonth(l)))"
            lines.append("  " + T.overload(capacity: capacity, period: o.period, limit: o.limit, needed: o.needed, obligations: o.obligations)(l))
        }
        return lines
    }
}
