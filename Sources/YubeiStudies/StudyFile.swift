import Foundation
internal import Yams
import YubeiCore
import YubeiScenario

/// A study file (FORMATS.md §4): a base scenario and named variants, each the base with
/// overrides (written as on the command line) or another scenario file.
///
/// ```yaml
/// name: 德化 2027 预算论证          # optional title
/// base: dehua-typhoon.yaml          # relative to this file
/// variants:
///   - {name: budget-plus-50, overrides: ["--set policy.budget=4500000"]}
///   - {name: depot-flooded, overrides: ["--close county-depot"]}
///   - {name: new-survey, scenario: dehua-2027.yaml}
/// ```
public struct StudyFile: Sendable {
    /// One variant to plan; the base is the first, named `base`.
    public struct Variant: Sendable {
        public var name: String
        /// The scenario file, resolved against the study file's folder.
        public var scenarioPath: String
        public var overrides: ScenarioOverrides
        /// Where the variant is written (for messages about it).
        public var location: SourceLocation
    }

    public var path: String
    public var title: String?
    public var variants: [Variant]

    static let keys = ["name", "description", "note", "base", "variants"]
    static let variantKeys = ["name", "overrides", "scenario", "note"]

    /// Reads and checks the study at `path`.
    ///
    /// - Throws: ``InputError`` with every problem found (unknown or missing keys, a variant
    ///   without a name or with a name used twice or that is not a folder name, an override
    ///   that is not one, a variant with neither overrides nor a scenario).
    public static func read(path: String) throws(InputError) -> StudyFile {
        let file = try YAMLFile.load(path: path)
        var reader = YAMLReader(file: file)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : folder.appendingPathComponent(relative).standardizedFileURL.path
        }
        var title: String?
        var variants: [Variant] = []
        if let top = reader.fields(file.root, "", known: keys, required: ["base"]) {
            title = top["name"].flatMap { reader.string($0, "name") }
            if let node = top["description"] { _ = reader.string(node, "description") }
            if let node = top["note"] { _ = reader.string(node, "note") }
            if let node = top["base"], let base = reader.string(node, "base") {
                variants.append(Variant(name: "base", scenarioPath: resolve(base), overrides: ScenarioOverrides(),
                                        location: reader.location(of: node)))
            }
            var seen: [String: Int] = ["base": 0]
            if let node = top["variants"], node.tag != Tag(.null), let items = reader.sequence(node, "variants") {
                for (index, item) in items.enumerated() {
                    let itemPath = "variants[\(index)]"
                    guard let f = reader.fields(item, itemPath, known: variantKeys, required: ["name"]) else { continue }
                    var name: String?
                    if let nameNode = f["name"], let text = reader.identifier(nameNode, f.path("name")) {
                        if text.hasPrefix(".") {
                            reader.error(nameNode, f.path("name"), StudyMessage.dotName(text))
                        } else if let line = seen[text] {
                            reader.error(nameNode, f.path("name"), text == "base" ? StudyMessage.baseReserved : StudyMessage.duplicate(text, line: line))
                        } else {
                            seen[text] = nameNode.mark?.line ?? 0
                            name = text
                        }
                    }
                    var overrides: [ScenarioOverride] = []
                    if let node = f["overrides"], let lines = reader.sequence(node, f.path("overrides")) {
                        for (k, lineNode) in lines.enumerated() {
                            guard let text = reader.string(lineNode, "\(f.path("overrides"))[\(k)]") else { continue }
                            do { overrides.append(try ScenarioOverride.parse(commandLine: text)) } catch {
                                reader.error(lineNode, "\(f.path("overrides"))[\(k)]", error.labelled)
                            }
                        }
                    }
                    var scenario = variants.first?.scenarioPath
                    if let node = f["scenario"] { scenario = reader.string(node, f.path("scenario")).map(resolve) }
                    if f["scenario"] == nil && f["overrides"] == nil {
                        reader.error(item, itemPath, StudyMessage.nothingChanged)
                    }
                    if let name, let scenario {
                        variants.append(Variant(name: name, scenarioPath: scenario, overrides: ScenarioOverrides(overrides),
                                                location: reader.location(of: item)))
                    }
                }
            }
        }
        try reader.diagnostics.throwIfErrors()
        return StudyFile(path: path, title: title, variants: variants)
    }

    /// Reads every variant's scenario with its overrides (after `extra`, the command line's, which
    /// apply to every variant).
    ///
    /// - Throws: ``InputError`` with the problems of every scenario file, and every override that
    ///   names no key, site or hazard of its scenario (at the variant's line in the study file).
    public func load(extra: ScenarioOverrides = ScenarioOverrides()) throws(InputError) -> [(name: String, scenario: OverriddenScenario)] {
        var loaded: [(name: String, scenario: OverriddenScenario)] = []
        var problems = Diagnostics()
        // Loaded on all cores (travel times for every area and site), then taken in order.
        // A scenario that is missing or a folder is reported at the variant in the study file
        // (at `base:` for the base), once per path.
        var unreadable: Set<String> = []
        for variant in variants {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: variant.scenarioPath, isDirectory: &isFolder) || isFolder.boolValue {
                if unreadable.insert(variant.scenarioPath).inserted {
                    problems.append(Diagnostic(.error, at: variant.location, StudyMessage.inVariant(variant.name, StudyMessage.noScenario(
                        variant.scenarioPath, InputText.unreadableFile(variant.scenarioPath)))))
                }
            }
        }
        try problems.throwIfErrors()
        let all = variants
        let results = concurrentResults(all.count) { i in
            try ScenarioLoader.load(path: all[i].scenarioPath, overrides: extra.appending(all[i].overrides))
        }
        for (variant, result) in zip(variants, results) {
            do {
                let scenario = try result.get()
                loaded.append((variant.name, scenario))
            } catch let error as InputError {
                problems.append(contentsOf: error.diagnostics)
            } catch let error as OverrideError {
                problems.append(Diagnostic(.error, at: variant.location, StudyMessage.inVariant(variant.name, error.labelled)))
            } catch {
                problems.append(Diagnostic(.error, at: variant.location, StudyMessage.inVariant(variant.name, StudyMessage.unexpected("\(error)"))))
            }
        }
        // Scenario files shared by variants report their problems once.
        var unique: [Diagnostic] = []
        for d in problems.all where !unique.contains(d) { unique.append(d) }
        try Diagnostics(unique).throwIfErrors()
        return loaded
    }
}
