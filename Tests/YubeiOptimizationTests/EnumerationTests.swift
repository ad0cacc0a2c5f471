import Testing
@testable import YubeiOptimization
import YubeiTestSupport

/// A 0-1 knapsack instance with integer data, drawn from a seeded generator.
struct Knapsack {
    var weights: [Int]
    var values: [Int]
    var capacity: Int

    init(seed: UInt64, items: Int = 12) {
        var rng = SplitMix64(seed: seed)
        weights = (0..<items).map { _ in Int.random(in: 1...20, using: &rng) }
        values = (0..<items).map { _ in Int.random(in: 1...30, using: &rng) }
        capacity = weights.reduce(0, +) / 2
    }

    /// The best value over all 2ⁿ subsets.
    ///
    /// - Complexity: O(2ⁿ · n).
    func bestByEnumeration() -> Int {
        var best = 0
        for mask in 0..<(1 << weights.count) {
            var w = 0, v = 0
            for i in weights.indices where mask & (1 << i) != 0 { w += weights[i]; v += values[i] }
            if w <= capacity { best = max(best, v) }
        }
        return best
    }

    func model() -> (Model, [Variable]) {
        var m = Model(name: "knapsack")
        let take = weights.indices.map { m.addBinary("take \($0)") }
        m.addConstraint(LinearExpression(terms: zip(take, weights.map(Double.init))) <= Double(capacity), name: "capacity")
        m.maximize(LinearExpression(terms: zip(take, values.map(Double.init))))
        return (m, take)
    }
}

/// An uncapacitated facility location instance: open sites (fixed cost) and assign each customer.
struct FacilityLocation {
    var fixedCosts: [Double]
    /// costs[site][customer]
    var costs: [[Double]]

    init(seed: UInt64, sites: Int = 5, customers: Int = 8) {
        var rng = SplitMix64(seed: seed)
        fixedCosts = (0..<sites).map { _ in Double(Int.random(in: 10...60, using: &rng)) }
        costs = (0..<sites).map { _ in (0..<customers).map { _ in Double(Int.random(in: 1...40, using: &rng)) } }
    }

    /// The cheapest total cost over every nonempty set of open sites (each customer served by
    /// its cheapest open site).
    ///
    /// - Complexity: O(2^sites · sites · customers).
    func bestByEnumeration() -> Double {
        var best = Double.infinity
        let customers = costs[0].indices
        for mask in 1..<(1 << fixedCosts.count) {
            let open = fixedCosts.indices.filter { mask & (1 << $0) != 0 }
            var total = open.reduce(0) { $0 + fixedCosts[$1] }
            for j in customers { total += open.map { costs[$0][j] }.min()! }
            best = min(best, total)
        }
        return best
    }

    /// The strong formulation: x_ij ≤ y_i for every pair.
    func model() -> (Model, open: [Variable], serve: [[Variable]]) {
        var m = Model(name: "ufl")
        let open = fixedCosts.indices.map { m.addBinary("open \($0)") }
        let serve = costs.indices.map { i in costs[i].indices.map { j in m.addVariable("serve \(i) \(j)", upperBound: 1) } }
        var objective = LinearExpression()
        for i in open.indices {
            objective.add(fixedCosts[i], open[i])
            for j in costs[i].indices {
                objective.add(costs[i][j], serve[i][j])
                m.addConstraint(serve[i][j] <= open[i], name: "link \(i) \(j)")
            }
        }
        for j in costs[0].indices {
            m.addConstraint(sum(serve.map { $0[j] }) == 1, name: "demand \(j)")
        }
        m.minimize(objective)
        return (m, open, serve)
    }
}

@Suite("MIPs against brute-force enumeration")
struct EnumerationTests {
    @Test("0-1 knapsack, 12 items: GLPK's optimum equals the best of 2¹² subsets", arguments: 1...12)
    func knapsack(seed: UInt64) throws {
        let k = Knapsack(seed: seed)
        let (m, take) = k.model()
        let r = try m.solve()
        #expect(r.isOptimal)
        #expect(r.status == .optimal)
        let best = Double(k.bestByEnumeration())
        #expect(approximatelyEqual(r.objectiveValue, best))
        // The reported plan is integral, fits, and is worth what is reported.
        let chosen = take.map { r.value(of: $0)! }
        #expect(chosen.allSatisfy { $0 == 0 || $0 == 1 })
        let weight = zip(chosen, k.weights).reduce(0) { $0 + $1.0 * Double($1.1) }
        let value = zip(chosen, k.values).reduce(0) { $0 + $1.0 * Double($1.1) }
        #expect(weight <= Double(k.capacity))
        #expect(value == best)
        #expect(approximatelyEqual(r.bestBound, best))
        #expect(try #require(r.rootBound) >= best - 1e-9)  // the LP relaxation bounds a maximum from above
    }

    @Test("uncapacitated facility location, 5 sites × 8 customers: optimum equals the best of 31 open sets, with no cuts and each choice of GLPK's cut families", arguments: 1...6)
    func facilityLocation(seed: UInt64) throws {
        let f = FacilityLocation(seed: seed)
        let (m, open, serve) = f.model()
        let families: [SolveOptions.CutFamilies?] = [nil, .all, [.mixedIntegerRounding, .cover], .gomory, .clique, []]
        for family in families {
            var options = SolveOptions()
            options.cuts = family != nil
            if let family { options.cutFamilies = family }
            let r = try m.solve(options: options)
            #expect(r.isOptimal)
            #expect(approximatelyEqual(r.objectiveValue, f.bestByEnumeration()))
            // Every customer is fully served, only by open sites.
            for j in f.costs[0].indices {
                #expect(approximatelyEqual(serve.map { r.value(of: $0[j])! }.reduce(0, +), 1))
                for i in open.indices { #expect(r.value(of: serve[i][j])! <= r.value(of: open[i])! + 1e-9) }
            }
        }
    }

    @Test("general integers: max x + y, 2x + 2y ≤ 7 has optimum 3 (the LP says 3.5)")
    func generalIntegers() throws {
        var m = Model()
        let x = m.addVariable("x", kind: .integer, upperBound: 10)
        let y = m.addVariable("y", kind: .integer, upperBound: 10)
        m.addConstraint(2 * x + 2 * y <= 7)
        m.maximize(x + y)
        let r = try m.solve().requireOptimal()
        #expect(approximatelyEqual(r.objectiveValue, 3))
        #expect(approximatelyEqual(r.rootBound, 3.5))
        #expect(r.values!.allSatisfy { $0 == $0.rounded() })
    }
}
