/// Where one (organisation, rule, period) stands (FORMATS.md §3 `status`).
public enum QuotaStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Enough drills.
    case met
    /// The period has ended short.
    case missed
    /// The period has not ended and is short.
    case due
}

/// Drills of one plan document in a per-plan result.
public struct PlanTally: Sendable, Hashable, Codable {
    /// Plan id (orgs.yaml `plans[].id`, records' `plan` column).
    public var plan: String
    public var required: Int
    public var done: Int

    public init(plan: String, required: Int, done: Int) {
        self.plan = plan
        self.required = required
        self.done = done
    }

    public var isMet: Bool { done >= required }
}

/// One (organisation, rule, period) of the check.
public struct QuotaResult: Sendable, Hashable {
    public var organization: String
    public var rule: String
    public var period: Period
    /// Drills required (for per-plan rules: `at_least` × number of plans).
    public var required: Int
    /// Drills that count (for per-plan rules: per plan capped at `at_least`, summed).
    public var done: Int
    public var status: QuotaStatus
    /// How the rule was counted here.
    public var counting: Counting
    /// Per plan, when counted per plan; empty otherwise.
    public var plans: [PlanTally]
    /// Rows of the records that counted.
    public var countedRows: [Int]

    public init(
        organization: String, rule: String, period: Period, required: Int, done: Int, status: QuotaStatus,
        counting: Counting = .perUnit, plans: [PlanTally] = [], countedRows: [Int] = []
    ) {
        self.organization = organization
        self.rule = rule
        self.period = period
        self.required = required
        self.done = done
        self.status = status
        self.counting = counting
        self.plans = plans
        self.countedRows = countedRows
    }

    /// Drills still owed (0 when met).
    public var shortfall: Int { max(0, required - done) }
}

/// What a finding is about (FORMATS.md §3 `issue`).
public enum FindingIssue: String, Sendable, Hashable, CaseIterable, Codable {
    /// No evaluation report after the drill (应急管理部令第2号 第三十四条).
    case noEvaluationReport = "no-evaluation-report"
    /// A unit of 国务院令第708号 第八条第二款 did not report the drill to the county.
    case notReportedToCounty = "not-reported-to-county"
}

/// A drill that counted but was not followed up as the rules ask.
public struct Finding: Sendable, Hashable {
    public var organization: String
    public var date: CalendarDate
    public var issue: FindingIssue
    /// Row of the drill in its records file.
    public var row: Int
    /// The records file ("" when built in code).
    public var file: String

    public init(organization: String, date: CalendarDate, issue: FindingIssue, row: Int = 0, file: String = "") {
        self.file = file
        self.organization = organization
        self.date = date
        self.issue = issue
        self.row = row
    }
}

/// A corrective action from a drill's improvement plan (HSEEP AAR/IP; 第三十四条 evaluation),
/// one row of the corrective-actions CSV.
public struct CorrectiveAction: Sendable, Hashable {
    public var organization: String
    public var drillDate: CalendarDate
    public var action: String
    public var owner: String
    public var dueDate: CalendarDate
    /// When the action was closed; `nil` while open.
    public var closedDate: CalendarDate?
    public var row: Int

    public init(
        organization: String, drillDate: CalendarDate, action: String, owner: String, dueDate: CalendarDate,
        closedDate: CalendarDate? = nil, row: Int = 0
    ) {
        self.organization = organization
        self.drillDate = drillDate
        self.action = action
        self.owner = owner
        self.dueDate = dueDate
        self.closedDate = closedDate
        self.row = row
    }

    /// Open on `asOf`: not closed, or closed only after `asOf`.
    public func isOpen(asOf: CalendarDate) -> Bool { closedDate.map { $0 > asOf } ?? true }

    /// Open and past its due date on `asOf`.
    public func isOverdue(asOf: CalendarDate) -> Bool { isOpen(asOf: asOf) && dueDate < asOf }
}

/// A plan whose 3-yearly evaluation (应急管理部令第2号 第三十五条) falls due by the end of the
/// checked year or within 30 days of the as-of date.
public struct PlanEvaluationDue: Sendable, Hashable {
    public var organization: String
    public var plan: String
    public var lastEvaluated: CalendarDate
    /// `lastEvaluated` + 3 years.
    public var dueDate: CalendarDate
    /// Whether the due date has passed on the as-of date.
    public var overdue: Bool

    public init(organization: String, plan: String, lastEvaluated: CalendarDate, dueDate: CalendarDate, overdue: Bool) {
        self.organization = organization
        self.plan = plan
        self.lastEvaluated = lastEvaluated
        self.dueDate = dueDate
        self.overdue = overdue
    }
}

/// Everything `yubei drills check` reports for one year.
public struct DrillCheckReport: Sendable, Hashable {
    public var year: Int
    /// The date judged from: `--as-of`, else 1 January of the next year.
    public var asOf: CalendarDate
    /// Whether `asOf` was given (`--as-of`) or is the default.
    public var asOfGiven: Bool
    /// One per (organisation, rule, period), organisations in file order, rules in pack order,
    /// periods in time order.
    public var results: [QuotaResult]
    public var findings: [Finding]
    /// Results still short whose period ends within 30 days after `asOf`.
    public var dueSoon: [QuotaResult]
    /// Corrective actions open on `asOf` (overdue ones first).
    public var openActions: [CorrectiveAction]
    public var planEvaluations: [PlanEvaluationDue]
    /// Records that repeat an earlier one (counted once).
    public var duplicates: [DuplicateRecord] = []
    /// What the check noticed besides its results, for standard error.
    public var warnings: [CheckWarning] = []

    public init(
        year: Int, asOf: CalendarDate, asOfGiven: Bool, results: [QuotaResult], findings: [Finding],
        dueSoon: [QuotaResult] = [], openActions: [CorrectiveAction] = [], planEvaluations: [PlanEvaluationDue] = []
    ) {
        self.year = year
        self.asOf = asOf
        self.asOfGiven = asOfGiven
        self.results = results
        self.findings = findings
        self.dueSoon = dueSoon
        self.openActions = openActions
        self.planEvaluations = planEvaluations
    }

    /// Results with `status`.
    public func count(_ status: QuotaStatus) -> Int { results.filter { $0.status == status }.count }

    /// Whether any result is `missed` (the command then exits 1).
    public var anyMissed: Bool { results.contains { $0.status == .missed } }

    /// Open actions past their due date.
    public var overdueActions: [CorrectiveAction] { openActions.filter { $0.isOverdue(asOf: asOf) } }
}
