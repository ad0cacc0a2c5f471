import Foundation
import YubeiCore

/// One what-if change to a scenario, as written on the command line (FORMATS.md §4):
/// `--set PATH=VALUE`, `--close SITE`, `--scale-displaced K` (or `HAZARD=K`), `--require SITE`,
/// `--forbid SITE`; and two shocks beyond FORMATS.md §4 (documented in README "Running
/// scenarios"): `--cut-road FROM:TO` and `--without-team TEAM`.
///
/// Overrides are applied after reading and checked like the file: ``ScenarioOverrides`` turns a
/// list of them into a changed tree (for `--set`) and a changed ``Scenario`` (the rest), and
/// names the closest id or key when one is unknown.
public enum ScenarioOverride: Sendable, Hashable {
    /// A scalar key of the file set to a YAML value: `policy.budget=3800000`,
    /// `hazards.typhoon-l2.probability=0.4` (list items by id or as `hazards[0]`).
    case set(path: String, value: String)
    /// A warehouse or shelter closed in every hazard.
    case close(site: String)
    /// Displaced people multiplied by `factor` (rounded half up to whole people), in one hazard
    /// or, when `hazard` is nil, in all.
    case scaleDisplaced(hazard: String?, factor: Double)
    /// A candidate site that must be opened (an existing site is open anyway).
    case require(site: String)
    /// A site that must not be used: a candidate never opened, an existing site taken out.
    case forbid(site: String)
    /// Every road of the roads file between two endpoints made impassable (a bridge washed out):
    /// distances and reach are recomputed without it. Endpoints as the roads file writes them,
    /// optionally with their kind (`area:gekeng`, `site:…`, `team:…`, `junction:…`).
    case cutRoad(from: String, to: String)
    /// A rescue team unavailable (deployed elsewhere): taken out of the scenario.
    case withoutTeam(team: String)

    /// The override as the command line writes it (`--set policy.budget=3800000`): what
    /// plan.json records under `overrides`.
    public var commandLine: String {
        switch self {
        case let .set(path, value): return "--set \(path)=\(value)"
        case let .close(site): return "--close \(site)"
        case let .scaleDisplaced(hazard?, factor): return "--scale-displaced \(hazard)=\(Self.format(factor))"
        case let .scaleDisplaced(nil, factor): return "--scale-displaced \(Self.format(factor))"
        case let .require(site): return "--require \(site)"
        case let .forbid(site): return "--forbid \(site)"
        case let .cutRoad(from, to): return "--cut-road \(from):\(to)"
        case let .withoutTeam(team): return "--without-team \(team)"
        }
    }

    /// The option's name without dashes.
    public var option: String {
        switch self {
        case .set: return "set"
        case .close: return "close"
        case .scaleDisplaced: return "scale-displaced"
        case .require: return "require"
        case .forbid: return "forbid"
        case .cutRoad: return "cut-road"
        case .withoutTeam: return "without-team"
        }
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }

    /// Parses one option's argument (`option` without dashes, e.g. `set`, and its value).
    ///
    /// - Throws: ``OverrideError`` for an unknown option, a `--set` without `=`, or a factor that
    ///   is not a finite number ≥ 0.
    public static func parse(option: String, argument: String) throws(OverrideError) -> ScenarioOverride {
        let text = "--\(option) \(argument)"
        switch option {
        case "set":
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw OverrideError(text, OverrideMessage.setNeedsEquals)
            }
            let path = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
            let value = String(argument[argument.index(after: equals)...])
            return .set(path: path, value: value)
        case "close", "require", "forbid":
            let site = argument.trimmingCharacters(in: .whitespaces)
            guard !site.isEmpty else { throw OverrideError(text, OverrideMessage.needsSite) }
            return option == "close" ? .close(site: site) : option == "require" ? .require(site: site) : .forbid(site: site)
        case "scale-displaced":
            var hazard: String?
            var number = argument
            if let equals = argument.lastIndex(of: "=") {
                hazard = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
                number = String(argument[argument.index(after: equals)...])
            }
            guard let factor = Double(number.trimmingCharacters(in: .whitespaces)), factor.isFinite, factor >= 0,
                  InputRanges.scaleFactor.problem(with: factor) == nil else {
                throw OverrideError(text, OverrideMessage.badFactor(number))
            }
            return .scaleDisplaced(hazard: hazard, factor: factor)
        case "cut-road":
            guard let (from, to) = roadEnds(argument) else { throw OverrideError(text, OverrideMessage.needsRoad) }
            return .cutRoad(from: from, to: to)
        case "without-team":
            let team = argument.trimmingCharacters(in: .whitespaces)
            guard !team.isEmpty else { throw OverrideError(text, OverrideMessage.needsTeam) }
            return .withoutTeam(team: team)
        default:
            let known = ["set", "close", "scale-displaced", "require", "forbid", "cut-road", "without-team"]
            throw OverrideError(text, OverrideMessage.suggesting(OverrideMessage.unknownOption(option),
                                                                 closest(option, known).map { "--\($0)" }))
        }
    }

    /// The two endpoints of `FROM:TO`, each optionally prefixed by its kind (`area:gekeng:site:depot`
    /// is area gekeng to site depot); nil unless both are non-empty.
    static func roadEnds(_ argument: String) -> (String, String)? {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let kinds: Set<String> = ["area", "site", "team", "junction"]
        var i = 0
        func endpoint() -> String? {
            guard i < parts.count else { return nil }
            if kinds.contains(parts[i]), i + 1 < parts.count {
                i += 2
                return parts[i - 2] + ":" + parts[i - 1]
            }
            i += 1
            return parts[i - 1]
        }
        guard let from = endpoint(), i < parts.count else { return nil }
        let to = parts[i...].joined(separator: ":")
        guard !from.isEmpty, !to.isEmpty, !from.hasSuffix(":"), !to.hasSuffix(":") else { return nil }
        return (from, to)
    }

    /// Parses an override written as on the command line (`"--set policy.budget=4000000"`,
    /// `"--close county-depot"`), as a study file lists them.
    public static func parse(commandLine: String) throws(OverrideError) -> ScenarioOverride {
        let trimmed = commandLine.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("--") else { throw OverrideError(commandLine, OverrideMessage.notAnOption) }
        let body = trimmed.dropFirst(2)
        // `--set a=b` or `--set=a=b`.
        let split = body.firstIndex(where: { $0 == " " || $0 == "=" })
        guard let split else { throw OverrideError(commandLine, OverrideMessage.missingArgument) }
        let option = String(body[..<split])
        let argument = String(body[body.index(after: split)...]).trimmingCharacters(in: .whitespaces)
        return try parse(option: option, argument: argument)
    }
}

/// An override that cannot be applied: a usage error (exit 64), printed as
/// `yubei: error: --set policy.budgt=1: unknown key 'budgt' in policy; did you mean 'budget'?`
/// (``description``, English) or in the run's language (``description(in:)``).
public struct OverrideError: Error, Sendable, CustomStringConvertible {
    /// The override as written.
    public var override: String
    /// What is wrong, in English and Chinese.
    public var phrase: Phrase
    /// What is wrong, in English.
    public var message: String { phrase.en }
    public init(_ override: String, _ phrase: Phrase) { self.override = override; self.phrase = phrase }
    /// `OVERRIDE: MESSAGE` in English and Chinese.
    public var labelled: Phrase { OverrideMessage.labelled(override, phrase) }
    public var description: String { labelled.en }
    /// `OVERRIDE: MESSAGE` in `language`.
    public func description(in language: Language) -> String { labelled(language) }
}

func closest(_ word: String, _ candidates: [String]) -> String? {
    YAMLReader.closest(to: word, in: candidates)
}
