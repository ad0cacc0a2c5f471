import ArgumentParser
import Foundation
import YubeiCore
import YubeiReports
import YubeiScenario
import YubeiSiting
import YubeiStudies

extension Yubei {
    /// `yubei study STUDY.yaml --out DIR`: a base and its variants planned side by side.
    struct Study: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan a base scenario and its variants side by side, and compare them.",
            discussion: """
            STUDY.yaml names `base: SCENARIO` and `variants: [{name: N, overrides: ["--set policy.budget=4000000"]}]` \
            or `{name: N, scenario: OTHER.yaml}` (paths relative to the study file). Every variant is solved at \
            once on all cores. Writes DIR/study.json, study.csv, study.md, study.html and DIR/VARIANT/ (plan.json, \
            report.md, report.html) for each variant; overrides given here apply to every variant. Exit status 0, \
            2 when a variant has no plan, 64 for a usage error, 65 for a study or scenario with errors.
            """
        )

        @Argument(help: "The study file (YAML or JSON).")
        var study: String

        @Option(name: .long, help: "Directory for the study and each variant's plan folder.")
        var out: String

        @Flag(name: .long, help: "Print study.json on stdout.")
        var json = false

        @OptionGroup var limits: SolveLimitOptions

        @OptionGroup var output: OutputLanguageOption

        @OptionGroup(title: "Overrides (applied to every variant)") var overrideOptions: OverrideOptions

        func validate() throws {
            try checkOutOption(out)
        }

        func run() throws {
            let overrides = try overrideOptions.overrides()
            let file = try withInputErrorsReported { try StudyFile.read(path: study) }
            let variants = try withInputErrorsReported { try file.load(extra: overrides) }
            for (_, variant) in variants { printWarnings(variant.warnings) }
            var options = limits.sitingOptions()
            // What would close each gap (one re-solve per candidate site) is left to `yubei solve` of a variant.
            options.closeGaps = false
            let result: StudyResult = try planning {
                let title = file.title, options = options
                return try waitFor { try await YubeiStudies.Study.run(name: title, variants: variants, options: options) }
            }
            let language = output.language
            let text = try ReportJSON.text(result)
            // Each variant's folder (reports, maps) is built on all cores, then written in order.
            let planned = result.variants
            let folders = concurrentResults(planned.count) { i in
                try PlanFolder.files(problem: planned[i].problem, plan: planned[i].plan,
                                     overrides: planned[i].overrides, scenario: planned[i].planned, language: language)
            }
            for (variant, folder) in zip(planned, folders) {
                try writeOutputSet(try folder.get(), to: URL(fileURLWithPath: out).appendingPathComponent(variant.name).path)
            }
            try writeOutputSet([
                    (name: "study.json", text: text + "\n"),
                    (name: "study.csv", text: StudyReport.csv(result)),
                    (name: "study.md", text: StudyReport.markdown(result, language: language)),
                    (name: "study.html", text: StudyReport.html(result, language: language)),
            ], to: out)
            print(json ? text : StudyReport.summary(result, outputDirectory: out, language: language))
            guard result.variants.allSatisfy({ ScenarioPlanner.hasPlan($0.plan) }) else {
                throw ExitCode(ExitStatus.noSolution.rawValue)
            }
        }
    }
}
