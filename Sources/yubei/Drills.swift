import ArgumentParser

extension Yubei {
    struct Drills: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drill obligations: check who is behind, plan next year's drills.",
            subcommands: [Check.self, Plan.self]
        )
    }
}
