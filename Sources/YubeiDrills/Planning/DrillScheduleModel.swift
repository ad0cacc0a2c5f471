import Foundation
import YubeiOptimization

/// What one GLPK solve of a group of organisations returned.
struct GroupOutcome: Sendable {
    /// Drills per candidate, per organisation of the group (in group order).
    var counts: [[Int]]
    var overloads: [ScheduleInfeasibility.Overload]
    var shortages: [(obligation: Int, missing: Int)]
    /// How GLPK's solve ended; `nil` when the program was empty and nothing was solved.
    var status: SolveStatus?
    var objective: Double? = nil
    var bound: Double? = nil
    var isOptimal: Bool
    var time: Duration
    var variables: Int
    var rows: Int

    /// The status for the solver notes: `optimal (objective 12.0, bound 12.0)`, or `empty`.
    var statusNote: String {
        guard let status else { return "empty" }
        guard let objective, let bound else { return status.rawValue }
        return status.rawValue + String(format: " (objective %.1f, bound %.1f)", objective, bound)
    }
}

extension DrillScheduler {
    /// Builds and solves the program for the organisations `orgIndices`, with the capacities
    /// and month loads in `shared` already used.
    ///
    /// - Complexity: building is O(nonzeros); the solve is GLPK's branch-and-bound.
    func solve(orgIndices: [Int], prepared: PreparedProblem, shared: SharedLoad, timeLimit: Duration) throws -> GroupOutcome {
        let settings = prepared.settings
        let weights = settings.weights
        let slots = prepared.slots
        let spacing = settings.spacingDays
        var model = Model(name: "drill-plan")
        var objective = LinearExpression()
        let greedy = greedyCounts(orgIndices: orgIndices, prepared: prepared, shared: shared)
        // The greedy plan as GLPK's first incumbent: x from the greedy, every auxiliary at the
        // least value its row allows.
        var start: [Double] = []
        func startValue(_ row: LinearExpression) -> Double { row.evaluated(at: start) }
        var x: [[Variable]] = []

        var observedRows: [Int: LinearExpression] = [:]
        var teamRows: [[LinearExpression]] = Array(repeating: Array(repeating: LinearExpression(), count: 12), count: settings.teams.count)
        var teamUsed: [Set<Int>] = Array(repeating: [], count: settings.teams.count)
        var monthRows = Array(repeating: LinearExpression(), count: 12)
        var shortageVars: [(Variable, Int)] = []
        // For overload reports: which (group org, candidate) feed which capacity.
        var observedMembers: [Int: [(Int, Int)]] = [:]
        var teamMembers: [String: [(Int, Int)]] = [:]

        for (g, orgIndex) in orgIndices.enumerated() {
            let org = prepared.orgs[orgIndex]
            var vars: [Variable] = []
            vars.reserveCapacity(org.candidates.count)
            for (k, candidate) in org.candidates.enumerated() {
                let v = model.addVariable("", kind: .integer, lowerBound: 0, upperBound: Double(candidate.upper))
                start.append(Double(greedy[g][k]))
                vars.append(v)
                objective.add(drillCost, v)
                let slot = slots[candidate.slot]
                let type = org.classes[candidate.drillClass].type
                monthRows[slot.month - 1].add(1, v)
                if prepared.observerMatch(org.organization, type) {
                    observedRows[slot.week, default: LinearExpression()].add(1, v)
                    observedMembers[slot.week, default: []].append((g, k))
                }
                for t in settings.teams.indices where settings.teams[t].joins.matches(org.organization, type: type) {
                    teamRows[t][slot.month - 1].add(1, v)
                    teamUsed[t].insert(slot.month - 1)
                    teamMembers["\(t)/\(slot.month - 1)", default: []].append((g, k))
                }
            }
            x.append(vars)

            // Every obligation met in its window (an elastic shortage, priced far above any plan,
            // tells which obligation cannot be met when the organisation's own days run out).
            for (j, obIndex) in org.obligations.enumerated() {
                let ob = prepared.obligations[obIndex]
                let cover = Set(org.covers[j])
                var row = LinearExpression()
                for (k, candidate) in org.candidates.enumerated()
                where cover.contains(candidate.drillClass) && prepared.slot(candidate.slot, isIn: ob) {
                    row.add(1, vars[k])
                }
                let shortage = model.addVariable("", kind: .continuous, lowerBound: 0, upperBound: Double(ob.outstanding))
                start.append(max(0, Double(ob.outstanding) - startValue(row)))
                objective.add(shortageCost, shortage)
                shortageVars.append((shortage, obIndex))
                row.add(1, shortage)
                model.addConstraint(row >= Double(ob.outstanding))
            }

            // Seasons: at least one drill in each of the organisation's hazard seasons.
            for season in settings.seasons {
                let weight = season.hazard == "all" ? weights.safetyMonth : weights.season
                guard weight > 0, season.hazard == "all" || org.organization.hazards.contains(season.hazard) else { continue }
                if org.held.contains(where: { season.contains($0.date) }) { continue }
                var row = LinearExpression()
                for (k, candidate) in org.candidates.enumerated() where season.contains(slots[candidate.slot].first) {
                    row.add(1, vars[k])
                }
                guard !row.indices.isEmpty else { continue }
                let miss = model.addVariable("", kind: .continuous, lowerBound: 0, upperBound: 1)
                start.append(max(0, 1 - startValue(row)))
                objective.add(weight, miss)
                row.add(1, miss)
                model.addConstraint(row >= 1)
            }

            // Half-yearly pairs at least `spacing` days apart: for each H2 position p,
            // v ≥ [drill at p] + Σ H1 drills closer than `spacing` − 1.
            if weights.spacing > 0 {
                for pair in halfYearPairs(org, prepared: prepared) {
                    let (h1, h2) = (pair.h1, pair.h2)
                    let cover = Set(pair.cover)
                    let accepted = { (d: HeldDrill) in h1.accepts(type: d.type, form: d.form, plan: d.plan) }
                    let heldH1 = org.held.filter { accepted($0) && h1.first <= $0.date && $0.date <= h1.last }.map(\.date)
                    let heldH2 = org.held.filter { accepted($0) && h2.first <= $0.date && $0.date <= h2.last }.map(\.date)
                    let h1Candidates = org.candidates.indices.filter {
                        cover.contains(org.candidates[$0].drillClass) && prepared.slot(org.candidates[$0].slot, isIn: h1)
                    }
                    var positions: [(first: CalendarDate, terms: [Int], constant: Int)] = []
                    var bySlot: [Int: [Int]] = [:]
                    for k in org.candidates.indices
                    where cover.contains(org.candidates[k].drillClass) && prepared.slot(org.candidates[k].slot, isIn: h2) {
                        bySlot[org.candidates[k].slot, default: []].append(k)
                    }
                    for (s, ks) in bySlot.sorted(by: { $0.key < $1.key }) { positions.append((slots[s].first, ks, 0)) }
                    for d in heldH2 { positions.append((d, [], 1)) }
                    for p in positions {
                        var row = LinearExpression()
                        for k in p.terms { row.add(-1, vars[k]) }
                        for k in h1Candidates where p.first.dayNumber - slots[org.candidates[k].slot].last.dayNumber < spacing {
                            row.add(-1, vars[k])
                        }
                        guard !row.indices.isEmpty else { continue }
                        let heldClose = heldH1.filter { p.first.dayNumber - $0.dayNumber < spacing }.count
                        let v = model.addVariable("", kind: .continuous, lowerBound: 0, upperBound: nil)
                        start.append(max(0, Double(p.constant + heldClose - 1) - startValue(row)))
                        objective.add(weights.spacing, v)
                        row.add(1, v)
                        model.addConstraint(row >= Double(p.constant + heldClose - 1))
                    }
                }
            }
        }

        // Observers per week, teams per month: hard, with an elastic overload priced out of reach.
        var overloadVars: [(Variable, String, String, String, Int, Int, [(Int, Int)])] = []
        if let observers = settings.observers {
            for (week, var row) in observedRows.sorted(by: { $0.key < $1.key }) {
                let limit = observers.perWeek - (shared.observedPerWeek[week] ?? 0)
                let slack = model.addVariable("", kind: .continuous, lowerBound: 0, upperBound: nil)
                start.append(max(0, startValue(row) - Double(limit)))
                objective.add(overloadCost, slack)
                row.add(-1, slack)
                model.addConstraint(row <= Double(limit))
                overloadVars.append((slack, "observers", "observers", "week of \(CalendarDate(dayNumber: week))", observers.perWeek, shared.observedPerWeek[week] ?? 0, observedMembers[week] ?? []))
            }
        }
        for (t, team) in settings.teams.enumerated() {
            for month in teamUsed[t].sorted() {
                var row = teamRows[t][month]
                let limit = team.perMonth - shared.teamPerMonth[t][month]
                let slack = model.addVariable("", kind: .continuous, lowerBound: 0, upperBound: nil)
                start.append(max(0, startValue(row) - Double(limit)))
                objective.add(overloadCost, slack)
                row.add(-1, slack)
                model.addConstraint(row <= Double(limit))
                let label = "\(prepared.year)-" + (month < 9 ? "0\(month + 1)" : "\(month + 1)")
                overloadVars.append((slack, team.id, team.name, label, team.perMonth, shared.teamPerMonth[t][month], teamMembers["\(t)/\(month)"] ?? []))
            }
        }

        // Even load: month loads (with what is already placed) near their share of drill days.
        if weights.balance > 0 {
            let totalDays = prepared.drillDaysPerMonth.reduce(0, +)
            if totalDays > 0 {
                var loads: [Variable] = []
                for month in 0..<12 {
                    let load = model.addVariable("", kind: .continuous, lowerBound: 0, upperBound: nil)
                    start.append(startValue(monthRows[month]) + Double(shared.drillsPerMonth[month]))
                    var row = monthRows[month]
                    row.add(-1, load)
                    model.addConstraint(row == -Double(shared.drillsPerMonth[month]))
                    loads.append(load)
                }
                let total = model.addVariable("", kind: .continuous, lowerBound: 0, upperBound: nil)
                start.append(loads.reduce(0) { $0 + start[$1.index] })
                var totalRow = LinearExpression()
                for load in loads { totalRow.add(1, load) }
                totalRow.add(-1, total)
                model.addConstraint(totalRow == 0)
                for month in 0..<12 {
                    let share = Double(prepared.drillDaysPerMonth[month]) / Double(totalDays)
                    let over = model.addVariable("", kind: .continuous, lowerBound: 0, upperBound: nil)
                    let under = model.addVariable("", kind: .continuous, lowerBound: 0, upperBound: nil)
                    let deviation = start[loads[month].index] - share * start[total.index]
                    start.append(max(0, deviation - 0.5))
                    start.append(max(0, -deviation - 0.5))
                    objective.add(weights.balance, over)
                    objective.add(weights.balance, under)
                    // over ≥ load − share·T − ½ and under ≥ share·T − ½ − load: a load within half a
                    // drill of its target (always possible for an integer) costs nothing, which keeps
                    // the LP bound tight and branch-and-bound short.
                    var overRow = LinearExpression()
                    overRow.add(1, over)
                    overRow.add(-1, loads[month])
                    overRow.add(share, total)
                    model.addConstraint(overRow >= -0.5)
                    var underRow = LinearExpression()
                    underRow.add(1, under)
                    underRow.add(1, loads[month])
                    underRow.add(-share, total)
                    model.addConstraint(underRow >= -0.5)
                }
            }
        }

        model.minimize(objective)
        var solveOptions = SolveOptions()
        solveOptions.timeLimit = timeLimit
        // Stop once the incumbent is provably within ``absoluteTolerance`` of the optimum: the
        // objective is mostly the drills' cost, so a relative gap of 1e-6 would have GLPK chase
        // hundredths of a unit of balance for the whole time limit.
        let drillsAtLeast = orgIndices.reduce(0) { total, i in
            let org = prepared.orgs[i]
            var perRule: [String: Int] = [:]
            for j in org.obligations {
                let ob = prepared.obligations[j]
                perRule["\(ob.rule)/\(ob.plan ?? "")", default: 0] += ob.outstanding
            }
            return total + (perRule.values.max() ?? 0)
        }
        solveOptions.relativeGap = max(options.relativeGap, absoluteTolerance / (drillCost * Double(max(1, drillsAtLeast))))
        solveOptions.presolve = true
        solveOptions.initialSolution = start
        options.configureSolve?(&solveOptions)
        let variables = model.variables.count, rows = model.constraints.count
        if variables == 0 {
            return GroupOutcome(counts: orgIndices.map { _ in [] }, overloads: [], shortages: [], status: nil, isOptimal: true, time: .zero, variables: 0, rows: 0)
        }
        let result = try model.solve(options: solveOptions)
        guard let values = result.values else {
            throw Failure(description: "GLPK found no plan (\(result.status.rawValue): \(result.detail)) within \(timeLimit); try a longer time limit")
        }
        let counts = x.map { vars in vars.map { Int(values[$0.index].rounded()) } }
        var overloads: [ScheduleInfeasibility.Overload] = []
        for (slack, id, name, period, limit, before, members) in overloadVars where values[slack.index] > 0.5 {
            var labels: [String] = []
            for (g, k) in members where counts[g][k] > 0 {
                let org = prepared.orgs[orgIndices[g]]
                let candidate = org.candidates[k]
                for (j, obIndex) in org.obligations.enumerated()
                where org.covers[j].contains(candidate.drillClass) && prepared.slot(candidate.slot, isIn: prepared.obligations[obIndex]) {
                    let label = prepared.obligations[obIndex].label
                    if !labels.contains(label) { labels.append(label) }
                }
            }
            let used = members.reduce(0) { $0 + counts[$1.0][$1.1] }
            overloads.append(ScheduleInfeasibility.Overload(
                capacity: id, capacityName: name, period: period, limit: limit,
                needed: used + before, obligations: labels
            ))
        }
        let shortages = shortageVars.compactMap { v, ob -> (Int, Int)? in
            let missing = Int(values[v.index].rounded(.up) - (values[v.index] < 1e-6 ? 1 : 0))
            return values[v.index] > 1e-6 ? (ob, max(1, missing)) : nil
        }
        return GroupOutcome(
            counts: counts, overloads: overloads, shortages: shortages,
            status: result.status, objective: result.objectiveValue, bound: result.bestBound,
            isOptimal: result.termination == .optimal, time: result.solveTime, variables: variables, rows: rows
        )
    }

    /// H1/H2 obligation pairs of one rule whose drills should be 3 months apart: both half-years
    /// of the plan year, at least one still to place, and no shorter-window obligation of the
    /// organisation sharing their classes (monthly drills make spacing meaningless).
    func halfYearPairs(_ org: PreparedOrganization, prepared: PreparedProblem) -> [(h1: DrillObligation, h2: DrillObligation, cover: [Int])] {
        var result: [(DrillObligation, DrillObligation, [Int])] = []
        let all = org.yearObligations
        let active = org.obligations.map { prepared.obligations[$0] }
        var seen: Set<String> = []
        for ob in active where ob.cadence == .halfYear {
            let key = "\(ob.rule)/\(ob.plan ?? "")"
            guard !seen.contains(key) else { continue }
            seen.insert(key)
            let pair = all.filter { $0.cadence == .halfYear && $0.rule == ob.rule && $0.plan == ob.plan }
            guard let h1 = pair.first(where: { $0.first.month == 1 }), let h2 = pair.first(where: { $0.first.month == 7 }) else { continue }
            let cover = org.classes.indices.filter { h1.accepts(type: org.classes[$0].type, form: org.classes[$0].form, plan: org.classes[$0].plan) }
            let shorter = org.obligations.indices.contains { i in
                let o = prepared.obligations[org.obligations[i]]
                return (o.cadence == .month || o.cadence == .quarter) && !Set(org.covers[i]).isDisjoint(with: cover)
            }
            if !shorter && !cover.isEmpty { result.append((h1, h2, cover)) }
        }
        return result
    }
}
