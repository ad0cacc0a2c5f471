import ArgumentParser
import Foundation
import YubeiCore
import YubeiReports
import YubeiScenario
import YubeiSiting
import YubeiStudies

extension Yubei {
    /// `yubei frontier SCENARIO --budget FROM:TO[:STEP] --out DIR`: unmet need against the opening budget.
    struct Frontier: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan a scenario at a range of opening budgets: the trade-off between budget and unmet need.",
            discussion: """
            Budgets FROM, FROM+STEP, … and TO (yuan; STEP defaults to a tenth of the range), solved at once on \
            all cores, each warm-started from a neighbouring budget's plan. Writes DIR/frontier.json, \
            frontier.csv, frontier.svg, frontier.md and frontier.html (all or nothing), marking where the best set \
            of sites changes and which sites each step opens. Exit status 0, 2 when a budget has no plan, 64 for \
            a usage error, 65 for a scenario with errors.
            """
        )

        @Argument(help: "The scenario file (YAML or JSON).")
        var scenario: String

        @Option(name: .long, help: ArgumentHelp("Opening budgets in yuan, e.g. 0:5000000 or 0:5000000:250000.", valueName: "FROM:TO[:STEP]"))
        var budget: String

        @Option(name: .long, help: "Directory for frontier.json, frontier.csv, frontier.svg, frontier.md and frontier.html.")
        var out: String

        @Flag(name: .long, help: "Print frontier.json on stdout.")
        var json = false

        @OptionGroup var limits: SolveLimitOptions

        @OptionGroup var output: OutputLanguageOption

        @OptionGroup(title: "Overrides") var overrideOptions: OverrideOptions

        func validate() throws {
            try checkOutOption(out)
            try checkOption("--budget", YubeiStudies.Frontier.budgets(parsing: budget)?.last, InputRanges.money)
            guard YubeiStudies.Frontier.budgets(parsing: budget) != nil else {
                throw ValidationError(UsageText.budgetRange(budget)(output.language))
            }
        }

        func run() throws {
            let overrides = try overrideOptions.overrides()
            let loaded = try loadScenario(scenario, overrides: overrides, language: output.language)
            let budgets = YubeiStudies.Frontier.budgets(parsing: budget)!
            var options = limits.sitingOptions()
            options.closeGaps = false
            let result: FrontierResult = try planning {
                let options = options
                return try waitFor { try await YubeiStudies.Frontier.run(loaded, budgets: budgets, options: options) }
            }
            let language = output.language
            let text = try ReportJSON.text(result)
            try writeOutputSet([
                    (name: "frontier.json", text: text + "\n"),
                    (name: "frontier.csv", text: FrontierReport.csv(result)),
                    (name: "frontier.svg", text: FrontierReport.svg(result, language: language)),
                    (name: "frontier.md", text: FrontierReport.markdown(result, language: language)),
                    (name: "frontier.html", text: FrontierReport.html(result, language: language)),
            ], to: out)
            print(json ? text : FrontierReport.summary(result, outputDirectory: out, language: language))
            guard result.points.allSatisfy({ $0.status.hasSolution }) else {
                throw ExitCode(ExitStatus.noSolution.rawValue)
            }
        }
    }
}
