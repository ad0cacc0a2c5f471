/// Judges drill records against the rule packs of an orgs file for one year
/// (`yubei drills check`, FORMATS.md §3).
///
/// As-of semantics, to the letter of the spec: a period has ended when `asOf` is after its
/// last day; only drills dated on or before `asOf` count. Without an as-of date the year is
/// judged from 1 January of the next year: every period inside the year has ended. `2-years` and
/// `3-years` rules are maximum intervals (``IntervalDuty``); rules limited to some months or to
/// school terms are judged on those months only (``Rule/activeMonths(in:terms:)``).
public enum DrillCheck {
    /// Days ahead that the "falls due soon" list looks.
    public static let lookaheadDays = 30

    /// The as-of date used when none is given: 1 January of the year after `year`.
    public static func defaultAsOf(year: Int) -> CalendarDate { CalendarDate.firstDay(of: year + 1) }

    /// Checks `records` against every rule binding each organisation of `orgs` in `year`.
    ///
    /// - Parameters:
    ///   - orgs: organisations and their rule packs (orgs.yaml).
    ///   - records: drills held, any year, from any number of files; a drill listed twice (same
    ///     organisation, date, type and plan) counts once and is reported as a duplicate. Records
    ///     of organisations not in `orgs` are ignored (the records reader refuses them).
    ///   - year: the year checked.
    ///   - asOf: the date judged from; `nil` = 1 January of `year + 1`.
    ///   - correctiveActions: the optional corrective-actions list.
    ///   - terms: the school terms for rules with `during: school-term`.
    /// - Complexity: O(R·P·D) for R (organisation, rule) pairs, P periods per rule and D drills
    ///   per organisation.
    public static func run(
        orgs: OrganizationRegistry, records: [DrillRecord], year: Int, asOf: CalendarDate? = nil,
        correctiveActions: [CorrectiveAction] = [], terms: SchoolTerms = .shipped
    ) -> DrillCheckReport {
        let judgedOn = asOf ?? defaultAsOf(year: year)
        let (unique, duplicates) = DuplicateRecord.removing(from: records)
        var byOrganization: [String: [DrillRecord]] = [:]
        for record in unique where record.date <= judgedOn {
            byOrganization[record.organization, default: []].append(record)
        }
        var results: [QuotaResult] = []
        var findings: [Finding] = []
        for organization in orgs.organizations {
            let held = (byOrganization[organization.id] ?? []).sorted { ($0.date, $0.row) < ($1.date, $1.row) }
            let rules = orgs.rules(for: organization)
            for rule in rules {
                if rule.every.years != nil {
                    results.append(IntervalDuty.judge(organization, rule, held: held, year: year, judgedOn: judgedOn,
                                                      asOfGiven: asOf != nil, terms: terms))
                    continue
                }
                for period in rule.periods(in: year, terms: terms)
                where organization.registered.map({ period.end >= $0 }) ?? true {
                    results.append(judge(organization, rule, period, held: held,
                                         counting: orgs.counting(of: rule), asOf: judgedOn, terms: terms))
                }
            }
            let mustReport = ReportDuty.applies(to: organization, boundBy: rules)
            for record in held where record.date.year == year {
                if record.evaluationReport == .no {
                    findings.append(Finding(organization: organization.id, date: record.date,
                                            issue: .noEvaluationReport, row: record.row, file: record.file))
                }
                if mustReport && record.reportedToCounty == .no {
                    findings.append(Finding(organization: organization.id, date: record.date,
                                            issue: .notReportedToCounty, row: record.row, file: record.file))
                }
            }
        }
        let horizon = judgedOn.adding(days: lookaheadDays)
        let dueSoon = results.filter { $0.status == .due && $0.period.end <= horizon }
            .sorted { ($0.period.end, $0.organization, $0.rule) < ($1.period.end, $1.organization, $1.rule) }
        let openActions = correctiveActions.filter { $0.isOpen(asOf: judgedOn) }.sorted {
            let a = ($0.isOverdue(asOf: judgedOn) ? 0 : 1, $0.dueDate, $0.row)
            let b = ($1.isOverdue(asOf: judgedOn) ? 0 : 1, $1.dueDate, $1.row)
            return a < b
        }
        var report = DrillCheckReport(
            year: year, asOf: judgedOn, asOfGiven: asOf != nil, results: results, findings: findings,
            dueSoon: dueSoon, openActions: openActions,
            planEvaluations: planEvaluations(orgs, year: year, asOf: judgedOn)
        )
        report.duplicates = duplicates
        report.warnings = warnings(orgs: orgs, records: unique, duplicates: duplicates, year: year, judgedOn: judgedOn,
                                   asOfGiven: asOf != nil, terms: terms)
        return report
    }

    /// What the check noticed besides its results (``CheckWarning``), in a fixed order:
    /// duplicates, the year without records, records after as-of, organisations without any
    /// record, school terms assumed.
    static func warnings(
        orgs: OrganizationRegistry, records: [DrillRecord], duplicates: [DuplicateRecord], year: Int,
        judgedOn: CalendarDate, asOfGiven: Bool, terms: SchoolTerms
    ) -> [CheckWarning] {
        var result = duplicates.map(CheckWarning.duplicate)
        let known = Set(orgs.organizations.map(\.id))
        let ours = records.filter { known.contains($0.organization) }
        if !ours.contains(where: { $0.date.year == year }) {
            result.append(.noRecordInYear(year: year, records: ours.count))
        }
        let late = ours.filter { $0.date > judgedOn }
        if let latest = late.map(\.date).max() {
            result.append(.recordsAfterAsOf(count: late.count, asOf: judgedOn, asOfGiven: asOfGiven, latest: latest))
        }
        let withRecords = Set(ours.map(\.organization))
        for organization in orgs.organizations where !withRecords.contains(organization.id) {
            result.append(.organizationWithoutRecords(organization: organization.id, name: organization.name))
        }
        let termBound = orgs.organizations.contains { organization in
            orgs.rules(for: organization).contains { $0.during == .schoolTerm }
        }
        if termBound && !terms.isKnown(year) { result.append(.schoolTermsAssumed(year: year)) }
        return result
    }

    /// One (organisation, rule, period).
    static func judge(
        _ organization: Organization, _ rule: Rule, _ period: Period, held: [DrillRecord], counting: Counting,
        asOf: CalendarDate, terms: SchoolTerms
    ) -> QuotaResult {
        let eligible = held.filter { period.contains($0.date) && $0.date <= asOf && rule.counts($0, terms: terms) }
        let plans = organization.plans.filter { rule.types.isEmpty || rule.types.contains($0.type) }
        var required = rule.atLeast
        var done = eligible.count
        var tallies: [PlanTally] = []
        var counted = eligible.map(\.row)
        if counting == .perPlan && !plans.isEmpty {
            tallies = plans.map { plan in
                PlanTally(plan: plan.id, required: rule.atLeast, done: eligible.filter { $0.plan == plan.id }.count)
            }
            required = rule.atLeast * plans.count
            done = tallies.reduce(0) { $0 + min($1.done, $1.required) }
            let ids = Set(plans.map(\.id))
            counted = eligible.filter { $0.plan.map(ids.contains) ?? false }.map(\.row)
        }
        let status: QuotaStatus = done >= required ? .met : period.hasEnded(asOf: asOf) ? .missed : .due
        return QuotaResult(
            organization: organization.id, rule: rule.id, period: period, required: required, done: done,
            status: status, counting: tallies.isEmpty ? .perUnit : .perPlan, plans: tallies, countedRows: counted
        )
    }

    /// Plans whose 3-year evaluation (第三十五条) is due by the end of `year` or within
    /// ``lookaheadDays`` of `asOf`, earliest first.
    static func planEvaluations(_ orgs: OrganizationRegistry, year: Int, asOf: CalendarDate) -> [PlanEvaluationDue] {
        let horizon = max(CalendarDate.lastDay(of: year), asOf.adding(days: lookaheadDays))
        var due: [PlanEvaluationDue] = []
        for organization in orgs.organizations {
            for plan in organization.plans {
                guard let last = plan.lastEvaluated else { continue }
                let dueDate = last.adding(years: 3)
                if dueDate <= horizon {
                    due.append(PlanEvaluationDue(organization: organization.id, plan: plan.id, lastEvaluated: last,
                                                 dueDate: dueDate, overdue: dueDate < asOf))
                }
            }
        }
        return due.sorted { ($0.dueDate, $0.organization, $0.plan) < ($1.dueDate, $1.organization, $1.plan) }
    }
}
