import Foundation
import Testing
import YubeiCore
@testable import YubeiScenario
import YubeiTestSupport

/// Random damage to a valid scenario must give either a scenario or diagnostics, never a crash,
/// a hang or a diagnostic pointing outside the file.
@Suite("Loader under random mutations")
struct MutationFuzzTests {
    enum Mutation: CaseIterable {
        case deleteLine, duplicateLine, swapCharacters, truncate, insertByte, replaceDigit, deleteCharacter, swapLines
    }

    static func mutate(_ bytes: [UInt8], using rng: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        guard !bytes.isEmpty else { return [UInt8.random(in: 0...255, using: &rng)] }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        switch Mutation.allCases.randomElement(using: &rng)! {
        case .deleteLine:
            lines.remove(at: Int.random(in: 0..<lines.count, using: &rng))
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case .duplicateLine:
            let i = Int.random(in: 0..<lines.count, using: &rng)
            lines.insert(lines[i], at: i)
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case .swapLines:
            let i = Int.random(in: 0..<lines.count, using: &rng), j = Int.random(in: 0..<lines.count, using: &rng)
            lines.swapAt(i, j)
            bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        case .swapCharacters:
            let i = Int.random(in: 0..<bytes.count - 1, using: &rng)
            bytes.swapAt(i, i + 1)
        case .truncate:
            bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
        case .insertByte:
            let interesting: [UInt8] = [0x00, 0x09, 0x22, 0x27, 0x2C, 0x3A, 0x5B, 0x5D, 0x7B, 0x7D, 0x2D, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x80, 0xC3, 0xE4, 0xFF]
            let byte = Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            bytes.insert(byte, at: Int.random(in: 0...bytes.count, using: &rng))
        case .replaceDigit:
            let digits = bytes.indices.filter { (0x30...0x39).contains(bytes[$0]) }
            if let i = digits.randomElement(using: &rng) {
                bytes[i] = [UInt8(ascii: "-"), UInt8(ascii: "x"), UInt8(ascii: "."), UInt8(ascii: "9"), UInt8(ascii: "e")].randomElement(using: &rng)!
            }
        case .deleteCharacter:
            bytes.remove(at: Int.random(in: 0..<bytes.count, using: &rng))
        }
        return bytes
    }

    /// Loads `bytes`; checks the outcome is a scenario or diagnostics inside the file.
    static func check(_ bytes: [UInt8], path: String, lineCount: Int) {
        do {
            let loaded = try ScenarioLoader.load(data: Data(bytes), path: path)
            #expect(!loaded.warnings.hasErrors)
            _ = TravelNetwork(scenario: loaded.scenario)
            _ = ScenarioAssessment(scenario: loaded.scenario, network: TravelNetwork(scenario: loaded.scenario))
        } catch {
            #expect(error.diagnostics.hasErrors)
            for diagnostic in error.diagnostics.all where diagnostic.location.file == path {
                if let line = diagnostic.location.line { #expect(line >= 1 && line <= lineCount + 1, "\(diagnostic)") }
                if let column = diagnostic.location.column { #expect(column >= 1, "\(diagnostic)") }
                #expect(diagnostic.description.hasPrefix(path + ":"))
            }
        }
    }

    @Test("400 seeded mutations of the base scenario (one to three edits each)")
    func mutations() {
        var rng = SplitMix64(seed: 20260522)
        let original = Array(baseScenario.utf8)
        for _ in 0..<400 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &rng) { bytes = Self.mutate(bytes, using: &rng) }
            Self.check(bytes, path: "fuzz.yaml", lineCount: bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1)
        }
    }

    @Test("200 seeded mutations of a shipped county scenario")
    func shippedMutations() throws {
        let path = packageRoot.appendingPathComponent("Scenarios/dehua-typhoon.yaml").path
        let original = try #require(FileManager.default.contents(atPath: path)).map { $0 }
        var rng = SplitMix64(seed: 8)
        for _ in 0..<200 {
            let bytes = Self.mutate(original, using: &rng)
            Self.check(bytes, path: "dehua.yaml", lineCount: bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1)
        }
    }

    @Test("200 seeded mutations of a roads file")
    func roadsMutations() throws {
        let csv = Array("from,to,km,speed_kmh\na1,crossing,4,60\ncrossing,s2,3.5,\ncrossing,a2,6\nw1,a1,0\n\"s1\",a1,0\nt1,a1,0.5\nw2,a2,0.2\n".utf8)
        let places = PlaceDirectory(areas: ["a1", "a2"], sites: ["w1", "w2", "s1", "s2"], teams: ["t1"])
        var rng = SplitMix64(seed: 99)
        for _ in 0..<200 {
            let bytes = Self.mutate(csv, using: &rng)
            let result = RoadsFile.parse(data: Data(bytes), displayPath: "r.csv", places: places)
            let rows = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
            for diagnostic in result.diagnostics.all {
                #expect(diagnostic.location.file == "r.csv")
                if let line = diagnostic.location.line { #expect(line >= 1 && line <= rows) }
            }
            if !result.diagnostics.hasErrors { #expect(result.network != nil) }
        }
    }
}
