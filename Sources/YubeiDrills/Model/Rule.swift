/// Whether a rule's quota is counted once per organisation or once per plan document.
///
/// 应急管理部令第2号 第三十三条 asks for an on-site procedure drill every half-year; most
/// provinces read that per unit, some (Jiangsu, 2022) per plan: every 现场处置方案 drilled each
/// half-year. With `perPlan`, every plan of the organisation whose type the rule counts must
/// reach `atLeast` drills in the period.
public enum Counting: String, Sendable, Hashable, CaseIterable, Codable {
    case perUnit = "per-unit"
    case perPlan = "per-plan"
}

/// Which organisations a rule binds (`applies_to`): by kind, by sector, or both (both must
/// hold), optionally leaving out some sectors (`except_sectors`, e.g. "other units" of
/// 公安部令第61号 are those that are not fire key units).
public struct Applicability: Sendable, Hashable {
    /// Kinds the rule binds (any of); empty = every kind.
    public var kinds: [OrganizationKind]
    /// Sectors the rule binds (any of); empty = no sector condition.
    public var sectors: [String]
    /// Sectors that exempt an organisation from the rule.
    public var exceptSectors: [String]

    public init(kinds: [OrganizationKind] = [], sectors: [String] = [], exceptSectors: [String] = []) {
        self.kinds = kinds
        self.sectors = sectors
        self.exceptSectors = exceptSectors
    }

    /// Whether `organization` is bound.
    public func matches(_ organization: Organization) -> Bool {
        (kinds.isEmpty || kinds.contains(organization.kind))
            && (sectors.isEmpty || organization.isIn(anyOf: sectors))
            && !organization.isIn(anyOf: exceptSectors)
    }
}

/// One drill obligation: who, how often, how many, which drill types count, and the article
/// it comes from (one entry of a rule pack).
public struct Rule: Sendable, Hashable, Identifiable {
    /// Unique id within the rule packs in use (`enterprise-onsite-half-year`).
    public var id: String
    public var appliesTo: Applicability
    public var every: Cadence
    /// Drills required per period (per plan when ``counting`` is per-plan).
    public var atLeast: Int
    /// Drill types that count; empty = any type.
    public var types: [DrillType]
    /// Drill forms that count; empty = any form.
    public var forms: [DrillForm]
    /// The article the rule comes from (`应急管理部令第2号 第三十三条`).
    public var source: String
    /// The day the rule takes effect: drills dated before it do not count, calendar windows that
    /// end before it are not judged, and a `2-years`/`3-years` duty with no drill on record runs
    /// from it. `nil` = no such day (pack key `since: YYYY-MM-DD`, or a year for 1 January).
    public var since: CalendarDate?
    /// The months of the year the rule is limited to (pack key `months:`); `nil` = every month.
    public var months: Set<Int>?
    /// A season the rule is limited to (pack key `during:`); `nil` = none.
    public var during: RuleSeason?
    /// Per unit or per plan. `nil` = not set in the pack: per-unit, unless orgs.yaml's
    /// `count:` changes half-year rules.
    public var counting: Counting?
    /// Whether the organisations the rule binds must report each drill to the county department,
    /// besides those whose sectors carry that duty by statute (``ReportDuty``): how a pack adds
    /// sectors (or kinds) to 国务院令第708号 第八条第二款.
    public var reportToCounty: Bool
    /// A short description for people (Chinese, as the sources).
    public var title: String?
    /// Name of the pack the rule came from.
    public var pack: String

    public init(
        id: String, appliesTo: Applicability, every: Cadence, atLeast: Int = 1, types: [DrillType] = [],
        forms: [DrillForm] = [], source: String, since: CalendarDate? = nil, counting: Counting? = nil,
        reportToCounty: Bool = false, title: String? = nil, pack: String = "", months: Set<Int>? = nil,
        during: RuleSeason? = nil
    ) {
        self.months = months
        self.during = during
        self.id = id
        self.appliesTo = appliesTo
        self.every = every
        self.atLeast = atLeast
        self.types = types
        self.forms = forms
        self.source = source
        self.since = since
        self.counting = counting
        self.reportToCounty = reportToCounty
        self.title = title
        self.pack = pack
    }

    /// Whether the rule binds `organization`.
    public func applies(to organization: Organization) -> Bool { appliesTo.matches(organization) }

    /// Whether `record` is of a type and form this rule counts (its date aside: see
    /// ``counts(_:terms:)``).
    public func counts(_ record: DrillRecord) -> Bool {
        (types.isEmpty || types.contains(record.type)) && (forms.isEmpty || forms.contains(record.form))
    }

    /// Whether `record` counts toward this rule: a type and form it counts, dated on or after
    /// `since`, in a month the rule is limited to (``activeMonths(in:terms:)``).
    public func counts(_ record: DrillRecord, terms: SchoolTerms) -> Bool {
        counts(record) && since.map { record.date >= $0 } ?? true
            && activeMonths(in: record.date.year, terms: terms).contains(record.date.month)
    }

    /// Whether the rule is limited to some months (`months:` or `during:`).
    public var isSeasonal: Bool { months != nil || during != nil }

    /// The months of `year` in which the rule asks for drills and drills count toward it: the
    /// `months:` listed, and with `during: school-term` the term months of that year
    /// (``SchoolTerms/termMonths(in:)``); every month when neither is set.
    public func activeMonths(in year: Int, terms: SchoolTerms) -> Set<Int> {
        var result = months ?? Set(1...12)
        if during == .schoolTerm { result.formIntersection(terms.termMonths(in: year)) }
        return result
    }

    /// The calendar windows this rule is judged on in `year`: those holding at least one of its
    /// active months and not ending before ``since``. Empty for a maximum interval.
    public func periods(in year: Int, terms: SchoolTerms = .standard) -> [Period] {
        let active = activeMonths(in: year, terms: terms)
        return Period.periods(of: every, in: year).filter { period in
            (period.start.month...period.end.month).contains { active.contains($0) }
                && since.map { period.end >= $0 } ?? true
        }
    }
}

/// A season a rule may be limited to (pack key `during:`).
public enum RuleSeason: String, Sendable, Hashable, CaseIterable, Codable {
    /// The school terms of the calendar (``SchoolTerms``).
    case schoolTerm = "school-term"
}

/// A named list of rules, shipped (`national`, `quxian-2021`) or read from a YAML file.
public struct RulePack: Sendable, Hashable {
    /// `national`, `quxian-2021`, or the path the user gave.
    public var name: String
    public var rules: [Rule]

    public init(name: String, rules: [Rule]) {
        self.name = name
        self.rules = rules
    }
}
