import ArgumentParser

extension Yubei {
    struct Drills: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drill obligations: check who is behind, plan next year's drills.",
            subcommands: [Check.self, Plan.self]
        )

        /// `yubei drills` alone names no job: the usage goes to stderr and the exit status is 64.
        func run() throws {
            printError(Yubei.helpMessage(for: Drills.self))
            throw ExitCode(ExitStatus.usage.rawValue)
        }
    }
}
