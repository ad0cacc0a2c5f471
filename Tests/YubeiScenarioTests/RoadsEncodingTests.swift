import Foundation
import Testing
import YubeiCore
@testable import YubeiScenario
import YubeiTestSupport

/// The roads file is read by YubeiCore's CSV reader, so it takes what Excel saves on a Chinese
/// Windows: "CSV UTF-8" (with a byte-order mark) and plain "CSV" (GB18030).
@Suite("Roads files: UTF-8 with BOM and GB18030")
struct RoadsEncodingTests {
    /// A roads file whose junction and road names are Chinese. By hand: w1 sits at a1 (0 km);
    /// a1–岔路口 is 4 km at 60 km/h (4 min), 岔路口–a2 is 6 km at the scenario's 40 km/h (9 min),
    /// so w1 → a2 is 10 km in 13 min; s2 hangs off 岔路口 by 3.5 km, so s2 → a1 is 7.5 km.
    static let csv = """
    from,to,km,speed_kmh,name
    a1,岔路口,4,60,县道
    岔路口,site:s2,3.5,,乡道
    岔路口,a2,6
    w1,a1,0
    s1,a1,0
    t1,a1,0.5
    w2,a2,0.2

    """

    /// The base scenario with `travel: {roads: roads.csv}`, beside a roads file holding `bytes`.
    static func load(roads bytes: Data) throws -> (scenario: Scenario?, diagnostics: Diagnostics, roadsPath: String) {
        let folder = try scratchFolder()
        let scenarioPath = folder.appendingPathComponent("county.yaml").path
        try replacingLine(2, with: "travel: {speed_kmh: 40, roads: roads.csv}")
            .write(toFile: scenarioPath, atomically: true, encoding: .utf8)
        let roadsPath = folder.appendingPathComponent("roads.csv").path
        try bytes.write(to: URL(fileURLWithPath: roadsPath))
        do {
            let loaded = try ScenarioLoader.load(path: scenarioPath)
            return (loaded.scenario, loaded.warnings, roadsPath)
        } catch {
            return (nil, error.diagnostics, roadsPath)
        }
    }

    /// The roads of a loaded scenario as `from-to:km@row`, and the hand-worked distances.
    static func checkNetwork(_ result: (scenario: Scenario?, diagnostics: Diagnostics, roadsPath: String)) throws {
        let scenario = try #require(result.scenario, "\(result.diagnostics.all)")
        #expect(result.diagnostics.all.isEmpty, "\(result.diagnostics.all)")
        let roads = try #require(scenario.travel.roads)
        #expect(roads.edges.count == 7)
        #expect(roads.edges[0].from == .area("a1") && roads.edges[0].to == .junction("岔路口"))
        #expect(roads.edges[1].to == .site("s2"))
        #expect(roads.edges[2].row == 4)
        let network = TravelNetwork(scenario: scenario)
        #expect(network.kilometres(warehouse: 0, area: 1) == 10)
        #expect(abs(try #require(network.minutes(warehouse: 0, area: 1)) - 13) < 1e-9)
        #expect(network.kilometres(shelter: 1, area: 0) == 7.5)
    }

    @Test("plain UTF-8 (the reference the other encodings must match)")
    func plainUTF8() throws {
        try Self.checkNetwork(try Self.load(roads: Data(Self.csv.utf8)))
    }

    @Test("UTF-8 with a byte-order mark: the BOM is not part of the first column's name")
    func utf8WithBOM() throws {
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data(Self.csv.utf8)
        // Without the BOM dropped, the header would name '\u{FEFF}from' and 'from' would be missing.
        try Self.checkNetwork(try Self.load(roads: bytes))
    }

    @Test("GB18030 made by iconv(1): same network, Chinese junction name intact")
    func gb18030() throws {
        let bytes = try gb18030ByIconv(Self.csv)
        #expect(bytes != Data(Self.csv.utf8))
        #expect(String(validating: bytes, as: UTF8.self) == nil, "iconv output should not be valid UTF-8")
        try Self.checkNetwork(try Self.load(roads: bytes))
    }

    @Test("GB18030 bytes written by hand: a junction named 年月日 (C4 EA D4 C2 C8 D5)")
    func knownGB18030Bytes() throws {
        let junction = Data([0xC4, 0xEA, 0xD4, 0xC2, 0xC8, 0xD5])  // 年月日
        let bytes = Data("from,to,km\na1,".utf8) + junction + Data(",2\n".utf8)
            + junction + Data(",a2,3\nw1,a1,0\n".utf8)
        let result = try Self.load(roads: bytes)
        // The roads file leaves w2, s1, s2 and t1 off the network: warnings, not errors.
        let scenario = try #require(result.scenario, "\(result.diagnostics.all)")
        let roads = try #require(scenario.travel.roads)
        #expect(roads.edges.map(\.to) == [.junction("年月日"), .area("a2"), .area("a1")])
        #expect(roads.edges.map(\.row) == [2, 3, 4])
        // w1 → a2: 0 + 2 + 3 km.
        #expect(TravelNetwork(scenario: scenario).kilometres(warehouse: 0, area: 1) == 5)
    }

    @Test("a bad row of a GB18030 file: its row number and the Chinese text as written")
    func gb18030RowError() throws {
        let bytes = try gb18030ByIconv("from,to,km,name\na1,a2,3,县道\n\"a2\",w1,十二,\"乡道\n（新）\"\nw1,a1,负一\n")
        let result = try Self.load(roads: bytes)
        #expect(result.scenario == nil)
        let texts = result.diagnostics.errors.map { $0.description.replacingOccurrences(of: result.roadsPath, with: "roads.csv") }
        #expect(texts == ["roads.csv:3: error: km: expected a number ≥ 0, found '十二'",
                          "roads.csv:4: error: km: expected a number ≥ 0, found '负一'"])
    }

    @Test("bytes that are neither UTF-8 nor GB18030 are one error naming the file and the first bad byte")
    func notText() throws {
        let bytes = Data("from,to,km\na1,a2,".utf8) + Data([0x80, 0xFF, 0xFF, 0x0A])
        let result = try Self.load(roads: bytes)
        #expect(result.scenario == nil)
        #expect(result.diagnostics.errors.map(\.description) == [
            "\(result.roadsPath):2:7: error: the file is neither UTF-8 nor GB18030 text (save it from Excel as CSV or CSV UTF-8)",
        ])
    }

    @Test("header problems of the shared CSV reader: a repeated column, a misspelt one")
    func headerProblems() throws {
        let twice = try Self.load(roads: Data("from,to,km,KM\na1,a2,3,4\n".utf8))
        #expect(twice.scenario == nil)
        #expect(twice.diagnostics.errors.map(\.description) == ["\(twice.roadsPath):1: error: column 'km' appears twice in the header"])
        let misspelt = try Self.load(roads: Data("from,to,kms,speed_kmh\na1,a2,3,4\n".utf8))
        #expect(misspelt.diagnostics.errors.map(\.description) == [
            "\(misspelt.roadsPath):1: error: missing column 'km' (the header must name from, to, km; it may also name speed_kmh); is 'kms' meant to be 'km'?",
        ])
    }
}
