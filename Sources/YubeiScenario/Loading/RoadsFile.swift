import Foundation
import YubeiCore

/// The ids a roads file may name.
struct PlaceDirectory {
    var areas: Set<String>
    var sites: Set<String>
    var teams: Set<String>

    var allIDs: [String] { (areas.union(sites).union(teams)).sorted() }

    /// The ids of one kind of place (junctions have none: the roads file names them).
    func ids(of kind: Place.Kind) -> Set<String> {
        switch kind {
        case .area: areas
        case .site: sites
        case .team: teams
        case .junction: []
        }
    }
}

/// Reads a roads file: CSV with a header naming `from`, `to`, `km` and optionally `speed_kmh`
/// (other columns, such as a road name, are ignored), one two-way segment per row. The file is
/// read by YubeiCore's ``CSVTable``: UTF-8 with or without BOM, or GB18030, as Excel saves it.
///
/// Endpoints are area ids, warehouse or shelter ids, team ids, or junctions:
/// - a name that is exactly one kind of id is that place; a name that is both an area id and a
///   site id must say which with a prefix (`area:gekeng`, `site:gekeng`, `team:…`, `junction:…`);
/// - any other name is a junction, which must join at least two roads: a name on one row only is
///   a dead end, far more likely a misspelt id, and is an error (write `junction:NAME` to keep a
///   real dead end).
///
/// Every bad row is reported as `FILE:ROW: error: …` (the header is row 1): bytes that are not
/// text, a quote error, a missing, repeated or misspelt column, an empty endpoint, a km that is
/// not a number or is negative, a speed that is not positive, a road from a place to itself, an
/// unknown prefixed id, a dead-end junction.
enum RoadsFile {
    struct Result {
        var network: RoadNetwork?
        var diagnostics: Diagnostics
    }

    /// The path to show in messages: the roads path resolved against the scenario's folder as
    /// the user wrote it.
    static func displayPath(_ roads: String, relativeTo scenarioPath: String) -> String {
        if roads.hasPrefix("/") { return roads }
        let folder = (scenarioPath as NSString).deletingLastPathComponent
        return folder.isEmpty ? roads : (folder as NSString).appendingPathComponent(roads)
    }

    static func read(path roads: String, relativeTo scenarioPath: String, at reference: SourceLocation,
                     places: PlaceDirectory) -> Result {
        let path = displayPath(roads, relativeTo: scenarioPath)
        var diagnostics = Diagnostics()
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.error(reference, ScenarioMessage.cannotReadRoads(path))
            return Result(network: nil, diagnostics: diagnostics)
        }
        let result = parse(data: data, displayPath: path, places: places)
        return Result(network: result.network.map { RoadNetwork(path: roads, resolvedPath: path, edges: $0.edges) },
                      diagnostics: result.diagnostics)
    }

    /// Parses roads CSV bytes; messages name `displayPath`.
    static func parse(data: Data, displayPath path: String, places: PlaceDirectory) -> Result {
        var diagnostics = Diagnostics()
        func error(_ row: Int?, _ message: Phrase) { diagnostics.error(SourceLocation(file: path, line: row), message) }

        let table: CSVTable
        do {
            table = try CSVTable(data: data, path: path, required: ["from", "to", "km"], optional: ["speed_kmh"])
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return Result(network: nil, diagnostics: diagnostics)
        }

        // First pass: raw rows; count how many rows name each unprefixed unknown name.
        struct Raw { var row: Int; var from: String; var to: String; var km: Double?; var speed: Double?? }
        var raws: [Raw] = []
        var junctionUses: [String: Int] = [:]
        for record in table.rows {
            func field(_ column: String) -> String { table.cell(record, column) ?? "" }
            let from = field("from"), to = field("to")
            var ok = true
            for (name, value) in [("from", from), ("to", to)] where value.isEmpty {
                error(record.number, ScenarioMessage.emptyEndpoint(name)); ok = false
            }
            let kmText = field("km")
            var km: Double? = nil
            if let value = Double(kmText), value.isFinite, value >= 0 {
                km = value
                if let problem = InputRanges.range(forKeyPath: "km").problemPhrase(with: value) {
                    error(record.number, ScenarioMessage.columnProblem("km", problem)); ok = false
                }
            } else {
                error(record.number, ScenarioMessage.badKilometres(kmText)); ok = false
            }
            var speed: Double?? = .some(nil)
            let speedText = field("speed_kmh")
            if !speedText.isEmpty {
                if let value = Double(speedText), value.isFinite, value > 0 {
                    speed = .some(value)
                    if let problem = InputRanges.range(forKeyPath: "speed_kmh").problemPhrase(with: value) {
                        error(record.number, ScenarioMessage.columnProblem("speed_kmh", problem)); ok = false
                    }
                } else {
                    error(record.number, ScenarioMessage.badSpeed(speedText)); speed = nil; ok = false
                }
            }
            if !from.isEmpty && from == to { error(record.number, ScenarioMessage.selfLoop(from)); ok = false }
            for name in Set([from, to]) where !name.isEmpty && !name.contains(":") && !places.isKnown(name) {
                junctionUses[name, default: 0] += 1
            }
            if ok { raws.append(Raw(row: record.number, from: from, to: to, km: km, speed: speed)) }
        }

        // Second pass: resolve endpoints.
        var edges: [RoadEdge] = []
        var reportedDeadEnds: Set<String> = []
        func resolve(_ name: String, row: Int) -> Place? {
            if let colon = name.firstIndex(of: ":") {
                let prefix = String(name[..<colon]), id = String(name[name.index(after: colon)...])
                guard let kind = Place.Kind(rawValue: prefix), kind != .junction || !id.isEmpty else {
                    error(row, ScenarioMessage.unknownPrefix(prefix))
                    return nil
                }
                if kind == .junction { return .junction(id) }
                let pool = places.ids(of: kind)
                if pool.contains(id) { return Place(kind, id: id) }
                error(row, ScenarioMessage.unknownPrefixed(kind, id, suggestion: YAMLReader.closest(to: id, in: pool.sorted())))
                return nil
            }
            let kinds = [places.areas.contains(name), places.sites.contains(name), places.teams.contains(name)]
            if kinds.filter({ $0 }).count > 1 {
                error(row, ScenarioMessage.ambiguousEndpoint(name))
                return nil
            }
            if kinds[0] { return .area(name) }
            if kinds[1] { return .site(name) }
            if kinds[2] { return .team(name) }
            if junctionUses[name, default: 0] < 2 {
                if reportedDeadEnds.insert(name).inserted {
                    error(row, ScenarioMessage.deadEndJunction(name, suggestion: YAMLReader.closest(to: name, in: places.allIDs)))
                }
                return nil
            }
            return .junction(name)
        }
        for raw in raws {
            let from = resolve(raw.from, row: raw.row), to = resolve(raw.to, row: raw.row)
            guard let from, let to, let km = raw.km, let speed = raw.speed else { continue }
            edges.append(RoadEdge(from: from, to: to, kilometres: km, speedKmh: speed, row: raw.row))
        }
        if raws.isEmpty && !diagnostics.hasErrors { error(1, ScenarioMessage.roadsWithoutRows) }
        return Result(network: RoadNetwork(path: path, edges: edges), diagnostics: diagnostics)
    }
}

extension PlaceDirectory {
    func isKnown(_ name: String) -> Bool { areas.contains(name) || sites.contains(name) || teams.contains(name) }
}
