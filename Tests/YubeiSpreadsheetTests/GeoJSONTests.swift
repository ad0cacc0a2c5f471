import Foundation
import Testing
import YubeiTestSupport

/// One feature as GDAL's `ogrinfo -al` prints it.
struct OGRFeature {
    var fields: [String: String] = [:]
    var geometry = ""
}

/// Runs GDAL's `ogrinfo` (Debian's gdal-bin, installed by `make deps`) on `path` and parses the
/// features it read.
func ogrFeatures(_ path: String) throws -> (status: Int32, features: [OGRFeature], output: String) {
    let run = try runCommand(URL(fileURLWithPath: "/usr/bin/env"), ["ogrinfo", "-ro", "-al", "-q", path])
    var features: [OGRFeature] = []
    for line in run.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("OGRFeature(") { features.append(OGRFeature()); continue }
        guard !features.isEmpty, line.hasPrefix("  ") else { continue }
        let body = line.dropFirst(2)
        if let range = body.range(of: ") = "), let open = body.range(of: " (") {
            features[features.count - 1].fields[String(body[..<open.lowerBound])] = String(body[range.upperBound...])
        } else if body.hasPrefix("POINT") || body.hasPrefix("LINESTRING") {
            features[features.count - 1].geometry = String(body)
        }
    }
    return (run.status, features, run.stdout + run.stderr)
}

@Suite("plan.geojson read by GDAL; CSV written for Excel starts with a byte order mark")
struct GeoJSONTests {
    @Test("ogrinfo reads every site, area and assignment of the plan with the properties of FORMATS §5")
    func readByGDAL() throws {
        let out = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let solve = try runYubei(["solve", WorkbookFixtures.path("tables.yaml"), "--out", out.path])
        #expect(solve.status == 0, "\(solve.stderr)")
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as! [String: Any]
        let hazards = plan["hazards"] as! [String: [String: Any]]
        var assignments: [(hazard: String, area: String, shelter: String, people: Int)] = []
        for (hazard, h) in hazards {
            for (area, byShelter) in h["shelter_assignment"] as! [String: [String: Double]] {
                for (shelter, people) in byShelter where people > 0 { assignments.append((hazard, area, shelter, Int(people))) }
            }
        }
        let read = try ogrFeatures(out.appendingPathComponent("plan.geojson").path)
        #expect(read.status == 0, "\(read.output)")
        // 2 warehouses + 4 shelters + 4 areas (the fixture's lists) + one line per assignment.
        #expect(read.features.count == 2 + 4 + 4 + assignments.count, "\(read.output)")
        func features(_ kind: String) -> [OGRFeature] { read.features.filter { $0.fields["kind"] == kind } }
        #expect(features("warehouse").count == 2 && features("shelter").count == 4 && features("area").count == 4)

        let openShelters = Set(plan["open_shelters"] as! [String])
        for shelter in features("shelter") {
            let id = shelter.fields["id"]!
            let expected = ["riverside-park", "no1-school"].contains(id) ? "existing" : openShelters.contains(id) ? "opened" : "not-opened"
            #expect(shelter.fields["status"] == expected, "\(id)")
            #expect(shelter.geometry.hasPrefix("POINT ("))
        }
        let depot = features("warehouse").first { $0.fields["id"] == "county-depot" }
        #expect(depot?.fields["name"] == "县救灾物资储备库" && depot?.fields["status"] == "existing")
        #expect(depot?.geometry == "POINT (118.23 25.5)")  // [lon, lat], WGS-84
        let stock = (plan["stock"] as! [String: [String: Double]])["county-depot"] ?? [:]
        for (supply, units) in stock where units > 0 { #expect(depot?.fields["stock"]?.contains("\"\(supply)\": \(Int(units))") == true) }

        let xunzhong = features("area").first { $0.fields["id"] == "xunzhong" }
        #expect(xunzhong?.fields["name"] == "浔中镇")
        #expect(xunzhong?.fields["displaced_typhoon-l2"] == "9000" && xunzhong?.fields["displaced_typhoon-l1"] == "16000")
        let unsheltered = ((hazards["typhoon-l1"]!["unmet"] as! [String: Any])["people_unsheltered"] as! [String: Double])["xunzhong"] ?? 0
        #expect(xunzhong?.fields["unsheltered_typhoon-l1"] == String(Int(unsheltered)))
        let withoutKit = ((hazards["typhoon-l1"]!["unmet"] as! [String: Any])["people_without_kit"] as? [String: Double])?["xunzhong"] ?? 0
        #expect(xunzhong?.fields["without_kit_typhoon-l1"] == String(Int(withoutKit)))

        let lines = features("assignment")
        #expect(lines.allSatisfy { $0.geometry.hasPrefix("LINESTRING (") })
        for a in assignments {
            #expect(lines.contains { $0.fields["hazard"] == a.hazard && $0.fields["area"] == a.area
                && $0.fields["shelter"] == a.shelter && $0.fields["people"] == String(a.people) }, "\(a)")
        }
    }

    @Test("a scenario written in GCJ-02 is mapped in WGS-84")
    func crsOnTheMap() throws {
        // The fixture's depot is at WGS-84 (25.5, 118.23); write it in GCJ-02 (as 高德 shows it) and solve.
        let text = try String(contentsOfFile: WorkbookFixtures.path("inline.yaml"), encoding: .utf8)
        let gcjDepot = "{lat: 25.497182004462, lon: 118.234794901028}"  // wgs84 → gcj02 of (25.5, 118.23), by the published formula
        var shifted = text.replacingOccurrences(of: "name: 德化县台风（表格测试）", with: "name: 德化县台风（表格测试）\ncrs: wgs84")
        shifted = shifted.replacingOccurrences(of: "location: {lat: 25.5, lon: 118.23}", with: "location: \(gcjDepot)")
        #expect(shifted != text)
        let folder = try scratchFolder(texts: ["s.yaml": shifted.replacingOccurrences(of: "crs: wgs84", with: "crs: gcj02")])
        defer { try? FileManager.default.removeItem(at: folder) }
        let solve = try runYubei(["solve", folder.appendingPathComponent("s.yaml").path, "--out", folder.appendingPathComponent("out").path])
        #expect(solve.status == 0, "\(solve.stderr)")
        let read = try ogrFeatures(folder.appendingPathComponent("out/plan.geojson").path)
        let depot = read.features.first { $0.fields["id"] == "county-depot" }
        #expect(depot?.geometry == "POINT (118.23 25.5)", "\(depot?.geometry ?? "none")")
    }

    @Test("drills plan writes plan.csv with a UTF-8 byte order mark, and it reads back as records")
    func csvByteOrderMark() throws {
        let orgs = """
        jurisdiction: 渠县
        rules: [national]
        organizations:
          - {id: hengda-chem, name: 恒达化工有限公司, kind: enterprise, sectors: [hazardous-chemicals], plans: [tank-leak]}
        """
        let folder = try scratchFolder(texts: ["orgs.yaml": orgs])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try runYubei(["drills", "plan", "orgs.yaml", "--year", "2027", "--out", "out", "--quiet"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let bytes = try Data(contentsOf: folder.appendingPathComponent("out/plan.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let check = try runYubei(["drills", "check", "orgs.yaml", "out/plan.csv", "--year", "2027"], in: folder)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
