import Foundation
import YubeiCore

/// The overrides of one run, in the order written, and what they do to a scenario file.
///
/// `--set` changes the file's tree before it is decoded, so a value set on the command line is
/// checked exactly as the same value in the file would be (a bad value is exit 65, its message
/// naming the override); `--close` and `--scale-displaced` change the decoded ``Scenario``;
/// `--require` and `--forbid` become ``SiteRules`` for the planner. Unknown keys, list entries,
/// sites and hazards are usage errors (``OverrideError``, exit 64) that name the closest one.
public struct ScenarioOverrides: Sendable, Hashable {
    public var items: [ScenarioOverride]

    public init(_ items: [ScenarioOverride] = []) { self.items = items }

    /// Parses overrides written as on the command line (`"--set policy.budget=4000000"`).
    public init(commandLines: [String]) throws(OverrideError) {
        var items: [ScenarioOverride] = []
        for line in commandLines { items.append(try ScenarioOverride.parse(commandLine: line)) }
        self.items = items
    }

    public var isEmpty: Bool { items.isEmpty }

    /// The overrides as written (`--set policy.budget=3800000`), in order: plan.json's `overrides`.
    public var commandLines: [String] { items.map(\.commandLine) }

    /// These overrides followed by `more`.
    public func appending(_ more: ScenarioOverrides) -> ScenarioOverrides { ScenarioOverrides(items + more.items) }
}

/// Sites the planner must open or must not use (`--require`, `--forbid`), by id in the order given.
public struct SiteRules: Sendable, Hashable {
    public var required: [String]
    public var forbidden: [String]
    public init(required: [String] = [], forbidden: [String] = []) { self.required = required; self.forbidden = forbidden }
    public var isEmpty: Bool { required.isEmpty && forbidden.isEmpty }
}

/// A scenario read with its overrides applied.
public struct OverriddenScenario: Sendable {
    public var scenario: Scenario
    public var warnings: Diagnostics
    public var siteRules: SiteRules
    public var overrides: ScenarioOverrides
}

extension ScenarioLoader {
    /// Reads the scenario at `path` and applies `overrides` in order.
    ///
    /// - Throws: ``InputError`` for a file (or a value set by `--set`) with errors (exit 65),
    ///   ``OverrideError`` for an override naming no key, entry, site or hazard of the file (exit 64).
    public static func load(path: String, overrides: ScenarioOverrides) throws -> OverriddenScenario {
        let file = try YAMLFile.load(path: path)
        return try load(file, overrides: overrides)
    }

    /// Reads a scenario from text as if it were the file `path`, then applies `overrides`.
    public static func load(text: String, path: String, overrides: ScenarioOverrides) throws -> OverriddenScenario {
        let file = try YAMLFile.parse(data: Data(text.utf8), path: path)
        return try load(file, overrides: overrides)
    }

    static func load(_ file: YAMLFile, overrides: ScenarioOverrides) throws -> OverriddenScenario {
        var root = file.root
        var setPaths: [(keyPath: String, text: String)] = []
        for item in overrides.items {
            guard case let .set(path, value) = item else { continue }
            let keyPath = try OverridePath.set(&root, path: path, value: value, override: item.commandLine)
            setPaths.append((keyPath, item.commandLine))
        }
        let loaded: LoadedScenario
        do {
            loaded = try decode(setPaths.isEmpty ? file : file.replacingRoot(root))
        } catch {
            // A value set on the command line has no line in the file: name the override instead.
            let relocated = error.diagnostics.all.map { diagnostic -> Diagnostic in
                guard diagnostic.location.line == nil,
                      let origin = setPaths.last(where: { diagnostic.message.hasPrefix($0.keyPath + ":") || diagnostic.message.hasPrefix($0.keyPath + "[") })
                else { return diagnostic }
                var moved = diagnostic
                moved.location = SourceLocation(file: "\(file.path) (\(origin.text))")
                return moved
            }
            throw InputError(diagnostics: Diagnostics(relocated))
        }
        var scenario = loaded.scenario
        var warnings = loaded.warnings
        var rules = SiteRules()
        let sites = scenario.warehouses.map(\.id) + scenario.shelters.map(\.id)
        let siteSet = Set(sites)
        func checkSite(_ id: String, _ item: ScenarioOverride) throws(OverrideError) {
            guard !siteSet.contains(id) else { return }
            let message = OverrideMessage.suggesting(OverrideMessage.unknownSite(id), closest(id, sites))
            throw OverrideError(item.commandLine, message)
        }
        for item in overrides.items {
            switch item {
            case .set:
                continue
            case let .close(site):
                try checkSite(site, item)
                for h in scenario.hazards.indices where !scenario.hazards[h].closedSites.contains(site) {
                    scenario.hazards[h].closedSites.append(site)
                }
            case let .scaleDisplaced(hazardID, factor):
                var targets = Array(scenario.hazards.indices)
                if let hazardID {
                    guard let h = scenario.hazards.firstIndex(where: { $0.id == hazardID }) else {
                        let message = OverrideMessage.suggesting(OverrideMessage.unknownHazard(hazardID), closest(hazardID, scenario.hazards.map(\.id)))
                        throw OverrideError(item.commandLine, message)
                    }
                    targets = [h]
                }
                let population = Dictionary(scenario.areas.map { ($0.id, $0.population) }, uniquingKeysWith: { a, _ in a })
                for h in targets {
                    for d in scenario.hazards[h].displaced.indices {
                        let entry = scenario.hazards[h].displaced[d]
                        let scaled = Self.scaled(entry.people, by: factor)
                        // Factors compound when repeated: the result keeps the range of `displaced`.
                        if let problem = InputRanges.range(forKeyPath: "displaced").problemPhrase(with: scaled) {
                            throw OverrideError(item.commandLine, OverrideMessage.scaledOutOfRange(
                                scenario.hazards[h].id, entry.area, problem))
                        }
                        scenario.hazards[h].displaced[d].people = scaled
                        if let residents = population[entry.area], scaled > Double(residents) {
                            warnings.append(Diagnostic(.warning, at: SourceLocation(file: file.path), OverrideMessage.labelled(
                                item.commandLine, OverrideMessage.moreDisplacedThanLive(scenario.hazards[h].id, entry.area, scaled, residents))))
                        }
                    }
                }
            case let .require(site):
                try checkSite(site, item)
                if rules.forbidden.contains(site) { throw OverrideError(item.commandLine, OverrideMessage.requiredAndForbidden(site)) }
                if !rules.required.contains(site) { rules.required.append(site) }
            case let .forbid(site):
                try checkSite(site, item)
                if rules.required.contains(site) { throw OverrideError(item.commandLine, OverrideMessage.requiredAndForbidden(site)) }
                if !rules.forbidden.contains(site) { rules.forbidden.append(site) }
            case let .cutRoad(from, to):
                guard var roads = scenario.travel.roads else { throw OverrideError(item.commandLine, OverrideMessage.noRoadsFile) }
                roads.edges = try Self.cut(roads.edges, from: from, to: to, item: item)
                scenario.travel.roads = roads
            case let .withoutTeam(team):
                guard let t = scenario.teams.firstIndex(where: { $0.id == team }) else {
                    let message = OverrideMessage.suggesting(OverrideMessage.unknownTeam(team), closest(team, scenario.teams.map(\.id)))
                    throw OverrideError(item.commandLine, message)
                }
                scenario.teams.remove(at: t)
            }
        }
        return OverriddenScenario(scenario: scenario, warnings: warnings, siteRules: rules, overrides: overrides)
    }

    /// `edges` with every road between `from` and `to` (either way) impassable: its length
    /// infinite, so no shortest path uses it, while its endpoints stay on the network (a site
    /// the roads file reaches only by that road is then cut off, not joined by a straight line).
    ///
    /// - Throws: ``OverrideError`` naming the closest endpoint when one ends no road, or the
    ///   closest road from `from` when none joins the two.
    /// - Complexity: O(E).
    static func cut(_ edges: [RoadEdge], from: String, to: String, item: ScenarioOverride) throws(OverrideError) -> [RoadEdge] {
        func matches(_ place: Place, _ name: String) -> Bool { name == place.id || name == place.description }
        let ends = Array(Set(edges.flatMap { [$0.from.id, $0.to.id] })).sorted()
        for name in [from, to] where !edges.contains(where: { matches($0.from, name) || matches($0.to, name) }) {
            let message = OverrideMessage.suggesting(OverrideMessage.unknownRoadEnd(name), closest(name, ends))
            throw OverrideError(item.commandLine, message)
        }
        var out = edges
        var found = false
        for i in out.indices {
            let e = out[i]
            if (matches(e.from, from) && matches(e.to, to)) || (matches(e.from, to) && matches(e.to, from)) {
                out[i].kilometres = .infinity
                found = true
            }
        }
        guard found else {
            let neighbours = edges.compactMap { e -> String? in
                matches(e.from, from) ? e.to.id : matches(e.to, from) ? e.from.id : nil
            }
            let message = OverrideMessage.suggesting(OverrideMessage.noRoadBetween(from, to),
                                                     closest(to, neighbours).map { "\(from):\($0)" })
            throw OverrideError(item.commandLine, message)
        }
        return out
    }

    /// `people × factor` to whole people, halves rounded up (FORMATS.md §2.1).
    public static func scaled(_ people: Double, by factor: Double) -> Double {
        // A relative nudge so that products such as 30 × 0.35 (10.499999… in binary) round as 10.5 does.
        let exact = people * factor
        return (exact + 1e-12 * max(1, exact)).rounded(.toNearestOrAwayFromZero)
    }
}
