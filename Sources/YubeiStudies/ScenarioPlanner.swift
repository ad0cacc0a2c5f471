import YubeiCore
import YubeiScenario
import YubeiSiting

/// A scenario planned: the problem solved (after overrides) and its plan.
public struct PlannedScenario: Sendable {
    public var problem: SitingProblem
    public var plan: SitingPlan
    public var overrides: ScenarioOverrides
    public var figures: PlanFigures { PlanFigures(plan: plan, problem: problem) }
}

/// The narrow seam between scenario runs and the siting engine: every command here builds its
/// problems and solves them through these calls.
public enum ScenarioPlanner {
    /// The siting problem of a scenario read with overrides, and the site decisions they hold
    /// (`--require`, `--forbid`).
    public static func problem(_ scenario: OverriddenScenario) -> (problem: SitingProblem, decisions: SiteDecisions) {
        let problem = SitingProblem(scenario: scenario.scenario)
        let decisions = SiteDecisions(problem: problem, required: scenario.siteRules.required,
                                      forbidden: scenario.siteRules.forbidden)
        return (problem, decisions)
    }

    /// Solves a scenario read with overrides; `options.decisions` gains the overrides' site rules.
    ///
    /// - Throws: what ``SitingSolver/solve(_:options:)`` throws (a model GLPK must not see).
    public static func solve(_ scenario: OverriddenScenario, options: SitingOptions = SitingOptions()) throws -> PlannedScenario {
        try solve(problem(scenario), overrides: scenario.overrides, options: options)
    }

    /// Solves a problem already built by ``problem(_:)`` (a study builds each variant's once, to
    /// compare it with the base before solving); `options.decisions` gains its site rules.
    ///
    /// - Throws: what ``SitingSolver/solve(_:options:)`` throws (a model GLPK must not see).
    public static func solve(_ built: (problem: SitingProblem, decisions: SiteDecisions), overrides: ScenarioOverrides,
                             options: SitingOptions = SitingOptions()) throws -> PlannedScenario {
        var options = options
        options.decisions.requiredWarehouses.formUnion(built.decisions.requiredWarehouses)
        options.decisions.requiredShelters.formUnion(built.decisions.requiredShelters)
        options.decisions.forbiddenWarehouses.formUnion(built.decisions.forbiddenWarehouses)
        options.decisions.forbiddenShelters.formUnion(built.decisions.forbiddenShelters)
        let plan = try SitingSolver.solve(built.problem, options: options)
        return PlannedScenario(problem: built.problem, plan: plan, overrides: overrides)
    }

    /// Whether a plan's status means it holds a plan (`optimal` or `feasible`).
    public static func hasPlan(_ plan: SitingPlan) -> Bool { plan.status.hasSolution }
}
