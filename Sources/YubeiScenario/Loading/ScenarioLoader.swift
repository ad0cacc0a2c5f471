import Foundation
import YubeiCore

/// A scenario read from a file, with the warnings its standards checks raised (exit 0).
public struct LoadedScenario: Sendable {
    public var scenario: Scenario
    /// Standards not met (GB 21734 area per person, small sites, probabilities not summing to 1),
    /// places off the road network. Never errors.
    public var warnings: Diagnostics
}

/// Reads a scenario file (FORMATS.md §2) the way a compiler reads source: every problem in the
/// file (and in its roads file) is collected and reported at once, each at its line and column.
public enum ScenarioLoader {
    /// Reads and checks the scenario at `path` (YAML or JSON).
    ///
    /// - Throws: ``InputError`` with every error found (unreadable, non-UTF-8, empty or broken
    ///   YAML; unknown or missing keys; wrong types; bad, duplicate or dangling ids; numbers out
    ///   of range; more displaced than live in an area; roads file rows).
    public static func load(path: String) throws(InputError) -> LoadedScenario {
        let file = try YAMLFile.load(path: path)
        return try decode(file)
    }

    /// Reads a scenario from text as if it were the file `path` (roads files are resolved
    /// against `path`'s folder).
    public static func load(text: String, path: String) throws(InputError) -> LoadedScenario {
        let file = try YAMLFile.parse(data: Data(text.utf8), path: path)
        return try decode(file)
    }

    /// Reads a scenario from bytes as if they were the file `path`.
    public static func load(data: Data, path: String) throws(InputError) -> LoadedScenario {
        let file = try YAMLFile.parse(data: data, path: path)
        return try decode(file)
    }

    static func decode(_ file: YAMLFile) throws(InputError) -> LoadedScenario {
        var decoder = ScenarioDecoder(file: file)
        let scenario = decoder.decode()
        var diagnostics = decoder.reader.diagnostics
        // The scenario file first, then its roads file; by position within each.
        func key(_ d: (offset: Int, element: Diagnostic)) -> (Int, Int, Int, Int) {
            let location = d.element.location
            return (location.file == file.path ? 0 : 1, location.line ?? 0, location.column ?? 0, d.offset)
        }
        diagnostics = Diagnostics(diagnostics.all.enumerated().sorted { key($0) < key($1) }.map(\.element))
        try diagnostics.throwIfErrors()
        guard let scenario else {
            // Unreachable: the decoder returns nil only after recording an error.
            throw InputError(Diagnostic(.error, at: SourceLocation(file: file.path), ScenarioMessage.unreadableScenario))
        }
        return LoadedScenario(scenario: scenario, warnings: diagnostics)
    }
}
