import Foundation
import Testing
import YubeiOptimization
@testable import YubeiSiting

/// The per-route, per-supply links as cuts (``SupplyLinkCuts``, ``LinkCutSearch``): the bound they
/// give is a bound, and the plan is the optimum found by enumerating every set of candidate
/// warehouses, each solved with the links in the model's rows.
@Suite struct SupplyLinkCutsTests {
    typealias P = SitingProblem
    static let here = P.Position(lat: 25, lon: 118)

    /// Two hazards striking different halves of eight areas; one existing warehouse too small for
    /// either, and four candidates reaching overlapping areas (stock a candidate holds serves
    /// whichever hazard strikes within its reach), so which to open is a real choice and the LP
    /// without the links opens slivers of several.
    static func problem(budget: Double? = nil) -> P {
        let areas = (0..<8).map { P.Area(id: "a\($0)", position: here, population: 1000) }
        let displaced: [[Double]] = [[40, 30, 50, 20, 0, 0, 10, 0], [0, 10, 0, 30, 60, 40, 20, 30]]
        let warehouses = [P.Warehouse(id: "W0", position: here, isExisting: true, capacity: 30, fixedCost: 0)]
            + (0..<4).map { P.Warehouse(id: "W\($0 + 1)", position: here, isExisting: false, capacity: candidateCapacity[$0], fixedCost: candidateCost[$0]) }
        // Reach: W0 a0–a3; W1 a0–a5; W2 a1–a7; W3 a3–a7; W4 every area.
        let reach: [[Int]] = [[0, 1, 2, 3], [0, 1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7], [3, 4, 5, 6, 7], Array(0..<8)]
        var supplyLinks: [P.SupplyLink] = []
        for (w, areas) in reach.enumerated() {
            for a in areas { supplyLinks.append(P.SupplyLink(warehouse: w, area: a, km: Double(1 + (w * 7 + a * 3) % 11), minutes: 30)) }
        }
        return P(
            name: "link cuts", areas: areas,
            supplies: [P.Supply(id: "kit", perPerson: 1, volume: 0.5, unitCost: 40),
                       P.Supply(id: "water", perPerson: 2, volume: 0.1, unitCost: 3)],
            warehouses: warehouses,
            shelters: [P.Shelter(id: "K", position: here, isExisting: true, area: 100_000, areaPerPerson: 2, maxKm: 50, fixedCost: 0)],
            hazards: displaced.enumerated().map { P.Hazard(id: "h\($0.offset)", weight: 0.5, displaced: $0.element) }, teams: [],
            policy: P.Policy(budget: budget, supplyResponseMinutes: 60, teamResponseMinutes: 60, singleShelterPerArea: false,
                             transportCostPerCubicMetreKm: 2, evacuationCostPerPersonKm: 1),
            shelterLinks: (0..<8).map { P.ShelterLink(area: $0, shelter: 0, km: 2) },
            supplyLinks: supplyLinks, teamLinks: [])
    }

    static let candidateCapacity = [45.0, 60, 35, 80], candidateCost = [900.0, 1500, 700, 2600]

    /// The cheapest plan that gives everyone a full kit over every set of candidate warehouses,
    /// each set solved with the per-route links in the rows and no cuts. A set is skipped when
    /// it costs more than the budget, or when it holds less than the 133 m³ hazard h1 needs
    /// (95 kits of 0.5 m³ and 380 units of water of 0.1 m³; the existing W0 holds 30 m³), as no
    /// plan of it gives everyone a kit; every other set must give everyone one, proven.
    static func enumerated(_ problem: P) throws -> SitingPlan.Levels {
        var best: SitingPlan.Levels?
        for mask in 0..<16 {
            let chosen = (0..<4).filter { mask & (1 << $0) != 0 }
            let cost = chosen.reduce(0.0) { $0 + candidateCost[$1] }
            guard cost <= problem.policy.budget ?? .infinity, chosen.reduce(30.0, { $0 + candidateCapacity[$1] }) >= 133 else { continue }
            var options = SitingOptions()
            options.relativeGap = 1e-9
            options.closeGaps = false
            options.flowPairLinks = true
            options.supplyLinkCuts = false
            for c in 0..<4 { if chosen.contains(c) { options.decisions.requiredWarehouses.insert(c + 1) } else { options.decisions.forbiddenWarehouses.insert(c + 1) } }
            let plan = try SitingSolver.solve(problem, options: options)
            let levels = try #require(plan.levels)
            #expect(plan.status == .optimal && levels.withoutKit == 0 && levels.itemsShort == 0, "\(chosen)")
            if best == nil || levels.cost < best!.cost { best = levels }
        }
        return try #require(best)
    }

    @Test(arguments: [nil, 3000.0])
    func cutsGiveTheEnumeratedOptimum(budget: Double?) throws {
        let problem = Self.problem(budget: budget)
        let expected = try Self.enumerated(problem)
        for gap in [1e-9, 0.05] {
            var options = SitingOptions()
            options.relativeGap = gap
            options.closeGaps = false
            options.flowPairLinks = false
            options.supplyLinkCuts = true
            let plan = try SitingSolver.solve(problem, options: options)
            #expect(plan.status == .optimal, "budget \(budget ?? -1) gap \(gap)")
            #expect(plan.verification.isEmpty)
            let levels = try #require(plan.levels)
            #expect(levels.withoutKit == 0 && levels.itemsShort == 0)
            // The bound never passes the optimum; within the gap asked for, so is the plan.
            let bound = try #require(plan.bound)
            #expect(bound <= expected.cost + 1e-6 * expected.cost, "bound \(bound) vs optimum \(expected.cost)")
            #expect(levels.cost <= expected.cost * (1 + gap) + 1e-6, "cost \(levels.cost) vs optimum \(expected.cost)")
            #expect(levels.cost >= expected.cost - 1e-6 * expected.cost)
        }
    }

    /// The LP with the cuts added round by round is as tight as the LP with every per-supply link
    /// in it, and tighter than the LP without.
    @Test func rootBoundIsTheLinkedLPs() throws {
        let problem = Self.problem()
        let siting = SitingModel(problem, flowPairLinks: false)
        var model = siting.model
        model.minimize(siting.costTerm)
        // Everyone gets a full kit (as rules 2 and 3 hold it in the cost rule).
        for rows in siting.supplyShort { for row in rows { for v in row { if let v { model.setBounds(of: v, lower: 0, upper: 0) } } } }
        let cuts = SupplyLinkCuts(siting)
        #expect(cuts.links.count == siting.flows.count - siting.flows.filter { problem.supplyLinks[$0.link].warehouse == 0 }.count)
        let plain = try #require(try model.relaxation.solve().objectiveValue)
        let cut = try model.relaxation.solve(options: SolveOptions(), lazyConstraints: { cuts.violated($0.values) })
        var all = model.relaxation
        for link in cuts.links { all.addConstraint(LinearExpression(terms: [(link.flow, 1.0), (link.open, -link.need)]) <= Double(0)) }
        let full = try #require(try all.solve().objectiveValue)
        let bound = try #require(cut.objectiveValue)
        #expect(cut.lazyRowsAdded > 0 && cut.lazyRowsAdded < cuts.links.count)
        #expect(abs(bound - full) <= 1e-6 * full, "cuts \(bound) vs every link \(full)")
        #expect(bound > plain + 1e-6 * plain, "cuts \(bound) vs none \(plain)")
    }
}
