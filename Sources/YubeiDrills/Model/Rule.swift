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
    /// First year of the first multi-year window; `nil` = the checked year.
    public var since: Int?
    /// Per unit or per plan. `nil` = not set in the pack: per-unit, unless orgs.yaml's
    /// `count:` changes half-year rules.
    public var counting: Counting?
    /// Whether each drill must be reported to the county department (国务院令第708号 第八条第二款);
    /// a drill with `reported_to_county: no` is then a finding.
    public var reportToCounty: Bool
    /// A short description for people (Chinese, as the sources).
    public var title: String?
    /// Name of the pack the rule came from.
    public var pack: String

    public init(
        id: String, appliesTo: Applicability, every: Cadence, atLeast: Int = 1, types: [DrillType] = [],
        forms: [DrillForm] = [], source: String, since: Int? = nil, counting: Counting? = nil,
        reportToCounty: Bool = false, title: String? = nil, pack: String = ""
    ) {
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

    /// Whether `record` is of a type and form this rule counts.
    public func counts(_ record: DrillRecord) -> Bool {
        (types.isEmpty || types.contains(record.type)) && (forms.isEmpty || forms.contains(record.form))
    }

    /// The windows this rule is judged on in `year`.
    public func periods(in year: Int) -> [Period] { Period.periods(of: every, in: year, since: since) }
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
