import ArgumentParser

extension Yubei {
    /// Every subcommand, in the order `--help` lists them. Each lives in its own file.
    static let allSubcommands: [any ParsableCommand.Type] = [
        Validate.self,
        Describe.self,
        Solve.self,
        Study.self,
        Frontier.self,
        Stress.self,
        Locate.self,
        Drills.self,
        Info.self,
    ]
}
