import ArgumentParser

extension Yubei {
    /// Every subcommand, in the order `--help` lists them.
    static let allSubcommands: [any ParsableCommand.Type] = [
        Info.self,
    ]
}
