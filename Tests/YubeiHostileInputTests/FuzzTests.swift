import Foundation
import PropertyBased
import Testing
import YubeiTestSupport

/// One mutation of an input file: what to do, where (a seed picks the place) and with what.
struct Mutation: Sendable, CustomStringConvertible {
    enum Kind: Int, CaseIterable, Sendable {
        case extremeNumber, truncate, wrongType, duplicateLine, deleteLine, controlBytes, invalidUTF8,
             gb18030, byteOrderMark, markup, deepNesting, swapCharacters, extremeDate, emptyValue
    }
    var kind: Kind
    var seed: UInt64

    var description: String { "\(kind)#\(seed)" }

    static let extremes = ["0", "-1", "1e308", "-1e308", "1e-320", "9223372036854775807", "-9223372036854775808",
                           "4611686018427387904", "1e19", ".nan", ".inf", "-.inf", "99999999999999999999999",
                           "4000000000", "0.0000001", "1e12", "2147483648", "NaN", "1e", "0x7fffffff", "-0"]
    static let wrongTypes = ["[1, 2]", "{a: 1}", "\"text\"", "null", "true", "~", "[]", "{}", "&a x", "*a", "!!binary AA=="]
    static let markups = ["<script>alert(1)</script>", "=HYPERLINK(\"http://x\",\"y\")", "\"a\\nb# h\"", "'|x|'", "@SUM(1)",
                          "\"\\t=1\"", "[x](javascript:1)"]
    static let dates = ["9997-01-01", "0001-01-01", "2026-02-30", "1899-12-31", "3000-01-01", "2026-13-01", "99999-01-01"]

    /// `text` mutated; the same seed gives the same bytes.
    func apply(to text: String) -> Data {
        var rng = SplitMix64(seed: seed)
        var bytes = Array(text.utf8)
        func pick(_ n: Int) -> Int { n <= 0 ? 0 : Int(rng.next() % UInt64(n)) }
        func numberRanges() -> [Range<Int>] {
            var ranges: [Range<Int>] = []
            var k = 0
            while k < bytes.count {
                if (0x30...0x39).contains(bytes[k]) && (k == 0 || !(bytes[k - 1] >= 0x41 && bytes[k - 1] <= 0x7A) && bytes[k - 1] != UInt8(ascii: "-")) {
                    let start = k
                    while k < bytes.count, (0x30...0x39).contains(bytes[k]) || bytes[k] == UInt8(ascii: ".") { k += 1 }
                    if k >= bytes.count || !(bytes[k] >= 0x41 && bytes[k] <= 0x7A) { ranges.append(start..<k) }
                } else { k += 1 }
            }
            return ranges
        }
        func valueRanges() -> [Range<Int>] {
            // The text after ": " up to the next , } or end of line.
            var ranges: [Range<Int>] = []
            var k = 0
            while k + 1 < bytes.count {
                if bytes[k] == UInt8(ascii: ":") && bytes[k + 1] == UInt8(ascii: " ") {
                    let start = k + 2
                    var end = start
                    while end < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), 0x0A].contains(bytes[end]) { end += 1 }
                    if end > start { ranges.append(start..<end) }
                    k = end
                } else { k += 1 }
            }
            return ranges
        }
        var lines: [[UInt8]] { bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init) }
        func joined(_ ls: [[UInt8]]) -> [UInt8] { Array(ls.joined(separator: [0x0A])) }
        switch kind {
        case .extremeNumber:
            let ranges = numberRanges()
            if !ranges.isEmpty {
                bytes.replaceSubrange(ranges[pick(ranges.count)], with: Array(Self.extremes[pick(Self.extremes.count)].utf8))
            }
        case .truncate:
            bytes = Array(bytes.prefix(pick(bytes.count + 1)))
        case .wrongType:
            let ranges = valueRanges()
            if !ranges.isEmpty { bytes.replaceSubrange(ranges[pick(ranges.count)], with: Array(Self.wrongTypes[pick(Self.wrongTypes.count)].utf8)) }
        case .duplicateLine:
            var ls = lines
            let k = pick(ls.count)
            ls.insert(ls[k], at: k)
            bytes = joined(ls)
        case .deleteLine:
            var ls = lines
            if !ls.isEmpty { ls.remove(at: pick(ls.count)) }
            bytes = joined(ls)
        case .controlBytes:
            let controls: [UInt8] = [0x00, 0x1B, 0x07, 0x08, 0x0C, 0x7F, 0x0D]
            for _ in 0...pick(3) { bytes.insert(controls[pick(controls.count)], at: pick(bytes.count + 1)) }
        case .invalidUTF8:
            let bad: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xF8, 0x88, 0x80, 0x80, 0x80]]
            bytes.insert(contentsOf: bad[pick(bad.count)], at: pick(bytes.count + 1))
        case .gb18030:
            // The same text in GB18030 (what Excel saves on a Chinese Windows), when it converts.
            if let data = try? gb18030ByIconv(text) { bytes = Array(data) }
        case .byteOrderMark:
            let marks: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF]]
            bytes.insert(contentsOf: marks[pick(marks.count)], at: 0)
        case .markup:
            let ranges = valueRanges()
            if !ranges.isEmpty { bytes.replaceSubrange(ranges[pick(ranges.count)], with: Array(Self.markups[pick(Self.markups.count)].utf8)) }
        case .deepNesting:
            let depth = [100, 600, 5000, 100_000][pick(4)]
            let ranges = valueRanges()
            if !ranges.isEmpty {
                let nest = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                bytes.replaceSubrange(ranges[pick(ranges.count)], with: Array(nest.utf8))
            }
        case .swapCharacters:
            for _ in 0...pick(4) where bytes.count > 1 {
                let a = pick(bytes.count), b = pick(bytes.count)
                bytes.swapAt(a, b)
            }
        case .extremeDate:
            let text = String(decoding: bytes, as: UTF8.self)
            if let r = text.range(of: #"\d{4}[-/]\d{1,2}[-/]\d{1,2}"#, options: .regularExpression) {
                let all = text.ranges(of: #/\d{4}[-/]\d{1,2}[-/]\d{1,2}/#)
                let chosen = all.isEmpty ? r : all[pick(all.count)]
                bytes = Array(text.replacingCharacters(in: chosen, with: Self.dates[pick(Self.dates.count)]).utf8)
            }
        case .emptyValue:
            let ranges = valueRanges()
            if !ranges.isEmpty { bytes.replaceSubrange(ranges[pick(ranges.count)], with: []) }
        }
        return Data(bytes)
    }
}

/// One input format under fuzzing: the seed files, which one is mutated, and the command.
struct FuzzTarget: Sendable, CustomTestStringConvertible {
    var name: String
    var files: [String: String]
    var mutated: String
    var arguments: [String]
    /// The output folder the command writes, if any (nothing may be written on exit 65).
    var out: String?
    var testDescription: String { name }
}

/// Counts of the whole campaign, printed at the end of each target's run.
final class FuzzCounts: @unchecked Sendable {
    static let shared = FuzzCounts()
    private let lock = NSLock()
    private var byStatus: [String: Int] = [:]
    func add(_ key: String) { lock.withLock { byStatus[key, default: 0] += 1 } }
    var summary: String { lock.withLock { byStatus.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") } }
}

/// Property-based mutation of every input format: whatever the bytes, `yubei` ends with a clean
/// status (0, 1, 2, 64, 65, 73), never a signal or a hang; every error names a position; on 65
/// nothing is written. `make test` runs a bounded number per format (YUBEI_FUZZ_COUNT, default
/// 12); `make fuzz` runs a longer campaign.
@Suite("Issue 10: fuzzing every input format")
struct FuzzTests {
    static let count = ProcessInfo.processInfo.environment["YUBEI_FUZZ_COUNT"].flatMap(Int.init) ?? 12

    static let calendar = (try? String(contentsOf: packageRoot.appendingPathComponent("Sources/YubeiDrills/Resources/calendars/china-2027.yaml"), encoding: .utf8)) ?? ""

    static let drillsFiles = ["orgs.yaml": Seeds.orgs, "pack.yaml": Seeds.pack, "records.csv": Seeds.records,
                              "settings.yaml": Seeds.settings, "calendar.yaml": calendar]
    static let check = ["drills", "check", "orgs.yaml", "records.csv", "--year", "2026", "--as-of", "2026-09-30", "--json"]
    static let plan = ["drills", "plan", "orgs.yaml", "--year", "2027", "--out", "out", "--settings", "settings.yaml",
                       "--calendar", "calendar.yaml", "--records", "records.csv", "--quiet", "--time-limit", "10"]

    static let targets: [FuzzTarget] = [
        FuzzTarget(name: "scenario (validate)", files: ["s.yaml": Seeds.scenario], mutated: "s.yaml", arguments: ["validate", "s.yaml"]),
        FuzzTarget(name: "scenario (describe)", files: ["s.yaml": Seeds.scenario], mutated: "s.yaml", arguments: ["describe", "s.yaml"]),
        FuzzTarget(name: "scenario (solve)", files: ["s.yaml": Seeds.scenario], mutated: "s.yaml",
                   arguments: ["solve", "s.yaml", "--out", "out", "--time-limit", "10"], out: "out"),
        FuzzTarget(name: "roads CSV", files: ["s.yaml": Seeds.roadsScenario, "roads.csv": Seeds.roads], mutated: "roads.csv",
                   arguments: ["validate", "s.yaml"]),
        FuzzTarget(name: "orgs (check)", files: drillsFiles, mutated: "orgs.yaml", arguments: check),
        FuzzTarget(name: "rule pack (check)", files: drillsFiles, mutated: "pack.yaml", arguments: check),
        FuzzTarget(name: "records CSV (check)", files: drillsFiles, mutated: "records.csv", arguments: check),
        FuzzTarget(name: "settings (plan)", files: drillsFiles, mutated: "settings.yaml", arguments: plan, out: "out"),
        FuzzTarget(name: "calendar (plan)", files: drillsFiles, mutated: "calendar.yaml", arguments: plan, out: "out"),
        FuzzTarget(name: "locate JSON", files: ["p.json": Seeds.locate], mutated: "p.json", arguments: ["locate", "p.json", "--json", "--time-limit", "10"]),
        FuzzTarget(name: "locate JSON points", files: ["p.json": Seeds.locatePoints], mutated: "p.json", arguments: ["locate", "p.json", "--time-limit", "10"]),
        FuzzTarget(name: "OR-Library cap", files: ["c.txt": Seeds.orlibCap], mutated: "c.txt", arguments: ["locate", "--orlib", "cap", "c.txt", "--time-limit", "10"]),
        FuzzTarget(name: "OR-Library pmed", files: ["c.txt": Seeds.orlibPmed], mutated: "c.txt", arguments: ["locate", "--orlib", "pmed", "c.txt", "--time-limit", "10"]),
    ]

    /// Checks one mutated run against the properties; returns a failure description or `nil`.
    /// In `zh` every diagnostic must also come in Chinese.
    static func check(_ target: FuzzTarget, _ mutation: Mutation, language: String = "en") throws -> String? {
        let seed = target.files[target.mutated] ?? ""
        let dir = try scratch(target.files)
        defer { try? FileManager.default.removeItem(at: dir) }
        try mutation.apply(to: seed).write(to: dir.appendingPathComponent(target.mutated))
        let before = entries(dir)
        let run = try runHostile(target.arguments, in: dir, environment: ["YUBEI_LANG": language], timeout: 120)
        FuzzCounts.shared.add(run.status.map { "exit\($0)" } ?? "\(run.end)")
        guard run.isClean else { return "not a clean exit with \(mutation): \(run)" }
        if run.status == 65 {
            guard run.errorsNamePositions else { return "exit 65 without a positioned error with \(mutation): \(run)" }
            guard entries(dir) == before else { return "exit 65 wrote \(Set(entries(dir)).subtracting(before)) with \(mutation)" }
        }
        if language == "zh" && !run.diagnosticsAreChinese { return "a diagnostic in English under YUBEI_LANG=zh with \(mutation): \(run)" }
        if let out = target.out, run.status == 0 {
            guard entries(dir).contains(out) else { return "exit 0 without \(out) with \(mutation): \(run)" }
        }
        guard !entries(dir).contains(where: { $0.contains("yubei-staging") }) else { return "staging left behind with \(mutation)" }
        return nil
    }

    @Test("mutated inputs end cleanly, name positions, write nothing on 65", arguments: targets)
    func fuzz(target: FuzzTarget) async throws {
        let kinds = Gen.int(in: 0...(Mutation.Kind.allCases.count - 1))
        let seeds = Gen.uint64(in: 0...UInt64.max)
        await propertyCheck(count: Self.count, input: kinds, seeds) { kindIndex, seed in
            let mutation = Mutation(kind: Mutation.Kind(rawValue: kindIndex) ?? .truncate, seed: seed)
            // Half the cases in Chinese: every diagnostic a mutation reaches has its Chinese form.
            let failure = try Self.check(target, mutation, language: seed % 2 == 0 ? "en" : "zh")
            #expect(failure == nil, "\(target.name): \(failure ?? "")")
        }
        print("fuzz \(target.name): \(Self.count) cases; campaign so far: \(FuzzCounts.shared.summary)")
    }

    @Test("each mutation kind once on the scenario and the records (deterministic)", arguments: Mutation.Kind.allCases)
    func everyKind(kind: Mutation.Kind) throws {
        for target in [Self.targets[0], Self.targets[6], Self.targets[9]] {
            let failure = try Self.check(target, Mutation(kind: kind, seed: 20261130))
            #expect(failure == nil, "\(target.name): \(failure ?? "")")
        }
    }

    @Test("each mutation kind once on every format in Chinese: every diagnostic has its Chinese form",
          arguments: Mutation.Kind.allCases)
    func everyKindInChinese(kind: Mutation.Kind) throws {
        for target in Self.targets where !target.arguments.contains("solve") && !target.arguments.contains("plan") {
            let failure = try Self.check(target, Mutation(kind: kind, seed: 20261201), language: "zh")
            #expect(failure == nil, "\(target.name): \(failure ?? "")")
        }
    }
}

@Suite("The Chinese-diagnostics property of the fuzzing")
struct ChineseDiagnosticsPropertyTests {
    @Test("an English diagnostic fails it; Chinese ones and unpositioned lines pass")
    func property() {
        func run(_ stderr: String) -> HostileRun { HostileRun(end: .exit(65), stdout: "", stderr: stderr, arguments: []) }
        #expect(!run("s.yaml:3:4: error: expected a number, found 'x'\n").diagnosticsAreChinese)
        #expect(!run("s.yaml:3:4: error: 应为数字，实为 'x'\nroads.csv:2: warning: a road from 'a' to itself\n").diagnosticsAreChinese)
        #expect(run("s.yaml:3:4: error: 应为数字，实为 'x'\nyubei: error: 3 more problems\n").diagnosticsAreChinese)
    }
}
