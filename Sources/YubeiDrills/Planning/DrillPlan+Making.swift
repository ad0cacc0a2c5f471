extension DrillScheduler {
    /// Turns the solved counts into dated drills and measures the soft preferences on the dates.
    ///
    /// Each drill of a slot goes to the organisation's free day in the slot with the fewest drills
    /// county-wide so far (then the earliest), never twice on one day for one organisation when
    /// the slot has room.
    ///
    /// - Complexity: O(drills × days per slot + organisations × obligations).
    func makePlan(prepared: PreparedProblem, counts: [[Int]], notes: [String]) -> DrillPlan {
        let year = problem.year
        let yearFirst = CalendarDate.firstDay(of: year), yearLast = CalendarDate.lastDay(of: year)
        var dayLoad: [Int: Int] = [:]
        for drill in problem.held where drill.date.year == year { dayLoad[drill.date.dayNumber, default: 0] += 1 }
        var drills: [PlannedDrill] = []
        var plannedByOrg: [Int: [PlannedDrill]] = [:]
        for (i, org) in prepared.orgs.enumerated() {
            var busy = Set(org.held.map(\.date.dayNumber))
            for (k, candidate) in org.candidates.enumerated() where counts[i][k] > 0 {
                let days = org.days[candidate.slot] ?? []
                let ranked = days.sorted {
                    (busy.contains($0.dayNumber) ? 1 : 0, dayLoad[$0.dayNumber] ?? 0, $0.dayNumber)
                        < (busy.contains($1.dayNumber) ? 1 : 0, dayLoad[$1.dayNumber] ?? 0, $1.dayNumber)
                }
                let drillClass = org.classes[candidate.drillClass]
                for n in 0..<counts[i][k] {
                    let date = ranked[n % ranked.count]
                    busy.insert(date.dayNumber)
                    dayLoad[date.dayNumber, default: 0] += 1
                    let counted = org.yearObligations.filter {
                        $0.allows(date, terms: problem.terms)
                            && $0.accepts(type: drillClass.type, form: drillClass.form, plan: drillClass.plan)
                    }.map { "\($0.rule) \($0.period)" }
                    let drill = PlannedDrill(
                        organization: org.organization.id, date: date, type: drillClass.type,
                        form: drillClass.form, plan: drillClass.plan, counts: counted
                    )
                    drills.append(drill)
                    plannedByOrg[i, default: []].append(drill)
                }
            }
        }
        drills.sort { ($0.date, $0.organization, $0.type) < ($1.date, $1.organization, $1.type) }

        // Soft preferences, measured on the final dates.
        let settings = problem.settings
        var outcomes: [PreferenceOutcome] = []
        for season in settings.seasons {
            let isAll = season.isForEveryOrganisation
            var outcome = PreferenceOutcome(
                kind: isAll ? .safetyMonth : .season, name: season.name, hazard: isAll ? nil : season.hazard,
                weight: isAll ? settings.weights.safetyMonth : settings.weights.season, applicable: 0, met: 0, unmet: []
            )
            for (i, org) in prepared.orgs.enumerated() where season.applies(toOrganisationWith: org.organization.hazards) {
                let heldIn = org.held.contains { season.contains($0.date) }
                let canPlan = org.candidates.contains { season.contains(prepared.slots[$0.slot].first) }
                guard heldIn || canPlan else { continue }
                outcome.applicable += 1
                if heldIn || (plannedByOrg[i] ?? []).contains(where: { season.contains($0.date) }) {
                    outcome.met += 1
                } else {
                    outcome.unmet.append(org.organization.id)
                }
            }
            outcomes.append(outcome)
        }
        var spacingOutcome = PreferenceOutcome(
            kind: .spacing, name: "half-yearly drills ≥ \(settings.spacingDays) days apart", hazard: nil,
            weight: settings.weights.spacing, applicable: 0, met: 0, unmet: []
        )
        for (i, org) in prepared.orgs.enumerated() {
            for pair in halfYearPairs(org, prepared: prepared) {
                let accepts = { (type: String, form: String, plan: String?) in pair.h1.accepts(type: type, form: form, plan: plan) }
                var dates = org.held.filter { accepts($0.type, $0.form, $0.plan) }.map(\.date)
                dates += (plannedByOrg[i] ?? []).filter { accepts($0.type, $0.form, $0.plan) }.map(\.date)
                let first = dates.filter { pair.h1.first <= $0 && $0 <= pair.h1.last }
                let second = dates.filter { pair.h2.first <= $0 && $0 <= pair.h2.last }
                guard let late = first.max(), let early = second.min() else { continue }
                spacingOutcome.applicable += 1
                if late.days(to: early) >= settings.spacingDays {
                    spacingOutcome.met += 1
                } else {
                    spacingOutcome.unmet.append("\(org.organization.id) \(pair.h1.rule): \(late) → \(early)")
                }
            }
        }
        outcomes.append(spacingOutcome)

        var perMonth = Array(repeating: 0, count: 12)
        for drill in drills { perMonth[drill.date.month - 1] += 1 }
        for drill in problem.held where drill.date.year == year { perMonth[drill.date.month - 1] += 1 }
        let total = perMonth.reduce(0, +)
        let totalDays = max(1, prepared.drillDaysPerMonth.reduce(0, +))
        let target = prepared.drillDaysPerMonth.map { Double(total) * Double($0) / Double(totalDays) }
        let deviation = zip(perMonth, target).reduce(0) { $0 + abs(Double($1.0) - $1.1) }
        let load = MonthlyLoad(drills: perMonth, drillDays: prepared.drillDaysPerMonth, target: target, deviation: deviation, weight: settings.weights.balance)

        let inYear = problem.obligations.filter { $0.last >= yearFirst && $0.first <= yearLast }
        return DrillPlan(
            year: year, drills: drills,
            alreadyMet: inYear.filter { $0.outstanding == 0 }.count,
            deferred: inYear.filter { $0.last > yearLast }.compactMap { ob -> DrillObligation? in
                // A window reaching past the year: what the year's planned drills leave of it.
                var rest = ob
                rest.done += drills.filter {
                    $0.organization == ob.organization && ob.allows($0.date, terms: problem.terms)
                        && ob.accepts(type: $0.type, form: $0.form, plan: $0.plan)
                }.count
                return rest.outstanding > 0 ? rest : nil
            },
            preferences: outcomes, load: load, solverNotes: notes, calendar: problem.calendar,
            obligations: inYear, spacingDays: settings.spacingDays
        )
    }
}
