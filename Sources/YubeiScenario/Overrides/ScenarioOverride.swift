import Foundation
import YubeiCore

/// One what-if change to a scenario, as written on the command line (FORMATS.md §4):
/// `--set PATH=VALUE`, `--close SITE`, `--scale-displaced K` (or `HAZARD=K`), `--require SITE`,
/// `--forbid SITE`.
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
        default:
            let known = ["set", "close", "scale-displaced", "require", "forbid"]
            var message = OverrideMessage.unknownOption(option)
            if let guess = closest(option, known) { message += "; did you mean '--\(guess)'?" }
            throw OverrideError(text, message)
        }
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
/// `yubei: error: --set policy.budgt=1: unknown key 'budgt' in policy; did you mean 'budget'?`.
public struct OverrideError: Error, Sendable, CustomStringConvertible {
    /// The override as written.
    public var override: String
    public var message: String
    public init(_ override: String, _ message: String) { self.override = override; self.message = message }
    public var description: String { "\(override): \(message)" }
}

func closest(_ word: String, _ candidates: [String]) -> String? {
    YAMLReader.closest(to: word, in: candidates)
}
