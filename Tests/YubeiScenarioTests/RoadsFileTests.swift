import Foundation
import Testing
import YubeiCore
@testable import YubeiScenario
import YubeiTestSupport

@Suite("Roads files")
struct RoadsFileTests {
    /// The base scenario with `travel: {roads: roads.csv}`, written beside a roads file holding `csv`.
    static func loadWithRoads(_ csv: String) throws -> (scenario: Scenario?, diagnostics: Diagnostics, folder: URL) {
        let folder = try scratchFolder()
        let scenarioPath = folder.appendingPathComponent("county.yaml").path
        try replacingLine(2, with: "travel: {speed_kmh: 40, roads: roads.csv}").write(toFile: scenarioPath, atomically: true, encoding: .utf8)
        try csv.write(to: folder.appendingPathComponent("roads.csv"), atomically: true, encoding: .utf8)
        do {
            let loaded = try ScenarioLoader.load(path: scenarioPath)
            return (loaded.scenario, loaded.warnings, folder)
        } catch {
            return (nil, error.diagnostics, folder)
        }
    }

    @Test("a sound roads file: ids, prefixed ids and a junction on two roads")
    func sound() throws {
        let csv = """
        from,to,km,speed_kmh,name
        a1,crossing,4,60,县道
        crossing,site:s2,3.5,,乡道
        crossing,a2,6
        junction:quarry,a2,2,20
        w1,a1,0
        s1,a1,0
        t1,a1,0.5
        w2,a2,0.2

        """
        let result = try Self.loadWithRoads(csv)
        let scenario = try #require(result.scenario, "\(result.diagnostics.all)")
        #expect(result.diagnostics.all.isEmpty, "\(result.diagnostics.all)")
        let roads = try #require(scenario.travel.roads)
        #expect(roads.edges.count == 8)
        #expect(roads.edges[0].to == .junction("crossing"))
        #expect(roads.edges[1].to == .site("s2"))
        #expect(roads.edges[3].from == .junction("quarry"))
        #expect(roads.edges[6].from == .team("t1"))
        #expect(roads.edges[2].row == 4)
        let network = TravelNetwork(scenario: scenario)
        // w1 → a2: w1–a1 (0) + a1–crossing (4 km at 60) + crossing–a2 (6 km at 40) = 10 km, 4 + 9 = 13 min.
        #expect(network.kilometres(warehouse: 0, area: 1) == 10)
        #expect(abs(try #require(network.minutes(warehouse: 0, area: 1)) - 13) < 1e-9)
        // s2 → a1: crossing–s2 3.5 + a1–crossing 4 = 7.5 km.
        #expect(network.kilometres(shelter: 1, area: 0) == 7.5)
        // t1 → a2: 0.5 + 4 + 6.
        #expect(network.kilometres(team: 0, area: 1) == 10.5)
    }

    struct RowCase: Sendable, CustomTestStringConvertible {
        var name: String
        var csv: String
        var expected: String
        var testDescription: String { name }
    }

    static let rowCases: [RowCase] = [
        RowCase(name: "km not a number", csv: "from,to,km\na1,a2,twelve\n", expected: "roads.csv:2: error: km: expected a number ≥ 0, found 'twelve'"),
        RowCase(name: "negative km", csv: "from,to,km\na1,a2,3\na2,s1,-4\n", expected: "roads.csv:3: error: km: expected a number ≥ 0, found '-4'"),
        RowCase(name: "NaN km", csv: "from,to,km\na1,a2,nan\n", expected: "roads.csv:2: error: km: expected a number ≥ 0, found 'nan'"),
        RowCase(name: "zero speed", csv: "from,to,km,speed_kmh\na1,a2,3,0\n", expected: "roads.csv:2: error: speed_kmh: expected a number > 0, found '0'"),
        RowCase(name: "dead-end junction (a misspelt id)", csv: "from,to,km\na1,a2,3\na1,w22,4\n",
                expected: "roads.csv:3: error: 'w22' is no area, site or team id, and as a junction it is on one road only (write junction:w22 if that is meant); did you mean 'w2'?"),
        RowCase(name: "unknown prefixed id", csv: "from,to,km\narea:a9,a2,3\n", expected: "roads.csv:2: error: unknown area 'a9'"),
        RowCase(name: "unknown prefix", csv: "from,to,km\nroad:x,a2,3\n", expected: "roads.csv:2: error: unknown prefix 'road:'"),
        RowCase(name: "road to itself", csv: "from,to,km\na1,a1,3\n", expected: "roads.csv:2: error: a road from 'a1' to itself"),
        RowCase(name: "empty endpoint", csv: "from,to,km\n,a1,3\n", expected: "roads.csv:2: error: from: empty"),
        RowCase(name: "missing column", csv: "from,to,distance\na1,a2,3\n", expected: "roads.csv:1: error: missing column 'km'"),
        RowCase(name: "empty file", csv: "", expected: "roads.csv:1: error: the file is empty; the header row is required (from,to,km[,speed_kmh])"),
        RowCase(name: "header only", csv: "from,to,km\n", expected: "roads.csv:1: error: the roads file has a header but no roads"),
        RowCase(name: "unclosed quote", csv: "from,to,km\na1,\"a2,3\n", expected: "roads.csv:2: error: a quoted field is never closed"),
        RowCase(name: "row numbers count quoted line breaks as one row", csv: "from,to,km,note\na1,a2,3,\"two\nlines\"\na1,a2,x,\n",
                expected: "roads.csv:3: error: km: expected a number ≥ 0, found 'x'"),
    ]

    @Test("each bad row is reported as FILE:ROW", arguments: rowCases)
    func badRow(_ testCase: RowCase) throws {
        let result = try Self.loadWithRoads(testCase.csv)
        #expect(result.scenario == nil)
        let path = result.folder.appendingPathComponent("roads.csv").path
        let texts = result.diagnostics.all.map { $0.description.replacingOccurrences(of: path, with: "roads.csv") }
        #expect(texts.contains { $0.hasPrefix(testCase.expected) }, "got \(texts)")
    }

    @Test("an id that is both an area and a site must be prefixed")
    func ambiguous() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("c.yaml").path
        var text = replacingLine(2, with: "travel: {roads: roads.csv}")
        text = replacingLine(18, in: text, with: "  - {id: a1, location: {lat: 25.5, lon: 118.2}, existing: true, capacity_m3: 100}")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try "from,to,km\na1,a2,3\nsite:a1,area:a1,0\n".write(to: folder.appendingPathComponent("roads.csv"), atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("loaded an ambiguous roads file")
        } catch {
            let messages = error.diagnostics.all.map(\.message)
            #expect(messages == ["'a1' is the id of more than one kind of place; write area:a1, site:a1 or team:a1"])
            #expect(error.diagnostics.all[0].location.line == 2)
        }
    }

    @Test("a roads file that cannot be read is reported at the scenario's roads key")
    func unreadable() throws {
        let folder = try scratchFolder()
        let path = folder.appendingPathComponent("c.yaml").path
        try replacingLine(2, with: "travel: {roads: missing.csv}").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("loaded without its roads file")
        } catch {
            #expect(error.diagnostics.all.map(\.description) == ["\(path):2:17: error: travel.roads: cannot read the roads file '\(folder.path)/missing.csv'"])
        }
    }

    @Test("places on no road are warned about and unreachable")
    func offNetwork() throws {
        let result = try Self.loadWithRoads("from,to,km\na1,w1,1\nw1,s1,1\nt1,w1,2\n")
        let scenario = try #require(result.scenario, "\(result.diagnostics.all)")
        let warnings = result.diagnostics.warnings.map { "\($0.location.line!):\($0.location.column!) \($0.message)" }
        #expect(warnings.contains { $0 == "5:10 areas[1].id: area 'a2' is on no road of roads.csv: nothing can reach it" })
        #expect(warnings.contains { $0.hasPrefix("19:10 warehouses[1].id: 'w2' is on no road of roads.csv (name it there") }, "\(warnings)")
        let network = TravelNetwork(scenario: scenario)
        #expect(network.kilometres(warehouse: 0, area: 0) == 1)
        #expect(network.kilometres(warehouse: 0, area: 1) == nil)
        // w1, s1, t1 miss a2; w2 and s2 are on no road and miss both areas.
        #expect(network.unreachable.count == 7)
    }
}
