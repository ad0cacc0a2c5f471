import ArgumentParser
import Foundation
import YubeiCore
import YubeiScenario

/// What-if overrides every command that reads a scenario takes (FORMATS.md §4), applied after
/// reading and checked like the file.
struct OverrideOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp("Set a scalar key of the scenario, e.g. policy.budget=3800000 (list entries by id: hazards.typhoon-l2.probability=0.4).", valueName: "PATH=VALUE"))
    var set: [String] = []

    @Option(name: .customLong("close"), help: ArgumentHelp("Close a warehouse or shelter in every hazard.", valueName: "SITE"))
    var close: [String] = []

    @Option(name: .customLong("scale-displaced"), help: ArgumentHelp("Multiply displaced people by K (rounded half up), in every hazard or in one (HAZARD=K).", valueName: "K|HAZARD=K"))
    var scaleDisplaced: [String] = []

    @Option(name: .customLong("require"), help: ArgumentHelp("Open this site whatever it costs.", valueName: "SITE"))
    var require: [String] = []

    @Option(name: .customLong("forbid"), help: ArgumentHelp("Never use this site (an existing one is taken out).", valueName: "SITE"))
    var forbid: [String] = []

    @Option(name: .customLong("cut-road"), help: ArgumentHelp("Make the roads between two endpoints of the roads file impassable (reach is recomputed).", valueName: "FROM:TO"))
    var cutRoad: [String] = []

    @Option(name: .customLong("without-team"), help: ArgumentHelp("Take a rescue team out (deployed elsewhere).", valueName: "TEAM"))
    var withoutTeam: [String] = []

    /// The overrides in the order written on the command line.
    ///
    /// ArgumentParser keeps each option's values in order but not their order across options,
    /// so the order is read back from the process's arguments when they hold the same overrides.
    func overrides(arguments: [String] = CommandLine.arguments) throws -> ScenarioOverrides {
        var grouped: [(String, String)] = []
        grouped += set.map { ("set", $0) }
        grouped += close.map { ("close", $0) }
        grouped += scaleDisplaced.map { ("scale-displaced", $0) }
        grouped += require.map { ("require", $0) }
        grouped += forbid.map { ("forbid", $0) }
        grouped += cutRoad.map { ("cut-road", $0) }
        grouped += withoutTeam.map { ("without-team", $0) }
        let names = Set(["set", "close", "scale-displaced", "require", "forbid", "cut-road", "without-team"])
        var written: [(String, String)] = []
        var i = 0
        while i < arguments.count {
            let token = arguments[i]
            if token == "--" { break }
            if token.hasPrefix("--") {
                let body = token.dropFirst(2)
                if let eq = body.firstIndex(of: "="), names.contains(String(body[..<eq])) {
                    written.append((String(body[..<eq]), String(body[body.index(after: eq)...])))
                } else if names.contains(String(body)), i + 1 < arguments.count {
                    written.append((String(body), arguments[i + 1]))
                    i += 1
                }
            }
            i += 1
        }
        func key(_ pair: (String, String)) -> String { pair.0 + "\u{0}" + pair.1 }
        let ordered = written.map(key).sorted() == grouped.map(key).sorted() ? written : grouped
        var items: [ScenarioOverride] = []
        do {
            for (option, argument) in ordered { items.append(try ScenarioOverride.parse(option: option, argument: argument)) }
        } catch {
            throw ValidationError(error.description(in: commandLineLanguage))
        }
        return ScenarioOverrides(items)
    }
}

/// Reads `path` with `overrides`: file errors are printed as diagnostics (exit 65), unknown
/// override targets as usage errors (exit 64), warnings on standard error, all in `language`.
func loadScenario(_ path: String, overrides: ScenarioOverrides,
                  language: Language = commandLineLanguage) throws -> OverriddenScenario {
    let loaded: OverriddenScenario
    do {
        loaded = try withInputErrorsReported(language: language) { try ScenarioLoader.load(path: path, overrides: overrides) }
    } catch let error as OverrideError {
        printError("yubei: error: \(error.description(in: language))")
        throw ExitCode(ExitStatus.usage.rawValue)
    }
    printWarnings(loaded.warnings, language: language)
    return loaded
}

/// Runs async library work (concurrent solves) from a synchronous command and waits for it.
func waitFor<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

/// The result handed from the task to the waiting command (written once before the signal).
private final class ResultBox<T>: @unchecked Sendable { var result: Result<T, any Error>? }
