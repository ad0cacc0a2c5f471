import Foundation
import Testing
import YubeiCore
@testable import YubeiLocation
import YubeiOptimization
import YubeiTestSupport

/// The node bounds of the single-source solver (``SingleSourceNodeBound``): the Lagrangian
/// relaxation restricted to a branch-and-bound node (facilities forced and banned, customers
/// assigned, pairs removed), the fixings it proves, and the whole solver with node bounds on,
/// each checked against plain enumeration of every single-source solution.
@Suite("Single-source node bounds")
struct SingleSourceNodeBoundTests {
    /// Every single-source solution of `q`: each customer's facility and the cost with the
    /// facilities in `opened` paying their fixed cost even when they serve nobody.
    static func solutions(_ q: LocationProblem) -> [[Int]] {
        let n = q.pointCount, m = q.facilityCount
        var choice = [Int](repeating: 0, count: n)
        var load = [Double](repeating: 0, count: m)
        var all: [[Int]] = []
        func recurse(_ i: Int) {
            if i == n { all.append(choice); return }
            for j in 0..<m where q.facilities[j].status != .forbidden {
                guard q.cost(i, j).isFinite, load[j] + q.demand[i] <= q.facilities[j].capacity! else { continue }
                choice[i] = j
                load[j] += q.demand[i]
                recurse(i + 1)
                load[j] -= q.demand[i]
            }
        }
        recurse(0)
        return all
    }

    /// A random node restriction and the cheapest solution that respects it (open facilities:
    /// those used, required or forced), or `nil` when none does.
    static func restrictedOptimum(_ q: LocationProblem, _ all: [[Int]], forced: Set<Int>, banned: Set<Int>,
                                  restriction: SingleSourceLagrangian.Restriction) -> (cost: Double, facility: [Int], open: Set<Int>)? {
        let m = q.facilityCount
        var best: (cost: Double, facility: [Int], open: Set<Int>)?
        for s in all {
            var open = Set(s).union(forced)
            for j in 0..<m where q.facilities[j].status == .required { open.insert(j) }
            guard open.isDisjoint(with: banned) else { continue }
            guard restriction.assigned.allSatisfy({ s[$0.key] == $0.value }) else { continue }
            guard s.enumerated().allSatisfy({ !restriction.removed.contains($0.offset * m + $0.element) }) else { continue }
            var cost = open.reduce(0.0) { $0 + q.facilities[$1].fixedCost }
            for (i, j) in s.enumerated() { cost += q.cost(i, j) }
            if best.map({ cost < $0.cost }) ?? true { best = (cost, s, open) }
        }
        return best
    }

    static func randomRestriction(_ q: LocationProblem, _ all: [[Int]], using rng: inout SplitMix64)
        -> (forced: Set<Int>, banned: Set<Int>, restriction: SingleSourceLagrangian.Restriction) {
        let n = q.pointCount, m = q.facilityCount
        var forced = Set<Int>(), banned = Set<Int>()
        for j in 0..<m where q.facilities[j].status == .candidate {
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: forced.insert(j)
            case 1: banned.insert(j)
            default: break
            }
        }
        var restriction = SingleSourceLagrangian.Restriction()
        // Assign a few customers as some solution does (so that the node is often feasible).
        if let s = all.randomElement(using: &rng) {
            for i in 0..<n where Int.random(in: 0..<4, using: &rng) == 0 && !banned.contains(s[i]) { restriction.assigned[i] = s[i] }
        }
        for i in 0..<n where restriction.assigned[i] == nil {
            for j in 0..<m where Int.random(in: 0..<6, using: &rng) == 0 { restriction.removed.insert(i * m + j) }
        }
        return (forced, banned, restriction)
    }

    @Test("the node relaxation never exceeds the cheapest solution of its node, nor falls below the root's, for any multipliers")
    func restrictedBoundValid() {
        var rng = SplitMix64(seed: 515)
        var checked = 0, raised = 0
        for seed in SingleSourceTests.seeds.prefix(16) {
            let q = SingleSourceTests.instance(seed: seed)
            let all = Self.solutions(q)
            guard !all.isEmpty else { continue }
            let lagrangian = SingleSourceLagrangian(problem: q)
            for _ in 0..<12 {
                let node = Self.randomRestriction(q, all, using: &rng)
                guard let optimum = Self.restrictedOptimum(q, all, forced: node.forced, banned: node.banned, restriction: node.restriction) else { continue }
                for _ in 0..<6 {
                    let lambda = (0..<q.pointCount).map { i in
                        (0..<q.facilityCount).map { q.cost(i, $0) }.filter(\.isFinite).min()! + Double.random(in: -5...30, using: &rng)
                    }
                    let e = lagrangian.evaluate(lambda, forced: node.forced, banned: node.banned, restriction: node.restriction)
                    #expect(e.bound <= optimum.cost + 1e-9, "seed \(seed): node bound \(e.bound) above the node's optimum \(optimum.cost)")
                    checked += 1
                    // Restricting never lowers the bound at the same multipliers, and often raises it.
                    let free = lagrangian.evaluate(lambda)
                    #expect(e.bound >= free.bound - 1e-9, "seed \(seed): the node's bound \(e.bound) below the root's \(free.bound)")
                    if e.bound > free.bound + 1e-6 { raised += 1 }
                }
            }
        }
        #expect(checked > 200)
        #expect(raised > checked / 4)
    }

    @Test("node fixings at the node's optimum as cut-off never remove that solution's facilities or pairs")
    func restrictedFixingValid() {
        var rng = SplitMix64(seed: 616)
        var fixedSomething = 0
        for seed in SingleSourceTests.seeds.prefix(16) {
            let q = SingleSourceTests.instance(seed: seed)
            let all = Self.solutions(q)
            guard !all.isEmpty else { continue }
            let lagrangian = SingleSourceLagrangian(problem: q)
            let m = q.facilityCount
            for _ in 0..<10 {
                let node = Self.randomRestriction(q, all, using: &rng)
                guard let optimum = Self.restrictedOptimum(q, all, forced: node.forced, banned: node.banned, restriction: node.restriction) else { continue }
                let lambda = (0..<q.pointCount).map { i in
                    (0..<m).map { q.cost(i, $0) }.filter(\.isFinite).min()! + Double.random(in: 0...25, using: &rng)
                }
                var forced = node.forced
                for j in node.restriction.assigned.values { forced.insert(j) }
                let e = lagrangian.evaluate(lambda, forced: forced, banned: node.banned, restriction: node.restriction)
                // The cut-off a hair above the node's optimum: bounds can equal it exactly, and
                // the solver's cut-offs keep such a margin (incumbent − 1 + 10⁻⁶ for whole costs).
                let cutoff = optimum.cost + 1e-6
                let pairs = lagrangian.pairFixings(at: e, cutoff: cutoff, forced: forced, banned: node.banned, restriction: node.restriction)
                fixedSomething += pairs.count
                for (i, j) in pairs {
                    #expect(optimum.facility[i] != j, "seed \(seed): pair (\(i), \(j)) of the node's optimum fixed out")
                }
                if node.restriction.assigned.isEmpty {
                    let e0 = lagrangian.evaluate(lambda, forced: node.forced, banned: node.banned, restriction: node.restriction)
                    let facilities = lagrangian.facilityFixings(at: e0, cutoff: cutoff, forced: node.forced, banned: node.banned)
                    fixedSomething += facilities.closed.count + facilities.open.count
                    for j in facilities.closed { #expect(!optimum.open.contains(j), "seed \(seed): facility \(j) of the node's optimum closed") }
                    for j in facilities.open { #expect(optimum.open.contains(j), "seed \(seed): facility \(j) fixed open, the node's optimum closes it") }
                }
            }
        }
        #expect(fixedSomething > 0)
    }

    /// The solver with node bounds on and a short Lagrangian phase, so that the MIP does the work.
    static func solveWithNodeBounds(_ q: LocationProblem) -> LocationSolution {
        var solver = SingleSourceSolver(problem: q, options: LocationOptions(), clock: SolveClock(limit: nil))
        solver.nodeBounds = true
        solver.maxIterations = 3
        solver.restrictedShare = 0
        return (try? solver.solve()) ?? LocationSolution(model: .sscflp, status: .noSolution)
    }

    @Test("with node bounds, optimum and bound equal enumeration on random tight instances")
    func solverAgainstEnumeration() {
        var solved = 0, withNodes = 0
        for seed in SingleSourceTests.seeds.prefix(24) {
            let q = SingleSourceTests.instance(seed: seed)
            let s = Self.solveWithNodeBounds(q)
            guard SingleSourceTests.expectEnumerated(q, s, seed: seed) else { continue }
            solved += 1
            if s.log.contains(where: { $0.contains("node bounds at") && !$0.contains("node bounds at 0 nodes") }) { withNodes += 1 }
        }
        #expect(solved >= 12)
        #expect(withNodes > 0, "no instance reached the node bounds")
    }

    @Test("with node bounds, Holmberg p1 and p13 to their published optima", arguments: [("holmberg-p1.txt", 8848.0), ("holmberg-p13.txt", 8252.0)])
    func holmberg(name: String, optimum: Double) throws {
        let q = try ORLibrary.readHolmberg(path: Fixtures.path(name))
        var solver = SingleSourceSolver(problem: q, options: LocationOptions(), clock: SolveClock(limit: nil))
        solver.nodeBounds = true
        solver.maxIterations = 40
        let s = try solver.solve()
        #expect(s.status == .optimal)
        #expect(s.objective == optimum)
        #expect(s.bound == optimum)
        BruteForceTests.check(q, s)
        #expect(s.log.contains { $0.contains("node bounds at") || $0.contains("Lagrangian") })
    }
}
