import ArgumentParser

extension Yubei {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "(being built)")
        func run() throws { throw ExitCode(1) }
    }
}
