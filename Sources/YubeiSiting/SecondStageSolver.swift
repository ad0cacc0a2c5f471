import Foundation
import YubeiOptimization

/// One case of an adopted plan's second stage (``SecondStageSolver``): sites lost in every
/// hazard on top of the problem as given.
public struct SecondStageCase: Sendable, Hashable {
    /// Warehouses and shelters lost, by index.
    public var closedWarehouses: Set<Int>
    public var closedShelters: Set<Int>
    /// Minimise cost (stock drawn, evacuation and transport) after the needs, as a full solve
    /// does. Off, the needs are planned exactly and the evacuation and transport of the whole-unit
    /// choices so found are still the cheapest (the continuous re-solve), but the choices
    /// themselves are not re-searched for cost: what stress figures report (people, kits, items)
    /// does not depend on it.
    public var optimizeCost: Bool

    public init(closedWarehouses: Set<Int> = [], closedShelters: Set<Int> = [], optimizeCost: Bool = false) {
        self.closedWarehouses = closedWarehouses; self.closedShelters = closedShelters; self.optimizeCost = optimizeCost
    }
}

/// The second stage of an adopted plan (its sites and stock held) re-planned for many cases at
/// once, for stress tests and N-1 rankings.
///
/// With the first stage fixed the model is small and the cases differ only in which sites are
/// lost, so it is built once: a lost site is its assignment, flow and stock columns fixed at 0,
/// which leaves the same plans as the model of a scenario with that site closed in every hazard
/// (that model simply lacks those columns; its stock there is 0 as no hazard can draw on it). Each case then runs the rules of the objective
/// order (``SitingSolver``) on its own copy, every one after the first warm-started from the
/// previous rule's plan; the cases run concurrently, each GLPK problem in its own task. Without
/// service levels, a case that loses only shelters (or only warehouses) holds the supply (or
/// people) part at the answer of the case without losses, solved once, and skips those rules.
///
/// The rules of needs run as in a full solve; the cost rule only where a case asks for it
/// (``SecondStageCase/optimizeCost``). A case whose model has no plan (e.g. a service level
/// that a lost site makes impossible) is solved again by ``SitingSolver/solve(_:options:)`` on
/// the problem with the sites closed, so it reports exactly what a full solve reports.
public enum SecondStageSolver {
    /// Solves every case of `problem` with `stage` held.
    ///
    /// - Parameters:
    ///   - problem: the problem; its opening budget is ignored (the sites are chosen);
    ///   - stage: the adopted plan's first stage, in `problem`'s indices;
    ///   - options: time limits, gap and flow links as for a full solve (greedy starts, team
    ///     staging and gap closing are not used).
    /// - Returns: one plan per case, in order.
    /// - Complexity: one model build, O(nonzeros); then per case three or four MIP solves of
    ///   the second stage, run concurrently on all cores.
    public static func solve(_ problem: SitingProblem, stage: SiteDecisions.FirstStage, cases: [SecondStageCase],
                             options: SitingOptions = SitingOptions()) async throws -> [SitingPlan] {
        var problem = problem
        problem.policy.budget = nil
        var decisions = SiteDecisions()
        decisions.firstStage = stage
        var siting = SitingModel(problem, flowPairLinks: options.flowPairLinks)
        siting.hold(decisions)
        var prepared = Prepared(siting: siting, problem: problem, options: options, decisions: decisions)
        // Without service levels the people (assignments) and the supplies (flows, stock drawn)
        // share no row once the sites are fixed: a case losing shelters only leaves the supply
        // rules' answer of the case without losses, and one losing warehouses only the people
        // rules' answer. Solve that case's rules of needs once and reuse its answer there.
        let partial = cases.filter { !$0.optimizeCost && $0.closedShelters.isEmpty != $0.closedWarehouses.isEmpty }
        if partial.count >= 2, !siting.hasServiceLevels {
            prepared.reference = try prepared.run(SecondStageCase(), extract: false).needs
        }
        let shared = prepared
        return try await withThrowingTaskGroup(of: (Int, SitingPlan).self) { group in
            for (index, c) in cases.enumerated() {
                group.addTask { (index, try shared.run(c).plan) }
            }
            var plans = [SitingPlan?](repeating: nil, count: cases.count)
            for try await (index, plan) in group { plans[index] = plan }
            return plans.map { $0! }
        }
    }

    /// `problem` with `c`'s sites closed in every hazard.
    public static func closing(_ problem: SitingProblem, _ c: SecondStageCase) -> SitingProblem {
        var out = problem
        for h in out.hazards.indices {
            out.hazards[h].closedWarehouses.formUnion(c.closedWarehouses)
            out.hazards[h].closedShelters.formUnion(c.closedShelters)
        }
        return out
    }

    /// The model built once, shared (copied) by every case.
    private struct Prepared: Sendable {
        var siting: SitingModel
        var problem: SitingProblem
        var options: SitingOptions
        var decisions: SiteDecisions
        /// The case without losses after its rules of needs: its column values, and whether
        /// every rule was proven optimal.
        var reference: (values: [Double], proven: Bool)?

        /// Solves case `c`; `extract` false stops after the rules of needs (no plan written).
        /// Returns the plan and the values after the rules of needs.
        func run(_ c: SecondStageCase, extract: Bool = true) throws -> (plan: SitingPlan, needs: (values: [Double], proven: Bool)?) {
            let clock = ContinuousClock()
            let start = clock.now
            let closed = SecondStageSolver.closing(problem, c)
            var siting = siting
            // A lost site keeps its opening (an existing site stays open, as the plan holds it);
            // what it could carry is fixed at 0: its assignments and flows, and its stock.
            for a in siting.assignments where c.closedShelters.contains(problem.shelterLinks[a.link].shelter) {
                siting.model.setBounds(of: a.people, lower: 0, upper: 0)
                if let choice = a.choice { siting.model.setBounds(of: choice, lower: 0, upper: 0) }
            }
            for f in siting.flows where c.closedWarehouses.contains(problem.supplyLinks[f.link].warehouse) {
                siting.model.setBounds(of: f.variable, lower: 0, upper: 0)
            }
            for w in c.closedWarehouses where w < siting.stock.count {
                for v in siting.stock[w] { if let v { siting.model.setBounds(of: v, lower: 0, upper: 0) } }
            }
            let weights = SitingSolver.levelWeights(problem)
            let size = SitingPlan.ModelSize(
                variables: siting.model.variables.count,
                integerVariables: siting.model.variables.filter { $0.kind.isInteger }.count,
                rows: siting.model.constraints.count, nonzeros: siting.model.nonzeroCount,
                strongFlowLinks: siting.usesFlowPairLinks)
            var plan = SitingPlan(
                status: .noSolution, objective: nil, openWarehouses: [], stock: [:], openShelters: [], hazards: [:],
                bound: nil, gap: nil, lpBound: nil, seconds: 0, objectiveTerms: nil, spending: nil,
                explanations: closed.findings(), shadowPrices: nil, modelSize: size, teamStaging: nil, incumbentAccepted: nil)

            let worst = problem.policy.risk == .worstCase
            var stages: [(level: SitingSolver.Level, expression: LinearExpression)] = []
            if worst { stages.append((.worstUnshelteredShare, LinearExpression(siting.addWorstShare(kits: false)))) }
            stages.append((.unsheltered, siting.unshelteredLevel(weights: weights)))
            if worst, siting.supplied.contains(where: { $0.contains { $0 != nil } }) {
                stages.append((.worstWithoutKitShare, LinearExpression(siting.addWorstShare(kits: true))))
            }
            stages.append((.withoutKit, siting.withoutKitLevel(weights: weights)))
            stages.append((.itemsShort, siting.itemsShortLevel(weights: weights)))
            if c.optimizeCost { stages.append((.cost, siting.costTerm)) }

            // Rules whose answer the case without losses already gives (see `solve`): that part
            // of the plan held at its values, those rules not solved again.
            var forced: Set<SitingSolver.Level> = []
            if let reference, !c.optimizeCost, c.closedShelters.isEmpty != c.closedWarehouses.isEmpty {
                let peopleKept = c.closedShelters.isEmpty
                let skip: Set<SitingSolver.Level> = peopleKept ? [.worstUnshelteredShare, .unsheltered]
                    : [.worstWithoutKitShare, .withoutKit, .itemsShort]
                if stages.contains(where: { !skip.contains($0.level) && !$0.expression.indices.isEmpty }) {
                    forced = skip
                    var columns: [Variable] = []
                    if peopleKept {
                        for a in siting.assignments { columns.append(a.people); if let c = a.choice { columns.append(c) } }
                        for row in siting.unsheltered { columns += row.compactMap { $0 } }
                    } else {
                        columns += siting.flows.map(\.variable)
                        for row in siting.stock { columns += row.compactMap { $0 } }
                        for row in siting.supplied { columns += row.compactMap { $0 } }
                        for rows in siting.supplyShort { for row in rows { columns += row.compactMap { $0 } } }
                    }
                    for v in columns {
                        let definition = siting.model.variables[v.index]
                        var x = reference.values[v.index]
                        if definition.kind.isInteger { x = x.rounded() }
                        x = min(max(x, definition.lowerBound ?? x), definition.upperBound ?? x)
                        siting.model.setBounds(of: v, lower: x, upper: x)
                    }
                }
            }

            var incumbent: [Double]?
            var values: [Double]?
            var proven = forced.isEmpty || reference?.proven == true
            var costResult: SolveResult?
            var needs: (values: [Double], proven: Bool)?
            for stage in stages {
                if stage.expression.indices.isEmpty && stage.level != .cost { continue }
                if forced.contains(stage.level) { continue }
                siting.model.minimize(stage.expression)
                var stageOptions = SolveOptions()
                stageOptions.relativeGap = stage.level == .cost ? options.relativeGap : 1e-9
                stageOptions.cuts = options.cuts || stage.level == .cost
                stageOptions.timeLimit = remaining(options.timeLimit.map { $0 * 0.9 }, clock, start)
                if stage.level == .cost {
                    if options.timeLimit == nil { stageOptions.timeLimit = options.costStageTimeLimit }
                } else {
                    stageOptions.timeLimit = stageOptions.timeLimit.map { min($0, options.needStageTimeLimit) } ?? options.needStageTimeLimit
                }
                stageOptions.initialSolution = incumbent
                let result = try siting.model.solve(options: stageOptions)
                if plan.incumbentAccepted == nil { plan.incumbentAccepted = result.initialSolutionAccepted }
                guard let found = result.values else {
                    // No plan at all: the full solver says why (infeasible service levels, …).
                    if values == nil { return (try fallback(closed), nil) }
                    // A later rule ran out of time: keep the plan of the rule before.
                    proven = proven && stage.level == .cost
                    break
                }
                values = found
                incumbent = SitingSolver.trimmed(found, siting)
                if stage.level == .cost {
                    costResult = result
                } else {
                    if result.termination != .optimal { proven = false }
                    needs = (found, proven)
                    let optimum = stage.expression.evaluated(at: found)
                    siting.model.addConstraint(stage.expression <= optimum + 1e-7 * max(1, abs(optimum)))
                }
            }
            guard let values else { return (try fallback(closed), nil) }
            if !extract { return (plan, needs) }
            if let costResult {
                plan.status = costResult.termination == .optimal && proven ? .optimal : .feasible
                plan.bound = costResult.bestBound
                plan.gap = costResult.relativeGap
                plan.lpBound = costResult.rootBound
            } else {
                plan.status = proven ? .optimal : .feasible
            }
            do {
                // Extracted in the model of the problem with the sites closed, so that the
                // continuous re-solve cannot route anyone through a lost site.
                let target = SitingModel(closed, flowPairLinks: false, serviceLevels: .none)
                try SitingSolver.fixAndExtractPublic(Self.map(values, from: siting, to: target), from: target, into: &plan)
            } catch let failure as SitingSolver.FixFailure {
                plan.status = .error
                plan.verification = [PlanViolation(constraint: .wholeUnits, message: failure.message)]
            }
            if plan.status != .error {
                plan.levels = SitingSolver.levels(of: plan, problem: closed, weights: weights, proven: proven)
                plan.objective = plan.levels?.cost
                plan.unmetReasons = closed.unmetReasons(of: plan)
                plan.verification = PlanVerifier.violations(of: plan, problem: closed, decisions: decisions)
                if !plan.verification.isEmpty { plan.status = .error }
            }
            for (need, covered) in TeamCoverageAnalysis.needs(closed) where !covered {
                plan.hazards[closed.hazards[need.hazard].id]?.teamCoverage.uncovered.append(
                    .init(area: closed.areas[need.area].id, specialty: need.specialty))
            }
            let elapsed = clock.now - start
            plan.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return (plan, needs)
        }

        /// `x`, values of `from`'s columns, as values of `to`'s: the same problem with sites
        /// closed, whose model lacks the columns of what they carried (those are 0 in `x`).
        ///
        /// - Complexity: O(columns).
        static func map(_ x: [Double], from: SitingModel, to: SitingModel) -> [Double] {
            var y = Array(repeating: 0.0, count: to.model.variables.count)
            for (w, v) in to.warehouseOpen.enumerated() { y[v.index] = x[from.warehouseOpen[w].index] }
            for (k, v) in to.shelterOpen.enumerated() { y[v.index] = x[from.shelterOpen[k].index] }
            for (w, row) in to.stock.enumerated() {
                for (s, v) in row.enumerated() { if let v, let u = from.stock[w][s] { y[v.index] = x[u.index] } }
            }
            struct Key: Hashable { var hazard: Int, link: Int, supply: Int }
            var people: [Key: SitingModel.AssignmentVariable] = [:]
            for a in from.assignments { people[Key(hazard: a.hazard, link: a.link, supply: -1)] = a }
            for a in to.assignments {
                guard let b = people[Key(hazard: a.hazard, link: a.link, supply: -1)] else { continue }
                y[a.people.index] = x[b.people.index]
                if let c = a.choice, let d = b.choice { y[c.index] = x[d.index] }
            }
            var carried: [Key: Variable] = [:]
            for f in from.flows { carried[Key(hazard: f.hazard, link: f.link, supply: f.supply)] = f.variable }
            for f in to.flows { if let g = carried[Key(hazard: f.hazard, link: f.link, supply: f.supply)] { y[f.variable.index] = x[g.index] } }
            for h in to.unsheltered.indices {
                for a in to.unsheltered[h].indices {
                    if let v = to.unsheltered[h][a], let u = from.unsheltered[h][a] { y[v.index] = x[u.index] }
                    if let v = to.supplied[h][a], let u = from.supplied[h][a] { y[v.index] = x[u.index] }
                    for s in to.supplyShort[h][a].indices {
                        if let v = to.supplyShort[h][a][s], let u = from.supplyShort[h][a][s] { y[v.index] = x[u.index] }
                    }
                }
            }
            return y
        }

        /// The case solved as a scenario of its own, exactly as before this solver.
        private func fallback(_ closed: SitingProblem) throws -> SitingPlan {
            var options = options
            options.decisions = decisions
            options.closeGaps = false
            options.useGreedyIncumbent = false
            options.stageTeams = false
            options.progress = nil
            return try SitingSolver.solve(closed, options: options)
        }

        private func remaining(_ limit: Duration?, _ clock: ContinuousClock, _ start: ContinuousClock.Instant) -> Duration? {
            guard let limit else { return nil }
            return max(.seconds(1), limit - (clock.now - start))
        }
    }
}
