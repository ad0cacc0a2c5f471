import YubeiDrills

/// The `--json` document of `yubei drills check`, exactly as FORMATS.md §3 gives it, plus
/// added keys: `dueSoon`, `correctiveActions`, `planEvaluations`, and `plans` on per-plan results.
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
    }

    public struct FindingEntry: Encodable, Sendable {
        public var organization: String
        public var date: CalendarDate
        public var issue: FindingIssue
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

    public init(_ report: DrillCheckReport) {
        year = report.year
        asOf = report.asOf
        results = report.results.map {
            Result(organization: $0.organization, rule: $0.rule, period: $0.period.label, required: $0.required,
                   done: $0.done, status: $0.status, plans: $0.counting == .perPlan ? $0.plans : nil)
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
        planEvaluations = report.planEvaluations.map {
            Evaluation(organization: $0.organization, plan: $0.plan, lastEvaluated: $0.lastEvaluated,
                       dueDate: $0.dueDate, overdue: $0.overdue)
        }
    }
}
