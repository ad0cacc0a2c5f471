/// Building the planner's demand from what `yubei drills check` knows.
extension DrillScheduleProblem {
    /// The problem of planning `year` for the organisations and rule packs of `registry`, with
    /// `records` (held or pinned drills) already counted.
    ///
    /// The outstanding quotas come from ``DrillCheck/run(orgs:records:year:asOf:correctiveActions:)``
    /// itself, so the plan is made against exactly what the check will judge: one obligation per
    /// (organisation, rule, period), or per plan document under per-plan counting.
    ///
    /// A `2-years`/`3-years` duty becomes an obligation whose window runs from 1 January to its
    /// due date (to 31 December when the due date has passed before the year; deferred, ending
    /// after the year, when it falls due later). A rule limited to months or school terms gives
    /// obligations that only drills in those months (on term days) serve.
    ///
    /// - Complexity: that of the check, plus O(results).
    public init(
        registry: OrganizationRegistry, records: [DrillRecord], year: Int,
        calendar: HolidayCalendar, settings: PlanningSettings = PlanningSettings(), terms: SchoolTerms = .shipped
    ) {
        let report = DrillCheck.run(orgs: registry, records: records, year: year, terms: terms)
        let yearFirst = CalendarDate.firstDay(of: year), yearLast = CalendarDate.lastDay(of: year)
        var rulesByID: [String: Rule] = [:]
        for rule in registry.rules where rulesByID[rule.id] == nil { rulesByID[rule.id] = rule }
        var orgsByID: [String: Organization] = [:]
        for org in registry.organizations { orgsByID[org.id] = org }

        var obligations: [DrillObligation] = []
        for result in report.results {
            guard let rule = rulesByID[result.rule] else { continue }
            let types = rule.types.isEmpty ? nil : Set(rule.types.map(\.rawValue))
            let forms = rule.forms.isEmpty ? nil : Set(rule.forms.map(\.rawValue))
            var first = result.period.start, last = result.period.end
            if result.period.isInterval {
                // Place the next drill inside the year, by the due date; overdue: any day of the year.
                first = yearFirst
                last = result.period.end < yearFirst ? yearLast : result.period.end
            }
            var base = DrillObligation(
                organization: result.organization, rule: rule.id, period: result.period.label,
                cadence: result.period.cadence, first: first, last: last,
                required: result.required, done: result.done, types: types, forms: forms,
                source: rule.source
            )
            if result.period.isInterval { base.due = result.period.end }
            if rule.isSeasonal {
                base.months = rule.activeMonths(in: year, terms: terms)
                base.schoolTermOnly = rule.during == .schoolTerm
            }
            if result.counting == .perPlan, let org = orgsByID[result.organization] {
                for tally in result.plans {
                    var ob = base
                    ob.plan = tally.plan
                    ob.required = tally.required
                    ob.done = min(tally.done, tally.required)
                    if let planType = org.plans.first(where: { $0.id == tally.plan })?.type {
                        ob.types = [planType.rawValue]
                    }
                    obligations.append(ob)
                }
            } else {
                obligations.append(base)
            }
        }
        let organizations = registry.organizations.map { org in
            PlanningOrganization(
                id: org.id, name: org.name, kind: org.kind.rawValue, sectors: org.sectors,
                hazards: org.hazards.isEmpty
                    ? PlanningSettings.defaultHazards(kind: org.kind.rawValue, sectors: org.sectors)
                    : Set(org.hazards),
                unavailable: org.unavailable.map { $0.from...$0.to }
            )
        }
        let held = records.map {
            HeldDrill(organization: $0.organization, date: $0.date, type: $0.type.rawValue, form: $0.form.rawValue, plan: $0.plan)
        }
        self.init(year: year, calendar: calendar, settings: settings, organizations: organizations,
                  obligations: obligations, held: held, terms: terms)
    }
}

extension DrillPlan {
    /// The planned drills as records (`evaluation_report` and `reported_to_county` = `planned`),
    /// in date order: the rows of plan.csv.
    public var records: [DrillRecord] {
        drills.compactMap { drill in
            guard let type = DrillType(rawValue: drill.type) else { return nil }
            return DrillRecord(
                organization: drill.organization, date: drill.date, type: type,
                form: DrillForm(rawValue: drill.form) ?? .live, plan: drill.plan, participants: nil,
                evaluationReport: .planned, reportedToCounty: .planned
            )
        }
    }

    /// The check of the plan year on `held` plus this plan: nothing may be `missed`.
    public func check(registry: OrganizationRegistry, held: [DrillRecord], terms: SchoolTerms = .shipped) -> DrillCheckReport {
        DrillCheck.run(orgs: registry, records: held + records, year: year, terms: terms)
    }
}
