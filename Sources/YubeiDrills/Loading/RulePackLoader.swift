internal import Yams
import Foundation
import YubeiCore

/// Reads rule packs: the shipped ones (`national`, `quxian-2021`, YAML files in the module's
/// `Resources/rules`) and the user's own YAML files, in the format of FORMATS.md §3 plus the keys
/// documented in docs (`forms`, `count`, `report_to_county`, `title`, `applies_to.except_sectors`,
/// `applies_to.kind` as a list).
public enum RulePackLoader {
    /// Keys of one rule.
    static let ruleKeys = ["id", "title", "applies_to", "every", "at_least", "types", "forms", "source", "since",
                           "count", "report_to_county", "months", "during"]
    static let appliesToKeys = ["kind", "sectors", "except_sectors"]

    /// Names of the packs shipped with Yubei, sorted.
    public static var shippedNames: [String] {
        guard let directory = shippedDirectory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The folder of shipped packs inside the module bundle.
    ///
    /// The target copies `Resources` whole; Foundation on Linux reports that folder itself as the
    /// bundle's `resourceURL`, on Darwin the bundle root, so both places are tried.
    static var shippedDirectory: URL? {
        let bundle = Bundle.module
        let candidates = [bundle.bundleURL.appendingPathComponent("Resources/rules", isDirectory: true),
                          bundle.resourceURL?.appendingPathComponent("rules", isDirectory: true),
                          bundle.resourceURL?.appendingPathComponent("Resources/rules", isDirectory: true)]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The file of shipped pack `name`, if there is one.
    public static func shippedURL(named name: String) -> URL? {
        guard let url = shippedDirectory?.appendingPathComponent("\(name).yaml"),
              FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url
    }

    /// The shipped pack `name`.
    ///
    /// - Throws: ``InputError`` when there is no such pack (or, a defect, when it does not parse).
    public static func shipped(named name: String) throws(InputError) -> RulePack {
        guard let url = shippedURL(named: name) else {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: name),
                                        DrillsMessage.noShippedRulePack(name, shipped: shippedNames)))
        }
        var pack = try load(path: url.path)
        pack.name = name
        return pack
    }

    /// Reads the pack in the YAML file at `path` (its name is the path as given).
    public static func load(path: String) throws(InputError) -> RulePack {
        let file = try YAMLFile.load(path: path)
        var reader = YAMLReader(file: file)
        let pack = read(file.root, name: path, reader: &reader)
        try Diagnostics(reader.diagnostics.all.sorted { $0.location < $1.location }).throwIfErrors()
        return pack
    }

    /// Reads a pack from a parsed node (a list of rules), recording problems in `reader`.
    static func read(_ root: Node, name: String, reader: inout YAMLReader) -> RulePack {
        guard let items = reader.sequence(root, "") else { return RulePack(name: name, rules: []) }
        var rules: [Rule] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = "[\(index)]"
            guard let rule = readRule(item, path, pack: name, reader: &reader) else { continue }
            if let first = seen[rule.id] {
                reader.error(item, path + ".id", DrillsMessage.duplicateRule(rule.id, first: first))
                continue
            }
            seen[rule.id] = index
            rules.append(rule)
        }
        return RulePack(name: name, rules: rules)
    }

    static func readRule(_ node: Node, _ path: String, pack: String, reader: inout YAMLReader) -> Rule? {
        guard let f = reader.fields(node, path, known: ruleKeys, required: ["id", "applies_to", "every", "source"]) else {
            return nil
        }
        var ok = true
        let id = f["id"].flatMap { reader.identifier($0, f.path("id")) }
        let every = f["every"].flatMap { reader.choice($0, f.path("every"), Cadence.allCases.map(\.rawValue)) }
            .flatMap(Cadence.init(rawValue:))
        let source = f["source"].flatMap { reader.string($0, f.path("source")) }
        var atLeast = 1
        if let n = f["at_least"] {
            if let value = reader.integer(n, f.path("at_least"), minimum: 1) { atLeast = value } else { ok = false }
        }
        var types: [DrillType] = []
        if let n = f["types"] {
            if let list = choices(n, f.path("types"), DrillType.allCases.map(\.rawValue), reader: &reader) {
                types = list.compactMap(DrillType.init(rawValue:))
            } else { ok = false }
        }
        var forms: [DrillForm] = []
        if let n = f["forms"] {
            if let list = choices(n, f.path("forms"), DrillForm.allCases.map(\.rawValue), reader: &reader) {
                forms = list.compactMap(DrillForm.init(rawValue:))
            } else { ok = false }
        }
        var since: CalendarDate?
        if let n = f["since"] {
            if let value = sinceDate(n, f.path("since"), reader: &reader) { since = value } else { ok = false }
        }
        var months: Set<Int>?
        if let n = f["months"] {
            if let value = monthList(n, f.path("months"), reader: &reader) { months = value } else { ok = false }
        }
        var during: RuleSeason?
        if let n = f["during"] {
            if let value = reader.choice(n, f.path("during"), RuleSeason.allCases.map(\.rawValue)) {
                during = RuleSeason(rawValue: value)
            } else { ok = false }
        }
        var counting: Counting?
        if let n = f["count"] {
            if let value = reader.choice(n, f.path("count"), Counting.allCases.map(\.rawValue)) {
                counting = Counting(rawValue: value)
            } else { ok = false }
        }
        var reportToCounty = false
        if let n = f["report_to_county"] {
            if let value = reader.boolean(n, f.path("report_to_county")) { reportToCounty = value } else { ok = false }
        }
        let title = f["title"].flatMap { reader.string($0, f.path("title")) }
        let appliesTo = f["applies_to"].flatMap { readApplicability($0, f.path("applies_to"), reader: &reader) }
        guard ok, let id, let every, let source, let appliesTo else { return nil }
        return Rule(id: id, appliesTo: appliesTo, every: every, atLeast: atLeast, types: types, forms: forms,
                    source: source, since: since, counting: counting, reportToCounty: reportToCounty, title: title,
                    pack: pack, months: months, during: during)
    }

    static func readApplicability(_ node: Node, _ path: String, reader: inout YAMLReader) -> Applicability? {
        guard let f = reader.fields(node, path, known: appliesToKeys) else { return nil }
        var result = Applicability()
        var ok = true
        if let n = f["kind"] {
            if let list = choices(n, f.path("kind"), OrganizationKind.allCases.map(\.rawValue), reader: &reader) {
                result.kinds = list.compactMap(OrganizationKind.init(rawValue:))
            } else { ok = false }
        }
        if let n = f["sectors"] {
            if let list = stringOrList(n, f.path("sectors"), reader: &reader) { result.sectors = list } else { ok = false }
        }
        if let n = f["except_sectors"] {
            if let list = stringOrList(n, f.path("except_sectors"), reader: &reader) {
                result.exceptSectors = list
            } else { ok = false }
        }
        return ok ? result : nil
    }

    /// `since:` as a date (`2021-04-01`), or a year for its 1 January (`2021`, the form before version 2).
    static func sinceDate(_ node: Node, _ path: String, reader: inout YAMLReader) -> CalendarDate? {
        guard let text = reader.string(node, path) else { return nil }
        if let year = Int(text), (1900...9999).contains(year) { return CalendarDate.firstDay(of: year) }
        switch CalendarDate.parse(text) {
        case .success(let date): return date
        case .failure(.impossible): reader.error(node, path, DrillsMessage.notRealDateShort(text))
        case .failure(.unrecognised): reader.error(node, path, DrillsMessage.notASinceDate(text))
        }
        return nil
    }

    /// `months:`: a list of month numbers 1–12, without repeats.
    static func monthList(_ node: Node, _ path: String, reader: inout YAMLReader) -> Set<Int>? {
        guard let items = reader.sequence(node, path) else { return nil }
        let before = reader.diagnostics.errors.count
        var result: Set<Int> = []
        for (i, item) in items.enumerated() {
            guard let month = reader.integer(item, "\(path)[\(i)]", minimum: 1) else { continue }
            if month > 12 {
                reader.error(item, "\(path)[\(i)]", DrillsMessage.monthOutOfRange(month))
            } else if !result.insert(month).inserted {
                reader.error(item, "\(path)[\(i)]", DrillsMessage.monthTwice(month))
            }
        }
        if result.isEmpty && reader.diagnostics.errors.count == before {
            reader.error(node, path, DrillsMessage.noMonth)
        }
        return reader.diagnostics.errors.count == before ? result : nil
    }

    /// One word or a list of words, each one of `choices`.
    static func choices(_ node: Node, _ path: String, _ allowed: [String], reader: inout YAMLReader) -> [String]? {
        if case .sequence(let items) = node {
            let before = reader.diagnostics.errors.count
            let values = items.enumerated().compactMap { reader.choice($0.element, "\(path)[\($0.offset)]", allowed) }
            return reader.diagnostics.errors.count == before ? values : nil
        }
        return reader.choice(node, path, allowed).map { [$0] }
    }

    /// One word or a list of words.
    static func stringOrList(_ node: Node, _ path: String, reader: inout YAMLReader) -> [String]? {
        if case .sequence = node { return reader.strings(node, path) }
        return reader.string(node, path).map { [$0] }
    }
}
