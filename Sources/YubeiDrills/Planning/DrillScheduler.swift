import Foundation
import YubeiOptimization
import YubeiCore

/// Places every outstanding drill of a year on a day with an integer program on GLPK.
///
/// **Variables.** For each organisation, a few *drill classes* (a drill type, and the plan drilled
/// under per-plan counting) chosen to cover all its obligations; `x[o,c,s]` = drills of class `c`
/// by `o` in slot `s` (a week piece, ``PlanningSlot``), created only where the organisation can
/// drill and some obligation it serves has its window — the model is as sparse as the data.
///
/// **Hard rows.** Each obligation: Σ x over its classes and window ≥ outstanding. Observers:
/// Σ observed drills in a week ≤ N. Each team: Σ joined drills in a month ≤ K. Blackouts, weekends
/// and unavailable dates never get a variable. Capacity rows carry an elastic slack with a huge
/// cost, so that when no plan exists the solve still says which capacity is short and by how much.
///
/// **Soft terms** (weights in ``PlanningSettings/Weights``): a season miss per organisation and
/// hazard; a safety-month miss; half-yearly pairs closer than 3 months; month loads away from
/// their share of working days (L1 deviation). Every drill costs more than any preference can gain.
///
/// **Decomposition.** When the whole program is bigger than ``Options/maxVariablesPerProgram``,
/// organisations are solved group by group (tightest windows first); each group sees the
/// capacities and month loads the earlier groups used as constants (a greedy coordination step).
/// If a group cannot fit the capacities left to it, the whole program is solved at once to tell a
/// coordination failure from a real shortage.
public struct DrillScheduler: Sendable {
    public struct Options: Sendable {
        /// Above this many drill variables, solve organisation groups one after another.
        public var maxVariablesPerProgram = 3000
        /// When a group cannot fit the capacities the earlier groups left, the whole program is
        /// solved at once if it has at most this many drill variables (else the overload is
        /// reported as not proven).
        public var maxVariablesForWholeProgram = 30_000
        /// Wall-clock budget for all programs together; each group gets an equal share of what
        /// is left (at least 1 s), never more than ``timeLimitPerProgram``.
        public var timeBudget: Duration?
        /// Time limit of one GLPK solve.
        public var timeLimitPerProgram: Duration = .seconds(20)
        public var relativeGap = 1e-6
        /// Adjusts the options of every GLPK solve (e.g. to attach a progress reporter).
        public var configureSolve: (@Sendable (inout SolveOptions) -> Void)?
        public init() {}
    }

    public enum Outcome: Sendable {
        case planned(DrillPlan)
        case impossible(ScheduleInfeasibility)
    }

    /// The solver found no plan and could not prove there is none (time limit, numerical trouble).
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// Why, in English and Chinese.
        public var phrase: Phrase
        public var description: String { phrase.en }
    }

    public var problem: DrillScheduleProblem
    public var options: Options

    public init(problem: DrillScheduleProblem, options: Options = Options()) {
        self.problem = problem
        self.options = options
    }

    /// Cost of one drill: more than every preference it could satisfy.
    var drillCost: Double {
        let w = problem.settings.weights
        return 100 + 10 * (w.season * Double(max(1, problem.settings.seasons.count)) + w.safetyMonth + w.spacing + w.balance)
    }

    /// How far from the optimum (in weight units) a plan may be when GLPK stops: half the
    /// smallest positive weight (at least 1), so that no avoidable preference miss worth two
    /// whole weight unit is left, while GLPK does not spend its time proving fractions.
    var absoluteTolerance: Double {
        let w = problem.settings.weights
        let positive = [w.season, w.safetyMonth, w.spacing, w.balance].filter { $0 > 0 }
        return max(1, 0.5 * (positive.min() ?? 2))
    }

    /// Cost of one unit of capacity overload (elastic slack).
    var overloadCost: Double { drillCost * 1000 }

    /// Cost of one drill short of an obligation: above any overload, so that a shortage shows
    /// only when the organisation's own days run out, and a capacity is blamed otherwise.
    var shortageCost: Double { overloadCost * 100 }

    /// Plans the year.
    ///
    /// - Throws: ``Failure`` when GLPK stops without any plan and without proof that none exists.
    public func schedule() throws -> Outcome {
        let prepared = prepare()
        var notes: [String] = []
        var blocked = prepared.blocked

        // Solve the placeable part, group by group when it is big.
        let groups = makeGroups(prepared.orgs)
        var shared = prepared.initialLoad
        var counts: [[Int]] = prepared.orgs.map { Array(repeating: 0, count: $0.candidates.count) }
        var overloads: [ScheduleInfeasibility.Overload] = []
        var proven = true
        var needsWhole = false
        let totalCandidates = prepared.orgs.reduce(0) { $0 + $1.candidates.count }
        let clock = ContinuousClock()
        let started = clock.now
        for (number, group) in groups.enumerated() {
            var limit = options.timeLimitPerProgram
            if let budget = options.timeBudget {
                let left = budget - (clock.now - started)
                limit = min(limit, max(.seconds(1), left / (groups.count - number)))
            }
            let outcome = try solve(orgIndices: group, prepared: prepared, shared: shared, timeLimit: limit)
            notes.append("program \(number + 1) of \(groups.count): \(group.count) organisations, \(outcome.variables) variables, \(outcome.rows) rows: \(outcome.statusNote) in \(NumberText(.en).duration(outcome.time))")
            if !outcome.overloads.isEmpty || !outcome.shortages.isEmpty {
                if groups.count > 1 && !outcome.overloads.isEmpty && totalCandidates <= options.maxVariablesForWholeProgram {
                    needsWhole = true
                    break
                }
                overloads += outcome.overloads
                blocked += shortageReasons(outcome.shortages, prepared: prepared)
                // In groups, an overload may come from capacity the earlier groups took.
                proven = proven && outcome.isOptimal && (groups.count == 1 || outcome.overloads.isEmpty)
            }
            for (k, orgIndex) in group.enumerated() {
                counts[orgIndex] = outcome.counts[k]
                shared.add(prepared.orgs[orgIndex], counts: outcome.counts[k], prepared: prepared)
            }
        }
        if needsWhole {
            notes.append("a group could not fit the capacities left by earlier groups: solving all organisations in one program")
            let all = Array(prepared.orgs.indices)
            var limit = options.timeLimitPerProgram
            if let budget = options.timeBudget { limit = min(limit, max(.seconds(5), budget - (clock.now - started))) }
            let outcome = try solve(orgIndices: all, prepared: prepared, shared: prepared.initialLoad, timeLimit: limit)
            notes.append("whole program: \(all.count) organisations, \(outcome.variables) variables, \(outcome.rows) rows: \(outcome.statusNote) in \(NumberText(.en).duration(outcome.time))")
            overloads = outcome.overloads
            blocked += shortageReasons(outcome.shortages, prepared: prepared)
            proven = outcome.isOptimal
            for (k, orgIndex) in all.enumerated() { counts[orgIndex] = outcome.counts[k] }
        }
        if !blocked.isEmpty || !overloads.isEmpty {
            blocked.sort { ($0.obligation.organization, $0.obligation.first, $0.obligation.rule) < ($1.obligation.organization, $1.obligation.first, $1.obligation.rule) }
            return .impossible(ScheduleInfeasibility(blocked: blocked, overloads: overloads, proven: proven || !blocked.isEmpty && overloads.isEmpty))
        }
        return .planned(makePlan(prepared: prepared, counts: counts, notes: notes))
    }

    /// Obligations the solve left short although their windows have days: the organisation's
    /// other obligations take the same few days.
    func shortageReasons(_ shortages: [(obligation: Int, missing: Int)], prepared: PreparedProblem) -> [ScheduleInfeasibility.Blocked] {
        shortages.map { item in
            let ob = prepared.obligations[item.obligation]
            let org = problem.organizations.first { $0.id == ob.organization } ?? PlanningOrganization(id: ob.organization, kind: "")
            let days = prepared.slots.filter { PreparedProblem.slot($0, isIn: ob, terms: prepared.terms) }
                .reduce(0) { $0 + $1.drillDays.filter { !org.isUnavailable(on: $0) }.count }
            return explainBlocked(ob, org: org, available: days)
        }
    }

}
