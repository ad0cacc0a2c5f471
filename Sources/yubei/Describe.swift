import ArgumentParser
import YubeiCore
import YubeiReports
import YubeiScenario

extension Yubei {
    /// `yubei describe SCENARIO`: the planner's sanity check before any solve — per hazard,
    /// displaced people against shelter capacity within reach, supply volume against storage,
    /// areas nothing reaches, needed specialties against teams.
    struct Describe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Summarise a scenario and what no siting decision can meet, without solving.",
            discussion: "Capacities are upper bounds: every candidate opened, and existing sites only."
        )

        @Argument(help: "The scenario file (YAML or JSON).")
        var scenario: String

        @Flag(name: .long, help: "Print the assessment as one JSON document.")
        var json = false

        @OptionGroup var output: OutputLanguageOption

        @OptionGroup(title: "Overrides") var overrideOptions: OverrideOptions

        func run() throws {
            let loaded = try loadScenario(scenario, overrides: try overrideOptions.overrides(), language: output.language)
            let network = TravelNetwork(scenario: loaded.scenario)
            let assessment = ScenarioAssessment(scenario: loaded.scenario, network: network)
            print(json ? try ReportJSON.text(assessment) : ScenarioAssessmentReport.text(assessment, language: output.language))
        }
    }
}
