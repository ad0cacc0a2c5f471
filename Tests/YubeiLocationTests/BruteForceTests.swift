import Testing
@testable import YubeiLocation
import YubeiOptimization
import YubeiTestSupport

/// Random small instances of every model, solved by `LocationProblem.solve` and, independently,
/// by enumerating every facility subset (and, for sscflp, every assignment) in the test.
@Suite("Classic location models against brute-force enumeration")
struct BruteForceTests {
    static let seeds: [UInt64] = Array(1...24)

    /// A random instance: 5–7 points, 3–5 facilities, integer costs with some pairs not allowed,
    /// and now and then a required or forbidden facility.
    static func instance(_ model: LocationModelKind, seed: UInt64) -> LocationProblem {
        var rng = SplitMix64(seed: seed &* 7919 &+ UInt64(LocationModelKind.allCases.firstIndex(of: model)!))
        let n = Int.random(in: 5...7, using: &rng)
        let m = Int.random(in: 3...5, using: &rng)
        let costs = (0..<(n * m)).map { _ in
            Double.random(in: 0..<1, using: &rng) < 0.15 ? Double.infinity : Double(Int.random(in: 1...20, using: &rng))
        }
        let demand = (0..<n).map { _ in Double(Int.random(in: 1...5, using: &rng)) }
        let facilities = (0..<m).map { j -> Facility in
            let roll = Int.random(in: 0..<10, using: &rng)
            let status: FacilityStatus = roll == 0 ? .required : roll == 1 ? .forbidden : .candidate
            return Facility(id: "f\(j)", capacity: Double(Int.random(in: 4...14, using: &rng)),
                            fixedCost: Double(Int.random(in: 5...30, using: &rng)), status: status)
        }
        let p = Int.random(in: 1...(m - 1), using: &rng)
        let radius = Double(Int.random(in: model == .lscp ? 10...18 : 6...14, using: &rng))
        return LocationProblem(model: model, p: model.needsP ? p : nil, radius: model.needsRadius ? radius : nil,
                               demand: demand, facilities: facilities, costs: costs)
    }

    // MARK: Enumeration, written without the solver's code

    static func subsets(_ q: LocationProblem) -> [[Int]] {
        let m = q.facilities.count
        return (0..<(1 << m)).compactMap { mask in
            let set = (0..<m).filter { mask & (1 << $0) != 0 }
            for j in 0..<m {
                if q.facilities[j].status == .required && !set.contains(j) { return nil }
                if q.facilities[j].status == .forbidden && set.contains(j) { return nil }
            }
            return set
        }
    }

    static func c(_ q: LocationProblem, _ i: Int, _ j: Int) -> Double { q.costs[i * q.facilities.count + j] }

    static func nearestCost(_ q: LocationProblem, _ i: Int, _ set: [Int]) -> Double {
        set.map { c(q, i, $0) }.min() ?? .infinity
    }

    /// The optimum by enumeration, or `nil` when no solution exists.
    static func bruteForce(_ q: LocationProblem) -> Double? {
        let n = q.demand.count
        let sets = subsets(q)
        let radius = q.radius ?? 0
        var best: Double?
        func consider(_ value: Double, maximise: Bool = false) {
            guard value.isFinite else { return }
            if let b = best { best = maximise ? max(b, value) : min(b, value) } else { best = value }
        }
        switch q.model {
        case .pMedian:
            for s in sets where s.count == q.p! {
                consider((0..<n).reduce(0.0) { $0 + q.demand[$1] * nearestCost(q, $1, s) })
            }
        case .pCenter:
            for s in sets where s.count == q.p! {
                consider((0..<n).map { nearestCost(q, $0, s) }.max()!)
            }
        case .lscp:
            for s in sets where (0..<n).allSatisfy({ i in s.contains { c(q, i, $0) <= radius } }) {
                consider(Double(s.count))
            }
        case .mclp:
            for s in sets where s.count == q.p! {
                consider((0..<n).filter { i in s.contains { c(q, i, $0) <= radius } }.reduce(0.0) { $0 + q.demand[$1] }, maximise: true)
            }
        case .uflp:
            for s in sets where !s.isEmpty {
                consider(s.reduce(0.0) { $0 + q.facilities[$1].fixedCost } + (0..<n).reduce(0.0) { $0 + nearestCost(q, $1, s) })
            }
        case .cflp:
            for s in sets where !s.isEmpty {
                if let transport = transportation(q, s) {
                    consider(s.reduce(0.0) { $0 + q.facilities[$1].fixedCost } + transport)
                }
            }
        case .sscflp:
            // Every assignment of points to allowed facilities with a finite cost.
            let m = q.facilities.count
            var choice = [Int](repeating: 0, count: n)
            func recurse(_ i: Int) {
                if i == n {
                    var load = [Double](repeating: 0, count: m)
                    var total = 0.0
                    for k in 0..<n { load[choice[k]] += q.demand[k]; total += c(q, k, choice[k]) }
                    var open = Set(choice)
                    for j in 0..<m where q.facilities[j].status == .required { open.insert(j) }
                    guard (0..<m).allSatisfy({ load[$0] <= q.facilities[$0].capacity! + 1e-9 }) else { return }
                    consider(total + open.reduce(0.0) { $0 + q.facilities[$1].fixedCost })
                    return
                }
                for j in 0..<m where q.facilities[j].status != .forbidden && c(q, i, j).isFinite {
                    choice[i] = j
                    recurse(i + 1)
                }
            }
            recurse(0)
        }
        return best
    }

    /// The cheapest splittable service of every point by the facilities of `set` (plain Swift,
    /// see ``cheapestSplittableService(_:open:)``), or `nil` when none exists.
    static func transportation(_ q: LocationProblem, _ set: [Int]) -> Double? {
        cheapestSplittableService(q, open: set)
    }

    // MARK: Checks of the solver's answer

    /// Recomputes the objective from the reported open set and assignment and checks the constraints.
    static func check(_ q: LocationProblem, _ s: LocationSolution) {
        let n = q.demand.count
        for j in s.open { #expect(q.facilities[j].status != .forbidden) }
        for j in q.facilities.indices where q.facilities[j].status == .required { #expect(s.open.contains(j)) }
        if let p = q.p, q.model.needsP { #expect(s.open.count == p) }
        let radius = q.radius ?? 0
        var recomputed = 0.0
        switch q.model {
        case .pMedian, .pCenter:
            for i in 0..<n {
                guard let j = s.assignment[i] else { Issue.record("point \(i) unserved"); return }
                #expect(s.open.contains(j))
                #expect(c(q, i, j) == nearestCost(q, i, s.open))
                recomputed = q.model == .pMedian ? recomputed + q.demand[i] * c(q, i, j) : max(recomputed, c(q, i, j))
            }
        case .lscp:
            for i in 0..<n { #expect(s.assignment[i].map { c(q, i, $0) <= radius } == true) }
            recomputed = Double(s.open.count)
        case .mclp:
            for i in 0..<n where s.open.contains(where: { c(q, i, $0) <= radius }) { recomputed += q.demand[i] }
        case .uflp, .cflp, .sscflp:
            recomputed = s.open.reduce(0.0) { $0 + q.facilities[$1].fixedCost }
            var load = [Double](repeating: 0, count: q.facilities.count)
            for i in 0..<n {
                let total = s.shares[i].reduce(0.0) { $0 + $1.fraction }
                #expect(abs(total - 1) < 1e-6, "point \(i) served \(total)")
                if q.model != .cflp { #expect(s.shares[i].count == 1) }
                for (j, f) in s.shares[i] {
                    #expect(s.open.contains(j))
                    recomputed += c(q, i, j) * f
                    load[j] += q.demand[i] * f
                }
            }
            if q.model != .uflp {
                for j in q.facilities.indices { #expect(load[j] <= q.facilities[j].capacity! + 1e-6) }
            }
        }
        #expect(abs(recomputed - s.objective!) <= 1e-6 * max(1, abs(recomputed)), "reported \(s.objective!), recomputed \(recomputed)")
    }

    @Test("optimum equals enumeration", arguments: LocationModelKind.allCases)
    func optimumEqualsEnumeration(model: LocationModelKind) {
        var infeasible = 0
        for seed in Self.seeds {
            let q = Self.instance(model, seed: seed)
            let s = q.solve()
            let expected = Self.bruteForce(q)
            if let expected {
                #expect(s.status == .optimal, "seed \(seed): \(s.status) \(s.explanation.map(\.en))")
                guard let objective = s.objective else { continue }
                #expect(abs(objective - expected) <= 1e-6 * max(1, abs(expected)), "seed \(seed): solver \(objective), enumeration \(expected)")
                #expect(s.bound.map { abs($0 - expected) <= 1e-6 * max(1, abs(expected)) } == true, "seed \(seed): bound \(String(describing: s.bound))")
                Self.check(q, s)
            } else {
                infeasible += 1
                #expect(s.status == .infeasible, "seed \(seed): enumeration finds no solution, solver says \(s.status)")
                #expect(!s.explanation.isEmpty || q.model == .sscflp || q.model == .pMedian || q.model == .pCenter)
            }
        }
        // The instances must exercise solutions, not only infeasibility.
        #expect(infeasible < Self.seeds.count / 2)
    }

    @Test("facility location stays exact with link rows only for each point's cheapest pair",
          arguments: [LocationModelKind.uflp, .cflp, .sscflp])
    func partialLinkRows(model: LocationModelKind) throws {
        for seed in Self.seeds {
            let q = Self.instance(model, seed: seed)
            guard let expected = Self.bruteForce(q), q.infeasibilityReasons()?.isEmpty != false else { continue }
            let (m, _, _) = FacilityLocationSolver.strongModel(q, maxLinkRows: 0, linkRowsPerPoint: 1)
            let result = try m.solve()
            #expect(result.isOptimal, "seed \(seed)")
            #expect(abs((result.objectiveValue ?? .nan) - expected) <= 1e-6 * max(1, expected), "seed \(seed): \(result.objectiveValue ?? .nan) vs \(expected)")
        }
    }

    @Test("the greedy CFLP solution (reported when a limit strikes first) respects every capacity")
    func greedyCFLP() throws {
        var checked = 0
        for seed in Self.seeds {
            let q = Self.instance(.cflp, seed: seed)
            let solver = FacilityLocationSolver(problem: q, options: LocationOptions(), clock: SolveClock(limit: nil))
            guard let greedy = solver.greedyCFLP() else { continue }
            checked += 1
            var load = [Double](repeating: 0, count: q.facilities.count)
            for (i, list) in greedy.shares.enumerated() {
                #expect(abs(list.reduce(0.0) { $0 + $1.fraction } - 1) < 1e-9)
                for (j, f) in list {
                    #expect(greedy.open.contains(j))
                    #expect(Self.c(q, i, j).isFinite)
                    load[j] += f * q.demand[i]
                }
            }
            for j in q.facilities.indices {
                #expect(load[j] <= (q.facilities[j].capacity ?? 0) + 1e-9)
                if q.facilities[j].status == .required { #expect(greedy.open.contains(j)) }
                if q.facilities[j].status == .forbidden { #expect(!greedy.open.contains(j)) }
            }
        }
        #expect(checked > 0)
    }

    @Test("p-median with demand points far apart needs the widest distances")
    func pMedianBothMethods() {
        // Two clusters and p = 2 on a line: 0,1,2 and 100,101,102 (every point a candidate).
        let xs: [Double] = [0, 1, 2, 100, 101, 102]
        let costs = xs.flatMap { a in xs.map { b in abs(a - b) } }
        let q = LocationProblem(model: .pMedian, p: 2, demand: [1, 1, 1, 1, 1, 1],
                                facilities: xs.indices.map { Facility(id: "\($0)") }, costs: costs)
        let s = q.solve()
        #expect(s.status == .optimal)
        #expect(s.objective == 4)  // medians 1 and 101: 1 + 0 + 1 on each side
        #expect(s.open == [1, 4])
    }
}
