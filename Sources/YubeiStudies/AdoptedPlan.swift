import Foundation
internal import Yams
import YubeiCore
import YubeiSiting

/// The first stage of a plan read from plan.json: the sites it opens and the stock it holds.
/// Only these contract keys are read (FORMATS.md §2), so a plan written by any version of
/// `yubei solve`, or by hand, can be stress-tested.
public struct AdoptedPlan: Sendable {
    public var openWarehouses: [String]
    public var openShelters: [String]
    /// Units by warehouse id, then supply id.
    public var stock: [String: [String: Double]]
    /// Where each name was written in plan.json (`warehouse:ID`, `shelter:ID`, `stock:ID`,
    /// `supply:WAREHOUSE.SUPPLY`), for diagnostics; empty for a plan made in memory.
    var locations: [String: SourceLocation] = [:]
    /// The file the plan was read from.
    var path = "plan.json"

    public init(openWarehouses: [String], openShelters: [String], stock: [String: [String: Double]]) {
        self.openWarehouses = openWarehouses; self.openShelters = openShelters; self.stock = stock
    }

    public init(_ plan: SitingPlan) {
        self.init(openWarehouses: plan.openWarehouses, openShelters: plan.openShelters, stock: plan.stock)
    }

    /// Reads plan.json at `path`: its syntax and the three keys, each problem at its line and
    /// column; stock must be a number of units in the documented range (not negative, finite).
    ///
    /// - Throws: ``InputError`` for a missing, unreadable or malformed file (exit 65).
    public static func read(path: String) throws(InputError) -> AdoptedPlan {
        let file = try YAMLFile.load(path: path)
        var reader = YAMLReader(file: file)
        var plan = AdoptedPlan(openWarehouses: [], openShelters: [], stock: [:])
        plan.path = path
        guard let pairs = reader.mapping(file.root, "") else { throw InputError(diagnostics: reader.diagnostics) }
        var values: [String: Node] = [:]
        for pair in pairs where values[pair.key] == nil { values[pair.key] = pair.value }
        for key in ["open_warehouses", "open_shelters", "stock"] where values[key] == nil {
            reader.error(file.root, "", StudyMessage.notAPlan(missingKey: key))
        }
        func sites(_ key: String, _ kind: String) -> [String] {
            guard let node = values[key], let items = reader.sequence(node, key) else { return [] }
            return items.enumerated().compactMap { index, item in
                guard let id = reader.string(item, "\(key)[\(index)]") else { return nil }
                plan.locations["\(kind):\(id)"] = reader.location(of: item)
                return id
            }
        }
        plan.openWarehouses = sites("open_warehouses", "warehouse")
        plan.openShelters = sites("open_shelters", "shelter")
        if let node = values["stock"], let warehouses = reader.mapping(node, "stock") {
            for warehouse in warehouses {
                plan.locations["stock:\(warehouse.key)"] = reader.location(of: warehouse.keyNode)
                guard let supplies = reader.mapping(warehouse.value, "stock.\(warehouse.key)") else { continue }
                var held: [String: Double] = [:]
                for supply in supplies {
                    plan.locations["supply:\(warehouse.key).\(supply.key)"] = reader.location(of: supply.keyNode)
                    if let units = reader.number(supply.value, "stock.\(warehouse.key).\(supply.key)", minimum: 0) {
                        held[supply.key] = units
                    }
                }
                plan.stock[warehouse.key] = held
            }
        }
        try reader.diagnostics.throwIfErrors()
        return plan
    }

    /// Every site and supply the plan names that `problem` lacks (empty when the plan fits).
    public func unknownNames(in problem: SitingProblem) -> [String] {
        unknown(in: problem).map { StudyMessage.planName($0.kind, $0.id).en }
    }

    /// One error per site or supply the plan names that `problem` (read from `scenario`) lacks,
    /// at its place in plan.json (empty when the plan fits).
    public func unknownNameDiagnostics(in problem: SitingProblem, scenario: String) -> Diagnostics {
        Diagnostics(unknown(in: problem).map { item in
            Diagnostic(.error, at: locations[item.key] ?? SourceLocation(file: path),
                       StudyMessage.planNamesUnknown(StudyMessage.planName(item.kind, item.id), scenario: scenario))
        })
    }

    /// What a plan may name: an open warehouse or shelter, a warehouse holding stock, a supply.
    enum NameKind { case warehouse, shelter, stockWarehouse, supply }

    private func unknown(in problem: SitingProblem) -> [(key: String, kind: NameKind, id: String)] {
        let warehouses = Set(problem.warehouses.map(\.id)), shelters = Set(problem.shelters.map(\.id))
        let supplies = Set(problem.supplies.map(\.id))
        var unknown = openWarehouses.filter { !warehouses.contains($0) }.map { (key: "warehouse:\($0)", kind: NameKind.warehouse, id: $0) }
        unknown += openShelters.filter { !shelters.contains($0) }.map { (key: "shelter:\($0)", kind: NameKind.shelter, id: $0) }
        for (w, held) in stock.sorted(by: { $0.key < $1.key }) {
            if !warehouses.contains(w) { unknown.append((key: "stock:\(w)", kind: .stockWarehouse, id: w)) }
            unknown += held.keys.sorted().filter { !supplies.contains($0) }.map { (key: "supply:\(w).\($0)", kind: NameKind.supply, id: $0) }
        }
        return unknown
    }

    /// The plan's first stage in `problem`'s indices.
    public func firstStage(in problem: SitingProblem) -> SiteDecisions.FirstStage {
        let openW = Set(openWarehouses), openS = Set(openShelters)
        var held: [Int: [Int: Double]] = [:]
        for (w, warehouse) in problem.warehouses.enumerated() {
            guard let units = stock[warehouse.id] else { continue }
            for (s, supply) in problem.supplies.enumerated() { if let q = units[supply.id] { held[w, default: [:]][s] = q } }
        }
        return .init(openWarehouses: Set(problem.warehouses.indices.filter { openW.contains(problem.warehouses[$0].id) }),
                     openShelters: Set(problem.shelters.indices.filter { openS.contains(problem.shelters[$0].id) }),
                     stock: held)
    }
}
