/// An organisation as the planner sees it: who it is, what hazards it faces and when it cannot drill.
public struct PlanningOrganization: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var kind: String
    public var sectors: [String]
    public var hazards: Set<String>
    /// Dates on which the organisation cannot hold a drill.
    public var unavailable: [ClosedRange<CalendarDate>]

    public init(
        id: String, name: String = "", kind: String, sectors: [String] = [],
        hazards: Set<String> = [], unavailable: [ClosedRange<CalendarDate>] = []
    ) {
        self.id = id
        self.name = name.isEmpty ? id : name
        self.kind = kind
        self.sectors = sectors
        self.hazards = hazards
        self.unavailable = unavailable
    }

    /// Whether the organisation has blocked `date`.
    public func isUnavailable(on date: CalendarDate) -> Bool {
        unavailable.contains { $0.contains(date) }
    }
}

/// The demand the planner must meet: `count` more drills by one organisation, of one of
/// `types`, dated inside one rule window.
///
/// One drill counts toward every obligation of its organisation whose window contains its date
/// and whose types include its type (and whose plan, under per-plan counting, is its plan),
/// exactly as `yubei drills check` counts it.
public struct DrillObligation: Sendable, Hashable {
    public var organization: String
    public var rule: String
    /// The period label (`2027-H1`, `2027-03`, `2026-2027`).
    public var period: String
    public var cadence: Cadence
    /// First and last day of the window, inclusive.
    public var first: CalendarDate
    public var last: CalendarDate
    /// Drills the rule requires in the window.
    public var required: Int
    /// Drills already held or pinned (from `--records`) that count toward it.
    public var done: Int
    /// Drill types that count (`comprehensive`, `special`, `onsite`); `nil` = any type.
    public var types: Set<String>?
    /// Drill forms that count (`live`, `tabletop`); `nil` = any form.
    public var forms: Set<String>?
    /// Under per-plan counting, the emergency plan (预案) this window is for.
    public var plan: String?
    /// The rule's source article, for reports.
    public var source: String
    /// The months of the year in which a drill counts toward it (`months:` and term months of the
    /// rule); `nil` = every month.
    public var months: Set<Int>?
    /// Whether its drills must fall on school-term days (`during: school-term`).
    public var schoolTermOnly: Bool = false
    /// For a `2-years`/`3-years` duty: the due date (the window's last day is the last day a
    /// drill keeps the duty in the plan year).
    public var due: CalendarDate?

    public init(
        organization: String, rule: String, period: String, cadence: Cadence,
        first: CalendarDate, last: CalendarDate, required: Int, done: Int = 0,
        types: Set<String>? = nil, forms: Set<String>? = nil, plan: String? = nil, source: String = ""
    ) {
        self.organization = organization
        self.rule = rule
        self.period = period
        self.cadence = cadence
        self.first = first
        self.last = last
        self.required = required
        self.done = done
        self.types = types
        self.forms = forms
        self.plan = plan
        self.source = source
    }

    /// Drills still to place.
    public var outstanding: Int { max(0, required - done) }

    /// Whether a drill of `type` and `form` (for `plan`) counts toward this obligation.
    public func accepts(type: String, form: String, plan drillPlan: String?) -> Bool {
        if let types, !types.contains(type) { return false }
        if let forms, !forms.contains(form) { return false }
        if let plan, plan != drillPlan { return false }
        return true
    }

    /// Whether a drill on `date` counts toward it: inside the window, in one of its months, and on
    /// a term day when it is bound to school terms.
    public func allows(_ date: CalendarDate, terms: SchoolTerms) -> Bool {
        first <= date && date <= last && (months?.contains(date.month) ?? true)
            && (!schoolTermOnly || terms.isTermDay(date))
    }

    /// `hengda-chem enterprise-onsite-half-year 2027-H1`.
    public var label: String {
        plan.map { "\(organization) \(rule) \(period) (\($0))" } ?? "\(organization) \(rule) \(period)"
    }
}

/// A drill that already took place or is pinned (from `--records`): it counts toward quotas
/// and uses capacity, and the planner does not move it.
public struct HeldDrill: Sendable, Hashable {
    public var organization: String
    public var date: CalendarDate
    public var type: String
    public var form: String
    public var plan: String?
    public init(organization: String, date: CalendarDate, type: String, form: String = "live", plan: String? = nil) {
        self.organization = organization
        self.date = date
        self.type = type
        self.form = form
        self.plan = plan
    }
}
