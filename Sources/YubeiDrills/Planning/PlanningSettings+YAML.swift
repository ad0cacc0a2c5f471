internal import Yams
import YubeiCore

extension PlanningSettings {
    /// Reads a planning settings file, reporting every problem with its line and column.
    ///
    /// ```yaml
    /// observers: {per_week: 3, attend: {types: [comprehensive]}}
    /// teams:
    ///   - {id: fire-rescue, name: 县消防救援大队, per_month: 4, joins: {sectors: [hazardous-chemicals]}}
    /// weights: {season: 10, safety_month: 3, spacing: 10, balance: 1}
    /// spacing_days: 91
    /// seasons:                     # replaces the default seasons when given
    ///   - {hazard: flood, name: 汛前, from: 04-01, to: 05-31}
    /// form: live
    /// ```
    /// A selector (`attend`, `joins`) may name `kinds`, `sectors`, `types`, `hazards` and
    /// `organizations`; each given must hold, and one left out matches anything.
    ///
    /// - Throws: ``InputError`` with every diagnostic.
    public static func load(path: String) throws(InputError) -> PlanningSettings {
        let file = try YAMLFile.load(path: path)
        var reader = YAMLReader(file: file)
        let settings = read(file.root, reader: &reader)
        try reader.diagnostics.throwIfErrors()
        return settings
    }

    static func read(_ root: Node, reader: inout YAMLReader) -> PlanningSettings {
        var settings = PlanningSettings()
        guard let fields = reader.fields(
            root, "", known: ["observers", "teams", "weights", "spacing_days", "seasons", "form"]
        ) else { return settings }
        if let node = fields["observers"],
           let f = reader.fields(node, "observers", known: ["per_week", "attend"], required: ["per_week"]) {
            let perWeek = f["per_week"].flatMap { reader.integer($0, f.path("per_week"), minimum: 0) }
            let attends = f["attend"].map { readSelector($0, f.path("attend"), reader: &reader) } ?? DrillSelector()
            if let perWeek { settings.observers = ObserverLimit(perWeek: perWeek, attends: attends) }
        }
        if let node = fields["teams"], let items = reader.sequence(node, "teams") {
            var seen: Set<String> = []
            for (i, item) in items.enumerated() {
                let path = "teams[\(i)]"
                guard let f = reader.fields(item, path, known: ["id", "name", "per_month", "joins"], required: ["id", "per_month"]) else { continue }
                let id = f["id"].flatMap { reader.identifier($0, f.path("id")) }
                let name = f["name"].flatMap { reader.string($0, f.path("name")) } ?? ""
                let perMonth = f["per_month"].flatMap { reader.integer($0, f.path("per_month"), minimum: 0) }
                let joins = f["joins"].map { readSelector($0, f.path("joins"), reader: &reader) } ?? DrillSelector()
                if let id, seen.contains(id) { reader.error(f["id"]!, f.path("id"), DrillsMessage.teamTwice(id)) }
                guard let id, let perMonth, !seen.contains(id) else { continue }
                seen.insert(id)
                settings.teams.append(TeamLimit(id: id, name: name, perMonth: perMonth, joins: joins))
            }
        }
        if let node = fields["weights"],
           let f = reader.fields(node, "weights", known: ["season", "safety_month", "spacing", "balance"]) {
            if let n = f["season"], let v = reader.number(n, f.path("season"), minimum: 0) { settings.weights.season = v }
            if let n = f["safety_month"], let v = reader.number(n, f.path("safety_month"), minimum: 0) { settings.weights.safetyMonth = v }
            if let n = f["spacing"], let v = reader.number(n, f.path("spacing"), minimum: 0) { settings.weights.spacing = v }
            if let n = f["balance"], let v = reader.number(n, f.path("balance"), minimum: 0) { settings.weights.balance = v }
        }
        if let node = fields["spacing_days"], let v = reader.integer(node, "spacing_days", minimum: 0) {
            if v > 182 {
                reader.error(node, "spacing_days", DrillsMessage.spacingTooLong(v))
            } else {
                settings.spacingDays = v
            }
        }
        if let node = fields["seasons"], let items = reader.sequence(node, "seasons") {
            var seasons: [Season] = []
            for (i, item) in items.enumerated() {
                let path = "seasons[\(i)]"
                guard let f = reader.fields(item, path, known: ["hazard", "name", "from", "to"], required: ["hazard", "from", "to"]) else { continue }
                let hazard = f["hazard"].flatMap { reader.identifier($0, f.path("hazard")) }
                let from = f["from"].flatMap { readMonthDay($0, f.path("from"), reader: &reader) }
                let to = f["to"].flatMap { readMonthDay($0, f.path("to"), reader: &reader) }
                let name = f["name"].flatMap { reader.string($0, f.path("name")) }
                guard let hazard, let from, let to else { continue }
                guard from <= to else {
                    reader.error(f["to"]!, f.path("to"), DrillsMessage.seasonEndsBeforeStart(from, to))
                    continue
                }
                seasons.append(Season(hazard: hazard, name: name ?? "\(hazard) \(from)…\(to)", from: from, to: to))
            }
            settings.seasons = seasons
        }
        if let node = fields["form"], let form = reader.choice(node, "form", DrillForm.allCases.map(\.rawValue)) {
            settings.form = form
        }
        return settings
    }

    static func readSelector(_ node: Node, _ path: String, reader: inout YAMLReader) -> DrillSelector {
        var selector = DrillSelector()
        guard let f = reader.fields(node, path, known: ["kinds", "sectors", "types", "hazards", "organizations"]) else { return selector }
        if let n = f["kinds"], let items = reader.sequence(n, f.path("kinds")) {
            selector.kinds = Set(items.enumerated().compactMap {
                reader.choice($0.element, "\(f.path("kinds"))[\($0.offset)]", OrganizationKind.allCases.map(\.rawValue))
            })
        }
        if let n = f["sectors"], let list = reader.strings(n, f.path("sectors")) { selector.sectors = Set(list) }
        if let n = f["types"], let items = reader.sequence(n, f.path("types")) {
            selector.types = Set(items.enumerated().compactMap {
                reader.choice($0.element, "\(f.path("types"))[\($0.offset)]", DrillType.allCases.map(\.rawValue))
            })
        }
        if let n = f["hazards"], let list = reader.strings(n, f.path("hazards")) { selector.hazards = Set(list) }
        if let n = f["organizations"], let list = reader.strings(n, f.path("organizations")) { selector.organizations = Set(list) }
        return selector
    }

    /// `MM-DD` (a day of any year; 02-29 allowed).
    static func readMonthDay(_ node: Node, _ path: String, reader: inout YAMLReader) -> MonthDay? {
        guard let text = reader.string(node, path) else { return nil }
        let parts = text.split(separator: "-")
        guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]), (1...12).contains(m),
              (1...CalendarDate.daysIn(month: m, year: 2024)).contains(d) else {
            reader.error(node, path, DrillsMessage.expectedMonthDay(text))
            return nil
        }
        return MonthDay(month: m, day: d)
    }
}
