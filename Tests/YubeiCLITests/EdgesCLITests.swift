import Foundation
import Testing
import YubeiTestSupport

/// The command's edges: what it says about its exit statuses, and what a bare group command does.
@Suite("yubei: exit statuses and usage edges")
struct EdgesCLITests {
    @Test("--help documents every exit status, 73 included")
    func helpListsExitStatuses() throws {
        let run = try runYubei(["--help"])
        #expect(run.status == 0)
        let help = run.stdout.replacingOccurrences(of: "\n", with: " ")
        for status in ["0 success", "1 a missed quota", "2 no solution", "64 a usage error", "65 an input file", "73 an output"] {
            #expect(help.contains(status), "--help does not mention \(status)")
        }
    }

    @Test("yubei drills without a subcommand prints its usage on stderr and exits 64")
    func drillsAlone() throws {
        let run = try runYubei(["drills"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("USAGE: yubei drills <subcommand>"))
        #expect(run.stderr.contains("check") && run.stderr.contains("plan"))
    }

    @Test("an output folder that cannot be made exits 73 and writes nothing")
    func cannotCreate() throws {
        // A file stands where the output folder should go.
        let folder = try scratchFolder(texts: ["taken": "a file, not a folder\n"])
        let scenario = packageRoot.appendingPathComponent("Tests/YubeiSitingTests/Fixtures/hillside-county.yaml").path
        let run = try runYubei(["solve", scenario, "--out", folder.appendingPathComponent("taken/out").path])
        #expect(run.status == 73)
        #expect(try String(contentsOf: folder.appendingPathComponent("taken"), encoding: .utf8) == "a file, not a folder\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["taken"])
    }
}
