import Foundation
import Testing
import YubeiOptimization

@Suite struct SolveStatusTests {
    @Test func jsonWordsAreThoseOfTheContract() throws {
        // FORMATS.md §1 spells the words; scripts compare them.
        let words = SolveStatus.allCases.map(\.rawValue)
        #expect(words == ["optimal", "feasible", "infeasible", "unbounded", "no-solution", "error"])
        let data = try JSONEncoder().encode(["status": SolveStatus.noSolution])
        #expect(String(decoding: data, as: UTF8.self) == #"{"status":"no-solution"}"#)
        let back = try JSONDecoder().decode([String: SolveStatus].self, from: Data(#"{"s":"feasible"}"#.utf8))
        #expect(back["s"] == .feasible)
    }

    @Test func derivedFromTerminationAndSolution() {
        #expect(SolveStatus(termination: .optimal, hasSolution: true) == .optimal)
        #expect(SolveStatus(termination: .optimal, hasSolution: false) == .error)
        #expect(SolveStatus(termination: .infeasible, hasSolution: false) == .infeasible)
        #expect(SolveStatus(termination: .infeasibleOrUnbounded, hasSolution: false) == .unbounded)
        #expect(SolveStatus(termination: .limitReached(.time), hasSolution: true) == .feasible)
        #expect(SolveStatus(termination: .limitReached(.interrupted), hasSolution: false) == .noSolution)
        #expect(SolveStatus(termination: .numericalError, hasSolution: true) == .feasible)
        #expect(SolveStatus(termination: .otherError, hasSolution: false) == .error)
        #expect(SolveStatus.allCases.filter(\.hasSolution) == [.optimal, .feasible])
    }
}
