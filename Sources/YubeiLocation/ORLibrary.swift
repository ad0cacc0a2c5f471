import Foundation
import YubeiCore

/// Readers for J. E. Beasley's OR-Library location files (FORMATS.md §1): the capacitated
/// warehouse files `cap*` and the p-median graphs `pmed*`. Facilities and vertices keep the
/// files' own 1-based numbers as ids. Problems are reported as `FILE:LINE: error: MESSAGE`.
public enum ORLibrary {
    /// Which OR-Library format a file is in.
    public enum Format: String, Sendable, CaseIterable {
        /// Capacitated warehouse location (cap41–cap134, capa, capb, capc).
        case cap
        /// Uncapacitated p-median on a graph (pmed1–pmed40).
        case pmed
        /// Single-source capacitated facility location in Holmberg, Rönnqvist & Yuan's layout (p1–p71).
        case sscflp
    }

    /// Largest number of (customer, facility) pairs a file may describe (the cost matrix is held in memory).
    public static let maxPairs = 50_000_000

    /// Reads a single-source file in Holmberg, Rönnqvist & Yuan's layout (1999; p1–p71): `I J`
    /// (facilities, customers); a row of I capacities; a row of I opening costs; a row of J
    /// demands; then J rows of I numbers, row j column i the cost of serving customer j's whole
    /// demand from facility i.
    ///
    /// - Parameter model: `sscflp` (default), `cflp` (splittable) or `uflp` (capacities ignored).
    /// - Complexity: O(I·J).
    /// - Throws: ``InputError`` listing every problem found, each at its line.
    public static func readHolmberg(path: String, model: LocationModelKind = .sscflp) throws(InputError) -> LocationProblem {
        var tokens = try Tokens(path: path)
        var diagnostics = Diagnostics()
        func number(_ what: String) -> Double? {
            guard let token = tokens.next() else { return nil }
            guard let value = Double(token.text), value.isFinite else {
                diagnostics.error(tokens.location(token), "\(what): expected a number, found '\(token.text)'")
                return 0
            }
            if value < 0 {
                diagnostics.error(tokens.location(token), "\(what): expected a number ≥ 0, found \(token.text)")
            }
            return value
        }
        guard let mToken = tokens.next(), let m = Int(mToken.text), m > 0,
              let nToken = tokens.next(), let n = Int(nToken.text), n > 0 else {
            throw InputError(.error(at: tokens.location(tokens.last), "expected the header 'I J' (facilities, customers) as two whole numbers > 0"))
        }
        let pairs = m.multipliedReportingOverflow(by: n)
        guard !pairs.overflow, pairs.partialValue <= maxPairs else {
            throw InputError(.error(at: tokens.location(nToken), "\(m) facilities × \(n) customers is more than the \(maxPairs) pairs this reader holds"))
        }
        func ended(_ what: String) -> InputError {
            diagnostics.error(tokens.location(tokens.last), "the file ends in \(what)")
            return InputError(diagnostics: diagnostics)
        }
        var capacities = [Double](repeating: 0, count: m)
        for j in 0..<m {
            guard let c = number("facility \(j + 1) capacity") else { throw ended("the capacities (\(j) of \(m))") }
            capacities[j] = c
        }
        var fixed = [Double](repeating: 0, count: m)
        for j in 0..<m {
            guard let f = number("facility \(j + 1) opening cost") else { throw ended("the opening costs (\(j) of \(m))") }
            fixed[j] = f
        }
        var demand = [Double](repeating: 0, count: n)
        for i in 0..<n {
            guard let d = number("customer \(i + 1) demand") else { throw ended("the demands (\(i) of \(n))") }
            demand[i] = d
        }
        var costs = [Double](repeating: 0, count: n * m)
        for i in 0..<n {
            for j in 0..<m {
                guard let c = number("customer \(i + 1) cost from facility \(j + 1)") else {
                    throw ended("customer \(i + 1)'s costs (\(j) of \(m); \(i) of \(n) customers complete)")
                }
                costs[i * m + j] = c
            }
        }
        if let extra = tokens.next() {
            diagnostics.error(tokens.location(extra), "unexpected '\(extra.text)' after the last customer's costs")
        }
        try diagnostics.throwIfErrors()
        let facilities = (0..<m).map { Facility(id: String($0 + 1), capacity: model == .uflp ? nil : capacities[$0], fixedCost: fixed[$0]) }
        return LocationProblem(model: model, demand: demand, facilities: facilities, costs: costs)
    }

    /// Reads a capacitated warehouse file: `m n`; m lines `capacity fixed_cost`; per customer its
    /// demand then m costs, each the cost of serving all of its demand from that warehouse.
    ///
    /// - Parameters:
    ///   - capacity: the value of the literal word `capacity` (capa, capb, capc).
    ///   - model: `uflp` (capacities ignored), `cflp` or `sscflp`.
    /// - Throws: ``InputError`` listing every problem found, each at its line.
    public static func readCap(path: String, capacity: Double? = nil, model: LocationModelKind = .cflp) throws(InputError) -> LocationProblem {
        var tokens = try Tokens(path: path)
        var diagnostics = Diagnostics()
        func number(_ what: String, minimum: Double = 0, key: String) -> Double? {
            guard let token = tokens.next() else { return nil }
            guard let value = Double(token.text), value.isFinite else {
                diagnostics.error(tokens.location(token), "\(what): expected a number, found '\(token.text)'")
                return 0
            }
            if value < minimum {
                diagnostics.error(tokens.location(token), "\(what): expected a number ≥ \(NumberText.plain(minimum)), found \(token.text)")
            } else if let problem = InputRanges.range(forKeyPath: key).problem(with: value) {
                diagnostics.error(tokens.location(token), "\(what): \(problem)")
            }
            return value
        }
        guard let mToken = tokens.next(), let m = Int(mToken.text), m > 0,
              let nToken = tokens.next(), let n = Int(nToken.text), n > 0 else {
            throw InputError(.error(at: tokens.location(tokens.last), "expected the header 'm n' (warehouses, customers) as two whole numbers > 0"))
        }
        // Refuse before allocating: the counts have their ranges, and the file must hold a number
        // for every cell the header announces (m·n costs).
        try tokens.checkCount("warehouses", m, InputRanges.orlibFacilities, at: mToken)
        try tokens.checkCount("customers", n, InputRanges.orlibCustomers, at: nToken)
        try tokens.checkCount("cost cells (warehouses × customers)", m * n, InputRanges.costCells, at: nToken)
        var facilities: [Facility] = []
        var literalCapacityLine: Int?
        for j in 0..<m {
            var cap: Double?
            if let token = tokens.peek(), token.text.lowercased() == "capacity" {
                _ = tokens.next()
                if capacity == nil && literalCapacityLine == nil && model != .uflp {
                    literalCapacityLine = token.line
                    diagnostics.error(tokens.location(token), "warehouse \(j + 1): the capacity is the word 'capacity' (as in capa, capb, capc): give its value with --capacity")
                }
                cap = capacity ?? 0
            } else {
                cap = number("warehouse \(j + 1) capacity", key: "capacity")
            }
            guard let cap, let fixed = number("warehouse \(j + 1) fixed cost", key: "fixed_cost") else {
                diagnostics.error(tokens.location(tokens.last), "the file ends after \(j) of \(m) warehouses")
                throw InputError(diagnostics: diagnostics)
            }
            facilities.append(Facility(id: String(j + 1), capacity: model == .uflp ? nil : cap, fixedCost: fixed))
        }
        var demand: [Double] = [], costs: [Double] = []
        demand.reserveCapacity(min(n, tokens.remaining))
        costs.reserveCapacity(min(n * m, tokens.remaining))
        for i in 0..<n {
            guard let d = number("customer \(i + 1) demand", key: "demand") else {
                diagnostics.error(tokens.location(tokens.last), "the file ends after \(i) of \(n) customers")
                throw InputError(diagnostics: diagnostics)
            }
            demand.append(d)
            for j in 0..<m {
                guard let c = number("customer \(i + 1) cost from warehouse \(j + 1)", key: "cost") else {
                    diagnostics.error(tokens.location(tokens.last), "the file ends in customer \(i + 1)'s costs (\(j) of \(m))")
                    throw InputError(diagnostics: diagnostics)
                }
                costs.append(c)
            }
        }
        if let extra = tokens.next() {
            diagnostics.error(tokens.location(extra), "unexpected '\(extra.text)' after the last customer")
        }
        try diagnostics.throwIfErrors()
        return LocationProblem(model: model, demand: demand, facilities: facilities, costs: costs)
    }

    /// Reads a p-median graph: `n edges p`, then `i j cost` per undirected edge (when an edge
    /// is listed twice the last one counts). Costs are shortest-path distances; every vertex is
    /// both a demand point of weight 1 and a candidate facility.
    ///
    /// - Complexity: O(n·(n + e)·log n) for the shortest paths (Dijkstra from each vertex).
    /// - Throws: ``InputError`` listing every problem found, each at its line.
    public static func readPMedian(path: String, model: LocationModelKind = .pMedian) throws(InputError) -> LocationProblem {
        var tokens = try Tokens(path: path)
        var diagnostics = Diagnostics()
        guard let nToken = tokens.next(), let n = Int(nToken.text), n > 0,
              let eToken = tokens.next(), let e = Int(eToken.text), e >= 0,
              let pToken = tokens.next(), let p = Int(pToken.text), p > 0 else {
            throw InputError(.error(at: tokens.location(tokens.last), "expected the header 'n edges p' as three whole numbers (n, p > 0)"))
        }
        try tokens.checkCount("vertices", n, InputRanges.pmedVertices, at: nToken)
        try tokens.checkCount("edges", e, InputRanges.pmedEdges, at: eToken)
        if p > n { diagnostics.error(tokens.location(pToken), "p = \(p) is more than the \(n) vertices") }
        var edges: [Int: (Int, Int, Double)] = [:]
        for k in 0..<e {
            guard let a = tokens.next(), let b = tokens.next(), let c = tokens.next() else {
                diagnostics.error(tokens.location(tokens.last), "the file ends after \(k) of \(e) edges")
                throw InputError(diagnostics: diagnostics)
            }
            guard let i = Int(a.text), (1...n).contains(i), let j = Int(b.text), (1...n).contains(j) else {
                diagnostics.error(tokens.location(a), "edge \(k + 1): expected two vertex numbers in 1...\(n), found '\(a.text) \(b.text)'")
                continue
            }
            guard let cost = Double(c.text), cost.isFinite, cost >= 0, InputRanges.range(forKeyPath: "cost").problem(with: cost) == nil else {
                diagnostics.error(tokens.location(c), "edge \(k + 1): expected a length ≥ 0, found '\(c.text)'")
                continue
            }
            edges[min(i, j) * (n + 1) + max(i, j)] = (i - 1, j - 1, cost)
        }
        if let extra = tokens.next() {
            diagnostics.error(tokens.location(extra), "unexpected '\(extra.text)' after the last edge")
        }
        try diagnostics.throwIfErrors()
        let kept = edges.sorted(by: { $0.key < $1.key }).map(\.value).filter { $0.0 != $0.1 }
        let graph = SparseGraph(nodeCount: n, edges: kept.map { ($0.0, $0.1) })
        let lengths = graph.arcWeights(kept.map(\.2))
        var costs: [Double] = []
        costs.reserveCapacity(n * n)
        for source in 0..<n {
            costs.append(contentsOf: graph.shortestDistances(from: source, weights: lengths))
        }
        return LocationProblem(model: model, p: p, demand: [Double](repeating: 1, count: n),
                               facilities: (0..<n).map { Facility(id: String($0 + 1)) }, costs: costs)
    }

    /// Whitespace-separated words of a file with their line numbers.
    struct Tokens {
        struct Token { var text: String; var line: Int }
        let path: String
        private var items: [Token] = []
        private var position = 0

        init(path: String) throws(InputError) {
            self.path = path
            guard let data = FileManager.default.contents(atPath: path) else {
                var isDirectory: ObjCBool = false
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                throw InputError(.error(at: SourceLocation(file: path), !exists ? "no such file" : isDirectory.boolValue ? "is a directory, not a file" : "cannot be read"))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                let (line, column) = YAMLFile.firstInvalidUTF8Position(in: data)
                throw InputError(.error(at: SourceLocation(file: path, line: line, column: column), "the file is not valid UTF-8 text"))
            }
            var line = 1
            for (k, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                line = k + 1
                for word in content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
                    items.append(Token(text: String(word), line: line))
                }
            }
            if items.isEmpty { throw InputError(.error(at: SourceLocation(file: path, line: 1), "the file is empty")) }
        }

        mutating func next() -> Token? {
            guard position < items.count else { return nil }
            defer { position += 1 }
            return items[position]
        }

        func peek() -> Token? { position < items.count ? items[position] : nil }

        /// Tokens not yet read.
        var remaining: Int { items.count - position }

        /// Throws when a header count is outside its documented range (``InputRanges``), before
        /// anything is allocated for it.
        func checkCount(_ what: String, _ count: Int, _ range: InputRange, at token: Token) throws(InputError) {
            if let problem = range.problem(with: count) {
                throw InputError(.error(at: location(token), "the header's number of \(what) is out of range: \(problem)"))
            }
        }

        /// The last token read (or the last of the file).
        var last: Token? { position > 0 ? items[min(position, items.count) - 1] : items.first }

        func location(_ token: Token?) -> SourceLocation {
            SourceLocation(file: path, line: token?.line ?? 1)
        }
    }
}
