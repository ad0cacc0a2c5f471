import Foundation

/// File formats in which a model can be written for other solvers, `glpsol` among them.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// CPLEX LP format: `glpsol --lp FILE`.
    case cplexLP = "lp"
    /// Free MPS format: `glpsol --freemps FILE` (add `--max` for a maximisation model: GLPK's
    /// MPS reader and writer know no `OBJSENSE` section, so the file states the sense only in a
    /// comment and readers take it as a minimisation by default).
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
    /// Names are made valid for the format: characters the LP format does not allow (spaces,
    /// Chinese characters, `-`, …) become `_`; a name that is empty, starts with a digit or `.`,
    /// is an LP-format keyword (`st`, `bounds`, `inf`, …) or repeats an earlier one is changed
    /// so every column and row has its own name. The objective is named `obj`. A nonzero
    /// objective constant becomes the cost of an extra column `objective_constant` (or a
    /// variant) fixed at 1, because GLPK's LP writer drops the constant and MPS readers
    /// disagree on its sign; the file's optimum is therefore exactly the model's.
    ///
    /// - Throws: ``ModelError`` for a model that fails ``validate()`` or has an integer variable
    ///   with no integer in its bounds; ``ModelWriteError`` when the file cannot be written.
    /// - Complexity: O(variables + nonzeros).
    public func write(to path: String, format: ModelFileFormat) throws {
        try validate()
        var model = self
        if let message = model.roundIntegerBounds() { throw ModelError(.invertedBounds, message) }
        let columnNames = Self.fileSafeNames(variables.map(\.name) + ["objective_constant"], prefix: "x")
        let rowNames = Self.fileSafeNames(constraints.map(\.name), prefix: "r", reserved: ["obj"])
        let ok = withGLPKTerminal(.quiet) {
            let problem = GLPKProblem(
                model, names: Array(columnNames.dropLast()), rowNames: rowNames, constantColumn: columnNames.last
            )
            switch format {
            case .cplexLP: return problem.writeCPLEXLP(to: path)
            case .freeMPS: return problem.writeFreeMPS(to: path)
            }
        }
        if !ok { throw ModelWriteError(path: path) }
        if format == .freeMPS && sense == .maximize { try Self.noteMaximization(inMPSFile: path) }
    }

    /// Adds a comment saying the objective is maximised after the comment header GLPK writes.
    private static func noteMaximization(inMPSFile path: String) throws {
        do {
            let url = URL(fileURLWithPath: path)
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            let header = lines.prefix { $0.hasPrefix("*") }.count
            lines.insert("* Sense:      MAXIMIZE (no OBJSENSE in GLPK's MPS; solve with glpsol --max)", at: header)
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw ModelWriteError(path: path)
        }
    }

    /// Words the CPLEX LP format reads as keywords, compared in lower case.
    static let lpKeywords: Set<String> = [
        "min", "minimize", "minimise", "minimum", "max", "maximize", "maximise", "maximum",
        "st", "s.t.", "st.", "subject", "such", "bound", "bounds", "free", "inf", "infinity",
        "gen", "general", "generals", "int", "integer", "integers", "bin", "binary", "binaries",
        "end", "obj",
    ]

    /// Unique names of ASCII letters, digits, `_` and `.`, valid in both file formats, at most
    /// 255 bytes, never a keyword nor one of `reserved`.
    ///
    /// - Complexity: O(total length of the names).
    static func fileSafeNames(_ names: [String], prefix: String, reserved: Set<String> = []) -> [String] {
        var seen = reserved
        var result: [String] = []
        result.reserveCapacity(names.count)
        for (k, name) in names.enumerated() {
            var safe = String(name.unicodeScalars.prefix(200).map { scalar -> Character in
                let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.".unicodeScalars.contains(scalar))
                return ok ? Character(scalar) : "_"
            })
            if safe.isEmpty || safe.first!.isNumber || safe.first == "." || lpKeywords.contains(safe.lowercased()) {
                safe = "\(prefix)_\(safe)"
            }
            if seen.contains(safe) { safe += "_\(k + 1)" }
            while seen.contains(safe) { safe += "_" }
            seen.insert(safe)
            result.append(safe)
        }
        return result
    }
}
