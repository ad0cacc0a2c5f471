import Testing
@testable import YubeiLocation
import YubeiOptimization
import YubeiTestSupport

/// The Benders CFLP path (used above 20,000 pairs, as for capa, capb, capc) against an
/// independent answer: every open set enumerated, each with its transportation problem solved
/// in plain Swift (``CapacitatedRowGenerationTests/enumerated(_:)``).
@Suite("CFLP by Benders decomposition against enumeration")
struct CapacitatedBendersTests {
    /// Settings that make each part of the search do the work: the full method; no Lagrangian
    /// cuts in the master and no fractional rounds (every cut from an integral point); few
    /// subgradient rounds (weak fixing, a weak incumbent) with fractional rounds at every node;
    /// a heuristic master over the two facilities rated cheapest before the full one. Each with
    /// the node duals (``CapacitatedNodeLagrangian``, the default) and the first two without;
    /// the last two with node duals of one or two subgradient steps (weak bounds, many nodes).
    static let settings: [(dual: Int, cuts: Int, root: Int, node: Int, heuristicAbove: Int, nodeDuals: Bool, steps: Int)] = [
        (600, 120, 40, 2, 40, true, 40), (600, 0, 0, 0, 40, true, 40), (3, 5, 40, 5, 40, true, 40), (3, 5, 40, 1, 0, true, 40),
        (600, 120, 40, 2, 40, false, 0), (3, 5, 40, 1, 0, false, 0), (3, 0, 0, 0, 40, true, 1), (3, 5, 3, 1, 0, true, 2),
    ]

    @Test("same optimum as enumeration, every row respected, a valid bound",
          arguments: Array(UInt64(1)...16), 0..<8)
    func matchesEnumeration(seed: UInt64, setting: Int) throws {
        let problem = CapacitatedRowGenerationTests.instance(seed: seed)
        let expected = try CapacitatedRowGenerationTests.enumerated(problem)
        var solver = CapacitatedBenders(problem: problem, options: LocationOptions(), clock: SolveClock(limit: nil))
        let s = Self.settings[setting]
        solver.dualIterations = s.dual
        solver.masterCuts = s.cuts
        solver.rootRounds = s.root
        solver.nodeRounds = s.node
        solver.heuristicAbove = s.heuristicAbove
        solver.candidateFacilities = 2
        solver.nodeLagrangian = s.nodeDuals
        solver.nodeLagrangianSteps = s.steps
        solver.rootLagrangianSteps = s.steps
        let solution = try solver.solve()
        guard let expected else {
            #expect(solution.status != .optimal && solution.status != .feasible, "seed \(seed)")
            return
        }
        #expect(solution.status == .optimal, "seed \(seed) setting \(setting)")
        let objective = try #require(solution.objective)
        #expect(abs(objective - expected) <= 1e-6 * max(1, expected), "seed \(seed) setting \(setting): \(objective) vs \(expected)")
        let bound = try #require(solution.bound)
        #expect(bound <= expected + 1e-6 * max(1, expected), "seed \(seed): bound \(bound) above the optimum \(expected)")
        CapacitatedRowGenerationTests.checkRows(problem, solution)
        #expect((solution.search.transportationSolves ?? 0) > 0)
    }

    @Test("the node duals prune nodes, fix facilities and screen integral points on these instances")
    func nodeDualsWork() throws {
        var pruned = 0, fixed = 0, screened = 0
        for seed in UInt64(1)...16 {
            let problem = CapacitatedRowGenerationTests.instance(seed: seed)
            var solver = CapacitatedBenders(problem: problem, options: LocationOptions(), clock: SolveClock(limit: nil))
            solver.dualIterations = 3
            solver.masterCuts = 0
            solver.rootRounds = 0
            solver.heuristicAbove = problem.facilityCount
            // A weak root (no steps), strong nodes: the tree has nodes to prune.
            solver.rootLagrangianSteps = 0
            solver.nodeLagrangianSteps = 100
            let solution = try solver.solve()
            for line in solution.log where line.hasPrefix("cflp master:") {
                func count(_ word: String) -> Int {
                    guard let range = line.range(of: word + " ") else { return 0 }
                    return Int(line[range.upperBound...].prefix { $0.isNumber }) ?? 0
                }
                pruned += count("pruned")
                fixed += count("fixed")
                screened += count("screened")
            }
        }
        #expect(pruned > 0)
        #expect(fixed > 0)
        #expect(screened > 0)
    }

    @Test("stopped before the master when too many facilities are left: its incumbent and a valid bound",
          arguments: Array(UInt64(1)...16))
    func handsOverWithManyFacilitiesLeft(seed: UInt64) throws {
        let problem = CapacitatedRowGenerationTests.instance(seed: seed)
        let expected = try CapacitatedRowGenerationTests.enumerated(problem)
        var solver = CapacitatedBenders(problem: problem, options: LocationOptions(), clock: SolveClock(limit: nil))
        solver.masterFacilities = 0
        solver.heuristicAbove = problem.facilityCount
        let solution = try solver.solve()
        guard let expected else {
            #expect(solution.status != .optimal, "seed \(seed)")
            return
        }
        // Every facility the fixing leaves counts, so only a fixing that closes all but the
        // incumbent's (none left beyond it) may still prove it.
        let objective = try #require(solution.objective)
        #expect(objective >= expected - 1e-6 * max(1, expected), "seed \(seed)")
        if solution.status == .optimal { #expect(abs(objective - expected) <= 1e-6 * max(1, expected), "seed \(seed)") }
        let bound = try #require(solution.bound)
        #expect(bound <= expected + 1e-6 * max(1, expected), "seed \(seed): bound \(bound) above the optimum \(expected)")
        #expect(solution.log.contains { $0.contains("stopped with the incumbent") } || solution.status == .optimal, "seed \(seed)")
    }

    @Test("every Lagrangian iterate is a valid cut: below the transportation cost of every open set")
    func lagrangianCutsAreValid() throws {
        for seed in UInt64(1)...8 {
            let problem = CapacitatedRowGenerationTests.instance(seed: seed)
            let solver = CapacitatedBenders(problem: problem, options: LocationOptions(), clock: SolveClock(limit: nil))
            let rows = CapacitatedRowGeneration(problem: problem, options: LocationOptions(), clock: SolveClock(limit: nil))
            var cuts: [CapacitatedBenders.Cut] = []
            _ = rows.dualSearch(target: .infinity, iterations: 40, expired: { false }) { base, point in
                var k = [Double](repeating: 0, count: problem.facilityCount)
                for j in problem.allowedFacilities { k[j] = point.rho[j] - problem.facilities[j].fixedCost }
                cuts.append(CapacitatedBenders.Cut(constant: base, coefficients: k))
            }
            let m = problem.facilityCount
            for mask in 1..<(1 << m) {
                let open = (0..<m).filter { mask & (1 << $0) != 0 && problem.isAllowed($0) }
                guard let z = cheapestSplittableService(problem, open: open) else { continue }
                for cut in cuts { #expect(cut.value(at: open) <= z + 1e-6 * max(1, z), "seed \(seed) open \(open)") }
                // The cut of the transportation duals is tight at its own open set.
                if let t = solver.transport(open: open) {
                    #expect(abs(t.cost - z) <= 1e-6 * max(1, z))
                    #expect(abs(solver.cut(t.duals).value(at: open) - z) <= 1e-6 * max(1, z), "seed \(seed) open \(open)")
                }
            }
        }
    }
}
