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
    /// Builds (``DrillProgram``) and solves the program for the organisations `orgIndices`, with
    /// the capacities and month loads in `shared` already used.
    ///
    /// - Complexity: building is O(nonzeros); the solve is GLPK's branch-and-bound.
    func solve(orgIndices: [Int], prepared: PreparedProblem, shared: SharedLoad, timeLimit: Duration) throws -> GroupOutcome {
        var program = DrillProgram(prepared: prepared, orgIndices: orgIndices, shared: shared, drillCost: drillCost,
                                   overloadCost: overloadCost, shortageCost: shortageCost)
        let greedy = greedyCounts(orgIndices: orgIndices, prepared: prepared, shared: shared)
        for g in orgIndices.indices {
            program.addDrills(g, greedy: greedy[g])
            program.addObligations(g)
            program.addSeasons(g)
            if prepared.settings.weights.spacing > 0 {
                program.addSpacing(g, pairs: halfYearPairs(prepared.orgs[orgIndices[g]], prepared: prepared))
            }
        }
        program.addCapacities()
        program.addBalance()
        return try solve(program, timeLimit: timeLimit)
    }

    /// Solves a built program and reads the drills, overloads and shortages from the solution.
    func solve(_ program: DrillProgram, timeLimit: Duration) throws -> GroupOutcome {
        var model = program.model
        let prepared = program.prepared, orgIndices = program.orgIndices
        model.minimize(program.objective)
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
        solveOptions.initialSolution = program.start
        options.configureSolve?(&solveOptions)
        let variables = model.variables.count, rows = model.constraints.count
        if variables == 0 {
            return GroupOutcome(counts: orgIndices.map { _ in [] }, overloads: [], shortages: [], status: nil, isOptimal: true, time: .zero, variables: 0, rows: 0)
        }
        let result = try model.solve(options: solveOptions)
        guard let values = result.values else {
            throw Failure(phrase: DrillsText.noPlanFound(status: result.status.rawValue, detail: result.detail, timeLimit: timeLimit))
        }
        let counts = program.x.map { vars in vars.map { Int(values[$0.index].rounded()) } }
        var overloads: [ScheduleInfeasibility.Overload] = []
        for slack in program.overloads where values[slack.variable.index] > 0.5 {
            var labels: [String] = []
            for (g, k) in slack.members where counts[g][k] > 0 {
                let org = prepared.orgs[orgIndices[g]]
                let candidate = org.candidates[k]
                for (j, obIndex) in org.obligations.enumerated()
                where org.covers[j].contains(candidate.drillClass) && prepared.slot(candidate.slot, isIn: prepared.obligations[obIndex]) {
                    let label = prepared.obligations[obIndex].label
                    if !labels.contains(label) { labels.append(label) }
                }
            }
            let used = slack.members.reduce(0) { $0 + counts[$1.0][$1.1] }
            overloads.append(ScheduleInfeasibility.Overload(
                capacity: slack.capacity, capacityName: slack.capacityName, period: slack.period, limit: slack.limit,
                needed: used + slack.before, obligations: labels
            ))
        }
        let shortages = program.shortageVars.compactMap { v, ob -> (Int, Int)? in
            let missing = Int(values[v.index].rounded(.up) - (values[v.index] < Tolerance.presence ? 1 : 0))
            return values[v.index] > Tolerance.presence ? (ob, max(1, missing)) : nil
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
