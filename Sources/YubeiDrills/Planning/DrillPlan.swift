/// Everything the planner needs for one year: the organisations, what they owe, what is already
/// held, the holiday calendar and the planner's settings.
public struct DrillScheduleProblem: Sendable {
    public var year: Int
    public var calendar: HolidayCalendar
    public var settings: PlanningSettings
    public var organizations: [PlanningOrganization]
    /// Obligations of the year, with `done` already counting the held drills.
    public var obligations: [DrillObligation]
    /// Drills held or pinned (any year; those of the plan year use capacity).
    public var held: [HeldDrill]
    /// The school terms, for obligations bound to them.
    public var terms: SchoolTerms

    public init(
        year: Int, calendar: HolidayCalendar, settings: PlanningSettings = PlanningSettings(),
        organizations: [PlanningOrganization], obligations: [DrillObligation], held: [HeldDrill] = [],
        terms: SchoolTerms = .shipped
    ) {
        self.terms = terms
        self.year = year
        self.calendar = calendar
        self.settings = settings
        self.organizations = organizations
        self.obligations = obligations
        self.held = held
    }
}

/// One drill the plan places.
public struct PlannedDrill: Sendable, Hashable {
    public var organization: String
    public var date: CalendarDate
    public var type: String
    public var form: String
    public var plan: String?
    /// Labels of the obligations it counts toward (`rule period`).
    public var counts: [String]

    public init(organization: String, date: CalendarDate, type: String, form: String, plan: String?, counts: [String]) {
        self.organization = organization
        self.date = date
        self.type = type
        self.form = form
        self.plan = plan
        self.counts = counts
    }
}

/// How well the plan meets one soft preference: `met` of `applicable` cases.
public struct PreferenceOutcome: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case season, safetyMonth = "safety-month", spacing }
    public var kind: Kind
    /// The season name, or `half-year spacing ≥ 91 days`.
    public var name: String
    public var hazard: String?
    public var weight: Double
    public var applicable: Int
    public var met: Int
    /// Organisations (or obligations) not met, for the report.
    public var unmet: [String]

    public var share: Double { applicable == 0 ? 1 : Double(met) / Double(applicable) }
}

/// How evenly the drills spread over the months.
public struct MonthlyLoad: Sendable, Hashable {
    /// Drills per month (planned plus held in the plan year), index 0 = January.
    public var drills: [Int]
    /// Days on which the calendar allows drills, per month.
    public var drillDays: [Int]
    /// The load each month would carry if drills followed working days exactly.
    public var target: [Double]
    /// Σ |drills − target| over the months.
    public var deviation: Double
    public var weight: Double
}

/// The year's drill plan: each drill on a day, with what it counts toward, how well the soft
/// preferences were met, and what was left for a later year.
public struct DrillPlan: Sendable {
    public var year: Int
    public var drills: [PlannedDrill]
    /// Obligations already met by held drills.
    public var alreadyMet: Int
    /// Obligations of windows that end after the plan year: not required this year.
    public var deferred: [DrillObligation]
    public var preferences: [PreferenceOutcome]
    public var load: MonthlyLoad
    /// How the solve went: programs, their status and time.
    public var solverNotes: [String]
    public var calendar: HolidayCalendar
    /// All obligations of the plan year's windows (met, planned or deferred).
    public var obligations: [DrillObligation]
    /// The spacing asked for half-yearly drills.
    public var spacingDays: Int
}

/// Why no plan exists.
public struct ScheduleInfeasibility: Sendable, Error {
    /// An obligation that cannot be placed on its own: its window holds no usable day, or too few.
    public struct Blocked: Sendable, Hashable {
        public var obligation: DrillObligation
        /// Days in the window (within the plan year) on which the organisation could drill.
        public var availableDays: Int
        /// Holidays and blackouts (by name) and unavailable ranges inside the window.
        public var closures: [String]
        public var unavailable: [String]
    }

    /// A shared capacity that the obligations need more of than it has.
    public struct Overload: Sendable, Hashable {
        /// The observers or one team.
        public var capacity: DrillCapacity
        public var capacityName: String
        /// `week of 2027-03-01` or `2027-03`.
        public var period: String
        public var limit: Int
        /// Drills the best relaxed plan puts there.
        public var needed: Int
        /// Obligations whose drills the relaxed plan puts there.
        public var obligations: [String]
    }

    public var blocked: [Blocked]
    public var overloads: [Overload]
    /// `true` when the overloads come from a solve proven optimal (so they are unavoidable);
    /// `false` when the solver stopped at its limit.
    public var proven: Bool
}
