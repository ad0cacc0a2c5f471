import ArgumentParser
import YubeiCore
import YubeiScenario

extension Yubei {
    /// `yubei validate SCENARIO`: reads a scenario the way a compiler reads source; prints every
    /// problem as `FILE:LINE:COL: error: …` (exit 65), else warnings and one summary line (exit 0).
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a scenario file and report every problem with its line and column.",
            discussion: """
            Exit status 0 when the file is sound (standards not met are warnings on stderr), 65 when it \
            has errors, each printed as FILE:LINE:COLUMN: error: MESSAGE.
            """
        )

        @Argument(help: "The scenario file (YAML or JSON).")
        var scenario: String

        @OptionGroup var output: OutputLanguageOption

        @OptionGroup(title: "Overrides") var overrideOptions: OverrideOptions

        func run() throws {
            let loaded = try loadScenario(scenario, overrides: try overrideOptions.overrides(), language: output.language)
            let s = loaded.scenario
            print(ScenarioText.validSummary(
                name: s.name, areas: s.areas.count, hazards: s.hazards.count, warehouses: s.warehouses.count,
                shelters: s.shelters.count, teams: s.teams.count, warnings: loaded.warnings.warnings.count,
                roads: s.travel.roads != nil)(output.language))
        }
    }
}
