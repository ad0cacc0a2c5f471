import Testing
@testable import YubeiLocation
import YubeiOptimization
import YubeiTestSupport

/// The row-generation CFLP path (for large CFLPs before ``CapacitatedBenders``) against an
/// independent answer: every open set enumerated, each with its transportation problem solved in plain Swift.
@Suite("CFLP by link-row generation against enumeration")
struct CapacitatedRowGenerationTests {
    /// A random CFLP: 6–9 points, 4–6 facilities, capacities that bind, now and then a pair not
    /// allowed, a zero-demand point, a required or a forbidden facility.
    static func instance(seed: UInt64) -> LocationProblem {
        var rng = SplitMix64(seed: seed &* 104_729 &+ 17)
        let n = Int.random(in: 6...9, using: &rng)
        let m = Int.random(in: 4...6, using: &rng)
        var demand = (0..<n).map { _ in Double(Int.random(in: 1...20, using: &rng)) }
        if Int.random(in: 0..<4, using: &rng) == 0 { demand[0] = 0 }
        let total = demand.reduce(Double(0), +)
        let low = Int(total / 4), high = Int(total / 2) + 1
        var facilities: [Facility] = []
        for j in 0..<m {
            let capacity = Double(Int.random(in: low...high, using: &rng))
            let fixed = Double(Int.random(in: 20...120, using: &rng))
            facilities.append(Facility(id: "F\(j)", capacity: capacity, fixedCost: fixed))
        }
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: facilities[1].status = .required
        case 1: facilities[2].status = .forbidden
        default: break
        }
        var costs = (0..<(n * m)).map { _ in Double(Int.random(in: 1...60, using: &rng)) }
        for i in 0..<n where Int.random(in: 0..<5, using: &rng) == 0 { costs[i * m + Int.random(in: 0..<m, using: &rng)] = .infinity }
        return LocationProblem(model: .cflp, demand: demand, facilities: facilities, costs: costs)
    }

    /// The optimum by enumeration: each open set containing the required facilities and none
    /// of the forbidden, served by its transportation problem (plain Swift, ``cheapestSplittableService(_:open:)``);
    /// `nil` when none is feasible.
    static func enumerated(_ problem: LocationProblem) throws -> Double? {
        let m = problem.facilityCount
        var best: Double?
        for mask in 1..<(1 << m) {
            let open = (0..<m).filter { mask & (1 << $0) != 0 }
            guard open.allSatisfy(problem.isAllowed), problem.requiredFacilities.allSatisfy(open.contains) else { continue }
            guard let z = cheapestSplittableService(problem, open: open) else { continue }
            let total = z + open.reduce(Double(0)) { $0 + problem.facilities[$1].fixedCost }
            best = min(best ?? .infinity, total)
        }
        return best
    }

    /// With `direct` 0 the strong LP is generated (over the facilities the first fixing leaves)
    /// even on these small instances, as on capa, capb, capc.
    /// Every row of a CFLP solution: each point fully served by open, allowed pairs; no capacity exceeded.
    static func checkRows(_ problem: LocationProblem, _ solution: LocationSolution) {
        var load = [Double](repeating: 0, count: problem.facilityCount)
        for (i, list) in solution.shares.enumerated() {
            #expect(abs(list.reduce(Double(0)) { $0 + $1.fraction } - 1) <= 1e-6)
            for (j, f) in list {
                #expect(solution.open.contains(j))
                #expect(problem.cost(i, j).isFinite)
                load[j] += problem.demand[i] * f
            }
        }
        for j in solution.open { #expect(load[j] <= problem.facilities[j].capacity! * (1 + 1e-6)) }
        #expect(problem.requiredFacilities.allSatisfy(solution.open.contains))
        #expect(solution.open.allSatisfy(problem.isAllowed))
    }

    @Test("same optimum as enumeration, every row respected", arguments: Array(UInt64(1)...16), [15_000, 0])
    func matchesEnumeration(seed: UInt64, direct: Int) throws {
        let problem = Self.instance(seed: seed)
        let expected = try Self.enumerated(problem)
        // No seeded link rows and one row per round: the generation loop does all the work.
        var solver = CapacitatedRowGeneration(problem: problem, options: LocationOptions(), clock: SolveClock(limit: nil))
        solver.seedLinks = 0
        solver.rowsPerRound = 1
        solver.directPairs = direct
        let solution = try solver.solve()
        guard let expected else {
            #expect(solution.status != .optimal && solution.status != .feasible)
            return
        }
        #expect(solution.status == .optimal)
        let objective = try #require(solution.objective)
        #expect(abs(objective - expected) <= 1e-6 * max(1, expected), "seed \(seed): \(objective) vs \(expected)")
        let bound = try #require(solution.bound)
        #expect(bound <= expected + 1e-6 * max(1, expected), "seed \(seed): bound \(bound) above the optimum \(expected)")
        CapacitatedRowGenerationTests.checkRows(problem, solution)
        // The ordinary strong model agrees.
        let direct = problem.solve()
        #expect(abs((direct.objective ?? .nan) - objective) <= 1e-6 * max(1, objective))
    }

    @Test("large CFLP instances take the Benders path")
    func largeInstancesUseBenders() throws {
        var rng = SplitMix64(seed: 42)
        let n = 210, m = 100
        let demand = (0..<n).map { _ in Double(Int.random(in: 1...10, using: &rng)) }
        let facilities = (0..<m).map { j in Facility(id: "F\(j)", capacity: 60, fixedCost: Double(Int.random(in: 50...150, using: &rng))) }
        let costs = (0..<(n * m)).map { _ in Double(Int.random(in: 1...40, using: &rng)) }
        let problem = LocationProblem(model: .cflp, demand: demand, facilities: facilities, costs: costs)
        #expect(n * m > FacilityLocationSolver.rowGenerationThreshold)
        let solution = problem.solve()
        #expect(solution.status == .optimal)
        #expect((solution.search.transportationSolves ?? 0) > 0)
        let total = demand.reduce(Double(0), +)
        #expect(Double(solution.open.count) * 60 >= total)
    }
}
