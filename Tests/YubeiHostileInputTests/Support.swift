import Foundation
import Testing
import YubeiTestSupport

/// How one run of the built `yubei` ended: an exit status, a signal, or killed after a time-out.
struct HostileRun: Sendable, CustomStringConvertible {
    enum End: Sendable, Equatable { case exit(Int32), signal(Int32), hung }
    var end: End
    var stdout: String
    var stderr: String
    var arguments: [String]

    var status: Int32? { if case .exit(let s) = end { return s } else { return nil } }

    /// The statuses a command may end with (FORMATS.md, sysexits): never a signal, never a hang.
    static let cleanStatuses: Set<Int32> = [0, 1, 2, 64, 65, 73]

    var isClean: Bool { status.map(Self.cleanStatuses.contains) ?? false }

    var description: String {
        "yubei \(arguments.joined(separator: " ")) → \(end)\n--- stderr (first 1000 characters) ---\n\(stderr.prefix(1000))"
    }

    /// Every `error:` line names a position: `FILE:LINE[:COL]: error:` (at least one such line
    /// for exit 65).
    var errorsNamePositions: Bool {
        let errors = stderr.split(separator: "\n").filter { $0.contains(": error: ") && !$0.hasPrefix("yubei") }
        guard !errors.isEmpty else { return false }
        return errors.allSatisfy { line in
            guard let range = line.range(of: ": error: ") else { return false }
            let place = line[..<range.lowerBound]
            // FILE:LINE, FILE:LINE:COL or FILE[SHEET]:CELL
            let parts = place.split(separator: ":")
            return parts.count >= 2 && parts.last.map { $0.allSatisfy(\.isNumber) || $0.allSatisfy { $0.isLetter || $0.isNumber } } == true
        }
    }
}

extension HostileRun {
    /// Every positioned `error:` or `warning:` line carries a Chinese message (for runs in `zh`):
    /// no reader fell back to English.
    var diagnosticsAreChinese: Bool {
        stderr.split(separator: "\n").allSatisfy { line in
            guard !line.hasPrefix("yubei"),
                  let tag = line.range(of: ": error: ") ?? line.range(of: ": warning: ") else { return true }
            return line[tag.upperBound...].unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
        }
    }
}

/// Runs the built `yubei`, telling a signal from an exit and killing it after `timeout` seconds.
func runHostile(
    _ arguments: [String], in directory: URL? = nil, environment overrides: [String: String] = [:],
    timeout: Double = 120, stdin: Data? = nil
) throws -> HostileRun {
    let process = Process()
    process.executableURL = yubeiBinary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var environment = ProcessInfo.processInfo.environment
    environment["YUBEI_LANG"] = "en"
    environment.merge(overrides) { $1 }
    process.environment = environment
    let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("yubei-hostile-\(UUID().uuidString).out")
    let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("yubei-hostile-\(UUID().uuidString).err")
    FileManager.default.createFile(atPath: outFile.path, contents: nil)
    FileManager.default.createFile(atPath: errFile.path, contents: nil)
    defer {
        try? FileManager.default.removeItem(at: outFile)
        try? FileManager.default.removeItem(at: errFile)
    }
    let out = try FileHandle(forWritingTo: outFile), err = try FileHandle(forWritingTo: errFile)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    var hung = false
    while process.isRunning {
        if Date() > deadline {
            hung = true
            process.terminate()
            usleep(200_000)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            break
        }
        usleep(5_000)
    }
    process.waitUntilExit()
    try? out.close()
    try? err.close()
    let end: HostileRun.End = hung ? .hung
        : process.terminationReason == .uncaughtSignal ? .signal(process.terminationStatus) : .exit(process.terminationStatus)
    return HostileRun(end: end,
                      stdout: String(decoding: (try? Data(contentsOf: outFile)) ?? Data(), as: UTF8.self),
                      stderr: String(decoding: (try? Data(contentsOf: errFile)) ?? Data(), as: UTF8.self),
                      arguments: arguments)
}

/// A fresh scratch folder with `files` (name → text).
func scratch(_ files: [String: String] = [:]) throws -> URL {
    try scratchFolder(texts: files, prefix: "yubei-hostile")
}

/// Names in `folder` (hidden ones too).
func entries(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}

// MARK: Seed inputs, one per format

enum Seeds {
    /// A small scenario that `validate` accepts and `solve` plans in well under a second.
    static let scenario = """
    name: Test county
    travel: {speed_kmh: 40, detour_factor: 1.3}
    areas:
      - {id: a1, name: 甲镇, location: {lat: 25.5, lon: 118.2}, population: 1000}
      - {id: a2, name: 乙乡, location: {lat: 25.6, lon: 118.3}, population: 500}
    supplies:
      - {id: tent, name: 帐篷, per_person: 0.25, volume_m3: 0.12, unit_cost: 1800}
    hazards:
      - id: h1
        name: 台风
        probability: 0.6
        displaced: {a1: 300, a2: 100}
        closed_sites: [s2]
        needs: [flood-rescue]
    warehouses:
      - {id: w1, name: 县库, location: {lat: 25.5, lon: 118.2}, existing: true, capacity_m3: 100}
      - {id: w2, location: {lat: 25.6, lon: 118.3}, existing: false, capacity_m3: 50, fixed_cost: 1000}
    shelters:
      - {id: s1, name: 广场, location: {lat: 25.5, lon: 118.2}, existing: true, area_m2: 3000, class: fixed-short}
      - {id: s2, location: {lat: 25.6, lon: 118.3}, existing: false, area_m2: 2500, fixed_cost: 500}
    teams:
      - {id: t1, base: {lat: 25.5, lon: 118.2}, specialties: [flood-rescue], members: 10}
    policy:
      budget: 5000
      supply_response_minutes: 360
      shelter_max_km: 20
      area_per_person_m2: 2.0
      team_response_minutes: 60

    """

    /// A scenario with roads from a CSV file (`roads.csv`).
    static let roadsScenario = scenario.replacingOccurrences(
        of: "travel: {speed_kmh: 40, detour_factor: 1.3}", with: "travel: {roads: roads.csv, speed_kmh: 40}")

    static let roads = """
    from,to,km,speed_kmh
    a1,a2,12.5,40
    a1,w1,0.5,
    a2,w2,0.5,
    a1,s1,0.5,
    a2,s2,0.5,
    w1,s2,13,30

    """

    static let orgs = """
    jurisdiction: 渠县
    rules: [national, pack.yaml]
    organizations:
      - {id: gov, name: 县政府, kind: county-government}
      - {id: town, name: 土溪镇, kind: township, hazards: [flood]}
      - id: chem
        name: 化工公司
        kind: enterprise
        sectors: [hazardous-chemicals]
        plans:
          - tank-leak
          - {id: overall, name: 综合预案, type: comprehensive, last_evaluated: 2023-05-10}
      - {id: school, name: 小学, kind: school}

    """

    static let pack = """
    - id: town-flood
      applies_to: {kind: township}
      every: year
      at_least: 2
      types: [special]
      source: 示例
    - id: chem-plan
      applies_to: {kind: enterprise}
      every: 3-years
      at_least: 1
      count: per-plan
      source: 示例

    """

    static let records = """
    organization,date,type,form,plan,participants,evaluation_report,reported_to_county
    gov,2026-05-12,comprehensive,live,,320,yes,yes
    town,2026/4/18,special,live,,85,yes,yes
    chem,2026-03-14,onsite,live,tank-leak,35,yes,yes
    school,2026-09-10,special,live,,500,no,no

    """

    static let settings = """
    observers: {per_week: 3}
    teams:
      - {id: fire, name: 消防, per_month: 4, joins: {sectors: [hazardous-chemicals]}}
    weights: {season: 10, safety_month: 3, spacing: 10, balance: 1}
    spacing_days: 91
    seasons:
      - {hazard: flood, name: 汛前, from: 04-01, to: 05-31}

    """

    static let locate = """
    {"model": "cflp", "demand": [3, 7, 1],
     "facilities": [{"id": "a", "capacity": 10, "fixed_cost": 5}, {"id": "b", "capacity": 8, "fixed_cost": 7}],
     "cost": [[1.0, 2.5], [2.0, 4.0], [3.0, 0.5]]}

    """

    static let locatePoints = """
    {"model": "p-median", "p": 1,
     "points": {"demand": [[0, 0], [4, 0], [10, 0]], "facilities": [[0, 0], [10, 0]]}}

    """

    static let orlibCap = """
     3 4
     20 100
     15 80
     30 120
     5 1 2 3
     6 2 1 4
     4 3 3 1
     7 1 4 2

    """

    static let orlibPmed = """
     5 6 2
     1 2 3
     2 3 4
     3 4 2
     4 5 6
     5 1 1
     2 4 7

    """
}
