/// File formats in which a model can be written for other solvers, `glpsol` among them.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// CPLEX LP format: `glpsol --lp FILE`.
    case cplexLP = "lp"
    /// Free MPS format: `glpsol --freemps FILE`.
    case freeMPS = "mps"

    /// The format named by a file's extension (`.lp` or `.mps`).
    public init?(pathExtension: String) {
        self.init(rawValue: pathExtension.lowercased())
    }
}

/// Writing a model to disk failed.
public struct ModelWriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var description: String { "cannot write the model to '\(path)'" }
}

extension Model {
    /// Writes the exact model (bounds, kinds, rows, objective) as a file GLPK's `glpsol`
    /// or another solver can read back.
    ///
    /// Names are made valid for the format: characters the LP format does not allow become
    /// `_`, and a name that is empty or repeats an earlier one gets the column's or row's
    /// number appended.
    public func write(to path: String, format: ModelFileFormat) throws {
        try validate()
        var model = self
        if let message = model.roundIntegerBounds() { throw ModelError(.invertedBounds, message) }
        let columnNames = Self.fileSafeNames(variables.map(\.name), prefix: "x")
        let rowNames = Self.fileSafeNames(constraints.map(\.name), prefix: "r")
        let ok = withGLPKTerminal(.quiet) {
            let problem = GLPKProblem(model, names: columnNames, rowNames: rowNames)
            switch format {
            case .cplexLP: return problem.writeCPLEXLP(to: path)
            case .freeMPS: return problem.writeFreeMPS(to: path)
            }
        }
        if !ok { throw ModelWriteError(path: path) }
    }

    /// Unique names of letters, digits and `_ . ( ) [ ]`-free symbols accepted by both formats.
    static func fileSafeNames(_ names: [String], prefix: String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        result.reserveCapacity(names.count)
        for (k, name) in names.enumerated() {
            var safe = String(name.unicodeScalars.map { scalar -> Character in
                let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.".unicodeScalars.contains(scalar))
                return ok ? Character(scalar) : "_"
            })
            if safe.isEmpty || safe.first!.isNumber || safe.first == "." { safe = "\(prefix)_\(safe)" }
            if safe.count > 200 { safe = String(safe.prefix(200)) }
            if seen.contains(safe) { safe += "_\(k + 1)" }
            while seen.contains(safe) { safe += "_" }
            seen.insert(safe)
            result.append(safe)
        }
        return result
    }
}
