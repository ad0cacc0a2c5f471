import Foundation
import Testing
@testable import YubeiScenario
import YubeiTestSupport

@Suite("Straight-line and road distances")
struct DistanceTests {
    /// Great-circle distance by the spherical law of cosines: a different formula from the
    /// haversine the code uses, so agreement is a real check.
    static func lawOfCosines(_ a: Location, _ b: Location) -> Double {
        let φ1 = a.lat * .pi / 180, φ2 = b.lat * .pi / 180, Δλ = (b.lon - a.lon) * .pi / 180
        let c = sin(φ1) * sin(φ2) + cos(φ1) * cos(φ2) * cos(Δλ)
        return acos(min(1, max(-1, c))) * Location.earthRadiusKilometres
    }

    /// Equirectangular projection: good to ~0.1 % over a county.
    static func equirectangular(_ a: Location, _ b: Location) -> Double {
        let φm = (a.lat + b.lat) / 2 * .pi / 180
        let x = (b.lon - a.lon) * .pi / 180 * cos(φm), y = (b.lat - a.lat) * .pi / 180
        return sqrt(x * x + y * y) * Location.earthRadiusKilometres
    }

    @Test("one degree of latitude is R·π/180 = 111.195 km")
    func meridianDegree() {
        let d = Location(lat: 30, lon: 107).kilometres(to: Location(lat: 31, lon: 107))
        #expect(abs(d - 111.19508) < 1e-4)
    }

    @Test("known city pairs: Beijing–Shanghai ≈ 1,067 km, Paris–London ≈ 344 km")
    func cityPairs() {
        let beijing = Location(lat: 39.9042, lon: 116.4074), shanghai = Location(lat: 31.2304, lon: 121.4737)
        let paris = Location(lat: 48.8566, lon: 2.3522), london = Location(lat: 51.5074, lon: -0.1278)
        #expect(abs(beijing.kilometres(to: shanghai) - 1067) < 5)
        #expect(abs(paris.kilometres(to: london) - 344) < 2)
        #expect(abs(beijing.kilometres(to: shanghai) - Self.lawOfCosines(beijing, shanghai)) < 1e-6)
        #expect(abs(paris.kilometres(to: london) - Self.lawOfCosines(paris, london)) < 1e-6)
    }

    /// Township seats of 德化 (WGS-84, ../shared/data): 浔中 → 水口 worked out with a flat-earth
    /// formula by hand: Δφ = 0.199985° → 22.237 km north, Δλ = 0.199099° × cos 25.60° → 19.971 km
    /// east; √(22.237² + 19.971²) = 29.89 km.
    @Test("town to town: 浔中 to 水口 is 29.9 km in a straight line")
    func townToTown() {
        let xunzhong = Location(lat: 25.503378, lon: 118.241967), shuikou = Location(lat: 25.703363, lon: 118.441066)
        let d = xunzhong.kilometres(to: shuikou)
        #expect(abs(d - 29.89) < 0.02)
        #expect(abs(d - Self.equirectangular(xunzhong, shuikou)) / d < 1e-3)
    }

    @Test("without roads: road km = straight line × detour, minutes = km ÷ speed × 60")
    func straightLineNetwork() throws {
        let scenario = try ScenarioLoader.load(text: baseScenario, path: "t.yaml").scenario
        let network = TravelNetwork(scenario: scenario)
        let straight = scenario.areas[0].location.kilometres(to: scenario.areas[1].location)
        let km = try #require(network.kilometres(warehouse: 0, area: 1))
        #expect(abs(km - straight * 1.3) < 1e-9)
        #expect(abs(try #require(network.minutes(warehouse: 0, area: 1)) - straight * 1.3 / 40 * 60) < 1e-9)
        #expect(network.kilometres(shelter: 0, area: 0) == 0)
        #expect(abs(try #require(network.roadKilometres(from: .area("a1"), to: .area("a2"))) - straight * 1.3) < 1e-9)
        #expect(network.roadKilometres(from: .area("a1"), to: .junction("nowhere")) == nil)
        #expect(network.unreachable.isEmpty)
        // Within reach: s2 is 14.4 km × 1.3 = 18.7 km from a1, inside the 20 km limit.
        #expect(network.shelters(near: 0, in: scenario).map(\.id) == ["s1", "s2"])
        #expect(network.shelters(near: 0, withinKilometres: { _ in 10 }).map(\.id) == ["s1"])
        #expect(network.warehouses(near: 1, withinMinutes: 1).map(\.id) == ["w2"])
        #expect(network.teams(near: 1, withinMinutes: 60).map(\.id) == ["t1"])
    }

    /// Floyd–Warshall on the same edges: the brute-force reference.
    static func floydWarshall(nodes: Int, edges: [(Int, Int, Double)]) -> [[Double]] {
        var d = [[Double]](repeating: [Double](repeating: .infinity, count: nodes), count: nodes)
        for i in 0..<nodes { d[i][i] = 0 }
        for (u, v, w) in edges {
            d[u][v] = min(d[u][v], w)
            d[v][u] = min(d[v][u], w)
        }
        for k in 0..<nodes {
            for i in 0..<nodes where d[i][k] < .infinity {
                for j in 0..<nodes where d[i][k] + d[k][j] < d[i][j] { d[i][j] = d[i][k] + d[k][j] }
            }
        }
        return d
    }

    @Test("shortest road km and fastest minutes match Floyd–Warshall on random graphs", arguments: 0..<30)
    func shortestPathsAgainstBruteForce(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed) &* 7919 &+ 17)
        let areaCount = Int.random(in: 3...8, using: &rng)
        let siteCount = Int.random(in: 1...3, using: &rng)
        let junctionCount = Int.random(in: 0...3, using: &rng)
        // Node order: areas, sites, junctions.
        let names = (0..<areaCount).map { "a\($0)" } + (0..<siteCount).map { "s\($0)" } + (0..<junctionCount).map { "j\($0)" }
        func place(_ i: Int) -> Place {
            i < areaCount ? .area(names[i]) : i < areaCount + siteCount ? .site(names[i]) : .junction(names[i])
        }
        let speed = 40.0
        var kmEdges: [(Int, Int, Double)] = [], minuteEdges: [(Int, Int, Double)] = []
        var roads: [RoadEdge] = []
        let edgeCount = Int.random(in: 0...(names.count * 2), using: &rng)
        for _ in 0..<edgeCount {
            let u = Int.random(in: 0..<names.count, using: &rng), v = Int.random(in: 0..<names.count, using: &rng)
            guard u != v else { continue }
            let km = Double(Int.random(in: 1...300, using: &rng)) / 10
            let edgeSpeed: Double? = Bool.random(using: &rng) ? Double(Int.random(in: 20...80, using: &rng)) : nil
            roads.append(RoadEdge(from: place(u), to: place(v), kilometres: km, speedKmh: edgeSpeed))
            kmEdges.append((u, v, km))
            minuteEdges.append((u, v, km / (edgeSpeed ?? speed) * 60))
        }
        let here = Location(lat: 25, lon: 118)
        let scenario = Scenario(
            name: "random", travel: TravelSettings(speedKmh: speed, detourFactor: 1.3, roads: RoadNetwork(path: "r.csv", edges: roads)),
            areas: (0..<areaCount).map { Area(id: names[$0], name: names[$0], location: here, population: 100) },
            supplies: [], hazards: [],
            warehouses: (0..<siteCount).map { Warehouse(id: names[areaCount + $0], location: here, existing: true, capacityCubicMetres: 1) },
            shelters: [], teams: [],
            policy: Policy(budget: 0, supplyResponseMinutes: 60, shelterMaxKilometres: .init(5),
                           areaPerPersonSquareMetres: .init(2), teamResponseMinutes: 60))
        let network = TravelNetwork(scenario: scenario)
        let km = Self.floydWarshall(nodes: names.count, edges: kmEdges)
        let minutes = Self.floydWarshall(nodes: names.count, edges: minuteEdges)
        var unreachable = 0
        for s in 0..<siteCount {
            for a in 0..<areaCount {
                let expected = km[areaCount + s][a]
                if expected.isInfinite {
                    unreachable += 1
                    #expect(network.kilometres(warehouse: s, area: a) == nil)
                    #expect(network.minutes(warehouse: s, area: a) == nil)
                } else {
                    #expect(abs(try #require(network.kilometres(warehouse: s, area: a)) - expected) < 1e-9)
                    #expect(abs(try #require(network.minutes(warehouse: s, area: a)) - minutes[areaCount + s][a]) < 1e-9)
                }
            }
        }
        #expect(network.unreachable.count == unreachable)
        // Junctions on no road are unknown to the network (nil), so only places it knows are compared.
        let known = (0..<names.count).filter { i in i < areaCount + siteCount || roads.contains { $0.from == place(i) || $0.to == place(i) } }
        for i in known {
            for j in known {
                let got = network.roadKilometres(from: place(i), to: place(j))
                if km[i][j].isInfinite { #expect(got == nil || (i == j)) } else {
                    #expect(abs(try #require(got, "\(place(i)) → \(place(j)): expected \(km[i][j]); edges \(roads.map { "\($0.from)-\($0.to)" })") - km[i][j]) < 1e-9)
                    #expect(abs(try #require(network.minutes(from: place(i), to: place(j))) - minutes[i][j]) < 1e-9)
                }
            }
        }
    }

    @Test("a site the roads file does not name joins at its area by an access leg")
    func accessLeg() throws {
        let a = Location(lat: 25.5, lon: 118.2), b = Location(lat: 25.6, lon: 118.3)
        let site = Location(lat: 25.51, lon: 118.2)
        let scenario = Scenario(
            name: "leg", travel: TravelSettings(speedKmh: 30, detourFactor: 1.5,
                                                roads: RoadNetwork(path: "r.csv", edges: [RoadEdge(from: .area("a"), to: .area("b"), kilometres: 20, speedKmh: 60)])),
            areas: [Area(id: "a", name: "a", location: a, population: 1), Area(id: "b", name: "b", location: b, population: 1)],
            supplies: [], hazards: [],
            warehouses: [Warehouse(id: "w", location: site, existing: true, capacityCubicMetres: 1, area: "a"),
                         Warehouse(id: "lost", location: site, existing: true, capacityCubicMetres: 1)],
            shelters: [], teams: [],
            policy: Policy(budget: 0, supplyResponseMinutes: 60, shelterMaxKilometres: .init(5), areaPerPersonSquareMetres: .init(2), teamResponseMinutes: 60))
        let network = TravelNetwork(scenario: scenario)
        let leg = site.kilometres(to: a) * 1.5     // 1.112 km × 1.5
        #expect(abs(try #require(network.kilometres(warehouse: 0, area: 1)) - (leg + 20)) < 1e-9)
        #expect(abs(try #require(network.minutes(warehouse: 0, area: 1)) - (leg / 30 * 60 + 20)) < 1e-9)
        #expect(network.kilometres(warehouse: 1, area: 0) == nil)
        #expect(network.unreachable.map(\.description) == ["site:lost — area:a", "site:lost — area:b"])
    }
}
