import YubeiDrills

/// The `--json` document of `yubei drills check`, exactly as FORMATS.md §3 gives it, plus
/// added keys: `dueSoon`, `correctiveActions`, `planEvaluations`, `duplicates`, `plans` on
/// per-plan results and `due` on `2-years`/`3-years` results.
/// Written with ``ReportJSON`` (snake_case keys by the encoder's strategy).
public struct DrillCheckJSON: Encodable, Sendable {
    public struct Result: Encodable, Sendable {
        public var organization: String
        public var rule: String
        public var period: String
        public var required: Int
        public var done: Int
        public var status: QuotaStatus
        /// Per-plan results only.
        public var plans: [PlanTally]?
        /// `2-years`/`3-years` results only: the due date (the end of the `START/DUE` period).
        public var due: CalendarDate?
    }

    public struct FindingEntry: Encodable, Sendable {
        public var organization: String
        public var date: CalendarDate
        public var issue: FindingIssue
    }

    /// A drill listed twice: where it was kept and where it was left out (`FILE:ROW`).
    public struct Duplicate: Encodable, Sendable {
        public var organization: String
        public var date: CalendarDate
        public var type: DrillType
        public var plan: String?
        public var first: String
        public var duplicate: String
    }

    public struct Summary: Encodable, Sendable {
        public var met: Int
        public var missed: Int
        public var due: Int
    }

    public struct DueSoon: Encodable, Sendable {
        public var organization: String
        public var rule: String
        public var period: String
        public var ends: CalendarDate
        public var required: Int
        public var done: Int
    }

    public struct Action: Encodable, Sendable {
        public var organization: String
        public var drillDate: CalendarDate
        public var action: String
        public var owner: String
        public var dueDate: CalendarDate
        public var overdue: Bool
    }

    public struct Evaluation: Encodable, Sendable {
        public var organization: String
        public var plan: String
        public var lastEvaluated: CalendarDate
        public var dueDate: CalendarDate
        public var overdue: Bool
    }

    public var year: Int
    public var asOf: CalendarDate
    public var results: [Result]
    public var findings: [FindingEntry]
    public var summary: Summary
    public var dueSoon: [DueSoon]
    public var correctiveActions: [Action]
    public var planEvaluations: [Evaluation]
    public var duplicates: [Duplicate]

    public init(_ report: DrillCheckReport) {
        year = report.year
        asOf = report.asOf
        results = report.results.map {
            Result(organization: $0.organization, rule: $0.rule, period: $0.period.label, required: $0.required,
                   done: $0.done, status: $0.status, plans: $0.counting == .perPlan ? $0.plans : nil,
                   due: $0.period.isInterval ? $0.period.end : nil)
        }
        findings = report.findings.map { FindingEntry(organization: $0.organization, date: $0.date, issue: $0.issue) }
        summary = Summary(met: report.count(.met), missed: report.count(.missed), due: report.count(.due))
        dueSoon = report.dueSoon.map {
            DueSoon(organization: $0.organization, rule: $0.rule, period: $0.period.label, ends: $0.period.end,
                    required: $0.required, done: $0.done)
        }
        correctiveActions = report.openActions.map {
            Action(organization: $0.organization, drillDate: $0.drillDate, action: $0.action, owner: $0.owner,
                   dueDate: $0.dueDate, overdue: $0.isOverdue(asOf: report.asOf))
        }
        duplicates = report.duplicates.map {
            Duplicate(organization: $0.kept.organization, date: $0.kept.date, type: $0.kept.type, plan: $0.kept.plan,
                      first: $0.kept.position, duplicate: $0.duplicate.position)
        }
        planEvaluations = report.planEvaluations.map {
            Evaluation(organization: $0.organization, plan: $0.plan, lastEvaluated: $0.lastEvaluated,
                       dueDate: $0.dueDate, overdue: $0.overdue)
        }
    }
}
