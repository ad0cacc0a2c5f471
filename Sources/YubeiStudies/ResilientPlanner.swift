import Foundation
import YubeiOptimization
import YubeiScenario
import YubeiSiting

/// Resilient planning (`policy.resilience: n-1`): the plan must still leave at most a share of
/// each hazard's displaced unmet when any one site is lost.
///
/// Every (hazard, site) pair where the site could serve someone in that hazard becomes an extra
/// second-stage scenario of the one model: the hazard with that site closed, weighing nothing in
/// the objective, its unmet needs limited by rows instead (``SiteDecisions/cappedHazards``). The
/// plain plan is solved beside it, concurrently, for the price of resilience.
public enum ResilientPlanner {
    /// The hazard id of a site-loss case (kept out of the plan that is reported).
    static func caseID(_ hazard: String, _ site: String) -> String { "\(hazard)#lose:\(site)" }

    /// `problem` with a site-loss case per hazard and usable site, and the caps on those cases.
    ///
    /// - Complexity: O(H · (W + S) · A) cases' data; the model grows by one second stage per case.
    public static func augmented(_ problem: SitingProblem, share: Double) -> (problem: SitingProblem, caps: [Int: SiteDecisions.NeedCap]) {
        var out = problem
        var caps: [Int: SiteDecisions.NeedCap] = [:]
        for hazard in problem.hazards {
            let displaced: Double = hazard.displaced.reduce(0.0) { $0 + $1 }
            guard displaced > 0 else { continue }
            let cap = SiteDecisions.NeedCap(
                maxUnsheltered: share * displaced,
                maxShort: problem.supplies.map { share * displaced * $0.perPerson })
            let warehouses = Set(problem.supplyLinks.filter { hazard.displaced[$0.area] > 0 }.map(\.warehouse))
                .subtracting(hazard.closedWarehouses).sorted()
            let shelters = Set(problem.shelterLinks.filter { hazard.displaced[$0.area] > 0 }.map(\.shelter))
                .subtracting(hazard.closedShelters).sorted()
            for w in warehouses {
                var lost = hazard
                lost.id = caseID(hazard.id, problem.warehouses[w].id)
                lost.closedWarehouses.insert(w)
                lost.probability = 0; lost.weight = 0; lost.needs = []
                caps[out.hazards.count] = cap
                out.hazards.append(lost)
            }
            for k in shelters {
                var lost = hazard
                lost.id = caseID(hazard.id, problem.shelters[k].id)
                lost.closedShelters.insert(k)
                lost.probability = 0; lost.weight = 0; lost.needs = []
                caps[out.hazards.count] = cap
                out.hazards.append(lost)
            }
        }
        return (out, caps)
    }

    /// The resilient plan and the plain plan of `scenario`, solved concurrently.
    ///
    /// - Returns: the resilient plan (site-loss cases removed, in the scenario's own hazards), the
    ///   plain one, and what resilience costs.
    public static func solve(_ scenario: OverriddenScenario, resilience: Resilience,
                             options: SitingOptions = SitingOptions()) async throws
        -> (resilient: PlannedScenario, plain: PlannedScenario, summary: ResilienceSummary) {
        let (problem, decisions) = ScenarioPlanner.problem(scenario)
        let (augmented, caps) = Self.augmented(problem, share: resilience.maxUnmetShare)
        var resilientOptions = options
        resilientOptions.decisions.requiredWarehouses.formUnion(decisions.requiredWarehouses)
        resilientOptions.decisions.requiredShelters.formUnion(decisions.requiredShelters)
        resilientOptions.decisions.forbiddenWarehouses.formUnion(decisions.forbiddenWarehouses)
        resilientOptions.decisions.forbiddenShelters.formUnion(decisions.forbiddenShelters)
        resilientOptions.decisions.cappedHazards = caps
        resilientOptions.useGreedyIncumbent = false
        resilientOptions.closeGaps = false
        let finalOptions = resilientOptions
        async let plainPlan = Task.detached { try ScenarioPlanner.solve(scenario, options: options) }.value
        async let resilientPlan = Task.detached { try SitingSolver.solve(augmented, options: finalOptions) }.value
        let plain = try await plainPlan
        var plan = try await resilientPlan
        // Only the scenario's own hazards are reported.
        let own = Set(problem.hazards.map(\.id))
        plan.hazards = plan.hazards.filter { own.contains($0.key) }
        plan.unmetReasons = plan.unmetReasons.filter { own.contains($0.hazard) }
        plan.explanations = plan.explanations.filter { $0.hazard.map(own.contains) ?? true }
        let cost = { (p: SitingPlan) in (p.spending?.opening ?? 0) + (p.spending?.stock ?? 0) }
        let summary = ResilienceSummary(
            rule: resilience.rule.rawValue, maxUnmetShare: resilience.maxUnmetShare, plainCost: cost(plain.plan),
            resilientCost: cost(plan), price: cost(plan) - cost(plain.plan),
            plainOpen: plain.plan.openWarehouses + plain.plan.openShelters, resilientOpen: plan.openWarehouses + plan.openShelters)
        return (PlannedScenario(problem: problem, plan: plan, overrides: scenario.overrides), plain, summary)
    }
}
