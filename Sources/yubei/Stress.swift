import ArgumentParser
import Foundation
import YubeiCore
import YubeiReports
import YubeiScenario
import YubeiSiting
import YubeiStudies

extension Yubei {
    /// `yubei stress SCENARIO --plan PLAN.json --out DIR`: how an adopted plan holds up.
    struct Stress: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Test an adopted plan against shocks: its sites and stock held, the rest re-planned.",
            discussion: """
            Cases: the plan as written; the scenario with the overrides given (e.g. --close SITE, \
            --scale-displaced 1.3, --cut-road FROM:TO, --without-team TEAM); with --n-1, every open site lost in turn, ranked by the people who then go \
            unsheltered, then without a full kit. Writes DIR/stress.json, stress.csv, stress.md and stress.html \
            (all or nothing). Exit status 0, 64 for a usage error, 65 for a scenario or plan with errors.
            """
        )

        @Argument(help: "The scenario file (YAML or JSON).")
        var scenario: String

        @Option(name: .long, help: "The adopted plan (plan.json of yubei solve).")
        var plan: String

        @Flag(name: .customLong("n-1"), help: "Lose every open site in turn and rank the sites.")
        var nMinus1 = false

        @Option(name: .long, help: "Directory for stress.json, stress.csv, stress.md and stress.html.")
        var out: String

        @Flag(name: .long, help: "Print stress.json on stdout.")
        var json = false

        @OptionGroup var limits: SolveLimitOptions

        @OptionGroup var output: OutputLanguageOption

        @OptionGroup(title: "Overrides (the shock)") var overrideOptions: OverrideOptions

        func validate() throws {
            try checkOutOption(out)
        }

        func run() throws {
            let overrides = try overrideOptions.overrides()
            let plain = try loadScenario(scenario, overrides: ScenarioOverrides(), language: output.language)
            let shocked = overrides.isEmpty ? nil : try loadScenario(scenario, overrides: overrides, language: output.language)
            let adopted = try withInputErrorsReported(language: output.language) {
                try AdoptedPlan.read(path: plan, for: ScenarioPlanner.problem(plain).problem, scenario: scenario)
            }
            let result: StressResult = try planning {
                let nMinus1 = nMinus1, options = limits.sitingOptions()
                return try waitFor { try await StressTest.run(plain: plain, shocked: shocked, plan: adopted, nMinus1: nMinus1, options: options) }
            }
            let language = output.language
            let text = try ReportJSON.text(result)
            try writeOutputSet([
                    (name: "stress.json", text: text + "\n"),
                    (name: "stress.csv", text: StressReport.csv(result)),
                    (name: "stress.md", text: StressReport.markdown(result, language: language)),
                    (name: "stress.html", text: StressReport.html(result, language: language)),
            ], to: out)
            print(json ? text : StressReport.summary(result, outputDirectory: out, language: language))
        }
    }
}
