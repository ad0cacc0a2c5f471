import Foundation
import Testing
import YubeiTestSupport

/// `yubei locate` end to end: the built binary, real files, stdout, stderr and exit codes.
@Suite("yubei locate (CLI)")
struct LocateCLITests {
    static func file(_ text: String, name: String = "problem.json") throws -> String {
        try scratchFolder(texts: [name: text], prefix: "yubei-locate").appendingPathComponent(name).path
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Three points on a line at 0, 4 and 10 with facilities at 0 and 10; weights 3, 7, 1.
    /// p = 1: opening "西站" (at 10) costs 3·10 + 7·6 + 0 = 72, opening "东站" (at 0) costs 0 + 28 + 10 = 38.
    static let pMedian = """
    {"model": "p-median", "p": 1, "demand": [3, 7, 1],
     "facilities": [{"id": "东站"}, {"id": "西站"}],
     "cost": [[0, 10], [4, 6], [10, 0]]}
    """

    @Test("JSON in, the documented JSON out, exit 0")
    func solvesPMedian() throws {
        let r = try runYubei(["locate", try Self.file(Self.pMedian), "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try Self.json(r.stdout)
        #expect(Set(doc.keys).isSuperset(of: ["model", "status", "objective", "bound", "gap", "open", "assignment", "seconds"]))
        #expect(doc["model"] as? String == "p-median")
        #expect(doc["status"] as? String == "optimal")
        #expect((doc["objective"] as? NSNumber)?.doubleValue == 38)
        #expect((doc["bound"] as? NSNumber)?.doubleValue == 38)
        #expect((doc["gap"] as? NSNumber)?.doubleValue == 0)
        #expect(doc["open"] as? [String] == ["东站"])
        #expect(doc["assignment"] as? [String] == ["东站", "东站", "东站"])
        #expect(doc["seconds"] is NSNumber)
    }

    @Test("human-readable summary without --json")
    func summary() throws {
        let r = try runYubei(["locate", try Self.file(Self.pMedian), "--lang", "en"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("status: optimal"))
        #expect(r.stdout.contains("objective: 38"))
    }

    @Test("infeasible: exit 2, status infeasible, the reason on stderr")
    func infeasible() throws {
        let problem = try Self.file("""
        {"model": "lscp", "radius": 3, "cost": [[1, 9], [9, 9], [9, 2]]}
        """)
        let r = try runYubei(["locate", problem, "--json"])
        #expect(r.status == 2)
        let doc = try Self.json(r.stdout)
        #expect(doc["status"] as? String == "infeasible")
        #expect(doc["objective"] is NSNull)
        #expect(r.stderr.contains("demand points 1 (0-based) have no allowed facility within radius 3"))
    }

    @Test("mclp and uflp through the CLI")
    func otherModels() throws {
        // mclp: radius 5, p 1: facility 0 covers points 0 and 1 (weights 2 + 2), facility 1 covers point 2 (5).
        let mclp = try runYubei(["locate", try Self.file(#"{"model": "mclp", "p": 1, "radius": 5, "demand": [2, 2, 5], "cost": [[1, 9], [4, 9], [9, 5]]}"#), "--json"])
        let m = try Self.json(mclp.stdout)
        #expect((m["objective"] as? NSNumber)?.doubleValue == 5)
        #expect(m["open"] as? [String] == ["1"])
        let assignment = try #require(m["assignment"] as? [Any])
        #expect(assignment[0] is NSNull)
        #expect(assignment[2] as? String == "1")
        // uflp: open both (10 + 10 + 1 + 1) = 22 beats one (10 + 1 + 30) = 41.
        let uflp = try runYubei(["locate", try Self.file(#"{"model": "uflp", "facilities": [{"id": "a", "fixed_cost": 10}, {"id": "b", "fixed_cost": 10}], "cost": [[1, 30], [30, 1]]}"#), "--json"])
        let u = try Self.json(uflp.stdout)
        #expect((u["objective"] as? NSNumber)?.doubleValue == 22)
        #expect(u["open"] as? [String] == ["a", "b"])
    }

    @Test("bad JSON: exit 65, every problem at FILE:LINE:COL, nothing on stdout")
    func badInput() throws {
        let problem = try Self.file("""
        {"model": "p-median",
         "p": -1,
         "cost": [[1, 2], [3, null, 4]]}
        """)
        let r = try runYubei(["locate", problem, "--json"])
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(problem):2:7: error: p: expected a whole number ≥ 1, found -1"))
        #expect(r.stderr.contains("\(problem):3:19: error: cost[1]: expected 2 costs (one per facility), found 3"))
        let syntax = try runYubei(["locate", try Self.file("{\"model\": \"lscp\",\n \"cost\": [[1, 2]\n"), "--json"])
        #expect(syntax.status == 65)
        #expect(syntax.stderr.contains(": error: invalid YAML"))
        let missing = try runYubei(["locate", "/nonexistent/problem.json"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("/nonexistent/problem.json: error: no such file"))
    }

    @Test("usage errors exit 64")
    func usage() throws {
        #expect(try runYubei(["locate"]).status == 64)
        #expect(try runYubei(["locate", "x.json", "--model", "p-mean"]).status == 64)
        #expect(try runYubei(["locate", "x.txt", "--orlib", "pmed", "--model", "cflp"]).status == 64)
        #expect(try runYubei(["locate", "x.txt", "--capacity", "5"]).status == 64)
        #expect(try runYubei(["locate", "x.json", "--gap", "-1"]).status == 64)
    }

    @Test("OR-Library files: cap41 as CFLP to its published optimum; errors as FILE:LINE")
    func orLibrary() throws {
        let cap41 = packageRoot.appendingPathComponent("Tests/YubeiLocationTests/Fixtures/cap41.txt").path
        let r = try runYubei(["locate", "--orlib", "cap", cap41, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try Self.json(r.stdout)
        #expect(doc["model"] as? String == "cflp")
        #expect(abs(((doc["objective"] as? NSNumber)?.doubleValue ?? 0) - 1040444.375) < 0.01)
        #expect((doc["assignment"] as? [Any])?.count == 50)
        let bad = try Self.file("2 1\n10 5\n10 5\n3\n1 zz\n", name: "cap.txt")
        let e = try runYubei(["locate", "--orlib", "cap", bad])
        #expect(e.status == 65)
        #expect(e.stderr.contains("\(bad):5: error: customer 1 cost from warehouse 2: expected a number, found 'zz'"))
    }

    @Test("Holmberg single-source files: p1 to its published optimum; errors as FILE:LINE; model check")
    func holmberg() throws {
        let p1 = packageRoot.appendingPathComponent("Tests/YubeiLocationTests/Fixtures/holmberg-p1.txt").path
        let r = try runYubei(["locate", "--orlib", "sscflp", p1, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try Self.json(r.stdout)
        #expect(doc["model"] as? String == "sscflp")
        #expect(doc["status"] as? String == "optimal")
        #expect((doc["objective"] as? NSNumber)?.doubleValue == 8848)
        #expect((doc["bound"] as? NSNumber)?.doubleValue == 8848)
        #expect((doc["assignment"] as? [Any])?.count == 50)
        let bad = try Self.file("2 1\n5 4\n1 1\n3\n1 -2\n", name: "p.txt")
        let e = try runYubei(["locate", "--orlib", "sscflp", bad])
        #expect(e.status == 65)
        #expect(e.stderr.contains("\(bad):5: error: customer 1 cost from facility 2: expected a number ≥ 0, found -2"))
        #expect(try runYubei(["locate", "--orlib", "sscflp", p1, "--model", "p-median"]).status == 64)
    }

    @Test("a time limit that stops the search: status feasible, exit 0, a solution all the same")
    func timeLimit() throws {
        let pmed2 = packageRoot.appendingPathComponent("Tests/YubeiLocationTests/Fixtures/pmed2.txt").path
        let r = try runYubei(["locate", "--orlib", "pmed", pmed2, "--time-limit", "0.001", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try Self.json(r.stdout)
        #expect(doc["status"] as? String == "feasible")
        #expect((doc["open"] as? [String])?.count == 10)
        #expect(((doc["objective"] as? NSNumber)?.doubleValue ?? 0) >= 4093)
        #expect(r.stderr.contains("time limit"))
    }

    @Test("the textbook model is written as an LP file glpsol reads")
    func textbook() throws {
        let lp = try scratchPath("textbook.lp").path
        let r = try runYubei(["locate", try Self.file(Self.pMedian), "--write-textbook-model", lp])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: lp, encoding: .utf8)
        #expect(text.contains("Minimize"))
        #expect(text.contains("x_1_0"))
    }
}
