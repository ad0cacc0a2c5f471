import Foundation
import YubeiOptimization

/// How ``SitingSolver/solve(_:options:)`` runs.
public struct SitingOptions: Sendable {
    /// Wall-clock limit for the main MILP; `nil` for none.
    public var timeLimit: Duration?
    /// Relative MIP gap at which branch-and-bound stops.
    public var relativeGap: Double = 1e-4
    /// Choose staging sites for teams (a maximal-covering MILP after the main plan).
    public var stageTeams = false
    /// Hand the greedy plan to GLPK as its first incumbent.
    public var useGreedyIncumbent = true
    /// Shadow prices: capacity duals from the LP with the plan's decisions fixed, and the
    /// budget's dual from the LP relaxation (one more LP solve).
    public var shadowPrices = true
    /// GLPK's cutting planes.
    public var cuts = false
    /// Add the per-route supply links Σₛ vol·f ≤ Σₛ vol·need·y (see ``SitingModel``): a slightly
    /// tighter LP for many more rows. `nil`: only for models of at most 10,000 flow columns,
    /// where they are cheap; on larger ones they cost more simplex time than they save.
    public var flowPairLinks: Bool?
    public var progress: (@Sendable (SolveProgress) -> Void)?

    public init() {}
}

/// Solves a ``SitingProblem``: explanations first, then the MILP, then the plan with its
/// shadow prices and team coverage.
public enum SitingSolver {
    /// The model GLPK solves, for export (`--export-model`), with readable names.
    public static func model(for problem: SitingProblem, flowPairLinks: Bool? = nil) -> Model {
        SitingModel(problem, names: true, flowPairLinks: flowPairLinks).model
    }

    /// Solves the whole siting problem over all hazards at once.
    ///
    /// - Throws: ``ModelError`` only for a model GLPK must not see (a defect, not an input problem).
    public static func solve(_ problem: SitingProblem, options: SitingOptions = SitingOptions()) throws -> SitingPlan {
        let clock = ContinuousClock()
        let start = clock.now
        let findings = problem.findings()
        let siting = SitingModel(problem, flowPairLinks: options.flowPairLinks)
        var solveOptions = SolveOptions()
        solveOptions.timeLimit = options.timeLimit
        solveOptions.relativeGap = options.relativeGap
        solveOptions.dualsOfFixedMIP = options.shadowPrices
        if let progress = options.progress {
            // Report the plan's objective, with the constant penalty of needs nothing can reach.
            let constant = siting.unavoidablePenalty
            solveOptions.progress = { snapshot in
                var shifted = snapshot
                shifted.incumbent = snapshot.incumbent.map { $0 + constant }
                shifted.bestBound = snapshot.bestBound.map { $0 + constant }
                progress(shifted)
            }
        }
        solveOptions.cuts = options.cuts
        let greedy = options.useGreedyIncumbent ? SitingHeuristic(problem).values(for: siting) : nil
        solveOptions.initialSolution = greedy
        // Keep a little of the time limit for the duals and team staging after the MIP.
        if let limit = options.timeLimit, limit >= .seconds(10) { solveOptions.timeLimit = limit * 0.92 }
        let result = try siting.model.solve(options: solveOptions)
        let mipTime = clock.now - start
        let size = SitingPlan.ModelSize(
            variables: siting.model.variables.count,
            integerVariables: siting.model.variables.filter { $0.kind.isInteger }.count,
            rows: siting.model.constraints.count,
            nonzeros: siting.model.nonzeroCount,
            strongFlowLinks: siting.usesFlowPairLinks)
        // The needs no decision can meet are a constant outside GLPK's objective: add them back,
        // while the gap stays that of the part decisions change.
        let constant = siting.unavoidablePenalty
        var plan = SitingPlan(
            status: result.status, objective: result.objectiveValue.map { $0 + constant }, openWarehouses: [],
            stock: [:], openShelters: [], hazards: [:], bound: result.bestBound.map { $0 + constant },
            gap: result.relativeGap, lpBound: result.rootBound.map { $0 + constant }, seconds: 0, objectiveTerms: nil, spending: nil, explanations: findings,
            shadowPrices: nil, modelSize: size, teamStaging: nil, incumbentAccepted: result.initialSolutionAccepted,
            unmetPenaltyPerPerson: siting.penalty)
        // GLPK stopped before any plan of its own (a time limit inside the root LP): the greedy
        // plan is feasible by construction, so it is the answer, marked feasible, not optimal.
        var values = result.values
        if values == nil, let greedy, result.termination == .limitReached(.time) {
            values = greedy
            plan.status = .feasible
            plan.solutionSource = .greedy
            plan.objective = siting.model.objective.evaluated(at: greedy) + constant
            plan.gap = plan.bound.map { bound in abs(plan.objective! - bound) / max(abs(plan.objective! - constant), 1e-10) }
        }
        if let values {
            extract(values, from: siting, into: &plan)
            plan.unmetReasons = problem.unmetReasons(of: plan)
            if options.shadowPrices, result.values != nil, let duals = result.rowDuals {
                plan.shadowPrices = shadowPrices(duals, siting: siting, plan: plan)
                // The budget's dual needs one more LP as large as the root: skip it for big models.
                if siting.budgetRow != nil, mipTime < .seconds(20) {
                    plan.shadowPrices?.budgetYuan = try budgetDual(problem, flowPairLinks: options.flowPairLinks,
                                                                   timeLimit: remaining(options.timeLimit, clock, start))
                }
            }
            teamCoverage(problem, into: &plan, stage: options.stageTeams,
                         timeLimit: remaining(options.timeLimit, clock, start))
        } else {
            teamCoverage(problem, into: &plan, stage: false, timeLimit: nil)
        }
        let elapsed = clock.now - start
        plan.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return plan
    }

    private static func remaining(_ limit: Duration?, _ clock: ContinuousClock, _ start: ContinuousClock.Instant) -> Duration? {
        guard let limit else { return nil }
        return max(.seconds(1), limit - (clock.now - start))
    }

    /// Rounds away solver noise (1e-6 of a unit).
    static func clean(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }

    private static func extract(_ values: [Double], from siting: SitingModel, into plan: inout SitingPlan) {
        let p = siting.problem
        let open = siting.warehouseOpen.map { values[$0.index] > 0.5 }
        plan.openWarehouses = p.warehouses.indices.filter { open[$0] }.map { p.warehouses[$0].id }
        plan.openShelters = p.shelters.indices.filter { values[siting.shelterOpen[$0].index] > 0.5 }.map { p.shelters[$0].id }
        for (w, row) in siting.stock.enumerated() {
            var held: [String: Double] = [:]
            for (s, v) in row.enumerated() {
                if let v, values[v.index] > Tolerance.presence { held[p.supplies[s].id] = clean(values[v.index]) }
            }
            if !held.isEmpty { plan.stock[p.warehouses[w].id] = held }
        }
        var hazards = p.hazards.map { _ in
            SitingPlan.HazardPlan(shelterAssignment: [:], supplyFlows: [],
                                  unmet: .init(peopleUnsheltered: [:], supplies: [:]), teamCoverage: .init(uncovered: []))
        }
        for a in siting.assignments where values[a.people.index] > Tolerance.presence {
            let link = p.shelterLinks[a.link]
            hazards[a.hazard].shelterAssignment[p.areas[link.area].id, default: [:]][p.shelters[link.shelter].id] =
                clean(values[a.people.index])
        }
        for f in siting.flows where values[f.variable.index] > Tolerance.presence {
            let link = p.supplyLinks[f.link]
            hazards[f.hazard].supplyFlows.append(.init(from: p.warehouses[link.warehouse].id, to: p.areas[link.area].id,
                                                       supply: p.supplies[f.supply].id, quantity: clean(values[f.variable.index])))
        }
        for (h, _) in p.hazards.enumerated() {
            for a in p.areas.indices {
                if let u = siting.unsheltered[h][a], values[u.index] > Tolerance.presence {
                    hazards[h].unmet.peopleUnsheltered[p.areas[a].id] = clean(values[u.index])
                }
                if let short = siting.supplyShort[h][a] {
                    for (s, v) in short.enumerated() where values[v.index] > Tolerance.presence {
                        hazards[h].unmet.supplies[p.areas[a].id, default: [:]][p.supplies[s].id] = clean(values[v.index])
                    }
                }
            }
        }
        for (h, hazard) in p.hazards.enumerated() { plan.hazards[hazard.id] = hazards[h] }
        let terms = SitingPlan.ObjectiveTerms(
            unmetPenalty: siting.unmetTerm.evaluated(at: values) + siting.unavoidablePenalty,
            unavoidablePenalty: siting.unavoidablePenalty, opening: siting.openingTerm.evaluated(at: values),
            stock: siting.stockTerm.evaluated(at: values), expectedTransport: siting.transportTerm.evaluated(at: values))
        plan.objectiveTerms = terms
        plan.spending = .init(opening: terms.opening, budget: p.policy.budget, stock: terms.stock)
    }

    /// Shadow prices per unit of capacity. Capacity appears on the right of several rows once
    /// the sites are fixed (the volume or load row, and the strong links whose coefficient is
    /// capacity-bound), so each price is the sum of those rows' duals times their rate of change.
    private static func shadowPrices(_ duals: [Double], siting: SitingModel, plan: SitingPlan) -> SitingPlan.ShadowPrices {
        let p = siting.problem
        let openW = Set(plan.openWarehouses), openS = Set(plan.openShelters)
        var warehouse: [String: Double] = [:]
        for (w, row) in siting.warehouseVolumeRows.enumerated() where openW.contains(p.warehouses[w].id) {
            var total = row.map { duals[$0.index] } ?? 0
            for link in siting.stockLinkRows[w] { if let link { total += duals[link.row.index] * link.perCubicMetre } }
            warehouse[p.warehouses[w].id] = clean(total)
        }
        var perPerson = Array(repeating: 0.0, count: p.shelters.count)
        for rows in siting.shelterCapacityRows {
            for (k, row) in rows.enumerated() { if let row { perPerson[k] += duals[row.index] } }
        }
        for a in siting.assignments {
            if let row = a.capacityLinkRow { perPerson[p.shelterLinks[a.link].shelter] += duals[row.index] }
        }
        var shelter: [String: Double] = [:]
        for (k, s) in p.shelters.enumerated() where openS.contains(s.id) && s.areaPerPerson > 0 {
            shelter[s.id] = clean(perPerson[k] / s.areaPerPerson)
        }
        return .init(warehouseCubicMetre: warehouse, shelterSquareMetre: shelter, budgetYuan: nil)
    }

    /// The budget row's dual in the LP relaxation: the objective change per extra yuan of budget
    /// when sites may be opened fractionally (an estimate of what money buys at the margin).
    private static func budgetDual(_ problem: SitingProblem, flowPairLinks: Bool?, timeLimit: Duration?) throws -> Double? {
        let relaxed = SitingModel(problem, relaxed: true, flowPairLinks: flowPairLinks)
        guard let row = relaxed.budgetRow else { return nil }
        var options = SolveOptions()
        options.timeLimit = timeLimit
        let result = try relaxed.model.solve(options: options)
        return result.dual(of: row).map(clean)
    }

    private static func teamCoverage(_ problem: SitingProblem, into plan: inout SitingPlan, stage: Bool, timeLimit: Duration?) {
        let needs = TeamCoverageAnalysis.needs(problem)
        for (need, covered) in needs where !covered {
            plan.hazards[problem.hazards[need.hazard].id]?.teamCoverage.uncovered.append(
                .init(area: problem.areas[need.area].id, specialty: need.specialty))
        }
        guard stage, !problem.teams.isEmpty else { return }
        var sites = Set<SitingProblem.Site>()
        for (w, warehouse) in problem.warehouses.enumerated() where plan.openWarehouses.contains(warehouse.id) { sites.insert(.warehouse(w)) }
        for (k, shelter) in problem.shelters.enumerated() where plan.openShelters.contains(shelter.id) { sites.insert(.shelter(k)) }
        guard let staging = try? TeamCoverageAnalysis.stage(problem, sites: sites, timeLimit: timeLimit) else { return }
        var chosen: [String: SitingPlan.StagingSite] = [:]
        for (t, team) in problem.teams.enumerated() {
            switch staging.sites[t] {
            case .none: chosen[team.id] = .base
            case .warehouse(let w)?: chosen[team.id] = .site(problem.warehouses[w].id)
            case .shelter(let k)?: chosen[team.id] = .site(problem.shelters[k].id)
            }
        }
        plan.teamStaging = .init(status: staging.status, sites: chosen, coveredBefore: staging.coveredBefore,
                                 coveredAfter: staging.coveredAfter)
        for (h, hazard) in problem.hazards.enumerated() {
            plan.hazards[hazard.id]?.teamCoverage.uncoveredAfterStaging = staging.uncovered
                .filter { $0.hazard == h }
                .map { SitingPlan.TeamCoverage.Gap(area: problem.areas[$0.area].id, specialty: $0.specialty) }
                .sorted { ($0.area, $0.specialty) < ($1.area, $1.specialty) }
        }
    }
}
