import Testing
@testable import YubeiOptimization
import YubeiTestSupport

/// Capacitated facility location worked by hand.
///
/// Sites A (fixed 10, capacity 10) and B (fixed 20, capacity 20); customers 1 (demand 8) and
/// 2 (demand 7); unit costs A→1 = 1, A→2 = 2, B→1 = 4, B→2 = 4. A alone cannot serve 15; B
/// alone costs 20 + 60 = 80; both open: A serves customer 1 (saving 3 a unit) and 2 units of
/// customer 2 (saving 2), B the other 5: 30 + 8 + 4 + 20 = 62, the optimum.
///
/// With the sites fixed open, the transportation LP's duals are, by hand:
/// - capacity A (Σⱼ x_Aj − 10·y_A ≤ 0): one more unit at A replaces a unit of B→2 by A→2: −2;
/// - capacity B: slack, 0;
/// - demand 2: served at the margin by B: 4; demand 1: A is full, so one more unit of 1 at A
///   pushes a unit of 2 over to B: 1 + (4 − 2) = 3;
/// - reduced cost of y_A: 10 (fixed cost) − 10 · 2 (capacity worth 2 a unit) = −10.
struct CapacitatedFacilities {
    let model: Model
    let open: [Variable]
    let ship: [[Variable]]
    let capacityRows: [Constraint]
    let demandRows: [Constraint]

    init() {
        let fixed = [10.0, 20], capacity = [10.0, 20], demand = [8.0, 7], cost = [[1.0, 2], [4, 4]]
        var model = Model(name: "cfl")
        let open = [model.addBinary("open A"), model.addBinary("open B")]
        var ship: [[Variable]] = []
        for i in 0..<2 { ship.append((0..<2).map { j in model.addVariable("ship \(i) \(j)") }) }
        var objective = LinearExpression()
        var capacityRows: [Constraint] = []
        for i in 0..<2 {
            objective.add(fixed[i], open[i])
            var row = LinearExpression()
            for j in 0..<2 {
                objective.add(cost[i][j], ship[i][j])
                row.add(1, ship[i][j])
            }
            row.add(-capacity[i], open[i])
            capacityRows.append(model.addConstraint(row <= 0, name: "capacity \(i)"))
        }
        var demandRows: [Constraint] = []
        for j in 0..<2 { demandRows.append(model.addConstraint(ship[0][j] + ship[1][j] == demand[j], name: "demand \(j)")) }
        model.minimize(objective)
        (self.model, self.open, self.ship, self.capacityRows, self.demandRows) = (model, open, ship, capacityRows, demandRows)
    }
}

@Suite("MIP duals of the fixed-integer LP, and progress reports")
struct MIPDualTests {
    @Test("dualsOfFixedMIP gives the hand-computed capacity and demand duals")
    func capacityDual() throws {
        let c = CapacitatedFacilities()
        var options = SolveOptions()
        options.dualsOfFixedMIP = true
        let r = try c.model.solve(options: options).requireOptimal()
        #expect(approximatelyEqual(r.objectiveValue, 62))
        #expect(r.value(of: c.open[0]) == 1 && r.value(of: c.open[1]) == 1)
        #expect(approximatelyEqual(r.value(of: c.ship[0][1]), 2))
        #expect(approximatelyEqual(r.dual(of: c.capacityRows[0]), -2))
        #expect(approximatelyEqual(r.dual(of: c.capacityRows[1]), 0))
        #expect(approximatelyEqual(r.dual(of: c.demandRows[0]), 3))
        #expect(approximatelyEqual(r.dual(of: c.demandRows[1]), 4))
        #expect(approximatelyEqual(r.reducedCost(of: c.open[0]), -10))
        // The primal solution is the MIP's, not the fixed LP's re-solve.
        #expect(approximatelyEqual(r.bestBound, 62))
    }

    @Test("without dualsOfFixedMIP a MIP has no duals")
    func noDualsByDefault() throws {
        let r = try CapacitatedFacilities().model.solve().requireOptimal()
        #expect(r.rowDuals == nil && r.reducedCosts == nil)
        #expect(r.dual(of: CapacitatedFacilities().capacityRows[0]) == nil)
    }

    @Test("progress is reported during a long search, with bound ≤ incumbent when minimising")
    func progress() throws {
        let n = 41
        let (m, x, y) = jeroslow(n: n, allowSlack: true)
        var start = [Double](repeating: 0, count: m.variables.count)
        for v in x.prefix(n / 2) { start[v.index] = 1 }
        start[y.index] = 1
        let reports = Collector<SolveProgress>()
        var options = SolveOptions()
        options.initialSolution = start
        options.timeLimit = .milliseconds(400)
        options.progressInterval = .milliseconds(20)
        options.progress = { reports.append($0) }
        let r = try m.solve(options: options)
        #expect(r.status == .feasible)
        let all = reports.all
        #expect(all.count >= 2)
        for (earlier, later) in zip(all, all.dropFirst()) {
            #expect(later.nodes >= earlier.nodes)
            #expect(later.elapsed >= earlier.elapsed)
        }
        for p in all {
            let incumbent = try #require(p.incumbent)
            let bound = try #require(p.bestBound)
            #expect(approximatelyEqual(incumbent, 1))
            #expect(bound <= incumbent + 1e-9)
            #expect(approximatelyEqual(bound, 0))
            #expect(approximatelyEqual(p.relativeGap, 1))
        }
        #expect(try #require(all.last).nodes <= r.nodes)
    }

    @Test("the progress summary line reads as elapsed, incumbent, bound, gap and nodes")
    func progressSummary() {
        let p = SolveProgress(incumbent: 1234.5, bestBound: 1200, relativeGap: 0.0279, nodes: 4821, elapsed: .milliseconds(2500))
        #expect(p.summary == "2.5 s  incumbent 1234.5  bound 1200  gap 2.79%  nodes 4821")
        let none = SolveProgress(incumbent: nil, bestBound: nil, relativeGap: nil, nodes: 0, elapsed: .seconds(61))
        #expect(none.summary == "61.0 s  incumbent –  bound –  gap –  nodes 0")
    }
}
