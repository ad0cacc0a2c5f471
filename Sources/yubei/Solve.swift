import ArgumentParser
import Foundation
import YubeiCore
import YubeiOptimization
import YubeiReports
import YubeiScenario
import YubeiSiting
import YubeiStudies

extension Yubei {
    /// `yubei solve SCENARIO --out DIR`: the stockpile, shelter and team-coverage plan for every
    /// hazard of a scenario at once, as plan.json, report.md and report.html.
    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan stockpiles, shelters and team coverage for every hazard of a scenario.",
            discussion: """
            Writes DIR/plan.json, DIR/report.md, DIR/report.html and DIR/plan.geojson (WGS-84, for GIS) (all or nothing). One mixed-integer \
            program over all hazards, solved rule by rule (FORMATS.md §2.1): people unsheltered, then people \
            without a complete kit, then items short by priority, then cost (opening + stock + expected \
            transport), in whole units, every constraint checked exactly afterwards. Exit status 0 for an \
            optimal or feasible plan, 1 when the plan fails its exact check (plan.json names the broken \
            constraints), 2 when GLPK found none (infeasible, e.g. a service level that cannot be met, or no \
            plan within --time-limit), 65 for a scenario with errors, 73 when DIR cannot be written.
            """
        )

        @Argument(help: "The scenario file (YAML or JSON).")
        var scenario: String

        @Option(name: .long, help: "Directory for plan.json, report.md, report.html and plan.geojson.")
        var out: String

        @Flag(name: .long, help: "Print plan.json on stdout (progress goes to stderr).")
        var json = false

        @Option(name: .long, help: "Also write the exact model as CPLEX LP (.lp) or free MPS (.mps), for glpsol.")
        var exportModel: String?

        @Flag(name: .long, help: "Choose staging sites for teams among the plan's open sites to cover the most people.")
        var stageTeams = false

        @Flag(inversion: .prefixedNo, help: "Per-route supply links: a slightly tighter LP for many more rows (default: only when the model has at most 10,000 supply-flow columns).")
        var strongFlowLinks: Bool?

        @OptionGroup var limits: SolveLimitOptions

        @OptionGroup var output: OutputLanguageOption

        @OptionGroup(title: "Overrides") var overrideOptions: OverrideOptions

        func validate() throws {
            try checkOutOption(out)
            if let exportModel, ModelFileFormat(pathExtension: URL(fileURLWithPath: exportModel).pathExtension) == nil {
                throw ValidationError(UsageText.exportModelExtension(output.language))
            }
        }

        func run() throws {
            let overrides = try overrideOptions.overrides()
            let loaded = try loadScenario(scenario, overrides: overrides, language: output.language)
            let (problem, decisions) = ScenarioPlanner.problem(loaded)
            let language = output.language

            var options = limits.sitingOptions()
            options.stageTeams = stageTeams
            options.flowPairLinks = strongFlowLinks
            options.decisions = decisions
            // Progress of long solves on stderr (stdout stays clean for --json).
            let reporter = SolveProgressReporter(label: "solve")
            options.progress = { reporter.report($0) }
            var (plan, resilience): (SitingPlan, ResilienceSummary?) = try planning {
                if let rule = loaded.scenario.policy.resilience {
                    let options = options
                    let planned = try waitFor { try await ResilientPlanner.solve(loaded, resilience: rule, options: options) }
                    return (planned.resilient.plan, planned.summary)
                }
                return (try SitingSolver.solve(problem, options: options), nil)
            }

            if !loaded.scenario.extra.isEmpty { plan.extra = loaded.scenario.extra }
            if let exportModel {
                let format = ModelFileFormat(pathExtension: URL(fileURLWithPath: exportModel).pathExtension)!
                do {
                    try SitingSolver.model(for: problem, flowPairLinks: strongFlowLinks, holding: plan.levels).write(to: exportModel, format: format)
                } catch {
                    printError("yubei: error: " + UsageText.cannotWriteModel(error)(language))
                    throw ExitCode(ExitStatus.cannotCreate.rawValue)
                }
            }

            let planJSON = try ReportJSON.text(PlanDocument(plan: plan, overrides: overrides.commandLines, resilience: resilience))
            try writeOutputSet(try PlanFolder.files(problem: problem, plan: plan, overrides: overrides.commandLines,
                                                    resilience: resilience, boundaries: loaded.scenario.boundaries, scenario: loaded.scenario,
                                                    language: language),
                               to: out)

            if json {
                print(planJSON)
            } else {
                print(SitingReport.summary(problem: problem, plan: plan, outputDirectory: out, language: language))
            }
            // A plan that fails its exact check is never passed off as a plan: exit 1, naming
            // every broken constraint (plan.json says `error` and lists them).
            if !plan.verification.isEmpty {
                for violation in plan.verification { printError("yubei: error: the plan breaks \(violation)") }
                throw ExitCode(ExitStatus.failure.rawValue)
            }
            guard plan.status.hasSolution else {
                throw ExitCode(ExitStatus.noSolution.rawValue)
            }
        }
    }
}
