internal import Yams
import Foundation
import YubeiCore

/// Reads orgs.yaml (FORMATS.md §3) and the rule packs it names.
///
/// Keys beyond the spec (documented in YubeiDrills.docc/DrillObligations.md): top-level `count: per-plan | per-unit`
/// (how half-year rules that leave `count` unset are counted); per organisation `township`,
/// `plans` (ids, or `{id, name, type, last_evaluated}`), `unavailable` (dates or
/// `{from, to}`) and `hazards` (words, for the planner).
public enum OrganizationsFile {
    static let topKeys = ["jurisdiction", "rules", "organizations", "count"]
    static let organizationKeys = ["id", "name", "kind", "sectors", "township", "plans", "unavailable", "hazards",
                                   "registered"]
    static let planKeys = ["id", "name", "type", "last_evaluated"]

    /// Reads `path` and every rule pack it names; throws every problem at once.
    public static func load(path: String) throws(InputError) -> OrganizationRegistry {
        try read(path: path).registry
    }

    /// Reads `path` and its rule packs, returning warnings (unknown sectors) beside the result.
    ///
    /// - Throws: ``InputError`` with every error of the orgs file and of the rule packs it names.
    public static func read(path: String) throws(InputError) -> (registry: OrganizationRegistry, warnings: Diagnostics) {
        let file = try YAMLFile.load(path: path)
        var reader = YAMLReader(file: file)
        reader.keepsUnknownKeys = true  // a 联系人 or 备注 of the office's own is kept, with a warning
        var packDiagnostics = Diagnostics()
        guard let f = reader.fields(file.root, "", known: topKeys, required: ["rules", "organizations"]) else {
            throw InputError(diagnostics: reader.diagnostics)
        }
        let jurisdiction = f["jurisdiction"].flatMap { reader.string($0, "jurisdiction") }
        var halfYearCounting: Counting?
        if let n = f["count"] {
            halfYearCounting = reader.choice(n, "count", Counting.allCases.map(\.rawValue)).flatMap(Counting.init(rawValue:))
        }

        // Rule packs, by shipped name or path relative to this file.
        var packs: [RulePack] = []
        if let n = f["rules"], let names = RulePackLoader.stringOrList(n, "rules", reader: &reader) {
            let items: [Node] = { if case .sequence(let s) = n { return Array(s) } else { return [n] } }()
            var listed: [String: Int] = [:]
            for (index, name) in names.enumerated() {
                let node = index < items.count ? items[index] : n
                // A pack named twice is read once: reading it again would only repeat its rules.
                if let first = listed[name] {
                    reader.diagnostics.error(reader.location(of: node), DrillsMessage.duplicateRulePack(index, name, first: first))
                    continue
                }
                listed[name] = index
                do {
                    packs.append(try resolvePack(name, relativeTo: path))
                } catch {
                    if error.diagnostics.all.allSatisfy({ $0.location.file == name && $0.location.line == nil }) {
                        // Not a shipped name and not a file: point at the entry in orgs.yaml.
                        reader.diagnostics.error(reader.location(of: node), DrillsMessage.noRulePack(
                            index, name, shipped: RulePackLoader.shippedNames,
                            guess: YAMLReader.closest(to: name, in: RulePackLoader.shippedNames)))
                    } else {
                        packDiagnostics.append(contentsOf: error.diagnostics)
                    }
                }
            }
        }
        var seenRules: [String: String] = [:]
        for pack in packs {
            for rule in pack.rules {
                if let other = seenRules[rule.id] {
                    reader.diagnostics.error(reader.location(of: f["rules"]!),
                                             DrillsMessage.ruleInTwoPacks(rule.id, other, pack.name))
                }
                seenRules[rule.id] = pack.name
            }
        }

        // Organisations.
        var organizations: [Organization] = []
        if let n = f["organizations"], let items = organizationItems(n, reader: &reader, path: path, text: file.text) {
            var seen: [String: Int] = [:]
            for (index, item) in items.enumerated() {
                let keyPath = "organizations[\(index)]"
                // Duplicates are found on the id as written, even when the entry has other errors.
                if case .mapping(let mapping) = item, let idNode = mapping["id"], case .scalar(let id) = idNode {
                    if let first = seen[id.string] {
                        reader.error(idNode, keyPath + ".id", DrillsMessage.duplicateOrganization(id.string, first: first))
                        continue
                    }
                    seen[id.string] = index
                }
                guard let organization = readOrganization(item, keyPath, reader: &reader) else { continue }
                organizations.append(organization)
            }
        }
        var all = Diagnostics(reader.diagnostics.all.sorted { $0.location < $1.location })
        all.append(contentsOf: packDiagnostics)
        try all.throwIfErrors()
        let registry = OrganizationRegistry(jurisdiction: jurisdiction, rulePacks: packs, organizations: organizations,
                                            halfYearCounting: halfYearCounting, path: path)
        return (registry, Diagnostics(all.warnings))
    }

    /// The organisations: a list, or `{table: FILE, sheet: NAME}` (CSV or .xlsx, columns named as
    /// the keys or by their Chinese names, ``DrillColumnNames/organizations``).
    static func organizationItems(_ node: Node, reader: inout YAMLReader, path: String, text: String) -> [Node]? {
        if case .mapping = node {
            return reader.tableItems(node, "organizations", columns: DrillColumnNames.organizationColumns,
                                     filePath: path, fileText: text)
        }
        return reader.sequence(node, "organizations")
    }

    /// A pack by shipped name, else as a YAML path relative to the orgs file's folder.
    static func resolvePack(_ name: String, relativeTo orgsPath: String) throws(InputError) -> RulePack {
        if RulePackLoader.shippedURL(named: name) != nil { return try RulePackLoader.shipped(named: name) }
        let base = URL(fileURLWithPath: orgsPath).deletingLastPathComponent()
        let candidate = name.hasPrefix("/") ? name : base.appendingPathComponent(name).path
        // A folder is no pack either: reported at the entry in orgs.yaml, like a missing file.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue else {
            throw InputError(Diagnostic(.error, at: SourceLocation(file: name), DrillsMessage.noSuchRulePack))
        }
        // Messages name the file as the user can open it from where they ran the command.
        let folder = (orgsPath as NSString).deletingLastPathComponent
        let shown = name.hasPrefix("/") || folder.isEmpty ? name : folder + "/" + name
        let file = try YAMLFile.load(path: shown)
        var reader = YAMLReader(path: shown)
        let pack = RulePackLoader.read(file.root, name: name, reader: &reader)
        try Diagnostics(reader.diagnostics.all.sorted { $0.location < $1.location }).throwIfErrors()
        return pack
    }

    static func readOrganization(_ node: Node, _ keyPath: String, reader: inout YAMLReader) -> Organization? {
        guard let f = reader.fields(node, keyPath, known: organizationKeys, required: ["id", "name", "kind"]) else {
            return nil
        }
        let before = reader.diagnostics.errors.count
        let id = f["id"].flatMap { reader.identifier($0, f.path("id")) }
        let name = f["name"].flatMap { reader.string($0, f.path("name")) }
        let kind = f["kind"].flatMap { reader.choice($0, f.path("kind"), OrganizationKind.allCases.map(\.rawValue)) }
            .flatMap(OrganizationKind.init(rawValue:))
        var sectors: [String] = []
        if let n = f["sectors"], let list = RulePackLoader.stringOrList(n, f.path("sectors"), reader: &reader) {
            sectors = list
            for (i, sector) in list.enumerated() where !KnownSector.all.contains(sector) {
                let message = DrillsMessage.unknownSector(sector, guess: YAMLReader.closest(to: sector, in: KnownSector.all))
                let at: Node = { if case .sequence(let s) = n, i < s.count { return s[i] } else { return n } }()
                reader.warning(at, "\(f.path("sectors"))[\(i)]", message)
            }
        }
        let township = f["township"].flatMap { reader.string($0, f.path("township")) }
        var hazards: [String] = []
        if let n = f["hazards"], let list = RulePackLoader.stringOrList(n, f.path("hazards"), reader: &reader) {
            hazards = list
        }
        var plans: [EmergencyPlan] = []
        if let n = f["plans"], let items = reader.sequence(n, f.path("plans")) {
            var seen = Set<String>()
            for (i, item) in items.enumerated() {
                let path = "\(f.path("plans"))[\(i)]"
                guard let plan = readPlan(item, path, reader: &reader) else { continue }
                if !seen.insert(plan.id).inserted {
                    reader.error(item, path, DrillsMessage.duplicatePlan(plan.id))
                    continue
                }
                plans.append(plan)
            }
        }
        var unavailable: [DateRange] = []
        if let n = f["unavailable"], let items = reader.sequence(n, f.path("unavailable")) {
            for (i, item) in items.enumerated() {
                if let range = readRange(item, "\(f.path("unavailable"))[\(i)]", reader: &reader) {
                    unavailable.append(range)
                }
            }
        }
        let registered = f["registered"].flatMap { date($0, f.path("registered"), reader: &reader) }
        guard reader.diagnostics.errors.count == before, let id, let name, let kind else { return nil }
        return Organization(id: id, name: name, kind: kind, sectors: sectors, township: township, plans: plans,
                            unavailable: unavailable, hazards: hazards, line: node.mark?.line ?? 0,
                            registered: registered)
    }

    /// `tank-leak` (an on-site procedure) or `{id, name, type, last_evaluated}`.
    static func readPlan(_ node: Node, _ path: String, reader: inout YAMLReader) -> EmergencyPlan? {
        if case .scalar = node {
            return reader.identifier(node, path).map { EmergencyPlan(id: $0) }
        }
        guard let f = reader.fields(node, path, known: planKeys, required: ["id"]) else { return nil }
        let before = reader.diagnostics.errors.count
        let id = f["id"].flatMap { reader.identifier($0, f.path("id")) }
        let name = f["name"].flatMap { reader.string($0, f.path("name")) }
        var type = DrillType.onsite
        if let n = f["type"], let value = reader.choice(n, f.path("type"), DrillType.allCases.map(\.rawValue)) {
            type = DrillType(rawValue: value)!
        }
        let last = f["last_evaluated"].flatMap { date($0, f.path("last_evaluated"), reader: &reader) }
        guard reader.diagnostics.errors.count == before, let id else { return nil }
        return EmergencyPlan(id: id, name: name, type: type, lastEvaluated: last)
    }

    /// A date, or `{from, to}`.
    static func readRange(_ node: Node, _ path: String, reader: inout YAMLReader) -> DateRange? {
        if case .scalar = node {
            return date(node, path, reader: &reader).map { DateRange(from: $0, to: $0) }
        }
        guard let f = reader.fields(node, path, known: ["from", "to"], required: ["from", "to"]) else { return nil }
        guard let from = f["from"].flatMap({ date($0, f.path("from"), reader: &reader) }),
              let to = f["to"].flatMap({ date($0, f.path("to"), reader: &reader) }) else { return nil }
        guard from <= to else {
            reader.error(node, path, DrillsMessage.fromAfterTo(from, to))
            return nil
        }
        return DateRange(from: from, to: to)
    }

    /// A date in any form ``CalendarDate/parse(_:)`` accepts.
    static func date(_ node: Node, _ path: String, reader: inout YAMLReader) -> CalendarDate? {
        guard let text = reader.string(node, path) else { return nil }
        switch CalendarDate.parse(text) {
        case .success(let date): return date
        case .failure(.impossible(let y, let m, let d)):
            reader.error(node, path, DrillsMessage.notRealDate(text, year: y, month: m, day: d))
        case .failure(.unrecognised):
            reader.error(node, path, DrillsMessage.notADate(text))
        }
        return nil
    }
}
