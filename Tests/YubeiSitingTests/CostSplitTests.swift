import Foundation
import YubeiOptimization
import Testing
import YubeiScenario
@testable import YubeiSiting
import YubeiTestSupport

/// Rules 2–4 on the shelter and supply parts apart (``CostSplit``) give the plan of the whole model.
@Suite struct CostSplitTests {
    typealias P = SitingProblem
    static let here = P.Position(lat: 25, lon: 118)

    /// A (100 displaced) needs a shelter and a kit each. Candidates: shelter K1 (1,000 yuan, 1 km),
    /// shelter K2 (600 yuan, 10 km), warehouse W (500 yuan, room for every kit); budget 1,100;
    /// evacuation 1 yuan per person-km. By hand: rule 1 needs K1 or K2; the cheapest is K2 (600),
    /// leaving 500, so rule 2 opens W and everyone gets a kit; K1 + W (1,500) is over the budget,
    /// so the plan is K2 + W, cost 600 + 500 + 100 × 10 + stock 100 × 11 = 3,200 yuan. The shelter
    /// part alone would take K1 (1,000 + 100 = 1,100 < 600 + 1,000): the two parts together overspend
    /// and the shelters are planned again within the 600 yuan W leaves.
    @Test func budgetTiedPartsGiveTheHandWorkedPlan() throws {
        let problem = P(
            name: "split", areas: [P.Area(id: "A", position: Self.here, population: 1000)],
            supplies: [P.Supply(id: "bed", perPerson: 1, volume: 0.1, unitCost: 10),
                       P.Supply(id: "water", perPerson: 1, volume: 0.1, unitCost: 1)],
            warehouses: [P.Warehouse(id: "W", position: Self.here, isExisting: false, capacity: 100, fixedCost: 500)],
            shelters: [P.Shelter(id: "K1", position: Self.here, isExisting: false, area: 150, areaPerPerson: 1.5, maxKm: 20, fixedCost: 1000),
                       P.Shelter(id: "K2", position: Self.here, isExisting: false, area: 150, areaPerPerson: 1.5, maxKm: 20, fixedCost: 600)],
            hazards: [P.Hazard(id: "h", weight: 1, displaced: [100])], teams: [],
            policy: P.Policy(budget: 1100, supplyResponseMinutes: 360, teamResponseMinutes: 60, singleShelterPerArea: true,
                             transportCostPerCubicMetreKm: 0, evacuationCostPerPersonKm: 1),
            shelterLinks: [P.ShelterLink(area: 0, shelter: 0, km: 1), P.ShelterLink(area: 0, shelter: 1, km: 10)],
            supplyLinks: [P.SupplyLink(warehouse: 0, area: 0, km: 1, minutes: 5)], teamLinks: [])
        #expect(CostSplit.applies(problem, options: SitingOptions()))
        for split in [true, false] {
            var options = SitingOptions()
            options.splitParts = split
            options.relativeGap = 1e-9
            let plan = try SitingSolver.solve(problem, options: options)
            #expect(plan.status == .optimal, "split \(split)")
            #expect(plan.openShelters == ["K2"], "split \(split)")
            #expect(plan.openWarehouses == ["W"], "split \(split)")
            #expect(plan.levels?.unsheltered == 0 && plan.levels?.withoutKit == 0 && plan.levels?.itemsShort == 0)
            #expect(plan.spending?.opening == 1100)
            #expect(abs((plan.objective ?? 0) - 3200) < 1e-6, "split \(split): \(plan.objective ?? .nan)")
            #expect(plan.verification.isEmpty)
        }
    }

    /// The same rules and cost with and without the split on the fixtures (small enough to prove).
    @Test(arguments: ["hillside-county.yaml", "single-shelter-county.yaml"])
    func splitGivesTheWholeModelsOptimum(fixture: String) throws {
        let path = ScenarioPlanTests.fixtures.appendingPathComponent(fixture).path
        let problem = SitingProblem(scenario: try ScenarioLoader.load(path: path).scenario)
        var options = SitingOptions()
        options.relativeGap = 1e-9
        options.closeGaps = false
        let split = try SitingSolver.solve(problem, options: options)
        options.splitParts = false
        let whole = try SitingSolver.solve(problem, options: options)
        #expect(split.status == .optimal && whole.status == .optimal)
        let a = try #require(split.levels), b = try #require(whole.levels)
        #expect(abs(a.unsheltered - b.unsheltered) < 1e-6)
        #expect(abs(a.withoutKit - b.withoutKit) < 1e-6)
        #expect(abs(a.itemsShort - b.itemsShort) < 1e-6)
        #expect(abs(a.cost - b.cost) <= 1e-6 * max(1, abs(b.cost)), "\(a.cost) vs \(b.cost)")
        #expect(split.verification.isEmpty)
    }

    /// Objective values on a lattice of step g: a gap that stops within g proves optimality.
    @Test func latticeGapOfTenthWeights() {
        var model = Model(name: "lattice")
        let n = model.addVariable("n", kind: .integer, lowerBound: 0, upperBound: 100)
        let m = model.addVariable("m", kind: .integer, lowerBound: 0, upperBound: 50)
        let gap = CostSplit.latticeGap(LinearExpression(terms: [(n, -0.3), (m, -0.2)]), model)
        // g = 0.1, largest |objective| = 30 + 10 = 40.
        #expect(abs((gap ?? 0) - 0.999 * 0.1 / 40) < 1e-12)
        let x = model.addVariable("x", lowerBound: 0, upperBound: 1)
        #expect(CostSplit.latticeGap(LinearExpression(terms: [(n, 1), (x, 1)]), model) == nil)
    }
}
