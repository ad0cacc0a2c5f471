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
        func number(_ what: LocationInputMessage.Item) -> Double? {
            guard let token = tokens.next() else { return nil }
            guard let value = Double(token.text), value.isFinite else {
                diagnostics.error(tokens.location(token), LocationInputMessage.notANumber(what, token.text))
                return 0
            }
            if value < 0 {
                diagnostics.error(tokens.location(token), LocationInputMessage.below(what, "0", token.text))
            }
            return value
        }
        guard let mToken = tokens.next(), let m = Int(mToken.text), m > 0,
              let nToken = tokens.next(), let n = Int(nToken.text), n > 0 else {
            throw InputError(Diagnostic(.error, at: tokens.location(tokens.last), LocationInputMessage.headerIJ))
        }
        let pairs = m.multipliedReportingOverflow(by: n)
        guard !pairs.overflow, pairs.partialValue <= maxPairs else {
            throw InputError(Diagnostic(.error, at: tokens.location(nToken), LocationInputMessage.tooManyPairs(m, n, max: maxPairs)))
        }
        func ended(_ what: LocationInputMessage.Section) -> InputError {
            diagnostics.error(tokens.location(tokens.last), LocationInputMessage.endsIn(what))
            return InputError(diagnostics: diagnostics)
        }
        var capacities = [Double](repeating: 0, count: m)
        for j in 0..<m {
            guard let c = number(.facilityCapacity(j + 1)) else { throw ended(.capacities(j, m)) }
            capacities[j] = c
        }
        var fixed = [Double](repeating: 0, count: m)
        for j in 0..<m {
            guard let f = number(.facilityOpeningCost(j + 1)) else { throw ended(.openingCosts(j, m)) }
            fixed[j] = f
        }
        var demand = [Double](repeating: 0, count: n)
        for i in 0..<n {
            guard let d = number(.customerDemand(i + 1)) else { throw ended(.demands(i, n)) }
            demand[i] = d
        }
        var costs = [Double](repeating: 0, count: n * m)
        for i in 0..<n {
            for j in 0..<m {
                guard let c = number(.customerCostFromFacility(i + 1, j + 1)) else {
                    throw ended(.customerCosts(customer: i + 1, read: j, of: m, complete: i, customers: n))
                }
                costs[i * m + j] = c
            }
        }
        if let extra = tokens.next() {
            diagnostics.error(tokens.location(extra), LocationInputMessage.unexpectedAfterCosts(extra.text))
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
        func number(_ what: LocationInputMessage.Item, minimum: Double = 0, key: String) -> Double? {
            guard let token = tokens.next() else { return nil }
            guard let value = Double(token.text), value.isFinite else {
                diagnostics.error(tokens.location(token), LocationInputMessage.notANumber(what, token.text))
                return 0
            }
            if value < minimum {
                diagnostics.error(tokens.location(token), LocationInputMessage.below(what, NumberText.plain(minimum), token.text))
            } else if let problem = InputRanges.range(forKeyPath: key).problemPhrase(with: value) {
                diagnostics.error(tokens.location(token), LocationInputMessage.outOfRange(what, problem))
            }
            return value
        }
        guard let mToken = tokens.next(), let m = Int(mToken.text), m > 0,
              let nToken = tokens.next(), let n = Int(nToken.text), n > 0 else {
            throw InputError(Diagnostic(.error, at: tokens.location(tokens.last), LocationInputMessage.headerMN))
        }
        // Refuse before allocating: the counts have their ranges, and the file must hold a number
        // for every cell the header announces (m·n costs).
        try tokens.checkCount(.warehouses, m, InputRanges.orlibFacilities, at: mToken)
        try tokens.checkCount(.customers, n, InputRanges.orlibCustomers, at: nToken)
        try tokens.checkCount(.costCells, m * n, InputRanges.costCells, at: nToken)
        var facilities: [Facility] = []
        var literalCapacityLine: Int?
        for j in 0..<m {
            var cap: Double?
            if let token = tokens.peek(), token.text.lowercased() == "capacity" {
                _ = tokens.next()
                if capacity == nil && literalCapacityLine == nil && model != .uflp {
                    literalCapacityLine = token.line
                    diagnostics.error(tokens.location(token), LocationInputMessage.literalCapacity(j + 1))
                }
                cap = capacity ?? 0
            } else {
                cap = number(.warehouseCapacity(j + 1), key: "capacity")
            }
            guard let cap, let fixed = number(.warehouseFixedCost(j + 1), key: "fixed_cost") else {
                diagnostics.error(tokens.location(tokens.last), LocationInputMessage.endsAfterWarehouses(j, m))
                throw InputError(diagnostics: diagnostics)
            }
            facilities.append(Facility(id: String(j + 1), capacity: model == .uflp ? nil : cap, fixedCost: fixed))
        }
        var demand: [Double] = [], costs: [Double] = []
        demand.reserveCapacity(min(n, tokens.remaining))
        costs.reserveCapacity(min(n * m, tokens.remaining))
        for i in 0..<n {
            guard let d = number(.customerDemand(i + 1), key: "demand") else {
                diagnostics.error(tokens.location(tokens.last), LocationInputMessage.endsAfterCustomers(i, n))
                throw InputError(diagnostics: diagnostics)
            }
            demand.append(d)
            for j in 0..<m {
                guard let c = number(.customerCostFromWarehouse(i + 1, j + 1), key: "cost") else {
                    diagnostics.error(tokens.location(tokens.last), LocationInputMessage.endsInCustomerCosts(i + 1, j, m))
                    throw InputError(diagnostics: diagnostics)
                }
                costs.append(c)
            }
        }
        if let extra = tokens.next() {
            diagnostics.error(tokens.location(extra), LocationInputMessage.unexpectedAfterCustomer(extra.text))
        }
        try diagnostics.throwIfErrors()
        return LocationProblem(model: model, demand: demand, facilities: facilities, costs: costs)
    }

    /// Reads a p-median graph: `n edges p`, then `i j cost` per undirected edge (when an edge
    /// is listed twice the last one counts). Costs are shortest-path distances; every vertex is
    /// both a demand point of weight 1 and a candidate facility.
    ///
    /// - Complexity: O(n·(n + e)·log n) for the shortest paths (Dijkstra from each vertex;
    ///   O(n·(n + e + D)) with whole lengths, D the longest distance: ``PMedianDistances``).
    /// - Throws: ``InputError`` listing every problem found, each at its line.
    public static func readPMedian(path: String, model: LocationModelKind = .pMedian) throws(InputError) -> LocationProblem {
        var tokens = try Tokens(path: path)
        var diagnostics = Diagnostics()
        guard let nToken = tokens.next(), let n = Int(nToken.text), n > 0,
              let eToken = tokens.next(), let e = Int(eToken.text), e >= 0,
              let pToken = tokens.next(), let p = Int(pToken.text), p > 0 else {
            throw InputError(Diagnostic(.error, at: tokens.location(tokens.last), LocationInputMessage.headerNEP))
        }
        try tokens.checkCount(.vertices, n, InputRanges.pmedVertices, at: nToken)
        try tokens.checkCount(.edges, e, InputRanges.pmedEdges, at: eToken)
        if p > n { diagnostics.error(tokens.location(pToken), LocationInputMessage.pAboveVertices(p, n)) }
        var edges: [Int: (Int, Int, Double)] = [:]
        for k in 0..<e {
            guard let a = tokens.next(), let b = tokens.next(), let c = tokens.next() else {
                diagnostics.error(tokens.location(tokens.last), LocationInputMessage.endsAfterEdges(k, e))
                throw InputError(diagnostics: diagnostics)
            }
            guard let i = Int(a.text), (1...n).contains(i), let j = Int(b.text), (1...n).contains(j) else {
                diagnostics.error(tokens.location(a), LocationInputMessage.badEdgeVertices(k + 1, n, a.text, b.text))
                continue
            }
            guard let cost = Double(c.text), cost.isFinite, cost >= 0, InputRanges.range(forKeyPath: "cost").problem(with: cost) == nil else {
                diagnostics.error(tokens.location(c), LocationInputMessage.badEdgeLength(k + 1, c.text))
                continue
            }
            edges[min(i, j) * (n + 1) + max(i, j)] = (i - 1, j - 1, cost)
        }
        if let extra = tokens.next() {
            diagnostics.error(tokens.location(extra), LocationInputMessage.unexpectedAfterEdge(extra.text))
        }
        try diagnostics.throwIfErrors()
        let kept = edges.sorted(by: { $0.key < $1.key }).map(\.value).filter { $0.0 != $0.1 }
        var costs: [Double]
        if let bucketed = PMedianDistances.allPairs(n: n, edges: kept) {
            costs = bucketed  // whole lengths: Dijkstra on a bucket queue
        } else {
            let graph = SparseGraph(nodeCount: n, edges: kept.map { ($0.0, $0.1) })
            let lengths = graph.arcWeights(kept.map(\.2))
            costs = []
            costs.reserveCapacity(n * n)
            for source in 0..<n {
                costs.append(contentsOf: graph.shortestDistances(from: source, weights: lengths))
            }
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
                throw InputError(Diagnostic(.error, at: SourceLocation(file: path), InputText.unreadableFile(path)))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                let (line, column) = YAMLFile.firstInvalidUTF8Position(in: data)
                throw InputError(Diagnostic(.error, at: SourceLocation(file: path, line: line, column: column), InputText.notUTF8))
            }
            var line = 1
            for (k, content) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                line = k + 1
                for word in content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
                    items.append(Token(text: String(word), line: line))
                }
            }
            if items.isEmpty { throw InputError(Diagnostic(.error, at: SourceLocation(file: path, line: 1), InputText.emptyFile)) }
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
        func checkCount(_ what: LocationInputMessage.Count, _ count: Int, _ range: InputRange, at token: Token) throws(InputError) {
            if let problem = range.problemPhrase(with: count) {
                throw InputError(Diagnostic(.error, at: location(token), LocationInputMessage.headerCountOutOfRange(what, problem)))
            }
        }

        /// The last token read (or the last of the file).
        var last: Token? { position > 0 ? items[min(position, items.count) - 1] : items.first }

        func location(_ token: Token?) -> SourceLocation {
            SourceLocation(file: path, line: token?.line ?? 1)
        }
    }
}
