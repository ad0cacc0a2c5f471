import Foundation
import YubeiCore
import YubeiSiting
internal import Yams

/// The first stage of a plan read from plan.json: the sites it opens and the stock it holds.
/// Only these contract keys are read (FORMATS.md §2), so a plan written by any version of
/// `yubei solve`, or by hand, can be stress-tested.
public struct AdoptedPlan: Sendable {
    public var openWarehouses: [String]
    public var openShelters: [String]
    /// Units by warehouse id, then supply id.
    public var stock: [String: [String: Double]]

    public init(openWarehouses: [String], openShelters: [String], stock: [String: [String: Double]]) {
        self.openWarehouses = openWarehouses; self.openShelters = openShelters; self.stock = stock
    }

    public init(_ plan: SitingPlan) {
        self.init(openWarehouses: plan.openWarehouses, openShelters: plan.openShelters, stock: plan.stock)
    }

    /// Reads plan.json at `path` (only `open_warehouses`, `open_shelters` and `stock`; any other
    /// key is passed over), and with `problem` checks that every site and supply it names is one
    /// of `problem`'s (`scenario`: the scenario file as the user named it, for the messages).
    ///
    /// - Throws: ``InputError`` with every problem found, each at its line and column (a missing,
    ///   unreadable or malformed file, a contract key missing or of the wrong kind, a name the
    ///   scenario lacks): exit 65.
    public static func read(path: String, for problem: SitingProblem? = nil, scenario: String = "") throws(InputError) -> AdoptedPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: path), StudyMessage.planUnreadable))
        }
        let file = try YAMLFile.parse(data: data, path: path)
        var reader = YAMLReader(file: file)
        var plan = AdoptedPlan(openWarehouses: [], openShelters: [], stock: [:])
        let warehouses = Set(problem?.warehouses.map(\.id) ?? []), shelters = Set(problem?.shelters.map(\.id) ?? [])
        let supplies = Set(problem?.supplies.map(\.id) ?? [])
        func unknown(_ node: Node, _ keyPath: String, _ kind: StudyMessage.PlanName, _ id: String) {
            reader.error(node, keyPath, StudyMessage.planNamesUnknown(kind, id, scenario: scenario))
        }
        guard let pairs = reader.mapping(file.root, "") else { throw InputError(diagnostics: reader.diagnostics) }
        let values = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        for key in ["open_warehouses", "open_shelters", "stock"] where values[key] == nil {
            reader.error(file.root, "", StudyMessage.notAPlan(missingKey: key))
        }
        for (key, kind) in [("open_warehouses", StudyMessage.PlanName.warehouse), ("open_shelters", .shelter)] {
            guard let node = values[key], let items = reader.sequence(node, key) else { continue }
            var ids: [String] = []
            for (i, item) in items.enumerated() {
                guard let id = reader.string(item, "\(key)[\(i)]") else { continue }
                if problem != nil, !(kind == .warehouse ? warehouses : shelters).contains(id) { unknown(item, "\(key)[\(i)]", kind, id) }
                ids.append(id)
            }
            if kind == .warehouse { plan.openWarehouses = ids } else { plan.openShelters = ids }
        }
        if let node = values["stock"], let held = reader.mapping(node, "stock") {
            for (warehouse, keyNode, unitsNode) in held {
                let path = YAMLReader.join("stock", warehouse)
                if problem != nil, !warehouses.contains(warehouse) { unknown(keyNode, path, .warehouse, warehouse) }
                guard let units = reader.mapping(unitsNode, path) else { continue }
                for (supply, supplyNode, quantityNode) in units {
                    let supplyPath = YAMLReader.join(path, supply)
                    if problem != nil, !supplies.contains(supply) { unknown(supplyNode, supplyPath, .supply, supply) }
                    if let q = reader.number(quantityNode, supplyPath, minimum: 0) { plan.stock[warehouse, default: [:]][supply] = q }
                }
            }
        }
        try reader.diagnostics.throwIfErrors()
        return plan
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
