import Foundation
import Testing
@testable import YubeiSiting
import YubeiTestSupport

/// Shadow prices, reasons for unmet needs and team staging on cases worked by hand.
@Suite struct ExplanationTests {
    typealias P = SitingProblem

    @Test func fullWarehouseIsTheReasonForShortSupplies() throws {
        // W1 holds 60 tents (1 m³ each) for B's 100 in h2; W2 is useless (closed in h2).
        let problem = SitingModelTests.stockProblem(w1Capacity: 60, closeW2InH2: true)
        let plan = try SitingSolver.solve(problem)
        // The reason: the only usable warehouse in reach is full.
        #expect(plan.unmetReasons.contains { $0.kind == .warehousesFull && $0.area == "B" && $0.sites == ["W1"] }, "\(plan.unmetReasons)")
    }

    @Test func unaffordableShelterIsTheReasonAndTheGapCloser() throws {
        // K1 (100 places) is full with 30 unsheltered; K2 (60 places, 500 yuan) is over the
        // budget of 400: re-solving with K2 open shelters the 30, for 100 yuan more budget.
        let problem = SitingModelTests.shelterProblem(budget: 400, single: true)
        let plan = try SitingSolver.solve(problem)
        let closer = try #require(plan.improvements.first { $0.site == "K2" })
        #expect(closer.kind == .shelter)
        #expect(closer.gainByHazard == ["h": 30])
        #expect(closer.extraBudget == 100)
        #expect(abs(closer.peoplePer10000Yuan - 30.0 / 500 * 10_000) < 1e-9)
        // K2 was in reach but not affordable.
        #expect(plan.unmetReasons.contains { $0.kind == .shelterCandidatesNotOpened && $0.sites == ["K2"] })
    }

    @Test func stagingMovesTheTeamWhereMostPeopleAre() throws {
        // The team's base reaches nobody; staged at W it would reach A (100 people), at K it
        // would reach B (300). Best: K, covering 300 · weight 1.
        let here = P.Position(lat: 25, lon: 118)
        let problem = P(
            name: "staging",
            areas: [P.Area(id: "A", position: here, population: 1000), P.Area(id: "B", position: here, population: 1000)],
            supplies: [],
            warehouses: [P.Warehouse(id: "W", position: here, isExisting: true, capacity: 10, fixedCost: 0)],
            shelters: [P.Shelter(id: "K", position: here, isExisting: true, area: 3000, areaPerPerson: 1.5, maxKm: 3, fixedCost: 0)],
            hazards: [P.Hazard(id: "h", weight: 1, displaced: [100, 300], needs: ["rescue"])],
            teams: [P.Team(id: "T", position: here, specialties: ["rescue"])],
            policy: SitingModelTests.policy(budget: nil, single: false),
            shelterLinks: [P.ShelterLink(area: 0, shelter: 0, km: 1), P.ShelterLink(area: 1, shelter: 0, km: 1)],
            supplyLinks: [], teamLinks: [],
            stagingLinks: [P.StagingLink(site: .warehouse(0), area: 0, minutes: 20), P.StagingLink(site: .shelter(0), area: 1, minutes: 20)])
        var options = SitingOptions()
        options.stageTeams = true
        let plan = try SitingSolver.solve(problem, options: options)
        let staging = try #require(plan.teamStaging)
        #expect(staging.sites == ["T": .site("K")])
        #expect(staging.coveredBefore == 0)
        #expect(abs(staging.coveredAfter - 300) < 1e-6)
        let gaps = plan.hazards["h"]!.teamCoverage
        #expect(Set(gaps.uncovered.map(\.area)) == ["A", "B"])
        #expect(gaps.uncoveredAfterStaging?.map(\.area) == ["A"])
    }

    @Test func everyFindingKindHasASentenceInBothLanguages() {
        let problem = SitingModelTests.stockProblem(w1Capacity: 60)
        let kinds: [SitingFinding] = [
            SitingFinding(kind: .noShelterInReach, hazard: "h1", area: "A", needed: 5, available: 0),
            SitingFinding(kind: .noWarehouseInReach, hazard: "h1", area: "A", needed: 5),
            SitingFinding(kind: .shelterCapacityShort, hazard: "h1", needed: 5, available: 2),
            SitingFinding(kind: .storageShort, hazard: "h1", needed: 5, available: 2),
            SitingFinding(kind: .specialtyMissing, hazard: "h1", specialty: "geohazard"),
            SitingFinding(kind: .siteOverBudget, site: "W2", needed: 5, available: 2),
        ]
        for finding in kinds {
            let en = SitingText.sentence(finding, problem: problem, language: .en)
            let zh = SitingText.sentence(finding, problem: problem, language: .zh)
            #expect(!en.isEmpty && !zh.isEmpty && en != zh)
        }
    }

    @Test func storageAndShelterShortagesAreFoundBeforeSolving() {
        // h2 needs 100 m³ of tents; W1 (60 m³) plus W2 (closed in h2) store 60.
        let problem = SitingModelTests.stockProblem(w1Capacity: 60, closeW2InH2: true)
        let findings = problem.findings()
        #expect(findings.contains { $0.kind == .storageShort && $0.hazard == "h2" && $0.needed == 100 && $0.available == 60 })
        #expect(!findings.contains { $0.kind == .storageShort && $0.hazard == "h1" })
        #expect(findings.contains { $0.kind == .shelterCapacityShort && $0.hazard == "h1" && $0.available == 0 })
    }
}
