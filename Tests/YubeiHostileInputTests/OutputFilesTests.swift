import Foundation
import Testing
@testable import YubeiCore
import YubeiTestSupport

/// Output folders: all or nothing, never deleting what the run did not write, whole under
/// concurrency, clean after an interrupt.
@Suite("Issue 10: all-or-nothing output")
struct OutputFilesTests {
    func text(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    @Test("a set lands whole; files of the folder outside the set are kept; no staging is left")
    func replacesSet() throws {
        let parent = try scratch()
        let out = parent.appendingPathComponent("out")
        try OutputFiles.write([(name: "a.txt", text: "old a"), (name: "b.txt", text: "old b")], to: out)
        try "mine".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try OutputFiles.write([(name: "a.txt", text: "new a"), (name: "b.txt", text: "new b")], to: out)
        #expect(text(out.appendingPathComponent("a.txt")) == "new a")
        #expect(text(out.appendingPathComponent("b.txt")) == "new b")
        #expect(text(out.appendingPathComponent("notes.txt")) == "mine")
        #expect(entries(parent) == ["out"])
        #expect(entries(out) == ["a.txt", "b.txt", "notes.txt"])
    }

    @Test("a folder named like one of the files: refused, nothing replaced, the folder kept")
    func folderInTheWay() throws {
        let parent = try scratch()
        let out = parent.appendingPathComponent("out")
        try OutputFiles.write([(name: "a.txt", text: "old a"), (name: "b.txt", text: "old b")], to: out)
        try FileManager.default.removeItem(at: out.appendingPathComponent("b.txt"))
        try FileManager.default.createDirectory(at: out.appendingPathComponent("b.txt"), withIntermediateDirectories: false)
        try "keep".write(to: out.appendingPathComponent("b.txt/inside"), atomically: true, encoding: .utf8)
        #expect(throws: OutputFiles.WriteError.self) {
            try OutputFiles.write([(name: "a.txt", text: "new a"), (name: "b.txt", text: "new b")], to: out)
        }
        #expect(text(out.appendingPathComponent("a.txt")) == "old a")
        #expect(text(out.appendingPathComponent("b.txt/inside")) == "keep")
        #expect(entries(parent) == ["out"])
    }

    @Test("a move that fails part-way is rolled back: the old set, never a mix")
    func rollBack() throws {
        let parent = try scratch()
        let out = parent.appendingPathComponent("out")
        try OutputFiles.write([(name: "a.txt", text: "old a"), (name: "b.txt", text: "old b")], to: out)
        // A staging folder holding only the first file: moving the second fails for real (ENOENT).
        let staging = parent.appendingPathComponent(".out.staging-test")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        try "new a".write(to: staging.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        #expect(throws: OutputFiles.WriteError.self) {
            try OutputFiles.replace(["a.txt", "b.txt"], in: out, from: staging)
        }
        #expect(text(out.appendingPathComponent("a.txt")) == "old a")
        #expect(text(out.appendingPathComponent("b.txt")) == "old b")
    }

    @Test("yubei solve into a folder holding a folder named plan.json: exit 73, nothing changed")
    func solveRefusesFolder() throws {
        let dir = try scratch(["s.yaml": Seeds.scenario])
        let first = try runHostile(["solve", "s.yaml", "--out", "out"], in: dir)
        #expect(first.status == 0, "\(first)")
        let report = text(dir.appendingPathComponent("out/report.md"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("out/plan.json"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out/plan.json/keep"), withIntermediateDirectories: true)
        let second = try runHostile(["solve", "s.yaml", "--out", "out", "--gap", "0.5"], in: dir)
        #expect(second.status == 73, "\(second)")
        #expect(second.stderr.contains("is a folder; it was left as it was"), "\(second)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/plan.json/keep").path))
        #expect(text(dir.appendingPathComponent("out/report.md")) == report)
        #expect(entries(dir) == ["out", "s.yaml"])
    }

    @Test("8 concurrent solves into one folder: each exits 0 (or 73), the folder holds one whole set")
    func concurrentSolves() async throws {
        let dir = try scratch(["s.yaml": Seeds.scenario])
        let runs = try await withThrowingTaskGroup(of: HostileRun.self) { group in
            for _ in 0..<8 {
                group.addTask { try runHostile(["solve", "s.yaml", "--out", "out", "--json"], in: dir) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for run in runs { #expect(run.status == 0 || run.status == 73, "\(run)") }
        #expect(runs.filter { $0.status == 0 }.count >= 1)
        #expect(entries(dir) == ["out", "s.yaml"], "no staging folder left beside the output")
        #expect(Set(entries(dir.appendingPathComponent("out"))).isSuperset(of: ["plan.json", "report.html", "report.md"]))
        let plan = try #require(text(dir.appendingPathComponent("out/plan.json")))
        #expect(runs.contains { $0.stdout == plan }, "plan.json is one run's whole document")
    }

    @Test("SIGINT or SIGTERM while the set is staged: the staging folder is removed, the old set kept",
          arguments: [SIGINT, SIGTERM])
    func interrupted(signal: Int32) throws {
        try interrupt(with: signal, delays: ["YUBEI_TEST_OUTPUT_DELAY_MS": "20000"])
    }

    /// The run is still writing into its staging folder when the cleanup removes it: the failed
    /// write must not end the process with exit 73 before the signal does (a flake under load).
    @Test("SIGINT or SIGTERM while files are still being staged: the signal, not a write error, ends the run",
          arguments: [SIGINT, SIGTERM])
    func interruptedMidWrite(signal: Int32) throws {
        try interrupt(with: signal, delays: ["YUBEI_TEST_OUTPUT_FILE_DELAY_MS": "300",
                                              "YUBEI_TEST_CLEANUP_DELAY_MS": "1500"])
    }

    private func interrupt(with signal: Int32, delays: [String: String]) throws {
        let dir = try scratch(["s.yaml": Seeds.scenario])
        let first = try runHostile(["solve", "s.yaml", "--out", "out"], in: dir)
        #expect(first.status == 0, "\(first)")
        let before = text(dir.appendingPathComponent("out/plan.json"))
        let process = Process()
        process.executableURL = yubeiBinary
        process.arguments = ["solve", "s.yaml", "--out", "out", "--gap", "0.5"]
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment.merge(delays) { $1 }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the staging folder exists, then interrupt.
        let deadline = Date().addingTimeInterval(60)
        while !entries(dir).contains(where: { $0.hasPrefix(".out.yubei-staging-") }) && Date() < deadline { usleep(20_000) }
        #expect(entries(dir).contains { $0.hasPrefix(".out.yubei-staging-") }, "the run staged its files")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal,
                "ends as interrupted, after cleaning up")
        #expect(entries(dir) == ["out", "s.yaml"], "no staging folder left behind")
        #expect(text(dir.appendingPathComponent("out/plan.json")) == before)
    }

    @Test("a failed first run leaves no empty output folder behind")
    func noEmptyFolder() throws {
        let dir = try scratch(["s.yaml": Seeds.scenario])
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out"), withIntermediateDirectories: false)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out/report.md"), withIntermediateDirectories: false)
        let run = try runHostile(["solve", "s.yaml", "--out", "out"], in: dir)
        #expect(run.status == 73, "\(run)")
        #expect(entries(dir.appendingPathComponent("out")) == ["report.md"])
        let parent = try scratch()
        #expect(throws: OutputFiles.WriteError.self) {
            try OutputFiles.write([(name: "a/b", text: "x")], to: parent.appendingPathComponent("new"))
        }
        #expect(entries(parent).isEmpty)
    }
}
