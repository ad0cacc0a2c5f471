import YubeiDrills

/// The `--json` document of `yubei drills plan`, written with ``ReportJSON`` (snake_case keys by
/// the encoder's strategy).
public struct DrillPlanJSON: Encodable, Sendable {
    struct Preference: Encodable, Sendable {
        var kind: String, name: String, hazard: String?, weight: Double, met: Int, applicable: Int
    }
    struct Blocked: Encodable, Sendable {
        var organization: String, rule: String, period: String, needed: Int, availableDays: Int
        var closures: [String], unavailable: [String]
    }
    struct Overload: Encodable, Sendable {
        var capacity: String, period: String, limit: Int, needed: Int, obligations: [String]
    }
    var year: Int
    /// Whether a plan was made.
    public enum Status: String, Encodable, Sendable {
        case planned
        case noPlan = "no-plan"
    }

    var status: Status
    var drills: Int?
    var organizations: Int?
    var out: String?
    var files: [String]?
    var preferences: [Preference]?
    var drillsPerMonth: [Int]?
    var deferred: Int?
    var blocked: [Blocked]?
    var overloads: [Overload]?
    var proven: Bool?

    public init(year: Int, plan: DrillPlan, out: String, files: [String]) {
        self.year = year
        status = .planned
        drills = plan.drills.count
        organizations = Set(plan.drills.map(\.organization)).count
        self.out = out
        self.files = files
        preferences = plan.preferences.map {
            Preference(kind: $0.kind.rawValue, name: $0.name, hazard: $0.hazard, weight: $0.weight, met: $0.met, applicable: $0.applicable)
        }
        drillsPerMonth = plan.load.drills
        deferred = plan.deferred.count
    }

    public init(year: Int, infeasibility why: ScheduleInfeasibility) {
        self.year = year
        status = .noPlan
        blocked = why.blocked.map {
            Blocked(organization: $0.obligation.organization, rule: $0.obligation.rule, period: $0.obligation.period,
                    needed: $0.obligation.outstanding, availableDays: $0.availableDays, closures: $0.closures, unavailable: $0.unavailable)
        }
        overloads = why.overloads.map {
            Overload(capacity: $0.capacity.id, period: $0.period, limit: $0.limit, needed: $0.needed, obligations: $0.obligations)
        }
        proven = why.proven
    }
}
