import Foundation
import YubeiCore
import YubeiSiting

/// The first stage of a plan read from plan.json: the sites it opens and the stock it holds.
/// Only these contract keys are read (FORMATS.md §2), so a plan written by any version of
/// `yubei solve`, or by hand, can be stress-tested.
public struct AdoptedPlan: Sendable, Decodable {
    public var openWarehouses: [String]
    public var openShelters: [String]
    /// Units by warehouse id, then supply id.
    public var stock: [String: [String: Double]]

    enum CodingKeys: String, CodingKey {
        case stock
        case openWarehouses = "open_warehouses", openShelters = "open_shelters"
    }

    public init(openWarehouses: [String], openShelters: [String], stock: [String: [String: Double]]) {
        self.openWarehouses = openWarehouses; self.openShelters = openShelters; self.stock = stock
    }

    public init(_ plan: SitingPlan) {
        self.init(openWarehouses: plan.openWarehouses, openShelters: plan.openShelters, stock: plan.stock)
    }

    /// Reads plan.json at `path`.
    ///
    /// - Throws: ``InputError`` for a missing, unreadable or malformed file (exit 65).
    public static func read(path: String) throws(InputError) -> AdoptedPlan {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: path), StudyMessage.planUnreadable))
        }
        do {
            return try JSONDecoder().decode(AdoptedPlan.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: path), StudyMessage.notAPlan(missingKey: key.stringValue)))
        } catch {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: path), StudyMessage.notAPlanJSON(error.localizedDescription)))
        }
    }

    /// Every site and supply the plan names that `problem` lacks (empty when the plan fits).
    public func unknownNames(in problem: SitingProblem) -> [String] {
        let warehouses = Set(problem.warehouses.map(\.id)), shelters = Set(problem.shelters.map(\.id))
        let supplies = Set(problem.supplies.map(\.id))
        var unknown = openWarehouses.filter { !warehouses.contains($0) }.map { "warehouse '\($0)'" }
        unknown += openShelters.filter { !shelters.contains($0) }.map { "shelter '\($0)'" }
        for (w, held) in stock.sorted(by: { $0.key < $1.key }) {
            if !warehouses.contains(w) { unknown.append("warehouse '\(w)' (stock)") }
            unknown += held.keys.sorted().filter { !supplies.contains($0) }.map { "supply '\($0)'" }
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
