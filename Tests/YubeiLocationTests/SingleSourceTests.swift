import Foundation
import Testing
import YubeiCore
@testable import YubeiLocation
import YubeiOptimization
import YubeiTestSupport

/// Single-source capacitated location: the Holmberg reader, the published optima of p1 and
/// p13, and every part of the solver (knapsacks, Lagrangian bound, fixing, heuristic) checked
/// against plain enumeration written here, independent of the solver and the modelling layer.
@Suite("Single-source capacitated location")
struct SingleSourceTests {
    // MARK: Oracle

    /// Every single-source assignment of `q` (capacities, forbidden, required honoured): the
    /// cheapest one and its cost, or `nil` when none exists.
    static func enumerate(_ q: LocationProblem) -> (cost: Double, facility: [Int])? {
        let n = q.demand.count, m = q.facilities.count
        var choice = [Int](repeating: 0, count: n)
        var load = [Double](repeating: 0, count: m)
        var best: (cost: Double, facility: [Int])?
        func recurse(_ i: Int, _ service: Double) {
            if i == n {
                var total = service
                for j in 0..<m where q.facilities[j].status == .required || choice.contains(j) { total += q.facilities[j].fixedCost }
                if best.map({ total < $0.cost }) ?? true { best = (total, choice) }
                return
            }
            for j in 0..<m where q.facilities[j].status != .forbidden {
                let c = q.costs[i * m + j]
                guard c.isFinite, load[j] + q.demand[i] <= q.facilities[j].capacity! else { continue }
                choice[i] = j
                load[j] += q.demand[i]
                recurse(i + 1, service + c)
                load[j] -= q.demand[i]
            }
        }
        recurse(0, 0)
        return best
    }

    /// Random instances with tight capacities: 7–9 customers, 3–4 facilities.
    static func instance(seed: UInt64) -> LocationProblem {
        var rng = SplitMix64(seed: seed &* 104_729 &+ 17)
        let n = Int.random(in: 7...9, using: &rng)
        let m = Int.random(in: 3...4, using: &rng)
        let demand = (0..<n).map { _ in Double(Int.random(in: 1...9, using: &rng)) }
        let total = demand.reduce(0.0) { $0 + $1 }
        let costs = (0..<(n * m)).map { _ in
            Double.random(in: 0..<1, using: &rng) < 0.1 ? Double.infinity : Double(Int.random(in: 1...30, using: &rng))
        }
        let facilities = (0..<m).map { j -> Facility in
            let roll = Int.random(in: 0..<12, using: &rng)
            let status: FacilityStatus = roll == 0 ? .required : roll == 1 ? .forbidden : .candidate
            let capacity = Double(Int.random(in: Int(total / Double(m))...Int(total / 1.5), using: &rng))
            return Facility(id: "f\(j)", capacity: capacity, fixedCost: Double(Int.random(in: 5...60, using: &rng)), status: status)
        }
        return LocationProblem(model: .sscflp, demand: demand, facilities: facilities, costs: costs)
    }

    static let seeds: [UInt64] = Array(1...40)

    // MARK: The whole solver

    /// Expects `s` to be what enumeration finds for `q`: infeasible when it finds nothing, else
    /// optimal with objective and bound at the enumerated optimum, every row respected.
    /// Returns whether enumeration found a solution.
    static func expectEnumerated(_ q: LocationProblem, _ s: LocationSolution, seed: UInt64) -> Bool {
        guard let expected = enumerate(q) else {
            #expect(s.status == .infeasible, "seed \(seed): enumeration finds none, solver says \(s.status)")
            return false
        }
        #expect(s.status == .optimal, "seed \(seed): \(s.status)")
        #expect(s.objective == expected.cost, "seed \(seed): solver \(s.objective ?? .nan), enumeration \(expected.cost)")
        #expect(s.bound == expected.cost, "seed \(seed): bound \(s.bound ?? .nan)")
        BruteForceTests.check(q, s)
        return true
    }

    @Test("optimum and bound equal enumeration on random tight instances")
    func againstEnumeration() {
        var solved = 0
        for seed in Self.seeds {
            let q = Self.instance(seed: seed)
            if Self.expectEnumerated(q, q.solve(), seed: seed) { solved += 1 }
        }
        #expect(solved >= Self.seeds.count / 2)
    }

    @Test("fractional costs: the cut-off is the incumbent itself, still exact")
    func fractionalCosts() {
        for seed in Self.seeds.prefix(8) {
            var q = Self.instance(seed: seed)
            q.costs = q.costs.map { $0.isFinite ? $0 + 0.25 * Double(Int($0) % 3) : $0 }
            guard let expected = Self.enumerate(q) else { continue }
            let s = q.solve()
            #expect(s.status == .optimal)
            #expect(abs((s.objective ?? .nan) - expected.cost) <= 1e-9 * expected.cost, "seed \(seed): \(s.objective ?? .nan) vs \(expected.cost)")
        }
    }

    // MARK: Parts

    @Test("the Lagrangian bound never exceeds the optimum, for any multipliers")
    func lagrangianBoundValid() {
        var rng = SplitMix64(seed: 99)
        for seed in Self.seeds {
            let q = Self.instance(seed: seed)
            guard let expected = Self.enumerate(q) else { continue }
            let lagrangian = SingleSourceLagrangian(problem: q)
            for _ in 0..<20 {
                let lambda = (0..<q.pointCount).map { _ in Double.random(in: -10...60, using: &rng) }
                let e = lagrangian.evaluate(lambda)
                #expect(e.bound <= expected.cost + 1e-9, "seed \(seed): bound \(e.bound) above optimum \(expected.cost)")
            }
        }
    }

    @Test("fixing at the optimum as cut-off never removes an optimal solution's facilities or pairs")
    func fixingValid() {
        var rng = SplitMix64(seed: 7)
        var fixedSomething = 0
        for seed in Self.seeds {
            let q = Self.instance(seed: seed)
            guard let expected = Self.enumerate(q) else { continue }
            let lagrangian = SingleSourceLagrangian(problem: q)
            let m = q.facilityCount
            for _ in 0..<10 {
                // Multipliers near the customers' cheapest costs, where bounds are strong.
                let lambda = (0..<q.pointCount).map { i in
                    (0..<m).map { q.cost(i, $0) }.filter(\.isFinite).min()! + Double.random(in: 0...25, using: &rng)
                }
                let e = lagrangian.evaluate(lambda)
                // A cut-off just below the optimum: the optimal solution must survive any fixing
                // that only removes solutions costing more than the cut-off.
                let fix = lagrangian.fixings(at: e, cutoff: expected.cost, keepOpen: [], keepPairs: [])
                fixedSomething += fix.closed.count + fix.pairs.count + fix.open.count
                for (i, j) in expected.facility.enumerated() {
                    #expect(!fix.pairs.contains(i * m + j), "seed \(seed): pair (\(i), \(j)) of the optimum fixed out")
                    #expect(!fix.closed.contains(j), "seed \(seed): facility \(j) of the optimum closed")
                }
                let used = Set(expected.facility)
                for j in fix.open where q.facilities[j].status != .required {
                    #expect(used.contains(j), "seed \(seed): facility \(j) fixed open, but the optimum closes it")
                }
            }
        }
        #expect(fixedSomething > 0)
    }

    @Test("Lagrangian cuts hold at every feasible single-source solution, some of them tightly")
    func lagrangianCutsValid() {
        var rng = SplitMix64(seed: 31)
        var checked = 0, tight = 0
        var broken: [String] = []
        for seed in Self.seeds.prefix(8) {
            let q = Self.instance(seed: seed)
            let n = q.pointCount, m = q.facilityCount
            let lagrangian = SingleSourceLagrangian(problem: q)
            // The full strong model's variables: y_j, then x_ij for the allowed pairs.
            var model = Model()
            var y = [Variable?](repeating: nil, count: m)
            for j in lagrangian.allowed { y[j] = model.addBinary() }
            var columns = [[(point: Int, variable: Variable)]](repeating: [], count: m)
            var xIndex = [Int: Int]()
            for j in lagrangian.allowed {
                for pair in lagrangian.pairs[j] {
                    let v = model.addBinary()
                    columns[j].append((pair.point, v))
                    xIndex[pair.point * m + j] = v.index
                }
            }
            for _ in 0..<3 {
                let lambda = (0..<n).map { i in
                    (0..<m).map { q.cost(i, $0) }.filter(\.isFinite).min()! + Double.random(in: 0...30, using: &rng)
                }
                let e = lagrangian.evaluate(lambda)
                let rows = lagrangian.cuts(at: e, y: y, columns: columns)
                // Every feasible assignment (enumerated here), as a 0/1 point of the model.
                var choice = [Int](repeating: 0, count: n)
                var load = [Double](repeating: 0, count: m)
                func recurse(_ i: Int) {
                    if i == n {
                        var point = [Double](repeating: 0, count: model.variables.count)
                        for j in lagrangian.required { if let v = y[j] { point[v.index] = 1 } }
                        for (k, j) in choice.enumerated() {
                            point[y[j]!.index] = 1
                            point[xIndex[k * m + j]!] = 1
                        }
                        for row in rows {
                            let value = row.expression.evaluated(at: point)
                            if let upper = row.upperBound, value > upper + 1e-6 { broken.append("seed \(seed): \(value) > \(upper)") }
                            if let lower = row.lowerBound, value < lower - 1e-6 { broken.append("seed \(seed): \(value) < \(lower)") }
                            // Tight with some customer served: the knapsack minimum is reached.
                            let served = zip(row.expression.indices, row.expression.coefficients).contains { $1 > 0 && point[$0] > 0.5 }
                            if let upper = row.upperBound, served, abs(value - upper) < 1e-6 { tight += 1 }
                        }
                        checked += 1
                        return
                    }
                    for j in lagrangian.allowed where xIndex[i * m + j] != nil && load[j] + q.demand[i] <= q.facilities[j].capacity! {
                        choice[i] = j
                        load[j] += q.demand[i]
                        recurse(i + 1)
                        load[j] -= q.demand[i]
                    }
                }
                recurse(0)
            }
        }
        #expect(broken.count == 0, "\(broken.count) violations, first: \(broken.first ?? "")")
        #expect(checked > 1000)
        #expect(tight > 0)
    }

    @Test("the heuristic's solutions meet every capacity and cost no less than the optimum")
    func heuristicFeasible() {
        for seed in Self.seeds {
            let q = Self.instance(seed: seed)
            guard let expected = Self.enumerate(q) else { continue }
            let lagrangian = SingleSourceLagrangian(problem: q)
            let heuristic = SingleSourceHeuristic(problem: q, lagrangian: lagrangian)
            let open = q.facilities.map { $0.status != .forbidden }
            guard let a = heuristic.assign(open: open) else { continue }
            let polished = heuristic.polish(a, expired: { false })
            for s in [a, polished] {
                var load = [Double](repeating: 0, count: q.facilityCount)
                var cost = 0.0
                for (i, j) in s.facility.enumerated() {
                    #expect(q.cost(i, j).isFinite && q.facilities[j].status != .forbidden)
                    load[j] += q.demand[i]
                    cost += q.cost(i, j)
                }
                for j in 0..<q.facilityCount where Set(s.facility).contains(j) || q.facilities[j].status == .required {
                    cost += q.facilities[j].fixedCost
                }
                for j in 0..<q.facilityCount { #expect(load[j] <= q.facilities[j].capacity!) }
                #expect(cost == s.cost)
                #expect(cost >= expected.cost)
            }
            #expect(polished.cost <= a.cost)
        }
    }

    @Test("ejection chains keep every capacity, lower the service cost exactly as the moves say, and find a chain where no shift or swap helps")
    func ejectionChains() {
        // Hand-made: customers 0 (demand 6) at A, 1 (5) at B, 2 (4) at C; capacities A 10,
        // B 6, C 9. Moving 0 to B (saves 10) only fits if 1 leaves B for C (costs 2): a chain
        // worth −8, where no shift fits and no swap pays.
        let costs: [Double] = [
            20, 10, 50,  // customer 0: A, B, C
            50, 5, 7,  // customer 1
            9, 50, 1,  // customer 2
        ]
        let facilities = [
            Facility(id: "A", capacity: 10, fixedCost: 0, status: .required),
            Facility(id: "B", capacity: 6, fixedCost: 0, status: .required),
            Facility(id: "C", capacity: 9, fixedCost: 0, status: .required),
        ]
        let q = LocationProblem(model: .sscflp, demand: [6, 5, 4], facilities: facilities, costs: costs)
        let heuristic = SingleSourceHeuristic(problem: q, lagrangian: SingleSourceLagrangian(problem: q))
        var a = SingleSourceHeuristic.Assignment(facility: [0, 1, 2], load: [6, 5, 4], cost: 0, open: [true, true, true])
        a.cost = heuristic.cost(of: a)
        #expect(a.cost == 26)
        #expect(heuristic.ejectionChains(&a, openList: [0, 1, 2]))
        #expect(a.facility == [1, 2, 2])
        #expect(a.load == [0, 6, 9])
        #expect(heuristic.cost(of: a) == 18)
        // Random instances: chains from random feasible starts never break a capacity nor raise the cost.
        var rng = SplitMix64(seed: 11)
        for seed in Self.seeds {
            let q = Self.instance(seed: seed)
            let heuristic = SingleSourceHeuristic(problem: q, lagrangian: SingleSourceLagrangian(problem: q))
            let open = q.facilities.map { $0.status != .forbidden }
            let openList = open.indices.filter { open[$0] }
            for _ in 0..<5 {
                var facility = [Int](repeating: -1, count: q.pointCount)
                var load = [Double](repeating: 0, count: q.facilityCount)
                for i in (0..<q.pointCount).shuffled(using: &rng) {
                    let fits = openList.filter { q.cost(i, $0).isFinite && load[$0] + q.demand[i] <= q.facilities[$0].capacity! }
                    guard let j = fits.randomElement(using: &rng) else { break }
                    facility[i] = j
                    load[j] += q.demand[i]
                }
                guard facility.allSatisfy({ $0 >= 0 }) else { continue }
                var a = SingleSourceHeuristic.Assignment(facility: facility, load: load, cost: 0, open: open)
                let service = { (a: SingleSourceHeuristic.Assignment) in a.facility.enumerated().reduce(0.0) { $0 + q.cost($1.offset, $1.element) } }
                let before = service(a)
                let applied = heuristic.ejectionChains(&a, openList: openList)
                var check = [Double](repeating: 0, count: q.facilityCount)
                for (i, j) in a.facility.enumerated() { check[j] += q.demand[i]; #expect(q.cost(i, j).isFinite) }
                #expect(check == a.load)
                for j in 0..<q.facilityCount { #expect(check[j] <= q.facilities[j].capacity!) }
                #expect(applied ? service(a) < before : service(a) == before)
            }
        }
    }

    @Test("each incumbent stage on or off (ejection chains, assignment MIP, restricted MIP), all of GLPK's cut families: optimum and bound equal enumeration")
    func stagesAgainstEnumeration() throws {
        for seed in Self.seeds.prefix(20) {
            let q = Self.instance(seed: seed)
            for variant in 0..<3 {
                var solver = SingleSourceSolver(problem: q, options: LocationOptions(), clock: SolveClock(limit: nil))
                switch variant {
                case 0: solver.chains = false
                case 1: solver.gapPairs = 0; solver.restrictedShare = 0; solver.glpkCutFamilies = .all
                default: solver.gapPairs = 1; solver.restrictedPairs = 1
                }
                _ = Self.expectEnumerated(q, try solver.solve(), seed: seed)
            }
        }
    }

    @Test("knapsacks equal enumeration (packing at every capacity, covering)")
    func knapsacks() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<60 {
            let k = Int.random(in: 1...9, using: &rng)
            let values = (0..<k).map { _ in Double(Int.random(in: -20...5, using: &rng)) }
            let weights = (0..<k).map { _ in Double(2 * Int.random(in: 1...8, using: &rng)) }
            let capacity = Double(Int.random(in: 0...40, using: &rng))
            func best(_ c: Double) -> Double {
                (0..<(1 << k)).reduce(0.0) { acc, mask in
                    var w = 0.0, v = 0.0
                    for r in 0..<k where mask & (1 << r) != 0 { w += weights[r]; v += values[r] }
                    return w <= c ? min(acc, v) : acc
                }
            }
            let packing = Knapsack.Packing(values: values, weights: weights, capacity: capacity)
            #expect(packing.exact)
            #expect(packing.value == best(capacity))
            #expect(zip(packing.take, values).reduce(0.0) { $0 + $1.0 * $1.1 } == packing.value)
            #expect(zip(packing.take, weights).reduce(0.0) { $0 + $1.0 * $1.1 } <= capacity)
            for c in stride(from: 0.0, through: capacity, by: 3) { #expect(packing.value(capacity: c) <= best(c) + 1e-9) }
            let sizes = weights
            let need = Double(Int.random(in: 0...60, using: &rng))
            let costs = values.map { $0 + 10 }
            let cover = Knapsack.cover(costs: costs, sizes: sizes, need: need, forced: [], banned: [])
            let coverBest = (0..<(1 << k)).reduce(Double.infinity) { acc, mask in
                var s = 0.0, c = 0.0
                for r in 0..<k where mask & (1 << r) != 0 { s += sizes[r]; c += costs[r] }
                return s >= need ? min(acc, c) : acc
            }
            #expect(cover.value == coverBest, "cover \(cover.value) vs \(coverBest)")
        }
    }

    // MARK: Holmberg instances

    @Test("Holmberg p1 and p13 to their published optima", arguments: [("holmberg-p1.txt", 8848.0), ("holmberg-p13.txt", 8252.0)])
    func holmberg(name: String, optimum: Double) throws {
        let q = try ORLibrary.readHolmberg(path: Fixtures.path(name))
        #expect(q.model == .sscflp)
        #expect(q.pointCount == 50)
        let s = q.solve()
        #expect(s.status == .optimal)
        #expect(s.objective == optimum)
        #expect(s.bound == optimum)
        BruteForceTests.check(q, s)
    }

    @Test("a limit already reached after the Lagrangian phase: the incumbent and a valid bound, no fixing and no MIP built")
    func stopsAtTheLimit() throws {
        let q = try ORLibrary.readHolmberg(path: Fixtures.path("holmberg-p1.txt"))
        let s = try SingleSourceSolver(problem: q, options: LocationOptions(), clock: SolveClock(limit: .nanoseconds(1))).solve()
        #expect(s.status == .feasible || s.status == .optimal)
        #expect(!s.log.contains { $0.hasPrefix("sscflp fixing") || $0.hasPrefix("sscflp MIP") || $0.contains("MIP:") }, "\(s.log)")
        // Published optimum 8848: the plan costs at least that, the bound is at most that.
        let objective = try #require(s.objective), bound = try #require(s.bound)
        #expect(objective >= 8848 && bound <= 8848 && bound <= objective)
        BruteForceTests.check(q, s)
    }

    @Test("the Holmberg reader: layout, and every error at its line")
    func reader() throws {
        let q = try ORLibrary.readHolmberg(path: Fixtures.path("holmberg-p1.txt"))
        #expect(q.facilityCount == 10)
        #expect(q.facilities[0].capacity == 258 && q.facilities[9].capacity == 321)
        #expect(q.facilities[0].fixedCost == 366 && q.facilities[9].fixedCost == 316)
        #expect(q.demand[0] == 49 && q.demand[49] == 49)
        #expect(q.cost(0, 0) == 260 && q.cost(0, 9) == 567)  // row j = customer, column i = facility

        // 2 facilities, 3 customers, solved by hand: capacities 5 and 4; demands 3, 2, 2.
        let tiny = try Fixtures.temporary("2 3\n5 4\n10 1\n3 2 2\n1 9\n1 9\n9 1\n", name: "tiny")
        let t = try ORLibrary.readHolmberg(path: tiny)
        let s = t.solve()
        // Facility 1 holds 5: customers 1 and 2 there (3 + 2) for 1 + 1, customer 3 at facility 2
        // for 1; both open: 10 + 1 + 3 = 14.
        #expect(s.objective == 14 && s.status == .optimal)
        #expect(s.assignment == [0, 0, 1])

        func errors(_ text: String) throws -> [String] {
            let path = try Fixtures.temporary(text, name: "bad")
            do {
                _ = try ORLibrary.readHolmberg(path: path)
                return []
            } catch {
                return error.diagnostics.all.map { $0.description.replacingOccurrences(of: path, with: "F") }
            }
        }
        #expect(try errors("2 x\n") == ["F:1: error: expected the header 'I J' (facilities, customers) as two whole numbers > 0"])
        #expect(try errors("2 1\n5 -4\n1 1\n3\n1 2\n") == ["F:2: error: facility 2 capacity: expected a number ≥ 0, found -4"])
        #expect(try errors("2 1\n5 4\n1 1\n3\n1 nan\n") == ["F:5: error: customer 1 cost from facility 2: expected a number, found 'nan'"])
        #expect(try errors("2 2\n5 4\n1 1\n3 1\n1 2\n") == ["F:5: error: the file ends in customer 2's costs (0 of 2; 1 of 2 customers complete)"])
        #expect(try errors("2 1\n5 4\n1 1\n3\n1 2 7\n") == ["F:5: error: unexpected '7' after the last customer's costs"])
        #expect(try errors("100000 100000\n").first?.contains("more than the 50000000 pairs") == true)
    }
}
