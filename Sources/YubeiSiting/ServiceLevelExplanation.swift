import Foundation
import YubeiOptimization

extension SitingSolver {
    /// Why the hazards' `service_level`s cannot all be met: the model again with each level's
    /// row given a slack, minimising the people short of the levels (Σₕ slackₕ), then per hazard
    /// the best achievable count, the areas left short in that plan, and the reasons
    /// (pre-solve ``SitingFinding``s and ``UnmetReason``s of that plan).
    ///
    /// - Complexity: one MIP the size of the plan's.
    static func explainServiceLevels(_ problem: SitingProblem, flowPairLinks: Bool?, timeLimit: Duration?) throws
        -> [SitingPlan.ServiceLevelShortfall]
    {
        var siting = SitingModel(problem, flowPairLinks: flowPairLinks, serviceLevels: .soft)
        var shortfall = LinearExpression()
        for slack in siting.serviceShortfall { if let slack { shortfall.add(1, slack) } }
        siting.model.minimize(shortfall)
        var options = SolveOptions()
        options.timeLimit = timeLimit
        options.relativeGap = 1e-9
        let result = try siting.model.solve(options: options)
        guard let values = result.values else { return [] }
        // The plan of that solve, for the per-area picture and its reasons.
        var plan = SitingPlan(status: .infeasible, objective: nil, openWarehouses: [], stock: [:], openShelters: [],
                              hazards: [:], bound: nil, gap: nil, lpBound: nil, seconds: 0, objectiveTerms: nil,
                              spending: nil, explanations: [], shadowPrices: nil,
                              modelSize: .init(variables: 0, integerVariables: 0, rows: 0, nonzeros: 0, strongFlowLinks: false),
                              teamStaging: nil, incumbentAccepted: nil)
        do {
            try fixAndExtractForExplanation(values, from: siting, into: &plan)
        } catch {
            return []
        }
        let findings = problem.findings()
        let reasons = problem.unmetReasons(of: plan)
        var result2: [SitingPlan.ServiceLevelShortfall] = []
        for (h, hazard) in problem.hazards.enumerated() {
            guard let slack = siting.serviceShortfall[h] else { continue }
            let missing = values[slack.index].rounded()
            guard missing > 0, let hp = plan.hazards[hazard.id] else { continue }
            var areas: [SitingPlan.ServiceLevelShortfall.AreaShortfall] = []
            for area in problem.areas {
                let u = hp.unmet.peopleUnsheltered[area.id] ?? 0, k = hp.unmet.peopleWithoutKit[area.id] ?? 0
                if u > 0 || k > 0 { areas.append(.init(area: area.id, unsheltered: u, withoutKit: k)) }
            }
            areas.sort { max($0.unsheltered, $0.withoutKit) > max($1.unsheltered, $1.withoutKit) }
            result2.append(.init(hazard: hazard.id, serviceLevel: hazard.serviceLevel ?? 0, required: hazard.requiredServed,
                                 achievable: hazard.requiredServed - missing, areas: areas,
                                 findings: findings.filter { $0.hazard == hazard.id || ($0.hazard == nil && $0.kind == .siteOverBudget) },
                                 reasons: reasons.filter { $0.hazard == hazard.id }))
        }
        return result2
    }

    /// ``fixAndExtract`` for the explanation's plan (it throws the same way).
    private static func fixAndExtractForExplanation(_ values: [Double], from siting: SitingModel, into plan: inout SitingPlan) throws {
        try fixAndExtractPublic(values, from: siting, into: &plan)
    }
}
