import ArgumentParser

extension Yubei {
    struct Drills: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "(being built)")
        func run() throws { throw ExitCode(1) }
    }
}
