import Testing
@testable import YubeiLocation
import YubeiTestSupport

/// The p-median search (LP rounds, reduced-cost fixing, the whole-cost cutoff, branch-and-cut)
/// against enumeration of every p-subset, on random planar instances big enough for the LP
/// bound to leave gaps: 12–16 points, every point a candidate site, p from 2 to 5.
@Suite("p-median against enumeration of every p-subset")
struct PMedianEnumerationTests {
    /// A random instance: points in a 100 × 100 square, Euclidean costs (rounded to whole
    /// numbers when `whole`, so the cutoff applies; else kept fractional with fractional weights).
    static func instance(seed: UInt64, whole: Bool) -> LocationProblem {
        var rng = SplitMix64(seed: seed &* 104_729 &+ (whole ? 1 : 2))
        let n = Int.random(in: 12...16, using: &rng)
        let points = (0..<n).map { _ in (Double.random(in: 0..<100, using: &rng), Double.random(in: 0..<100, using: &rng)) }
        var costs: [Double] = []
        for a in points {
            for b in points {
                let d = ((a.0 - b.0) * (a.0 - b.0) + (a.1 - b.1) * (a.1 - b.1)).squareRoot()
                costs.append(whole ? d.rounded() : d)
            }
        }
        let demand = (0..<n).map { _ in whole ? Double(Int.random(in: 1...9, using: &rng)) : Double.random(in: 0.5..<5, using: &rng) }
        let facilities = (0..<n).map { Facility(id: "s\($0)", capacity: nil, fixedCost: 0, status: .candidate) }
        return LocationProblem(model: .pMedian, p: Int.random(in: 2...5, using: &rng), demand: demand,
                               facilities: facilities, costs: costs)
    }

    /// Calls `body` with every p-subset of the facilities and its cost, written without the solver's code.
    /// - Complexity: O(C(m, p) · n · p).
    static func forEachSubset(_ q: LocationProblem, _ body: ([Int], Double) -> Void) {
        let n = q.demand.count, m = q.facilities.count, p = q.p!
        func recurse(_ start: Int, _ chosen: inout [Int]) {
            if chosen.count == p {
                var total = 0.0
                for i in 0..<n { total += q.demand[i] * chosen.map { q.costs[i * m + $0] }.min()! }
                body(chosen, total)
                return
            }
            guard start < m else { return }
            for j in start..<m {
                chosen.append(j)
                recurse(j + 1, &chosen)
                chosen.removeLast()
            }
        }
        var chosen: [Int] = []
        recurse(0, &chosen)
    }

    /// The optimum over every p-subset.
    static func enumerate(_ q: LocationProblem) -> Double {
        var best = Double.infinity
        forEachSubset(q) { _, total in best = min(best, total) }
        return best
    }

    @Test("optimal and equal to enumeration", arguments: [true, false])
    func matchesEnumeration(whole: Bool) {
        var branched = 0
        for seed in UInt64(1)...40 {
            let q = Self.instance(seed: seed, whole: whole)
            let s = q.solve()
            let optimum = Self.enumerate(q)
            #expect(s.status == .optimal, "seed \(seed)")
            #expect(abs((s.objective ?? .infinity) - optimum) <= 1e-6 * max(1, optimum), "seed \(seed): \(s.objective ?? .nan) vs \(optimum)")
            // The bound is valid and closes the gap.
            #expect((s.bound ?? -.infinity) <= optimum + 1e-6 * max(1, optimum), "seed \(seed)")
            #expect((s.bound ?? -.infinity) >= optimum - 1e-6 * max(1, optimum), "seed \(seed)")
            #expect(s.open.count == q.p)
            if s.search.mipSolves > 0 { branched += 1 }
        }
        // With whole costs some instances needed branch-and-cut after the LP rounds (the cutoff
        // and lazy cuts ran). With fractional costs the LP bound closes every one of these small
        // instances once the Lagrangian heuristic has found the optimum.
        if whole { #expect(branched > 0) }
    }
}
