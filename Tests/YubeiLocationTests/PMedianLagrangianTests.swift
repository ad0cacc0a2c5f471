import Testing
@testable import YubeiLocation
import YubeiTestSupport

/// The Lagrangian relaxation of the p-median's assignment rows against enumeration of every
/// p-subset: its bound at any radii is below the optimum, and each fixing test's premise (the
/// bound of a facility forced open or closed) is below the best solution with that facility
/// open or closed, so a facility fixed against a threshold has no solution under it.
@Suite("p-median Lagrangian bound and fixing against enumeration")
struct PMedianLagrangianTests {
    /// Every p-subset's cost (required facilities in every subset): the optimum, and the best
    /// cost with each facility open and with it closed.
    static func enumerate(_ q: LocationProblem) -> (optimum: Double, withOpen: [Double], withClosed: [Double]) {
        let m = q.facilities.count
        let required = Set(q.facilities.indices.filter { q.facilities[$0].status == .required })
        var optimum = Double.infinity
        var withOpen = [Double](repeating: .infinity, count: m)
        var withClosed = [Double](repeating: .infinity, count: m)
        PMedianEnumerationTests.forEachSubset(q) { chosen, total in
            guard required.isSubset(of: chosen) else { return }
            optimum = min(optimum, total)
            for j in 0..<m {
                if chosen.contains(j) { withOpen[j] = min(withOpen[j], total) } else { withClosed[j] = min(withClosed[j], total) }
            }
        }
        return (optimum, withOpen, withClosed)
    }

    /// The random planar instances of ``PMedianEnumerationTests``, with facility 0 required on odd seeds.
    static func instance(seed: UInt64, whole: Bool) -> LocationProblem {
        var q = PMedianEnumerationTests.instance(seed: seed, whole: whole)
        if seed % 2 == 1 { q.facilities[0].status = .required }
        return q
    }

    /// One seed's instance, its relaxation, its enumerated costs and the tolerance of comparisons.
    static func setUp(seed: UInt64, whole: Bool) -> (q: LocationProblem, lagrangian: PMedianLagrangian,
                                                      enumerated: (optimum: Double, withOpen: [Double], withClosed: [Double]), tolerance: Double) {
        let q = instance(seed: seed, whole: whole)
        let lagrangian = PMedianLagrangian(problem: q, family: PMedianCuts(problem: q), p: q.p!)
        let enumerated = enumerate(q)
        return (q, lagrangian, enumerated, 1e-7 * max(1, enumerated.optimum))
    }

    @Test("bound at random radii and after ascent is below the optimum", arguments: [true, false])
    func boundIsValid(whole: Bool) {
        for seed in UInt64(1)...30 {
            let (q, lagrangian, (optimum, _, _), tolerance) = Self.setUp(seed: seed, whole: whole)
            let p = q.p!
            let closed = [Bool](repeating: false, count: q.facilityCount)
            var rng = SplitMix64(seed: seed &* 7 &+ 3)
            for _ in 0..<5 {
                let radius = (0..<q.pointCount).map { _ in Double.random(in: 0..<120, using: &rng) }
                let e = lagrangian.evaluate(radius, closed: closed)!
                #expect(e.bound <= optimum + tolerance, "seed \(seed): \(e.bound) > \(optimum)")
                #expect(e.chosen.count == p)
            }
            let start = [Double](repeating: 0, count: q.pointCount)
            let first = lagrangian.evaluate(start, closed: closed)!
            let best = lagrangian.ascend(from: start, closed: closed, upper: optimum * 1.1 + 1, stopAbove: .infinity)!
            #expect(best.bound <= optimum + tolerance, "seed \(seed): \(best.bound) > \(optimum)")
            #expect(best.bound >= first.bound)
            // The ascent gets near the LP bound: within 15 % of the optimum on these instances.
            #expect(best.bound >= 0.85 * optimum, "seed \(seed): \(best.bound) vs \(optimum)")
        }
    }

    @Test("fixing premises hold and fixed facilities have no solution under the threshold", arguments: [true, false])
    func fixingIsValid(whole: Bool) {
        var fixedClosed = 0, fixedOpen = 0
        for seed in UInt64(1)...30 {
            let (q, lagrangian, (optimum, withOpen, withClosed), tolerance) = Self.setUp(seed: seed, whole: whole)
            let p = q.p!
            let closed = [Bool](repeating: false, count: q.facilityCount)
            let start = [Double](repeating: 0, count: q.pointCount)
            let e = lagrangian.ascend(from: start, closed: closed, upper: optimum, stopAbove: .infinity)!
            let needed = p - q.requiredFacilities.count
            guard needed > 0, needed < e.freeByRho.count else { continue }
            let last = e.rho[e.freeByRho[needed - 1]], next = e.rho[e.freeByRho[needed]]
            for (position, j) in e.freeByRho.enumerated() {
                if position < needed {
                    #expect(e.bound - e.rho[j] + next <= withClosed[j] + tolerance, "seed \(seed), facility \(j) closed")
                } else {
                    #expect(e.bound + e.rho[j] - last <= withOpen[j] + tolerance, "seed \(seed), facility \(j) open")
                }
            }
            // Thresholds from the bound up to the optimum: whatever is fixed is right.
            for threshold in [e.bound, (e.bound + optimum) / 2, optimum - 0.5] {
                let (closing, opening) = lagrangian.fixings(e, threshold: threshold, keepOpen: Set(e.chosen))
                for j in closing { #expect(withOpen[j] > threshold - tolerance, "seed \(seed): \(j) fixed closed") }
                for j in opening { #expect(withClosed[j] > threshold - tolerance, "seed \(seed): \(j) fixed open") }
                #expect(Set(closing).isDisjoint(with: e.chosen))
                fixedClosed += closing.count
                fixedOpen += opening.count
            }
        }
        // The tests fixed facilities both ways (so the checks above ran).
        #expect(fixedClosed > 0)
        #expect(fixedOpen > 0)
    }
}
