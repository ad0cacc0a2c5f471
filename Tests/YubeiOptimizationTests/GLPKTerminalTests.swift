import Foundation
import Testing
@testable import YubeiOptimization
import YubeiTestSupport

/// The environment variable that makes ``GLPKTerminalTests/childSolves()`` run: the parent test
/// starts this same test binary again, filtered to that one test, and reads its two streams.
private let childVariable = "YUBEI_GLPK_TERMINAL_CHILD"

/// Phrases GLPK prints at message level `GLP_MSG_ON` (simplex progress, then branch-and-bound progress).
private let glpkPhrases = [": obj = ", ": mip = ", "tree is empty"]

@Suite("GLPK's terminal output goes to standard error, never standard output")
struct GLPKTerminalTests {
    /// Runs only inside the child process: solves an LP and a MIP at the verbosity the parent asks for.
    @Test(.enabled(if: ProcessInfo.processInfo.environment[childVariable] != nil))
    func childSolves() throws {
        let verbosity: SolveOptions.Verbosity = ProcessInfo.processInfo.environment[childVariable] == "normal" ? .normal : .quiet
        var options = SolveOptions()
        options.verbosity = verbosity
        #expect(try LinearProgramTests.Production().model.solve(options: options).isOptimal)
        #expect(try Knapsack(seed: 7).model().0.solve(options: options).isOptimal)
        try ExportTests.awkwardMIP().write(
            to: try scratchPath("child.lp").path,
            format: .cplexLP
        )
    }

    /// This test binary, started again with `--filter childSolves`.
    private func runChild(verbosity: String) throws -> CommandRun {
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        var environment = ProcessInfo.processInfo.environment
        environment[childVariable] = verbosity
        return try runCommand(URL(fileURLWithPath: executable), ["--testing-library", "swift-testing", "--filter", "childSolves"], environment: environment)
    }

    @Test("verbosity normal: GLPK's log is on standard error only")
    func normalGoesToStandardError() throws {
        let child = try runChild(verbosity: "normal")
        #expect(child.status == 0, "\(child.stdout)\n\(child.stderr)")
        for phrase in glpkPhrases {
            #expect(child.stderr.contains(phrase), "missing on stderr: \(phrase)")
            #expect(!child.stdout.contains(phrase), "leaked to stdout: \(phrase)")
        }
        // The export's "Writing problem data" line is silenced too.
        #expect(!child.stdout.contains("Writing problem data"))
        #expect(!child.stderr.contains("Writing problem data"))
    }

    @Test("verbosity quiet: GLPK prints nothing at all")
    func quietPrintsNothing() throws {
        let child = try runChild(verbosity: "quiet")
        #expect(child.status == 0, "\(child.stdout)\n\(child.stderr)")
        for phrase in glpkPhrases + ["Writing problem data"] {
            #expect(!child.stderr.contains(phrase) && !child.stdout.contains(phrase), "printed: \(phrase)")
        }
    }
}
