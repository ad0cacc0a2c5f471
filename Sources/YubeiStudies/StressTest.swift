import Foundation
import YubeiOptimization
import YubeiScenario
import YubeiSiting

/// One stress case: the adopted plan's first stage held, the second stage re-planned.
public struct StressCase: Sendable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        /// The scenario as written: the plan's own second stage.
        case plan
        /// The scenario with the run's overrides (`--close`, `--scale-displaced`, `--set`).
        case shock
        /// One open site lost in every hazard (`--n-1`), on top of the shock when there is one.
        case lose
    }

    /// `plan`, `shock: ` and the overrides as written, or `lose SITE`.
    public var name: String
    public var kind: Kind
    /// The site lost, for `lose` cases.
    public var site: String?
    public var status: SolveStatus
    /// By hazard id.
    public var hazards: [String: PlanFigures.Hazard]
    /// Weighted across hazards as the plan's objective weighs them.
    public var expectedUnsheltered: Double
    public var expectedWithoutKit: Double
    /// Against the case it shocks (the plan for `shock`; the shock, else the plan, for `lose`).
    public var newlyUnsheltered: Double
    public var newlyWithoutKit: Double
    /// 1 for the most critical site, for `lose` cases.
    public var rank: Int?
    /// The re-planned second stage (not written to stress.json; reports draw it).
    public var plan: SitingPlan

    enum CodingKeys: String, CodingKey {
        case name, kind, site, status, hazards, rank
        case expectedUnsheltered = "expected_unsheltered", expectedWithoutKit = "expected_without_kit"
        case newlyUnsheltered = "newly_unsheltered", newlyWithoutKit = "newly_without_kit"
    }
}

/// `stress.json` (FORMATS.md §4): every case, the plan first, then the shock, then the sites
/// lost in order of how critical they are.
public struct StressResult: Sendable, Encodable {
    public var scenario: String
    public var overrides: [String]
    public var cases: [StressCase]
    /// Open sites from most to least critical (`--n-1`).
    public var critical: [String]
    public var seconds: Double
    /// The problem the cases were planned on (the shocked one when there are overrides).
    public var problem: SitingProblem
    public var hazardOrder: [String] { problem.hazards.map(\.id) }

    enum CodingKeys: String, CodingKey { case scenario, overrides, cases, critical, seconds }
}

/// Stress tests of an adopted plan: its first stage (sites opened, stock held) kept, its second
/// stage (shelter assignment, supply flows) re-planned under shocks, each case in its own task,
/// all cases at once.
public enum StressTest {
    /// Runs the cases.
    ///
    /// - Parameters:
    ///   - plain: the scenario as written (the plan's own case);
    ///   - shocked: the scenario with the run's overrides, or nil for none;
    ///   - plan: the adopted plan; `nMinus1`: lose each of its open sites in turn.
    /// - Throws: what the siting solver throws (a model GLPK must not see).
    /// - Complexity: 1 + (shock ? 1 : 0) + (open sites if `nMinus1`) second-stage cases, run
    ///   concurrently on all cores by ``SecondStageSolver``: one model built for the plan's own
    ///   problem and one for the shocked problem, each case re-solved from it by bounds, with the
    ///   rules of needs only (and the cost rule too for the plan's own case, whose map is drawn).
    public static func run(plain: OverriddenScenario, shocked: OverriddenScenario?, plan: AdoptedPlan, nMinus1: Bool,
                           options: SitingOptions = SitingOptions()) async throws -> StressResult {
        let clock = ContinuousClock()
        let start = clock.now
        let base = ScenarioPlanner.problem(plain).problem
        // The plan's sites are held; a site the shock forbids (`--forbid`) cannot be used: lost
        // in every hazard, as `--close` closes it.
        let shockBuilt = shocked.map { ScenarioPlanner.problem($0) }
        let forbidden = SecondStageCase(closedWarehouses: shockBuilt?.decisions.forbiddenWarehouses ?? [],
                                        closedShelters: shockBuilt?.decisions.forbiddenShelters ?? [])
        let shockProblem = shockBuilt.map { SecondStageSolver.closing($0.problem, forbidden) }
        let reference = shockProblem ?? base
        let stage = plan.firstStage(in: base)

        struct Job: Sendable { var name: String; var kind: StressCase.Kind; var site: String?; var problem: SitingProblem }
        var jobs = [Job(name: "plan", kind: .plan, site: nil, problem: base)]
        // The plan's own case is planned in full (its map is drawn); the shocked and lost cases
        // only as far as the figures reported need (``SecondStageCase/optimizeCost``).
        var referenceCases: [SecondStageCase] = []
        if let shockProblem, let shocked {
            jobs.append(Job(name: "shock: " + shocked.overrides.commandLines.joined(separator: " "), kind: .shock, site: nil, problem: shockProblem))
            referenceCases.append(forbidden)
        }
        if nMinus1 {
            for w in stage.openWarehouses.sorted() {
                let lost = SecondStageCase(closedWarehouses: forbidden.closedWarehouses.union([w]), closedShelters: forbidden.closedShelters)
                jobs.append(Job(name: "lose \(reference.warehouses[w].id)", kind: .lose, site: reference.warehouses[w].id,
                                problem: SecondStageSolver.closing(reference, lost)))
                referenceCases.append(lost)
            }
            for k in stage.openShelters.sorted() {
                let lost = SecondStageCase(closedWarehouses: forbidden.closedWarehouses, closedShelters: forbidden.closedShelters.union([k]))
                jobs.append(Job(name: "lose \(reference.shelters[k].id)", kind: .lose, site: reference.shelters[k].id,
                                problem: SecondStageSolver.closing(reference, lost)))
                referenceCases.append(lost)
            }
        }
        // One model for the plan's case, one for the shocked problem (the same when no shock):
        // each built once, its cases re-solved by bounds, all of them at once.
        let solved: [SitingPlan]
        if shockProblem == nil {
            solved = try await SecondStageSolver.solve(base, stage: stage, cases: [SecondStageCase(optimizeCost: true)] + referenceCases,
                                                       options: options)
        } else {
            let referenceCasesHeld = referenceCases
            async let own = SecondStageSolver.solve(base, stage: stage, cases: [SecondStageCase(optimizeCost: true)], options: options)
            async let others = SecondStageSolver.solve(reference, stage: stage, cases: referenceCasesHeld, options: options)
            solved = try await own + others
        }

        var cases: [StressCase] = []
        for (job, secondStage) in zip(jobs, solved) {
            let figures = PlanFigures(plan: secondStage, problem: job.problem)
            cases.append(StressCase(name: job.name, kind: job.kind, site: job.site, status: secondStage.status,
                                    hazards: figures.hazards, expectedUnsheltered: figures.expectedUnsheltered,
                                    expectedWithoutKit: figures.expectedWithoutKit, newlyUnsheltered: 0, newlyWithoutKit: 0,
                                    rank: nil, plan: secondStage))
        }
        let planCase = cases[0]
        let against = cases.first { $0.kind == .shock } ?? planCase
        for i in cases.indices {
            let before = cases[i].kind == .shock ? planCase : cases[i].kind == .lose ? against : cases[i]
            cases[i].newlyUnsheltered = clean(cases[i].expectedUnsheltered - before.expectedUnsheltered)
            cases[i].newlyWithoutKit = clean(cases[i].expectedWithoutKit - before.expectedWithoutKit)
        }
        var losses = cases.filter { $0.kind == .lose }
        losses.sort {
            ($0.newlyUnsheltered, $0.newlyWithoutKit) != ($1.newlyUnsheltered, $1.newlyWithoutKit)
                ? ($0.newlyUnsheltered, $0.newlyWithoutKit) > ($1.newlyUnsheltered, $1.newlyWithoutKit)
                : $0.name < $1.name
        }
        for i in losses.indices { losses[i].rank = i + 1 }
        let elapsed = clock.now - start
        return StressResult(
            scenario: plain.scenario.name, overrides: shocked?.overrides.commandLines ?? [],
            cases: cases.filter { $0.kind != .lose } + losses, critical: losses.compactMap(\.site),
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
            problem: reference)
    }

    /// The second stage of `problem` with `stage` held: the budget no longer binds (the sites are
    /// chosen), stock may be drawn up to what the plan holds.
    public static func secondStage(_ problem: SitingProblem, stage: SiteDecisions.FirstStage,
                                   options: SitingOptions = SitingOptions()) throws -> SitingPlan {
        var problem = problem
        problem.policy.budget = nil
        var options = options
        options.decisions.firstStage = stage
        options.closeGaps = false
        options.useGreedyIncumbent = false
        options.stageTeams = false
        options.progress = nil
        return try SitingSolver.solve(problem, options: options)
    }

    /// Rounds away float noise in differences of people counts.
    static func clean(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
}
