import Foundation
import Testing
import YubeiLocation

/// The p-median MIP phase is one branch-and-bound run with Benders cuts added as lazy rows:
/// on instances whose LP bound leaves a gap it must still end at the published optimum.
@Suite("p-median branch-and-cut reaches published optima")
struct PMedianBranchAndCutTests {
    /// OR-Library pmed files in the shared data beside the package (pmed2 is also a fixture).
    static func path(_ name: String) -> String {
        let fixture = Fixtures.path("\(name).txt")
        if FileManager.default.fileExists(atPath: fixture) { return fixture }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/data/orlib/pmed/\(name).txt").standardized.path
    }

    @Test("optimum with lazy cuts in one search", arguments: [("pmed2", 4093.0), ("pmed6", 7824.0), ("pmed11", 7696.0)])
    func optimum(name: String, optimum: Double) throws {
        let file = Self.path(name)
        try #require(FileManager.default.fileExists(atPath: file), "missing \(file)")
        let q = try ORLibrary.readPMedian(path: file)
        let s = q.solve()
        #expect(s.status == .optimal)
        #expect(s.objective == optimum)
        #expect(s.bound == optimum)
        #expect(s.open.count == q.p)
        // The gap was closed by branch-and-bound with lazy rows, not by the LP phase alone.
        #expect(s.log.contains { $0.hasPrefix("MIP:") && $0.contains("lazy; optimal") })
    }
}
