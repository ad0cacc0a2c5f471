import Foundation
import Testing
import YubeiTestSupport

/// Inputs found by the issue 11 campaign (mutated shipped inputs run through every command of the
/// built binary): each once hung, died by a signal, ended with a solver error, or printed an error
/// without its position. Now each is refused with its place in the file and exit 65 (or 64 for an
/// option), and nothing is written.
@Suite("Issue 11 regressions: the hostile-input campaign")
struct CampaignRegressionTests {
    /// Runs `arguments` in a folder holding `files`; the run must end with `status` within
    /// `timeout` seconds, print `message` on stderr, name positions on 65, and write no `out`.
    @discardableResult
    func expectRefused(_ files: [String: String], _ arguments: [String], status: Int32 = 65, _ message: String,
                       timeout: Double = 60, language: String = "en",
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> HostileRun {
        let dir = try scratch(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try runHostile(arguments, in: dir, environment: ["YUBEI_LANG": language], timeout: timeout)
        #expect(run.status == status, "\(run)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(message), "\(run)", sourceLocation: sourceLocation)
        if status == 65 { #expect(run.errorsNamePositions, "\(run)", sourceLocation: sourceLocation) }
        #expect(!entries(dir).contains("out"), "\(run)", sourceLocation: sourceLocation)
        return run
    }

    /// Ten lines of YAML whose aliases expand to 9^10 (3.4 billion) values.
    static let aliasBomb = "x0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1]\n" + (1...9).map { i in
        "x\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n"
    }.joined()

    @Test("aliases that multiply (billion laughs) are refused at their key (was: validate, describe, solve, stress hung for hours)",
          arguments: ["validate", "describe", "solve", "drills"])
    func aliasBomb(command: String) throws {
        // x6 is the first key past 2,000,000 values (9^7 = 4,782,969).
        let bomb = Self.aliasBomb
        switch command {
        case "drills":
            try expectRefused(["orgs.yaml": bomb + Seeds.orgs, "pack.yaml": Seeds.pack, "records.csv": Seeds.records],
                              ["drills", "check", "orgs.yaml", "records.csv", "--year", "2026"],
                              "orgs.yaml:7:1: error: its aliases (*name) expand to more than 2,000,000 values", timeout: 30)
        default:
            let args = command == "solve" ? ["solve", "s.yaml", "--out", "out", "--time-limit", "5"] : [command, "s.yaml"]
            try expectRefused(["s.yaml": bomb + Seeds.scenario], args,
                              "s.yaml:7:1: error: its aliases (*name) expand to more than 2,000,000 values", timeout: 30)
        }
    }

    @Test("aliases used within reason still read: a shared location anchored once and used twice")
    func modestAliases() throws {
        let scenario = Seeds.scenario
            .replacingOccurrences(of: "{id: a1, name: 甲镇, location: {lat: 25.5, lon: 118.2}",
                                  with: "{id: a1, name: 甲镇, location: &seat {lat: 25.5, lon: 118.2}")
            .replacingOccurrences(of: "{id: w1, name: 县库, location: {lat: 25.5, lon: 118.2}", with: "{id: w1, name: 县库, location: *seat")
        #expect(scenario.contains("*seat"))
        let run = try runHostile(["validate", "s.yaml"], in: try scratch(["s.yaml": scenario]), timeout: 60)
        #expect(run.status == 0, "\(run)")
    }

    @Test("a rule pack listed twice is one error at the repeat (was: read again per entry, one error per rule; 200,000 entries ran for minutes)")
    func rulePackListedTwice() throws {
        let orgs = Seeds.orgs.replacingOccurrences(of: "rules: [national, pack.yaml]", with: "rules: [national, pack.yaml, national]")
        #expect(orgs.contains("pack.yaml, national]"))
        let run = try expectRefused(["orgs.yaml": orgs, "pack.yaml": Seeds.pack, "records.csv": Seeds.records],
                                    ["drills", "check", "orgs.yaml", "records.csv", "--year", "2026"],
                                    "orgs.yaml:2:30: error: rules[2]: the rule pack 'national' is already listed (first at rules[0])")
        #expect(!run.stderr.contains("is in both"), "\(run)")
        #expect(run.stderr.components(separatedBy: ": error: ").count == 2, "\(run)")
        try expectRefused(["orgs.yaml": orgs, "pack.yaml": Seeds.pack, "records.csv": Seeds.records],
                          ["drills", "check", "orgs.yaml", "records.csv", "--year", "2026"],
                          "orgs.yaml:2:30: error: rules[2]：规则包 'national' 已列出（首次出现在 rules[0]）", language: "zh")
    }

    @Test("--scale-displaced repeated until displaced overflows: a usage error, in a study an error at the variant (was: SIGILL in the warning's Int conversion)")
    func compoundedScaling() throws {
        let seven = Array(repeating: ["--scale-displaced", "1000"], count: 7).flatMap { $0 }
        try expectRefused(["s.yaml": Seeds.scenario], ["validate", "s.yaml"] + seven, status: 64,
                          "--scale-displaced 1000: hazard 'h1': people displaced from 'a1' after scaling: expected a number in 0…1000000000")
        try expectRefused(["s.yaml": Seeds.scenario], ["solve", "s.yaml", "--out", "out"] + Array(seven.prefix(8)), status: 64,
                          "after scaling: expected a number in 0…1000000000")
        let study = """
        base: s.yaml
        variants:
          - name: big
            overrides: [\(Array(repeating: "\"--scale-displaced 1000\"", count: 7).joined(separator: ", "))]

        """
        try expectRefused(["s.yaml": Seeds.scenario, "study.yaml": study], ["study", "study.yaml", "--out", "out"],
                          "study.yaml:3:5: error: variant 'big': --scale-displaced 1000: hazard 'h1': people displaced from 'a1' after scaling")
    }

    @Test("--scale-displaced rounds half up without adding a person to large counts (was: 250,000,000 × 2 = 500,000,001)")
    func scalingLargeCounts() throws {
        let scenario = Seeds.scenario
            .replacingOccurrences(of: "population: 1000}", with: "population: 900000000}")
            .replacingOccurrences(of: "displaced: {a1: 300, a2: 100}", with: "displaced: {a1: 250000000, a2: 0}")
        let dir = try scratch(["s.yaml": scenario])
        let run = try runHostile(["describe", "s.yaml", "--json", "--scale-displaced", "2"], in: dir, timeout: 60)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("500000000") && !run.stdout.contains("500000001"), "\(run)")
    }

    /// plan.json of the seed scenario with `edit` applied to its text.
    func plan(_ edit: (String) -> String) throws -> String {
        let dir = try scratch(["s.yaml": Seeds.scenario])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try runHostile(["solve", "s.yaml", "--out", "out", "--time-limit", "10"], in: dir)
        #expect(run.status == 0, "\(run)")
        return edit(try String(contentsOf: dir.appendingPathComponent("out/plan.json"), encoding: .utf8))
    }

    @Test("stress --plan: negative or huge stock is refused at its line (was: exit 1 'variable has lower bound 0.0 above upper bound -5.0', or 1e308 tents accepted)")
    func planStock() throws {
        let original = try plan { $0 }
        let stock = try #require(original.range(of: #""tent" : \d+"#, options: .regularExpression))
        let line = original[..<stock.lowerBound].filter { $0 == "\n" }.count + 1
        for (value, message) in [("-5", "expected a number ≥ 0, found -5"),
                                 ("1e308", "expected a number in"), ("1e20", "expected a number in")] {
            let edited = original.replacingCharacters(in: stock, with: "\"tent\" : \(value)")
            try expectRefused(["s.yaml": Seeds.scenario, "plan.json": edited],
                              ["stress", "s.yaml", "--plan", "plan.json", "--out", "out"],
                              "plan.json:\(line):")
            try expectRefused(["s.yaml": Seeds.scenario, "plan.json": edited],
                              ["stress", "s.yaml", "--plan", "plan.json", "--out", "out"],
                              "stock.w1.tent: \(message)")
        }
    }

    @Test("stress --plan: broken JSON and unknown sites are errors at their line, in Chinese too (was: 'The data isn’t in the correct format', no position, English only)")
    func planSyntaxAndNames() throws {
        try expectRefused(["s.yaml": Seeds.scenario, "plan.json": "{\"open_warehouses\": [\"w1\"],\n \"stock\": {\n"],
                          ["stress", "s.yaml", "--plan", "plan.json", "--out", "out"], "plan.json:3:1: error: invalid YAML")
        try expectRefused(["s.yaml": Seeds.scenario, "plan.json": "{\"stock\": {}}\n"],
                          ["stress", "s.yaml", "--plan", "plan.json", "--out", "out"],
                          "plan.json:1:1: error: not a plan: no 'open_warehouses' key")
        let ghost = try plan { $0.replacingOccurrences(of: "\"open_shelters\" : [\n", with: "\"open_shelters\" : [\n    \"ghost\",\n") }
        #expect(ghost.contains("\"ghost\""))
        let line = ghost.components(separatedBy: "\n").firstIndex { $0.contains("\"ghost\"") }.map { $0 + 1 } ?? 0
        try expectRefused(["s.yaml": Seeds.scenario, "plan.json": ghost], ["stress", "s.yaml", "--plan", "plan.json", "--out", "out"],
                          "plan.json:\(line):5: error: open_shelters[0]: the plan names shelter 'ghost', which s.yaml does not have")
        try expectRefused(["s.yaml": Seeds.scenario, "plan.json": ghost], ["stress", "s.yaml", "--plan", "plan.json", "--out", "out"],
                          "plan.json:\(line):5: error: open_shelters[0]：方案中的避难场所 'ghost' 在 s.yaml 中不存在", language: "zh")
    }

    @Test("a path in a file that names a folder or nothing is an error at its key (was: 'FOLDER: error: is a directory' with no position)")
    func pathsToFolders() throws {
        // A scenario's table.
        let tables = Seeds.scenario.replacingOccurrences(
            of: "warehouses:\n  - {id: w1, name: 县库, location: {lat: 25.5, lon: 118.2}, existing: true, capacity_m3: 100}\n  - {id: w2, location: {lat: 25.6, lon: 118.3}, existing: false, capacity_m3: 50, fixed_cost: 1000}\n",
            with: "warehouses: {table: ., sheet: 仓库}\n")
        #expect(tables.contains("{table: ."))
        try expectRefused(["s.yaml": tables], ["validate", "s.yaml"],
                          "s.yaml:15:21: error: warehouses.table: cannot read the table '.' (it is a folder, not a file)")
        // A rule pack named by a folder, from an orgs file in a subfolder.
        let orgs = Seeds.orgs.replacingOccurrences(of: "rules: [national, pack.yaml]", with: "rules: [national, .]")
        let dir = try scratch(["sub/orgs.yaml": orgs, "sub/records.csv": Seeds.records])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try runHostile(["drills", "check", "sub/orgs.yaml", "sub/records.csv", "--year", "2026"], in: dir)
        #expect(run.status == 65 && run.errorsNamePositions, "\(run)")
        #expect(run.stderr.contains("sub/orgs.yaml:2:19: error: rules[1]: no shipped rule pack or file '.'"), "\(run)")
        // A study's base and variant scenario.
        let study = "base: nope.yaml\nvariants:\n  - {name: x, scenario: folder}\n"
        let studyDir = try scratch(["study.yaml": study, "folder/s.yaml": Seeds.scenario])
        defer { try? FileManager.default.removeItem(at: studyDir) }
        let studied = try runHostile(["study", "study.yaml", "--out", "out"], in: studyDir)
        #expect(studied.status == 65 && studied.errorsNamePositions, "\(studied)")
        #expect(studied.stderr.contains("study.yaml:1:7: error: variant 'base': cannot read the scenario '"), "\(studied)")
        #expect(studied.stderr.contains("nope.yaml' (no such file)"), "\(studied)")
        #expect(studied.stderr.contains("study.yaml:3:5: error: variant 'x': cannot read the scenario '"), "\(studied)")
        #expect(studied.stderr.contains("folder' (is a directory, not a file)"), "\(studied)")
        #expect(!entries(studyDir).contains("out"))
    }

    @Test("locate with points: 8,000 × 8,000 is refused before the 64,000,000 costs are allocated (was: 20,000 × 20,000 grew to 3 GB, then SIGABRT)")
    func tooManyPointPairs() throws {
        let n = 8_000
        let points = (0..<n).map { "[\($0 % 100), \($0 / 100)]" }.joined(separator: ",")
        let problem = "{\"model\": \"p-median\", \"p\": 2,\n \"points\": {\"demand\": [\(points)], \"facilities\": [\(points)]}}\n"
        try expectRefused(["p.json": problem], ["locate", "p.json", "--time-limit", "5"],
                          "p.json:2:12: error: points: 8000 demand points × 8000 facilities is more than the 50,000,000 costs a problem may hold",
                          timeout: 120)
    }

    @Test("a specialty, need or closed site listed again is counted once, with a warning (was: kept, multiplying the rows: 4,000 repeats of one need in a 3-village county ran 200 s past --time-limit 2)")
    func repeatedIDs() throws {
        let repeats = Array(repeating: "flood-rescue", count: 4_000).joined(separator: ", ")
        let scenario = Seeds.scenario
            .replacingOccurrences(of: "needs: [flood-rescue]", with: "needs: [\(repeats)]")
            .replacingOccurrences(of: "closed_sites: [s2]", with: "closed_sites: [s2, s2]")
        let dir = try scratch(["s.yaml": scenario])
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try runHostile(["solve", "s.yaml", "--out", "out", "--time-limit", "5", "--json"], in: dir, timeout: 60)
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.contains("s.yaml:14:27: warning: hazards[0].needs[1]: 'flood-rescue' is already listed (first at [0]); counted once"), "\(run)")
        #expect(run.stderr.contains("hazards[0].closed_sites[1]: 's2' is already listed (first at [0]); counted once"), "\(run)")
        // The plan is the plan of the file without the repeats.
        let plainDir = try scratch(["s.yaml": Seeds.scenario])
        defer { try? FileManager.default.removeItem(at: plainDir) }
        let plain = try runHostile(["solve", "s.yaml", "--out", "out", "--time-limit", "5", "--json"], in: plainDir, timeout: 60)
        func hazards(_ json: String) throws -> String {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            let hazards = try #require(object?["hazards"])
            return String(decoding: try JSONSerialization.data(withJSONObject: hazards, options: .sortedKeys), as: UTF8.self)
        }
        #expect(try hazards(run.stdout) == hazards(plain.stdout))
    }

    /// A zip archive holding `files` uncompressed (stored), as any zip reader opens it.
    static func storedZip(_ files: [(name: String, text: String)]) -> [UInt8] {
        func crc32(_ bytes: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
            }
            return ~crc
        }
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        var out: [UInt8] = [], central: [UInt8] = []
        for file in files {
            let name = Array(file.name.utf8), data = Array(file.text.utf8)
            let crc = crc32(data), size = UInt32(data.count), offset = UInt32(out.count)
            out += le32(0x0403_4B50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc) + le32(size) + le32(size)
                + le16(name.count) + le16(0) + name + data
            central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc) + le32(size)
                + le32(size) + le16(name.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + name
        }
        let centralOffset = UInt32(out.count)
        out += central + le32(0x0605_4B50) + le16(0) + le16(0) + le16(files.count) + le16(files.count)
            + le32(UInt32(central.count)) + le32(centralOffset) + le16(0)
        return out
    }

    @Test("a workbook whose entry points past the end of the file is refused (was: SIGILL in ZIPFoundation's in-memory reader)")
    func workbookEntryPastEnd() throws {
        var zip = Self.storedZip([("xl/workbook.xml", "<workbook><sheets><sheet name=\"a\" r:id=\"rId1\"/></sheets></workbook>")])
        // The central directory's offset of the local header (42 bytes into its entry).
        let central = try #require((0..<(zip.count - 3)).last { zip[$0..<($0 + 4)] == [0x50, 0x4B, 0x01, 0x02] })
        zip.replaceSubrange((central + 42)..<(central + 46), with: [0x00, 0xFF, 0xFF, 0x00])
        let dir = try scratchFolder(["orgs.yaml": Data(Seeds.orgs.utf8), "pack.yaml": Data(Seeds.pack.utf8), "r.xlsx": Data(zip)],
                                    prefix: "yubei-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try runHostile(["drills", "check", "orgs.yaml", "r.xlsx", "--year", "2026"], in: dir)
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains("r.xlsx: error: "), "\(run)")
    }

    @Test("a workbook part nested 100,000 elements deep is refused (was: SIGSEGV freeing the XML tree)")
    func workbookNestedDeep() throws {
        let deep = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        let zip = Self.storedZip([("xl/workbook.xml", deep)])
        let dir = try scratchFolder(["orgs.yaml": Data(Seeds.orgs.utf8), "pack.yaml": Data(Seeds.pack.utf8), "r.xlsx": Data(zip)],
                                    prefix: "yubei-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try runHostile(["drills", "check", "orgs.yaml", "r.xlsx", "--year", "2026"], in: dir)
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains("r.xlsx: error: the workbook part 'xl/workbook.xml' is not well-formed XML (elements nested deeper than 256 levels)"),
                "\(run)")
    }
}
