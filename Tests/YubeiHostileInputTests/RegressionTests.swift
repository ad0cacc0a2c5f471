import Foundation
import Testing
import YubeiTestSupport

/// Every example of issue 10, run as the built binary: each once ended with a signal, a GLPK
/// abort, a solver failure after `validate` passed, or a huge allocation. Now each is refused at
/// the door: `FILE:LINE[:COL]: error:` and exit 65, or a usage error and exit 64.
@Suite("Issue 10 regressions: hostile numbers are refused at the door")
struct RangeRegressionTests {
    /// Runs `arguments` in a folder holding `files` and expects a clean refusal with `status`,
    /// a message containing `message`, a positioned error for 65, and nothing on stdout.
    func expectRefused(_ files: [String: String], _ arguments: [String], status: Int32 = 65, _ message: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let dir = try scratch(files)
        let run = try runHostile(arguments, in: dir)
        #expect(run.status == status, "\(run)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(message), "\(run)", sourceLocation: sourceLocation)
        if status == 65 { #expect(run.errorsNamePositions, "\(run)", sourceLocation: sourceLocation) }
        #expect(run.stdout.isEmpty, "\(run)", sourceLocation: sourceLocation)
        #expect(!entries(dir).contains("out"), "\(run)", sourceLocation: sourceLocation)
    }

    @Test("at_least: 4611686018427387904 with count: per-plan (was: arithmetic overflow trap)")
    func hugeAtLeast() throws {
        let pack = Seeds.pack.replacingOccurrences(of: "  at_least: 1\n  count: per-plan", with: "  at_least: 4611686018427387904\n  count: per-plan")
        #expect(pack.contains("4611686018427387904"))
        try expectRefused(["orgs.yaml": Seeds.orgs, "pack.yaml": pack, "records.csv": Seeds.records],
                          ["drills", "check", "orgs.yaml", "records.csv", "--year", "2026"],
                          "pack.yaml:10:13: error: [1].at_least: expected a number in 1…1000, found 4611686018427387904")
    }

    @Test("last_evaluated: 9997-01-01 (was: nil unwrapped in date arithmetic)", arguments: ["check", "plan"])
    func farFutureDate(command: String) throws {
        let orgs = Seeds.orgs.replacingOccurrences(of: "last_evaluated: 2023-05-10", with: "last_evaluated: 9997-01-01")
        let args = command == "check" ? ["drills", "check", "orgs.yaml", "records.csv", "--year", "2026"]
            : ["drills", "plan", "orgs.yaml", "--year", "2027", "--out", "out", "--quiet"]
        try expectRefused(["orgs.yaml": orgs, "pack.yaml": Seeds.pack, "records.csv": Seeds.records], args,
                          "last_evaluated: '9997-01-01' is not a real date (the year 9997 is outside 1900…2999)")
    }

    @Test("a record dated 0001-01-01 or 3000-01-01 is refused with its row")
    func recordYears() throws {
        let records = Seeds.records + "gov,3000-01-01,special,live,,1,yes,yes\n"
        try expectRefused(["orgs.yaml": Seeds.orgs, "pack.yaml": Seeds.pack, "records.csv": records],
                          ["drills", "check", "orgs.yaml", "records.csv", "--year", "2026"],
                          "records.csv:6: error: column 'date': '3000-01-01' is not a real date (the year 3000 is outside 1900…2999)")
    }

    @Test("planning weights: {season: 1e19} (was: Double to Int conversion trap)")
    func hugeWeight() throws {
        try expectRefused(["orgs.yaml": Seeds.orgs, "pack.yaml": Seeds.pack, "settings.yaml": "weights: {season: 1e19}\n"],
                          ["drills", "plan", "orgs.yaml", "--year", "2027", "--out", "out", "--settings", "settings.yaml", "--quiet"],
                          "settings.yaml:1:19: error: weights.season: expected a number in 0…1000, found 1e+19")
    }

    @Test("population: 9223372036854775807 in describe (was: overflow when summing)")
    func hugePopulation() throws {
        let scenario = Seeds.scenario.replacingOccurrences(of: "population: 1000}", with: "population: 9223372036854775807}")
        for command in ["describe", "validate"] {
            try expectRefused(["s.yaml": scenario], [command, "s.yaml"],
                              "areas[0].population: expected a number in 0…1000000000, found 9223372036854775807")
        }
    }

    @Test("--time-limit 1e18 is a usage error (was: Double to Int64 trap)")
    func hugeTimeLimit() throws {
        try expectRefused(["s.yaml": Seeds.scenario], ["solve", "s.yaml", "--out", "out", "--time-limit", "1e18"],
                          status: 64, "--time-limit: expected a number in (0…10000000], found 1e+18")
        try expectRefused(["p.json": Seeds.locate], ["locate", "p.json", "--time-limit", "1e18"],
                          status: 64, "--time-limit: expected a number in (0…10000000], found 1e+18")
        try expectRefused(["orgs.yaml": Seeds.orgs, "pack.yaml": Seeds.pack],
                          ["drills", "plan", "orgs.yaml", "--year", "2027", "--out", "out", "--time-limit", "9223372036854775807"],
                          status: 64, "--time-limit: expected a number in (0…10000000]")
        try expectRefused(["p.json": Seeds.locate], ["locate", "p.json", "--gap", "1e300"],
                          status: 64, "--gap: expected a number in 0…1000")
    }

    @Test("OR-Library headers asking for overflow or gigabytes are refused before allocating",
          arguments: [
            ("cap", " 4 4611686018427387904\n 10 5\n 10 5\n 10 5\n 10 5\n 3 1 2 3 4\n", "c.txt:1: error: the header's number of customers is out of range: expected a number in 1…1000000, found 4611686018427387904"),
            ("cap", " 1 1000000000000\n 10 5\n", "c.txt:1: error: the header's number of customers is out of range"),
            ("cap", " 100000 1000\n 10 5\n", "c.txt:1: error: the header's number of cost cells (warehouses × customers) is out of range"),
            ("pmed", " 100000 0 1\n", "c.txt:1: error: the header's number of vertices is out of range: expected a number in 1…5000, found 100000"),
            ("pmed", " 4 2 1\n 1 4000000000 3\n 1 2 3\n", "c.txt:2: error: edge 1: expected two vertex numbers in 1...4, found '1 4000000000'"),
            ("pmed", " 4 4611686018427387904 1\n", "c.txt:1: error: the header's number of edges is out of range"),
            ("cap", " 1 1\n 1e308 5\n 3 1\n", "c.txt:2: error: warehouse 1 capacity: expected a number in 0…1000000000000, found 1e+308"),
          ])
    func orlibHeaders(format: String, text: String, message: String) throws {
        try expectRefused(["c.txt": text], ["locate", "--orlib", format, "c.txt"], message)
    }

    @Test("a facility with capacity: 1e308 (was: GLPK abort, exit 134)")
    func hugeCapacity() throws {
        let problem = Seeds.locate.replacingOccurrences(of: "\"capacity\": 10,", with: "\"capacity\": 1e308,")
        try expectRefused(["p.json": problem], ["locate", "p.json"],
                          "p.json:2:41: error: facilities[0].capacity: expected a number in 0…1000000000000, found 1e+308")
    }

    @Test("numbers that passed validate and then stopped the solver",
          arguments: [
            ("per_person: 0.25", "per_person: 1e308", "supplies[0].per_person: expected a number in 0…1000, found 1e+308"),
            ("per_person: 0.25", "per_person: 1e-320", "supplies[0].per_person: expected 0 or a number of magnitude at least 1e-06"),
            ("unit_cost: 1800", "unit_cost: 1e308", "supplies[0].unit_cost: expected a number in 0…1000000000, found 1e+308"),
            ("area_per_person_m2: 2.0", "area_per_person_m2: 1e-320", "policy.area_per_person_m2: expected 0 or a number of magnitude at least 0.01"),
            ("capacity_m3: 100}", "capacity_m3: 1e300}", "warehouses[0].capacity_m3: expected a number in 0…1000000000"),
            ("budget: 5000", "budget: 1e300", "policy.budget: expected a number in 0…1000000000000"),
          ])
    func solverStoppers(original: String, hostile: String, message: String) throws {
        let scenario = Seeds.scenario.replacingOccurrences(of: original, with: hostile)
        #expect(scenario != Seeds.scenario)
        try expectRefused(["s.yaml": scenario], ["validate", "s.yaml"], message)
        try expectRefused(["s.yaml": scenario], ["solve", "s.yaml", "--out", "out"], message)
    }

    @Test("--scale-displaced 1e300 is a usage error (was: Double to Int trap in the message); --out '' of study, frontier, stress")
    func overrides() throws {
        try expectRefused(["s.yaml": Seeds.scenario], ["validate", "s.yaml", "--scale-displaced", "1e300"],
                          status: 64, "--scale-displaced 1e300: expected a factor")
        let dir = try scratch(["s.yaml": Seeds.scenario])
        let set = try runHostile(["validate", "s.yaml", "--set", "policy.budget=1e308"], in: dir)
        #expect(set.status == 65, "\(set)")
        #expect(set.stderr.contains("s.yaml (--set policy.budget=1e308): error: policy.budget: expected a number in 0…1000000000000, found 1e+308"), "\(set)")
        for args in [["study", "s.yaml", "--out", ""], ["frontier", "s.yaml", "--budget", "0:10", "--out", ""],
                     ["stress", "s.yaml", "--plan", "p.json", "--out", ""]] {
            try expectRefused(["s.yaml": Seeds.scenario], args, status: 64, "--out needs a folder name; it is empty")
        }
    }

    @Test("roads CSV: km and speed_kmh in their ranges, each at its row")
    func roads() throws {
        let roads = "from,to,km,speed_kmh\na1,a2,1e308,40\na1,w1,0.5,1e-320\n"
        let dir = try scratch(["s.yaml": Seeds.roadsScenario, "roads.csv": roads])
        let run = try runHostile(["validate", "s.yaml"], in: dir)
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains("roads.csv:2: error: column 'km': expected a number in 0…100000, found 1e+308"), "\(run)")
        #expect(run.stderr.contains("roads.csv:3: error: column 'speed_kmh': expected 0 or a number of magnitude at least 0.1, found 1e-320"), "\(run)")
    }

    @Test("nesting 100000 deep is refused with its line, not a stack overflow")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        try expectRefused(["p.json": "{\"model\": \"p-median\", \"cost\": \n" + deep + "}\n"], ["locate", "p.json"],
                          "p.json:2:1: error: lists and mappings nested deeper than 512 levels")
        try expectRefused(["s.yaml": "name: x\nareas: " + deep + "\n"], ["validate", "s.yaml"],
                          "s.yaml:2:1: error: lists and mappings nested deeper than 512 levels")
    }

    @Test("control characters in names are refused at reading, shown escaped in the message")
    func controlCharacters() throws {
        let scenario = Seeds.scenario.replacingOccurrences(of: "name: 甲镇", with: "name: \"甲\\e[31m镇\\0\"")
        try expectRefused(["s.yaml": scenario], ["validate", "s.yaml"],
                          "areas[0].name: the text contains the control character U+001B; remove it")
        let records = Seeds.records.replacingOccurrences(of: "tank-leak", with: "tank\u{1B}[2Jleak")
        let dir = try scratch(["orgs.yaml": Seeds.orgs, "pack.yaml": Seeds.pack, "records.csv": records])
        let run = try runHostile(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026"], in: dir)
        #expect(run.status == 65, "\(run)")
        #expect(run.stderr.contains("records.csv:4: error: column 'plan': contains the control character U+001B; remove it"), "\(run)")
        #expect(!run.stderr.contains("\u{1B}"), "no raw ESC on the terminal")
    }

    @Test("--out '' is a usage error and writes nothing into the current folder")
    func emptyOut() throws {
        let dir = try scratch(["s.yaml": Seeds.scenario, "orgs.yaml": Seeds.orgs, "pack.yaml": Seeds.pack])
        for args in [["solve", "s.yaml", "--out", ""], ["drills", "plan", "orgs.yaml", "--year", "2027", "--out", "", "--quiet"],
                     ["solve", "s.yaml", "--out", "  "]] {
            let run = try runHostile(args, in: dir)
            #expect(run.status == 64, "\(run)")
            #expect(run.stderr.contains("--out needs a folder name; it is empty"), "\(run)")
            #expect(entries(dir) == ["orgs.yaml", "pack.yaml", "s.yaml"], "\(run)")
        }
    }
}

/// Names reach reports, spreadsheets and calendars as text, never as markup or formulas.
@Suite("Issue 10 regressions: outputs are safe to open")
struct InjectionRegressionTests {
    static let script = "<script>alert(1)</script>"
    static let image = "<img src=x onerror=alert(1)>"

    @Test("report.md and report.html carry names from the scenario escaped")
    func sitingReports() throws {
        let scenario = Seeds.scenario
            .replacingOccurrences(of: "name: Test county", with: "name: \"\(Self.script)\\n# Injected heading\"")
            .replacingOccurrences(of: "name: 甲镇", with: "name: \"\(Self.image) | [x](javascript:alert(1))\"")
            .replacingOccurrences(of: "name: 广场", with: "name: \"**bold** `code`\"")
        let dir = try scratch(["s.yaml": scenario])
        let run = try runHostile(["solve", "s.yaml", "--out", "out"], in: dir)
        #expect(run.status == 0, "\(run)")
        let md = try String(contentsOf: dir.appendingPathComponent("out/report.md"), encoding: .utf8)
        let html = try String(contentsOf: dir.appendingPathComponent("out/report.html"), encoding: .utf8)
        for text in [md, html] {
            #expect(!text.contains("<script>"))
            #expect(!text.contains("<img"))
        }
        #expect(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; # Injected heading"))
        #expect(!md.split(separator: "\n").contains { $0.hasPrefix("# Injected") })
        #expect(md.contains("\\[x\\](javascript:alert(1))"))
        #expect(!md.contains("[x](javascript"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test("drills: plan.md, plan.ics, plan.csv, the md notice and the CSV check escape names and neutralise formulas")
    func drillOutputs() throws {
        let orgs = Seeds.orgs
            .replacingOccurrences(of: "name: 县政府", with: "name: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"点击\\\")\"")
            .replacingOccurrences(of: "name: 土溪镇", with: "name: \"\(Self.script)\\n# 标题; x, y\\\\z\"")
            .replacingOccurrences(of: "name: 小学", with: "name: \"@SUM(1+1)\"")
        let dir = try scratch(["orgs.yaml": orgs, "pack.yaml": Seeds.pack, "records.csv": Seeds.records])
        let plan = try runHostile(["drills", "plan", "orgs.yaml", "--year", "2027", "--out", "out", "--quiet"], in: dir)
        #expect(plan.status == 0, "\(plan)")
        let md = try String(contentsOf: dir.appendingPathComponent("out/plan.md"), encoding: .utf8)
        let ics = try String(contentsOf: dir.appendingPathComponent("out/plan.ics"), encoding: .utf8)
        let html = try String(contentsOf: dir.appendingPathComponent("out/plan.html"), encoding: .utf8)
        for text in [md, ics, html] { #expect(!text.contains("<script>")) }
        #expect(!md.split(separator: "\n").contains { $0.hasPrefix("# 标题") })
        // RFC 5545 TEXT: ; , \ and the line break escaped, and no bare line starting a property.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("\\n# 标题\\; x\\, y\\\\z"), "\(unfolded)")
        #expect(!unfolded.split(separator: "\r\n").contains { $0.hasPrefix("# ") })

        for format in ["csv", "md"] {
            let check = try runHostile(["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--format", format], in: dir)
            #expect(check.status == 0 || check.status == 1, "\(check)")
            if format == "md" { #expect(!check.stdout.contains("<script>")) }
            if format == "csv" {
                let cells = check.stdout.split(separator: "\r\n").flatMap { $0.split(separator: ",") }
                #expect(!cells.contains { $0.hasPrefix("=") || $0.hasPrefix("\"=") || $0.hasPrefix("@") || $0.hasPrefix("\"@") }, "\(check.stdout)")
                #expect(check.stdout.contains("\"'=HYPERLINK(\"\"http://evil.example\"\""))
                #expect(check.stdout.contains("'@SUM(1+1)"))
            }
        }
    }
}
