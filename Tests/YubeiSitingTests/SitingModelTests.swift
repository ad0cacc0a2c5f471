import Foundation
import Testing
@testable import YubeiSiting
import YubeiTestSupport

/// Small problems whose optimum is worked out by hand or by enumeration.
@Suite struct SitingModelTests {
    typealias P = SitingProblem
    static let here = P.Position(lat: 25, lon: 118)

    static func policy(budget: Double?, single: Bool, transport: Double = 0, evacuation: Double = 0) -> P.Policy {
        P.Policy(budget: budget, supplyResponseMinutes: 360, teamResponseMinutes: 60, singleShelterPerArea: single,
                 transportCostPerCubicMetreKm: transport, evacuationCostPerPersonKm: evacuation)
    }

    // MARK: Stockpiles, worked by hand

    /// W1 (existing, 120 m³) reaches A and B; W2 (candidate, 1000 yuan, 500 m³) reaches B only.
    /// Hazard h1 displaces 100 in A, h2 200 in B; one tent per 2 people, 1 m³, 10 yuan.
    static func stockProblem(w1Capacity: Double, closeW2InH2: Bool = false) -> P {
        P(name: "stock", areas: [P.Area(id: "A", position: here, population: 1000), P.Area(id: "B", position: here, population: 1000)],
          supplies: [P.Supply(id: "tent", perPerson: 0.5, volume: 1, unitCost: 10)],
          warehouses: [P.Warehouse(id: "W1", position: here, isExisting: true, capacity: w1Capacity, fixedCost: 0),
                       P.Warehouse(id: "W2", position: here, isExisting: false, capacity: 500, fixedCost: 1000)],
          shelters: [],
          hazards: [P.Hazard(id: "h1", weight: 0.5, displaced: [100, 0]),
                    P.Hazard(id: "h2", weight: 0.5, displaced: [0, 200], closedWarehouses: closeW2InH2 ? [1] : [])],
          teams: [], policy: policy(budget: 2000, single: false),
          shelterLinks: [],
          supplyLinks: [P.SupplyLink(warehouse: 0, area: 0, km: 5, minutes: 10), P.SupplyLink(warehouse: 0, area: 1, km: 5, minutes: 10),
                        P.SupplyLink(warehouse: 1, area: 1, km: 5, minutes: 10)],
          teamLinks: [])
    }

    @Test func stockIsSharedAcrossHazards() throws {
        // Max(50, 100) = 100 tents fit in W1's 120 m³: no need to open W2; stock cost 1,000.
        let plan = try SitingSolver.solve(Self.stockProblem(w1Capacity: 120))
        #expect(plan.status == .optimal)
        #expect(plan.openWarehouses == ["W1"])
        #expect(abs((plan.stock["W1"]?["tent"] ?? 0) - 100) < 1e-6)
        #expect(abs(plan.objectiveTerms!.stock - 1000) < 1e-6)
        #expect(plan.objectiveTerms!.opening == 0)
        #expect(plan.hazards["h2"]!.unmet.supplies.isEmpty)
        // Nobody can be sheltered (no shelters): all 300 people unsheltered, explained.
        #expect(plan.hazards["h1"]!.unmet.peopleUnsheltered == ["A": 100])
        #expect(plan.explanations.contains { $0.kind == .noShelterInReach && $0.area == "B" && $0.hazard == "h2" })
        #expect(abs(plan.objective! - 1000) < 1e-3)
        #expect(plan.levels?.unsheltered == 150)  // 0.5 · 100 + 0.5 · 200
    }

    @Test func tightStorageOpensTheCandidate() throws {
        // W1 holds only 60 tents: opening W2 (1,000 yuan) and stocking 100 tents in all beats 40 tents short.
        let plan = try SitingSolver.solve(Self.stockProblem(w1Capacity: 60))
        #expect(plan.openWarehouses.sorted() == ["W1", "W2"])
        let total = (plan.stock["W1"]?["tent"] ?? 0) + (plan.stock["W2"]?["tent"] ?? 0)
        #expect(abs(total - 100) < 1e-6)
        #expect(plan.hazards["h2"]!.unmet.supplies.isEmpty)
        #expect(abs(plan.objectiveTerms!.opening + plan.objectiveTerms!.stock - 2000) < 1e-6)
        #expect(plan.spending!.opening == 1000)
    }

    @Test func closedSiteIsNeverUsed() throws {
        // W2 is closed in h2, the only hazard it could serve: it stays shut and 40 tents are short.
        let plan = try SitingSolver.solve(Self.stockProblem(w1Capacity: 60, closeW2InH2: true))
        #expect(plan.openWarehouses == ["W1"])
        #expect(abs((plan.hazards["h2"]!.unmet.supplies["B"]?["tent"] ?? 0) - 40) < 1e-6)
        #expect(!plan.hazards["h2"]!.supplyFlows.contains { $0.from == "W2" })
    }

    // MARK: Shelters, worked by hand

    /// A (80 displaced) and B (50); K1 existing holds 100, K2 candidate holds 60 for 500 yuan.
    static func shelterProblem(budget: Double, single: Bool) -> P {
        P(name: "shelter", areas: [P.Area(id: "A", position: here, population: 500), P.Area(id: "B", position: here, population: 500)],
          supplies: [],
          warehouses: [],
          shelters: [P.Shelter(id: "K1", position: here, isExisting: true, area: 150, areaPerPerson: 1.5, maxKm: 3, fixedCost: 0),
                     P.Shelter(id: "K2", position: here, isExisting: false, area: 90, areaPerPerson: 1.5, maxKm: 3, fixedCost: 500)],
          hazards: [P.Hazard(id: "h", weight: 1, displaced: [80, 50])],
          teams: [], policy: policy(budget: budget, single: single, evacuation: 1),
          shelterLinks: [P.ShelterLink(area: 0, shelter: 0, km: 1), P.ShelterLink(area: 0, shelter: 1, km: 2),
                         P.ShelterLink(area: 1, shelter: 0, km: 1), P.ShelterLink(area: 1, shelter: 1, km: 1)],
          supplyLinks: [], teamLinks: [])
    }

    @Test func budgetTooSmallLeavesPeopleUnsheltered() throws {
        let plan = try SitingSolver.solve(Self.shelterProblem(budget: 400, single: true))
        #expect(plan.openShelters == ["K1"])
        // K1 holds 100 of 130: 30 unsheltered whichever area is cut.
        let unsheltered = plan.hazards["h"]!.unmet.peopleUnsheltered.values.reduce(0, +)
        #expect(abs(unsheltered - 30) < 1e-6)
    }

    @Test func singleShelterPerAreaIsHonoured() throws {
        let plan = try SitingSolver.solve(Self.shelterProblem(budget: 1000, single: true))
        #expect(plan.openShelters.sorted() == ["K1", "K2"])
        let assignment = plan.hazards["h"]!.shelterAssignment
        #expect(assignment["A"] == ["K1": 80])
        #expect(assignment["B"] == ["K2": 50])
        #expect(plan.hazards["h"]!.unmet.peopleUnsheltered.isEmpty)
        // 500 opening + 80·1 km + 50·1 km of evacuation.
        #expect(abs(plan.objective! - 630) < 1e-6)
    }

    @Test func nothingToDecideStillGivesAPlan() throws {
        let problem = P(name: "empty", areas: [P.Area(id: "A", position: Self.here, population: 10)], supplies: [],
                        warehouses: [], shelters: [], hazards: [P.Hazard(id: "h", weight: 1, displaced: [0])], teams: [],
                        policy: Self.policy(budget: 0, single: true), shelterLinks: [], supplyLinks: [], teamLinks: [])
        let plan = try SitingSolver.solve(problem)
        #expect(plan.status == .optimal)
        #expect(plan.objective == 0)
        #expect(plan.hazards["h"]?.unmet.peopleUnsheltered.isEmpty == true)
    }

    // MARK: Brute force on random small instances

    /// Enumerates every affordable open set and every single-shelter choice per area; for each,
    /// fills each shelter's places nearest-first (optimal for one shelter's fractional knapsack
    /// when all people carry the same penalty).
    static func bruteForce(_ p: P) -> Double {
        let penalty = 1e7  // people first: far above any cost of these small cases
        let candidates = p.shelters.indices.filter { !p.shelters[$0].isExisting }
        var best = Double.infinity
        for mask in 0..<(1 << candidates.count) {
            var open = p.shelters.map(\.isExisting)
            var opening = 0.0
            for (bit, k) in candidates.enumerated() where mask & (1 << bit) != 0 {
                open[k] = true
                opening += p.shelters[k].fixedCost
            }
            if let budget = p.policy.budget, opening > budget + 1e-9 { continue }
            var total = opening
            for hazard in p.hazards {
                let areas = p.areas.indices.filter { hazard.displaced[$0] > 0 }
                let options = areas.map { a in
                    [nil] + p.shelterLinks.indices.filter {
                        p.shelterLinks[$0].area == a && open[p.shelterLinks[$0].shelter] && !hazard.closedShelters.contains(p.shelterLinks[$0].shelter)
                    }.map { Optional($0) }
                }
                var bestHazard = Double.infinity
                var choice = Array(repeating: 0, count: areas.count)
                while true {
                    var cost = 0.0
                    var sheltered = Array(repeating: 0.0, count: areas.count)
                    for k in p.shelters.indices {
                        let users = areas.indices.filter { options[$0][choice[$0]].map { p.shelterLinks[$0].shelter } == k }
                            .sorted { p.shelterLinks[options[$0][choice[$0]]!].km < p.shelterLinks[options[$1][choice[$1]]!].km }
                        var room = p.shelters[k].capacity
                        for i in users {
                            let x = min(room, hazard.displaced[areas[i]])
                            room -= x
                            sheltered[i] = x
                            cost += x * p.policy.evacuationCostPerPersonKm * p.shelterLinks[options[i][choice[i]]!].km * hazard.weight
                        }
                    }
                    for i in areas.indices { cost += penalty * (hazard.displaced[areas[i]] - sheltered[i]) }
                    bestHazard = min(bestHazard, cost)
                    var i = 0
                    while i < areas.count {
                        choice[i] += 1
                        if choice[i] < options[i].count { break }
                        choice[i] = 0
                        i += 1
                    }
                    if i == areas.count { break }
                }
                total += bestHazard
            }
            best = min(best, total)
        }
        return best
    }

    static func randomShelterProblem(seed: UInt64) -> P {
        var rng = SplitMix64(seed: seed)
        let areaCount = 3, shelterCount = 3
        let areas = (0..<areaCount).map { P.Area(id: "a\($0)", position: here, population: 1000) }
        let shelters = (0..<shelterCount).map { k in
            P.Shelter(id: "k\(k)", position: here, isExisting: k == 0 && rng.next() % 2 == 0,
                      area: Double(30 + rng.next() % 120) * 1.5, areaPerPerson: 1.5, maxKm: 5,
                      fixedCost: Double(100 + rng.next() % 900))
        }
        var links: [P.ShelterLink] = []
        for a in 0..<areaCount {
            for k in 0..<shelterCount where rng.next() % 3 != 0 {
                links.append(P.ShelterLink(area: a, shelter: k, km: Double(1 + rng.next() % 5)))
            }
        }
        let hazards = (0..<2).map { h in
            P.Hazard(id: "h\(h)", weight: 0.5, displaced: (0..<areaCount).map { _ in Double(rng.next() % 90) },
                     closedShelters: rng.next() % 3 == 0 ? [Int(rng.next() % 3)] : [])
        }
        return P(name: "random", areas: areas, supplies: [], warehouses: [], shelters: shelters, hazards: hazards,
                 teams: [], policy: policy(budget: Double(200 + rng.next() % 1200), single: true, evacuation: 1),
                 shelterLinks: links, supplyLinks: [], teamLinks: [])
    }

    @Test(arguments: 1...25) func matchesBruteForce(seed: Int) throws {
        let problem = Self.randomShelterProblem(seed: UInt64(seed))
        var options = SitingOptions()
        options.relativeGap = 1e-9
        let plan = try SitingSolver.solve(problem, options: options)
        let expected = Self.bruteForce(problem)
        #expect(plan.status == .optimal)
        // Equal hazard weights (0.5): rule 1 is the unweighted count the brute force penalises.
        let got = plan.levels!.unsheltered / 0.5 * 1e7 + plan.objective!
        #expect(abs(got - expected) <= 1e-6 * max(1, expected), "seed \(seed)")
    }

    @Test(arguments: 1...10) func greedyIncumbentIsFeasibleAndNeverBeatsTheOptimum(seed: Int) throws {
        let problem = Self.randomShelterProblem(seed: UInt64(seed))
        let siting = SitingModel(problem)
        let start = SitingHeuristic(problem).values(for: siting)
        // Every row and bound holds at the greedy plan.
        for row in siting.model.constraints {
            let value = zip(row.indices, row.coefficients).reduce(0.0) { $0 + $1.1 * start[$1.0] }
            if let l = row.lowerBound { #expect(value >= l - 1e-6) }
            if let u = row.upperBound { #expect(value <= u + 1e-6) }
        }
        for (j, v) in siting.model.variables.enumerated() {
            if let l = v.lowerBound { #expect(start[j] >= l - 1e-9) }
            if let u = v.upperBound { #expect(start[j] <= u + 1e-9) }
        }
        _ = start
    }
}

