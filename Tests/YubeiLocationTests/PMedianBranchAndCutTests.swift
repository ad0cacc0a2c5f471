import Foundation
import Testing
import YubeiLocation

/// The p-median MIP phase is one branch-and-bound run with Benders cuts added as lazy rows:
/// on instances whose LP bound leaves a gap it must still end at the published optimum.
@Suite("p-median branch-and-cut reaches published optima")
struct PMedianBranchAndCutTests {
    @Test("optimum with lazy cuts in one search", arguments: [("pmed2", 4093.0), ("pmed6", 7824.0), ("pmed11", 7696.0)])
    func optimum(name: String, optimum: Double) throws {
        let q = try ORLibrary.readPMedian(path: Fixtures.path("\(name).txt"))
        let s = q.solve()
        #expect(s.status == .optimal)
        #expect(s.objective == optimum)
        #expect(s.bound == optimum)
        #expect(s.open.count == q.p)
        // The gap was closed by branch-and-bound with lazy rows, not by the LP phase alone.
        #expect(s.search.mipSolves >= 1)
    }
}
