internal import Yams
import Foundation
import YubeiCore

extension LocationProblem {
    /// Keys of the problem file (FORMATS.md §1), plus `name` and `description` for the planner's notes.
    static let knownKeys = ["model", "p", "radius", "demand", "facilities", "cost", "points", "name", "description"]

    /// Reads a location problem from a JSON (or YAML) file.
    ///
    /// - Parameter model: overrides the file's `model` when given.
    /// - Throws: ``InputError`` with every problem of the file, each at its line and column.
    public static func load(path: String, model: LocationModelKind? = nil) throws(InputError) -> LocationProblem {
        try read(YAMLFile.load(path: path), model: model)
    }

    /// Reads a location problem from a parsed file; see ``load(path:model:)``.
    public static func read(_ file: YAMLFile, model override: LocationModelKind? = nil) throws(InputError) -> LocationProblem {
        var r = YAMLReader(file: file)
        guard let top = r.fields(file.root, "", known: knownKeys, required: override == nil ? ["model"] : []) else {
            throw InputError(diagnostics: r.diagnostics)
        }
        var model = override
        if model == nil, let node = top["model"],
           let word = r.choice(node, "model", LocationModelKind.allCases.map(\.rawValue)) {
            model = LocationModelKind(rawValue: word)
        }

        // Costs: a matrix, or points with Euclidean distances.
        var rows: [[Double]]?
        var rowNodes: [Node] = []
        if let node = top["cost"] {
            if let items = r.sequence(node, "cost") {
                rowNodes = items
                rows = items.enumerated().map { i, rowNode in
                    guard let entries = r.sequence(rowNode, "cost[\(i)]") else { return [] }
                    return entries.enumerated().map { j, entry in
                        if YAMLReader.isNull(entry) { return .infinity }
                        return r.number(entry, "cost[\(i)][\(j)]", minimum: 0) ?? .nan
                    }
                }
            }
        }
        var demandPoints: [(Double, Double)]?
        var facilityPoints: [(Double, Double)]?
        if let node = top["points"] {
            if top["cost"] != nil {
                r.error(top.keyNodes["points"] ?? node, "points", LocationInputMessage.costOrPoints)
            }
            if let fields = r.fields(node, "points", known: ["demand", "facilities"], required: ["demand", "facilities"]) {
                if let d = fields["demand"] { demandPoints = readPoints(d, fields.path("demand"), &r) }
                if let f = fields["facilities"] { facilityPoints = readPoints(f, fields.path("facilities"), &r) }
            }
        }
        if top["cost"] == nil && top["points"] == nil {
            r.error(file.root, "", LocationInputMessage.missingCost)
        }

        // Facilities.
        var facilities: [Facility]?
        if let node = top["facilities"], let items = r.sequence(node, "facilities") {
            var seen: [String: Int] = [:]
            facilities = items.enumerated().compactMap { k, item in
                let path = "facilities[\(k)]"
                guard let f = r.fields(item, path, known: ["id", "name", "capacity", "fixed_cost", "status"], required: ["id"]) else { return nil }
                var facility = Facility(id: String(k))
                if let idNode = f["id"], let id = r.identifier(idNode, f.path("id")) {
                    if let first = seen[id] {
                        r.error(idNode, f.path("id"), LocationInputMessage.duplicateFacility(id, first: first))
                    }
                    seen[id] = k
                    facility.id = id
                }
                if let c = f["capacity"] { facility.capacity = r.number(c, f.path("capacity"), minimum: 0) }
                else if let model, model.needsCapacity {
                    r.error(item, path, LocationInputMessage.missingCapacity(model.rawValue))
                }
                if let c = f["fixed_cost"] { facility.fixedCost = r.number(c, f.path("fixed_cost"), minimum: 0) ?? 0 }
                if let s = f["status"], let word = r.choice(s, f.path("status"), FacilityStatus.allCases.map(\.rawValue)) {
                    facility.status = FacilityStatus(rawValue: word)!
                }
                return facility
            }
        } else if top["facilities"] == nil, let model, model.hasFixedCosts {
            r.error(file.root, "", LocationInputMessage.missingFacilities(model.rawValue))
        }

        // Sizes must agree.
        let n = rows?.count ?? demandPoints?.count ?? 0
        let m = facilities?.count ?? facilityPoints?.count ?? rows?.first?.count ?? 0
        if let rows, let costNode = top["cost"] {
            if rows.isEmpty { r.error(costNode, "cost", LocationInputMessage.noCostRows) }
            for (i, row) in rows.enumerated() where row.count != m && i < rowNodes.count {
                if case .sequence = rowNodes[i] {
                    r.error(rowNodes[i], "cost[\(i)]", LocationInputMessage.costRowWidth(m, found: row.count))
                }
            }
        }
        if let demandPoints, let node = top["points"], demandPoints.isEmpty {
            r.error(node, "points.demand", LocationInputMessage.noDemandPoint)
        }
        if let facilityPoints, let facilities, facilityPoints.count != facilities.count, let node = top["facilities"] {
            r.error(node, "facilities", LocationInputMessage.facilityCount(facilityPoints.count, found: facilities.count))
        }
        if m == 0 && (rows?.isEmpty == false || facilityPoints != nil || facilities != nil) {
            r.error(top["facilities"] ?? top["points"] ?? top["cost"] ?? file.root, "", LocationInputMessage.noFacility)
        }
        // The n × m costs are allocated before solving: as many as an OR-Library file may hold.
        let cells = n.multipliedReportingOverflow(by: m)
        if cells.overflow || cells.partialValue > Int(InputRanges.costCells.upperBound), let node = top["points"] ?? top["cost"] {
            r.error(node, top["points"] != nil ? "points" : "cost",
                    LocationInputMessage.tooManyCosts(n, m, max: Int(InputRanges.costCells.upperBound)))
        }
        var demand = [Double](repeating: 1, count: n)
        if let node = top["demand"], let items = r.sequence(node, "demand") {
            if items.count != n && (rows != nil || demandPoints != nil) {
                r.error(node, "demand", LocationInputMessage.demandCount(n, found: items.count))
            }
            for (i, item) in items.enumerated() where i < n {
                demand[i] = r.number(item, "demand[\(i)]", minimum: 0) ?? 0
            }
        }

        // Parameters.
        var p: Int?
        if let node = top["p"] {
            p = r.integer(node, "p", minimum: 1)
            if let value = p, m > 0, value > m {
                r.error(node, "p", LocationInputMessage.pAboveFacilities(value, m))
            }
        } else if let model, model.needsP {
            r.error(file.root, "", LocationInputMessage.missingP(model.rawValue))
        }
        var radius: Double?
        if let node = top["radius"] {
            radius = r.number(node, "radius", minimum: 0)
        } else if let model, model.needsRadius {
            r.error(file.root, "", LocationInputMessage.missingRadius(model.rawValue))
        }

        try r.diagnostics.throwIfErrors()
        guard let model else { throw InputError(diagnostics: r.diagnostics) }
        var costs = [Double](repeating: .infinity, count: n * m)
        if let rows {
            for i in 0..<n { for j in 0..<m { costs[i * m + j] = rows[i][j] } }
        } else if let demandPoints, let facilityPoints {
            for i in 0..<n {
                for j in 0..<m {
                    let dx = demandPoints[i].0 - facilityPoints[j].0, dy = demandPoints[i].1 - facilityPoints[j].1
                    costs[i * m + j] = (dx * dx + dy * dy).squareRoot()
                }
            }
        }
        return LocationProblem(model: model, p: p, radius: radius, demand: demand,
                               facilities: facilities ?? (0..<m).map { Facility(id: String($0)) }, costs: costs)
    }

    /// A list of `[x, y]` pairs.
    private static func readPoints(_ node: Node, _ path: String, _ r: inout YAMLReader) -> [(Double, Double)]? {
        guard let items = r.sequence(node, path) else { return nil }
        return items.enumerated().map { k, item in
            guard let pair = r.sequence(item, "\(path)[\(k)]") else { return (0, 0) }
            guard pair.count == 2 else {
                r.error(item, "\(path)[\(k)]", LocationInputMessage.notAPair(pair.count))
                return (0, 0)
            }
            return (r.number(pair[0], "\(path)[\(k)][0]") ?? 0, r.number(pair[1], "\(path)[\(k)][1]") ?? 0)
        }
    }
}
