import Foundation
import Testing
import YubeiScenario
@testable import YubeiSiting
import YubeiTestSupport

/// The objective order of FORMATS.md §2.1, whole units, exact budgets and the verifier, each on a
/// small county worked out by hand.
@Suite struct ObjectiveOrderTests {
    typealias P = SitingProblem
    static let here = P.Position(lat: 25, lon: 118)

    static func policy(budget: Double?, single: Bool = false, risk: P.Risk = .expected, stockBudget: Double? = nil) -> P.Policy {
        P.Policy(budget: budget, supplyResponseMinutes: 360, teamResponseMinutes: 60, singleShelterPerArea: single,
                 transportCostPerCubicMetreKm: 0, evacuationCostPerPersonKm: 0, stockBudget: stockBudget, risk: risk)
    }

    // MARK: Rule 1 before rule 2

    /// A (100 displaced) has no shelter and no warehouse. One candidate shelter K (1,000 yuan,
    /// 100 places) and one candidate warehouse W (1,000 yuan, room for everyone's two items);
    /// the budget buys one. Sheltering A costs every item (200 units short, 100 without a kit);
    /// supplying A costs 100 people unsheltered. People come first: K.
    @Test func shelteringOneMoreAreaCostsSupplies() throws {
        let problem = P(
            name: "people-first", areas: [P.Area(id: "A", position: Self.here, population: 1000)],
            supplies: [P.Supply(id: "bed", perPerson: 1, volume: 0.1, unitCost: 10),
                       P.Supply(id: "water", perPerson: 1, volume: 0.1, unitCost: 1)],
            warehouses: [P.Warehouse(id: "W", position: Self.here, isExisting: false, capacity: 100, fixedCost: 1000)],
            shelters: [P.Shelter(id: "K", position: Self.here, isExisting: false, area: 150, areaPerPerson: 1.5, maxKm: 5, fixedCost: 1000)],
            hazards: [P.Hazard(id: "h", weight: 1, displaced: [100])], teams: [], policy: Self.policy(budget: 1000),
            shelterLinks: [P.ShelterLink(area: 0, shelter: 0, km: 1)],
            supplyLinks: [P.SupplyLink(warehouse: 0, area: 0, km: 1, minutes: 5)], teamLinks: [])
        let plan = try SitingSolver.solve(problem)
        #expect(plan.status == .optimal)
        #expect(plan.openShelters == ["K"])
        #expect(plan.openWarehouses.isEmpty)
        #expect(plan.hazards["h"]?.summary == SitingPlan.Summary(displaced: 100, sheltered: 100, unsheltered: 0, fullySupplied: 0))
        #expect(plan.hazards["h"]?.unmet.peopleWithoutKit == ["A": 100])
        #expect(plan.levels?.unsheltered == 0)
        #expect(plan.levels?.withoutKit == 100)
        #expect(plan.spending?.opening == 1000)
    }

    // MARK: Rule 2 before rule 3: complete kits

    /// The depot holds 6 m³; a kit is one bed (0.5 m³) and one water (0.1 m³), 0.6 m³; A has 40
    /// displaced. Filling the depot with water and beds by count (40 water + 4 beds = 44 items)
    /// supplies 4 people; 10 beds + 10 water (20 items) supplies 10. Rule 2 wants 10 kits.
    @Test func volumeForTenKitsGivesTenKitsNotMoreWater() throws {
        let problem = P(
            name: "kits", areas: [P.Area(id: "A", position: Self.here, population: 1000)],
            supplies: [P.Supply(id: "bed", perPerson: 1, volume: 0.5, unitCost: 100),
                       P.Supply(id: "water", perPerson: 1, volume: 0.1, unitCost: 1)],
            warehouses: [P.Warehouse(id: "depot", position: Self.here, isExisting: true, capacity: 6, fixedCost: 0)],
            shelters: [], hazards: [P.Hazard(id: "h", weight: 1, displaced: [40])], teams: [], policy: Self.policy(budget: 0),
            shelterLinks: [], supplyLinks: [P.SupplyLink(warehouse: 0, area: 0, km: 1, minutes: 5)], teamLinks: [])
        let plan = try SitingSolver.solve(problem)
        #expect(plan.status == .optimal)
        #expect(plan.stock["depot"] == ["bed": 10, "water": 10])
        #expect(plan.hazards["h"]?.summary.fullySupplied == 10)
        #expect(plan.hazards["h"]?.unmet.peopleWithoutKit == ["A": 30])
        #expect(plan.hazards["h"]?.unmet.supplies["A"] == ["bed": 30, "water": 30])
    }

    /// An item's need is ⌈displaced × per_person⌉ and kits count whole people: 10 displaced need
    /// ⌈2.5⌉ = 3 tents (one per four people); with room for 2 tents, 8 people have a tent.
    @Test func needsAndKitsAreWholeUnits() throws {
        let problem = P(
            name: "tents", areas: [P.Area(id: "A", position: Self.here, population: 100)],
            supplies: [P.Supply(id: "tent", perPerson: 0.25, volume: 1, unitCost: 100)],
            warehouses: [P.Warehouse(id: "depot", position: Self.here, isExisting: true, capacity: 2.9, fixedCost: 0)],
            shelters: [], hazards: [P.Hazard(id: "h", weight: 1, displaced: [10])], teams: [], policy: Self.policy(budget: 0),
            shelterLinks: [], supplyLinks: [P.SupplyLink(warehouse: 0, area: 0, km: 1, minutes: 5)], teamLinks: [])
        let plan = try SitingSolver.solve(problem)
        #expect(plan.stock["depot"] == ["tent": 2])
        #expect(plan.hazards["h"]?.unmet.supplies["A"] == ["tent": 1])
        #expect(plan.hazards["h"]?.summary.fullySupplied == 8)
        #expect(plan.hazards["h"]?.unmet.peopleWithoutKit == ["A": 2])
    }

    /// Rule 3 weighs items short by `priority`: room for 10 units of either; water (priority 3)
    /// before blankets (priority 1) when no kit can be completed (tents are out of reach).
    @Test func priorityDecidesWhichItemsAreShort() throws {
        let problem = P(
            name: "priority", areas: [P.Area(id: "A", position: Self.here, population: 100)],
            supplies: [P.Supply(id: "blanket", perPerson: 1, volume: 1, unitCost: 1, priority: 1),
                       P.Supply(id: "tent", perPerson: 1, volume: 1, unitCost: 1, priority: 1),
                       P.Supply(id: "water", perPerson: 1, volume: 1, unitCost: 1, priority: 3)],
            warehouses: [P.Warehouse(id: "depot", position: Self.here, isExisting: true, capacity: 10, fixedCost: 0)],
            shelters: [], hazards: [P.Hazard(id: "h", weight: 1, displaced: [10])], teams: [], policy: Self.policy(budget: 0),
            shelterLinks: [], supplyLinks: [P.SupplyLink(warehouse: 0, area: 0, km: 1, minutes: 5)], teamLinks: [])
        let plan = try SitingSolver.solve(problem)
        // Kits: 3 complete kits need 9 m³ (3 of each) — rule 2 first; the last m³ goes to water.
        #expect(plan.hazards["h"]?.summary.fullySupplied == 3)
        #expect(plan.stock["depot"] == ["blanket": 3, "tent": 3, "water": 4])
    }

    // MARK: Risk attitudes

    /// h1 (p 0.9) displaces 100 in A, h2 (p 0.1) 300 in B; the budget opens one shelter: KA
    /// (A only, 100 places) or KB (B only, 300). Expected: KA leaves 0.1·300 = 30, KB 0.9·100 = 90
    /// → KA. Every hazard: KA leaves 300, KB 100 → KB. Worst case: both leave a whole hazard
    /// unsheltered (share 1), and `expected` breaks the tie → KA.
    static func riskProblem(_ risk: P.Risk, p1: Double = 0.9, p2: Double = 0.1, withBoth: Bool = false,
                            serviceLevels: (Double?, Double?) = (nil, nil)) -> P {
        var shelters = [P.Shelter(id: "KA", position: here, isExisting: false, area: 100, areaPerPerson: 1, maxKm: 5, fixedCost: 100),
                        P.Shelter(id: "KB", position: here, isExisting: false, area: 300, areaPerPerson: 1, maxKm: 5, fixedCost: 100)]
        var links = [P.ShelterLink(area: 0, shelter: 0, km: 1), P.ShelterLink(area: 1, shelter: 1, km: 1)]
        if withBoth {
            shelters.append(P.Shelter(id: "KC", position: here, isExisting: false, area: 100, areaPerPerson: 1, maxKm: 5, fixedCost: 100))
            links += [P.ShelterLink(area: 0, shelter: 2, km: 1), P.ShelterLink(area: 1, shelter: 2, km: 1)]
        }
        return P(name: "risk", areas: [P.Area(id: "A", position: here, population: 1000), P.Area(id: "B", position: here, population: 1000)],
                 supplies: [], warehouses: [], shelters: shelters,
                 hazards: [P.Hazard(id: "h1", probability: p1, weight: p1, displaced: [100, 0], serviceLevel: serviceLevels.0),
                           P.Hazard(id: "h2", probability: p2, weight: p2, displaced: [0, 300], serviceLevel: serviceLevels.1)],
                 teams: [], policy: policy(budget: 100, risk: risk), shelterLinks: links, supplyLinks: [], teamLinks: [])
    }

    @Test(arguments: [(P.Risk.expected, "KA"), (.everyHazard, "KB"), (.worstCase, "KA")])
    func riskAttitudeChoosesTheShelter(risk: P.Risk, expected: String) throws {
        let plan = try SitingSolver.solve(Self.riskProblem(risk))
        #expect(plan.status == .optimal)
        #expect(plan.openShelters == [expected], "\(risk)")
        #expect(plan.levels?.risk == risk.rawValue)
    }

    /// Equal probabilities, and KC (100 places) reaches both areas. Expected: KA leaves 150, KB
    /// 50, KC 100 → KB. Worst case: KA and KB leave a hazard's whole share (1), KC leaves h2
    /// 200 of 300 (2/3) → KC.
    @Test func worstCaseMinimisesTheLargestShare() throws {
        let expected = try SitingSolver.solve(Self.riskProblem(.expected, p1: 0.5, p2: 0.5, withBoth: true))
        #expect(expected.openShelters == ["KB"])
        let worst = try SitingSolver.solve(Self.riskProblem(.worstCase, p1: 0.5, p2: 0.5, withBoth: true))
        #expect(worst.openShelters == ["KC"])
        #expect(abs((worst.levels?.worstUnshelteredShare ?? 0) - 2.0 / 3) < 1e-9)
    }

    // MARK: Service levels

    @Test func serviceLevelThatCanBeMetIsMet() throws {
        // Every hazard: KB would be chosen, but h1 must shelter all of A: KA it is.
        let plan = try SitingSolver.solve(Self.riskProblem(.everyHazard, serviceLevels: (1.0, nil)))
        #expect(plan.status == .optimal)
        #expect(plan.openShelters == ["KA"])
        #expect(plan.hazards["h1"]?.summary.unsheltered == 0)
    }

    @Test func serviceLevelThatCannotBeMetIsExplained() throws {
        // h1 needs all of A, h2 half of B (150): one shelter cannot do both. The least short is
        // KB (h1 short by 100, the whole of A); KA would leave h2 150 short.
        let plan = try SitingSolver.solve(Self.riskProblem(.expected, serviceLevels: (1.0, 0.5)))
        #expect(plan.status == .infeasible)
        let shortfall = try #require(plan.serviceLevelShortfalls.first)
        #expect(plan.serviceLevelShortfalls.count == 1)
        #expect(shortfall.hazard == "h1")
        #expect(shortfall.required == 100)
        #expect(shortfall.achievable == 0)
        #expect(shortfall.areas.map(\.area) == ["A"])
        #expect(shortfall.areas.first?.unsheltered == 100)
        #expect(shortfall.reasons.contains { $0.kind == .shelterCandidatesNotOpened && $0.sites == ["KA"] })
    }

    // MARK: Budgets to the yuan

    static func budgetProblem(costs: [Double], budget: Double) -> P {
        let shelters = costs.enumerated().map { k, cost in
            P.Shelter(id: "K\(k)", position: here, isExisting: false, area: 1500, areaPerPerson: 1.5, maxKm: 5, fixedCost: cost)
        }
        return P(name: "budget", areas: costs.indices.map { P.Area(id: "A\($0)", position: here, population: 5000) },
                 supplies: [], warehouses: [], shelters: shelters,
                 hazards: [P.Hazard(id: "h", weight: 1, displaced: costs.map { _ in 1000 })], teams: [],
                 policy: policy(budget: budget), shelterLinks: costs.indices.map { P.ShelterLink(area: $0, shelter: $0, km: 1) },
                 supplyLinks: [], teamLinks: [])
    }

    @Test func shelterDearerByFiveYuanThanTheBudgetIsNotOpened() throws {
        let plan = try SitingSolver.solve(Self.budgetProblem(costs: [1_000_005], budget: 1_000_000))
        #expect(plan.openShelters.isEmpty)
        #expect(plan.hazards["h"]?.unmet.peopleUnsheltered == ["A0": 1000])
        #expect(plan.spending?.opening == 0)
    }

    @Test func oneYuanShortIsNotOpened() throws {
        // 500,000 + 500,001 > 1,000,000: one of the two, the other area unsheltered.
        let plan = try SitingSolver.solve(Self.budgetProblem(costs: [500_000, 500_001], budget: 1_000_000))
        #expect(plan.openShelters.count == 1)
        #expect(plan.hazards["h"]?.summary.unsheltered == 1000)
        #expect(plan.verification.isEmpty)
        // To the yuan: exactly the budget buys both.
        let both = try SitingSolver.solve(Self.budgetProblem(costs: [500_000, 500_000], budget: 1_000_000))
        #expect(both.openShelters == ["K0", "K1"])
        #expect(both.spending?.opening == 1_000_000)
    }

    @Test func stockBudgetIsKeptToTheYuan() throws {
        // 40 people need 40 beds at 100 yuan; 3,999 yuan buys 39.
        var problem = P(
            name: "stock-budget", areas: [P.Area(id: "A", position: Self.here, population: 1000)],
            supplies: [P.Supply(id: "bed", perPerson: 1, volume: 0.5, unitCost: 100)],
            warehouses: [P.Warehouse(id: "depot", position: Self.here, isExisting: true, capacity: 100, fixedCost: 0)],
            shelters: [], hazards: [P.Hazard(id: "h", weight: 1, displaced: [40])], teams: [], policy: Self.policy(budget: 0),
            shelterLinks: [], supplyLinks: [P.SupplyLink(warehouse: 0, area: 0, km: 1, minutes: 5)], teamLinks: [])
        problem.policy.stockBudget = 3999
        let plan = try SitingSolver.solve(problem)
        #expect(plan.stock["depot"] == ["bed": 39])
        #expect(plan.spending?.stock == 3900)
        #expect(plan.spending?.stockBudget == 3999)
    }

    // MARK: Determinism and the verifier

    @Test func shuffledListsGiveTheSamePlan() throws {
        let path = ScenarioPlanTests.fixtures.appendingPathComponent("hillside-county.yaml").path
        let scenario = try ScenarioLoader.load(path: path).scenario
        var options = SitingOptions()
        options.closeGaps = false
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func planJSON(_ s: Scenario) throws -> String {
            var plan = try SitingSolver.solve(SitingProblem(scenario: s), options: options)
            plan.seconds = 0
            return String(decoding: try encoder.encode(plan), as: UTF8.self)
        }
        let base = try planJSON(scenario)
        var rng = SplitMix64(seed: 11)
        for _ in 0..<3 {
            var shuffled = scenario
            shuffled.areas.shuffle(using: &rng)
            shuffled.supplies.shuffle(using: &rng)
            shuffled.warehouses.shuffle(using: &rng)
            shuffled.shelters.shuffle(using: &rng)
            shuffled.hazards.shuffle(using: &rng)
            shuffled.teams.shuffle(using: &rng)
            #expect(try planJSON(shuffled) == base)
        }
    }

    @Test func verifierCatchesInjectedViolations() throws {
        let problem = SitingModelTests.shelterProblem(budget: 400, single: true)
        let plan = try SitingSolver.solve(problem)
        #expect(plan.verification.isEmpty)
        #expect(PlanVerifier.violations(of: plan, problem: problem).isEmpty)
        func kinds(_ change: (inout SitingPlan) -> Void) -> Set<PlanViolation.Constraint> {
            var broken = plan
            change(&broken)
            return Set(PlanVerifier.violations(of: broken, problem: problem).map(\.constraint))
        }
        // K2 costs 500 against a budget of 400.
        #expect(kinds { $0.openShelters.append("K2") }.contains(.budget))
        // 101 people in K1's 100 places.
        #expect(kinds { plan in
            let area = plan.hazards["h"]!.shelterAssignment.first { $0.value["K1"] != nil }!.key
            plan.hazards["h"]!.shelterAssignment[area]!["K1"]! += 1
            plan.hazards["h"]!.unmet.peopleUnsheltered[area, default: 0] -= 1
        }.contains(.shelterCapacity))
        // A fraction of a person.
        #expect(kinds { plan in
            let area = plan.hazards["h"]!.shelterAssignment.keys.sorted()[0]
            let shelter = plan.hazards["h"]!.shelterAssignment[area]!.keys.sorted()[0]
            plan.hazards["h"]!.shelterAssignment[area]![shelter]! -= 0.5
        }.contains(.wholeUnits))
        // People dropped from the balance.
        #expect(kinds { $0.hazards["h"]!.unmet.peopleUnsheltered = [:] }.contains(.peopleBalance))
        // K1 (existing, open in the plan) forbidden; K2 (not open) required: both site rules broken.
        var rules = SiteDecisions()
        rules.forbiddenShelters = [0]
        rules.requiredShelters = [1]
        let broken = PlanVerifier.violations(of: plan, problem: problem, decisions: rules)
        #expect(broken.filter { $0.constraint == .siteRule }.count == 2, "\(broken)")
    }

    @Test func forbiddenExistingSiteNeedNotBeOpen() throws {
        let problem = SitingModelTests.shelterProblem(budget: 1000, single: true)
        var options = SitingOptions()
        options.decisions.forbiddenShelters = [0]
        let plan = try SitingSolver.solve(problem, options: options)
        #expect(plan.verification.isEmpty, "\(plan.verification)")
        #expect(plan.status == .optimal && plan.openShelters == ["K2"])
        // Without the decision, the same plan leaves an existing site closed.
        #expect(PlanVerifier.violations(of: plan, problem: problem).map(\.constraint) == [.existingSiteOpen])
    }
}
