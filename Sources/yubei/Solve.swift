import ArgumentParser

extension Yubei {
    struct Solve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "(being built)")
        func run() throws { throw ExitCode(1) }
    }
}
