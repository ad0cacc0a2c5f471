/// What sort of body an organisation is (FORMATS.md §3 `kind`); rules apply by kind.
public enum OrganizationKind: String, Sendable, Hashable, CaseIterable, Codable {
    case countyGovernment = "county-government"
    case township
    case department
    case enterprise
    case school
    case kindergarten
    /// Crowded places (人员密集场所): hotels, malls, entertainment, scenic areas.
    case venue
}

/// The enterprise sectors FORMATS.md §3 names. Sectors are kept as text on an
/// ``Organization`` so that a local rule pack may use sectors of its own; these are the ones
/// the shipped packs use and the orgs reader suggests on a typo.
public enum KnownSector {
    public static let all = [
        "hazardous-chemicals", "mining", "metal-smelting", "construction", "urban-rail",
        "fireworks", "crowded-venue", "fire-key-unit",
    ]
}

/// Who must report each drill to the county department (国务院令第708号 第八条第二款,
/// FORMATS.md §3): the organisations in the sectors the article names, whichever rule packs bind
/// them; `venue` organisations (宾馆、商场、娱乐场所、旅游景区, named by the same article); and
/// those a rule with `report_to_county: true` binds (how a pack adds sectors or kinds of its own).
public enum ReportDuty {
    /// The sectors of 第八条第二款 as FORMATS.md §3 lists them.
    public static let statutorySectors = [
        "hazardous-chemicals", "mining", "metal-smelting", "urban-rail", "construction", "fireworks", "crowded-venue",
    ]

    /// Whether `organization` must report its drills, given the rules that bind it.
    public static func applies(to organization: Organization, boundBy rules: [Rule]) -> Bool {
        organization.isIn(anyOf: statutorySectors) || organization.kind == .venue
            || rules.contains { $0.reportToCounty && $0.applies(to: organization) }
    }
}

/// One emergency plan document of an organisation (应急预案: 综合, 专项 or 现场处置方案).
///
/// Listed under an organisation's `plans:` in orgs.yaml. Per-plan rules (``Counting/perPlan``)
/// require each listed plan of a matching type to be drilled; `lastEvaluated` drives the
/// 3-yearly plan evaluation reminder (应急管理部令第2号 第三十五条).
public struct EmergencyPlan: Sendable, Hashable, Codable {
    /// Id used in the records' `plan` column.
    public var id: String
    /// The plan's title, if given.
    public var name: String?
    /// Which kind of plan it is; drills of this plan have this ``DrillType``.
    public var type: DrillType
    /// When the plan was last evaluated (应急预案评估), if known.
    public var lastEvaluated: CalendarDate?

    public init(id: String, name: String? = nil, type: DrillType = .onsite, lastEvaluated: CalendarDate? = nil) {
        self.id = id
        self.name = name
        self.type = type
        self.lastEvaluated = lastEvaluated
    }
}

/// Days an organisation cannot hold a drill (inclusive range; one day when `from == to`).
/// Read from orgs.yaml `unavailable:`; used by `yubei drills plan`.
public struct DateRange: Sendable, Hashable, Codable {
    public var from: CalendarDate
    public var to: CalendarDate

    public init(from: CalendarDate, to: CalendarDate) {
        self.from = from
        self.to = to
    }

    public func contains(_ date: CalendarDate) -> Bool { from <= date && date <= to }
}

/// A body that must hold drills: the county government, a township, a department, an
/// enterprise, a school, a kindergarten or a crowded venue (one entry of orgs.yaml).
public struct Organization: Sendable, Hashable, Identifiable {
    /// Unique id, used in the records' `organization` column.
    public var id: String
    /// Name as written (Chinese names are kept untouched).
    public var name: String
    public var kind: OrganizationKind
    /// Enterprise sectors (`hazardous-chemicals`, `fire-key-unit`, …); empty when none.
    public var sectors: [String]
    /// The township (乡镇/街道) the organisation is in, for the notice grouped by township.
    public var township: String?
    /// Plan documents, for per-plan counting and 3-yearly evaluation.
    public var plans: [EmergencyPlan]
    /// Dates when the organisation cannot drill (for planning).
    public var unavailable: [DateRange]
    /// Hazards the organisation drills for (`flood`, `forest-fire`, `earthquake`, `fire`, …),
    /// which the planner uses to pick a season; free words.
    public var hazards: [String]
    /// The day the organisation was registered (orgs.yaml `registered:`): a `2-years`/`3-years`
    /// duty with no drill on record and no `since` runs from it; calendar windows that end
    /// before it are not judged.
    public var registered: CalendarDate?
    /// Line of the entry in orgs.yaml, for messages (0 when built in code).
    public var line: Int

    public init(
        id: String, name: String, kind: OrganizationKind, sectors: [String] = [], township: String? = nil,
        plans: [EmergencyPlan] = [], unavailable: [DateRange] = [], hazards: [String] = [], line: Int = 0,
        registered: CalendarDate? = nil
    ) {
        self.registered = registered
        self.id = id
        self.name = name
        self.kind = kind
        self.sectors = sectors
        self.township = township
        self.plans = plans
        self.unavailable = unavailable
        self.hazards = hazards
        self.line = line
    }

    /// Whether the organisation is in any of `sectors`.
    public func isIn(anyOf sectors: [String]) -> Bool { self.sectors.contains { sectors.contains($0) } }
}
