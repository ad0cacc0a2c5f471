import Foundation
import Testing
@testable import YubeiScenario
import YubeiTestSupport

@Suite("Shipped county scenarios")
struct ShippedScenarioTests {
    static let files = ["dehua-typhoon.yaml", "quxian-flood.yaml", "minqin-sandstorm-drought.yaml",
                        "wuxi-landslide-flood.yaml", "xiangfen-earthquake.yaml"]

    static func load(_ file: String) throws -> Scenario {
        try ScenarioLoader.load(path: packageRoot.appendingPathComponent("Scenarios").appendingPathComponent(file).path).scenario
    }

    @Test("loads with no errors and no warnings; siting choices matter", arguments: files)
    func clean(_ file: String) throws {
        let loaded = try ScenarioLoader.load(path: packageRoot.appendingPathComponent("Scenarios/\(file)").path)
        #expect(loaded.warnings.all.isEmpty, "\(loaded.warnings.all)")
        let s = loaded.scenario
        #expect((2...4).contains(s.hazards.count))
        #expect(abs(s.hazardWeights.reduce(0, +) - 1) < 1e-9)
        #expect(s.warehouses.filter { !$0.existing }.count >= 5)
        #expect(s.shelters.filter { !$0.existing }.count >= 10)
        let allCandidates = s.warehouses.filter { !$0.existing }.reduce(0) { $0 + $1.fixedCost }
            + s.shelters.filter { !$0.existing }.reduce(0) { $0 + $1.fixedCost }
        #expect(s.policy.budget < allCandidates / 2, "the budget must bind")
        #expect(s.areas.allSatisfy { (20...45).contains($0.location.lat) && (95...125).contains($0.location.lon) })
        let network = TravelNetwork(scenario: s)
        #expect(network.unreachable.isEmpty)
    }

    @Test("德化: Typhoon Gaemi relocates 11,569 people, the census towns keep their figures")
    func dehua() throws {
        let s = try Self.load("dehua-typhoon.yaml")
        #expect(s.areas.count == 18)
        #expect(s.areas.reduce(0) { $0 + $1.population } == 332_148)   // 2020 census county total
        #expect(s.area("xunzhong")?.population == 140_366)
        #expect(s.area("xunzhong")?.name == "浔中镇")
        #expect(s.area("xunzhong")?.code == "350526100")
        #expect(s.hazard("typhoon-gaemi-l2")?.kind == "typhoon")
        #expect(s.area("xunzhong")?.provenance.estimated.isEmpty == true)
        #expect(s.area("gekeng")?.provenance.estimated == ["population"])
        let gaemi = try #require(s.hazard("typhoon-gaemi-l2"))
        #expect(gaemi.totalDisplaced == 11_569)
        // Double weight for 水口: 2 × 11,569 ÷ 22 = 1,051.7 → 1,051 (floor; remainder elsewhere).
        #expect(gaemi.displaced(in: "shuikou") >= 1051 && gaemi.displaced(in: "shuikou") <= 1053)
        #expect(try #require(s.hazard("rainstorm-merbok")).totalDisplaced == 795)
    }

    @Test("巫溪 ships a roads file; 2021 relocation total is 1,070")
    func wuxi() throws {
        let s = try Self.load("wuxi-landslide-flood.yaml")
        let roads = try #require(s.travel.roads)
        #expect(roads.edges.count > s.areas.count)
        #expect(roads.edges.contains { $0.from == .junction("daninghe-fork") })
        #expect(try #require(s.hazard("geohazard-rain-2021")).totalDisplaced == 1070)
        let network = TravelNetwork(scenario: s)
        // Road km is never shorter than the straight line.
        for (w, warehouse) in s.warehouses.enumerated() {
            for (a, area) in s.areas.enumerated() {
                let km = try #require(network.kilometres(warehouse: w, area: a))
                #expect(km + 1e-6 >= warehouse.location.kilometres(to: area.location))
            }
        }
    }

    @Test("county totals from the 2020 census where every unit is placed")
    func totals() throws {
        #expect(try Self.load("xiangfen-earthquake.yaml").areas.reduce(0) { $0 + $1.population } == 425_553)
        #expect(try Self.load("quxian-flood.yaml").areas.count == 36)          // 青龙镇 left out: no coordinate
        #expect(try Self.load("minqin-sandstorm-drought.yaml").areas.count == 13)
    }
}
