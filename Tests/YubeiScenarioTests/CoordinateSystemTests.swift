import Foundation
import Testing
import YubeiCore
@testable import YubeiScenario

@Suite("crs: GCJ-02 and BD-09 converted to WGS-84 against published coordinate pairs")
struct CoordinateSystemTests {
    /// WGS-84 → GCJ-02 pairs published with the open-source eviltransform library's tests
    /// (googollee/eviltransform): Shanghai, Shenzhen, Beijing. (wgsLat, wgsLon, gcjLat, gcjLon)
    static let gcjPairs: [(Double, Double, Double, Double)] = [
        (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),
        (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),
        (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),
    ]
    /// WGS-84 → BD-09 pairs published with the coordtransform library's tests (wandergis/coordtransform,
    /// repeated in hutool's CoordinateUtilTest; the second checked there against tool.lu/coordinate).
    /// (wgsLat, wgsLon, bdLat, bdLon)
    static let bdPairs: [(Double, Double, Double, Double)] = [
        (39.915, 116.404, 39.922699552216216, 116.41662724378733),
        (44.99804071, 122.99395597, 45.0063690918959, 123.00636516028885),
    ]
    /// GCJ-02 → BD-09 from the same tests: (gcjLat, gcjLon, bdLat, bdLon).
    static let gcjToBD = (39.915, 116.404, 39.92133699351022, 116.41036949371029)

    /// Metres between two points (haversine, the scenario's own distance).
    func metres(_ a: (lat: Double, lon: Double), _ b: (Double, Double)) -> Double {
        Location(lat: a.lat, lon: a.lon).kilometres(to: Location(lat: b.0, lon: b.1)) * 1000
    }

    @Test("the forward transform reproduces the published GCJ-02 positions; the inverse gives back WGS-84 to a centimetre")
    func gcj() {
        for (wLat, wLon, gLat, gLon) in Self.gcjPairs {
            let forward = CoordinateSystem.gcj02.fromWGS84(lat: wLat, lon: wLon)
            #expect(abs(forward.lat - gLat) < 1e-9 && abs(forward.lon - gLon) < 1e-9)
            let back = CoordinateSystem.gcj02.toWGS84(lat: gLat, lon: gLon)
            #expect(metres(back, (wLat, wLon)) < 0.01, "\(back)")
            // The offset itself is hundreds of metres: the conversion matters.
            #expect(metres((gLat, gLon), (wLat, wLon)) > 100)
        }
    }

    @Test("the forward transforms reproduce the published BD-09 positions; the inverse gives back WGS-84 to a centimetre")
    func bd() {
        for (wLat, wLon, bLat, bLon) in Self.bdPairs {
            let forward = CoordinateSystem.bd09.fromWGS84(lat: wLat, lon: wLon)
            #expect(abs(forward.lat - bLat) < 1e-9 && abs(forward.lon - bLon) < 1e-9, "\(forward)")
            let back = CoordinateSystem.bd09.toWGS84(lat: bLat, lon: bLon)
            #expect(metres(back, (wLat, wLon)) < 0.01, "\(back)")
            #expect(metres((bLat, bLon), (wLat, wLon)) > 500)
        }
        let (gLat, gLon, bLat, bLon) = Self.gcjToBD
        let bd = ChineseMapOffsets.gcjToBD(lat: gLat, lon: gLon)
        #expect(abs(bd.lat - bLat) < 1e-9 && abs(bd.lon - bLon) < 1e-9)
        let gcj = ChineseMapOffsets.bdToGCJ(lat: bLat, lon: bLon)
        #expect(metres(gcj, (gLat, gLon)) < 0.01)
    }

    @Test("round trips across China stay under a millimetre; outside China nothing moves")
    func roundTrips() {
        var worst = 0.0
        for lat in stride(from: 18.0, through: 53.0, by: 2.5) {
            for lon in stride(from: 74.0, through: 134.0, by: 3.0) {
                for system in [CoordinateSystem.gcj02, .bd09] {
                    let there = system.fromWGS84(lat: lat, lon: lon)
                    let back = system.toWGS84(lat: there.lat, lon: there.lon)
                    worst = max(worst, metres(back, (lat, lon)))
                }
            }
        }
        #expect(worst < 0.001, "worst round trip \(worst) m")
        let paris = CoordinateSystem.gcj02.toWGS84(lat: 48.8566, lon: 2.3522)
        #expect(paris.lat == 48.8566 && paris.lon == 2.3522)
        #expect(CoordinateSystem.cgcs2000.toWGS84(lat: 25.49, lon: 118.24) == (25.49, 118.24))
    }

    @Test("a scenario with crs: gcj02 (also written GCJ-02) or bd09 is read in WGS-84; an unknown crs is an error")
    func scenario() throws {
        func text(_ crs: String, _ lat: Double, _ lon: Double) -> String {
            """
            name: t
            crs: \(crs)
            areas: [{id: a, location: {lat: \(lat), lon: \(lon)}, population: 10}]
            hazards: [{id: h, displaced: {a: 1}}]
            policy: {budget: 0, supply_response_minutes: 60, shelter_max_km: 3, area_per_person_m2: 2, team_response_minutes: 60}
            """
        }
        let (wLat, wLon, gLat, gLon) = Self.gcjPairs[0]
        let gcj = try ScenarioLoader.load(text: text("gcj02", gLat, gLon), path: "s.yaml").scenario.areas[0].location
        #expect(metres((gcj.lat, gcj.lon), (wLat, wLon)) < 0.01)
        let upper = try ScenarioLoader.load(text: text("GCJ-02", gLat, gLon), path: "s.yaml").scenario.areas[0].location
        #expect(upper == gcj)
        let (bwLat, bwLon, bLat, bLon) = Self.bdPairs[0]
        let bd = try ScenarioLoader.load(text: text("bd09", bLat, bLon), path: "s.yaml").scenario.areas[0].location
        #expect(metres((bd.lat, bd.lon), (bwLat, bwLon)) < 0.01)
        let plain = try ScenarioLoader.load(text: text("wgs84", gLat, gLon), path: "s.yaml").scenario.areas[0].location
        #expect(plain == Location(lat: gLat, lon: gLon))
        #expect(throws: InputError.self) { _ = try ScenarioLoader.load(text: text("gcj2", 25, 118), path: "s.yaml") }
        do {
            _ = try ScenarioLoader.load(text: text("gcj2", 25, 118), path: "s.yaml")
        } catch {
            #expect(error.description.contains("s.yaml:2:6: error: crs: 'gcj2' is not one of wgs84, cgcs2000, gcj02, bd09; did you mean 'gcj02'?"),
                    "\(error.description)")
        }
    }
}
