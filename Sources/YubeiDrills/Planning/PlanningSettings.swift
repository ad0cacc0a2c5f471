/// What a planner can tune in `yubei drills plan`: shared capacities (the bureau's observers,
/// county teams), the weights of the soft preferences and the hazard seasons (each
/// organisation's own hazards and unavailable dates are in orgs.yaml). Read from `--settings FILE` (see ``PlanningSettings/load(path:)``);
/// every part has a default, so the file is optional.
public struct PlanningSettings: Sendable, Hashable {
    /// The bureau's observers attend at most ``perWeek`` of the drills matching ``attends`` each week.
    public struct ObserverLimit: Sendable, Hashable {
        public var perWeek: Int
        public var attends: DrillSelector
        public init(perWeek: Int, attends: DrillSelector = DrillSelector()) {
            self.perWeek = perWeek
            self.attends = attends
        }
    }

    /// A county team (fire rescue, flood rescue …) joins at most ``perMonth`` of the drills
    /// matching ``joins`` each month.
    public struct TeamLimit: Sendable, Hashable {
        public var id: String
        public var name: String
        public var perMonth: Int
        public var joins: DrillSelector
        public init(id: String, name: String = "", perMonth: Int, joins: DrillSelector = DrillSelector()) {
            self.id = id
            self.name = name.isEmpty ? id : name
            self.perMonth = perMonth
            self.joins = joins
        }
    }

    /// Weights of the soft preferences in the objective: the penalty for one unit of shortfall.
    /// A weight of 0 switches a preference off. Placing a drill that is not needed always costs
    /// more than any preference gains (``extraDrill``), so preferences never add drills.
    public struct Weights: Sendable, Hashable {
        /// Per organisation and hazard without a drill in the hazard's season.
        public var season: Double = 10
        /// Per organisation without a drill in June, safety month (安全生产月).
        public var safetyMonth: Double = 3
        /// Per pair of half-yearly drills less than ``PlanningSettings/spacingDays`` apart.
        public var spacing: Double = 10
        /// Per drill of deviation of a month's load from its share of working days.
        public var balance: Double = 1
        public init() {}
    }

    /// A season in which drills for a hazard fit best (flood drills before the flood season …).
    public struct Season: Sendable, Hashable {
        /// The hazard, or `all` for every organisation (safety month).
        public var hazard: String
        public var name: String
        /// First and last (month, day) of the season, inclusive, within one year.
        public var from: MonthDay
        public var to: MonthDay
        public init(hazard: String, name: String, from: MonthDay, to: MonthDay) {
            self.hazard = hazard
            self.name = name
            self.from = from
            self.to = to
        }

        /// The `hazard` word of a season for every organisation (the safety month).
        public static let everyOrganisation = "all"

        /// Whether the season is for every organisation (the safety month) rather than one hazard's.
        public var isForEveryOrganisation: Bool { hazard == Self.everyOrganisation }

        /// Whether the season concerns an organisation exposed to `hazards`.
        public func applies(toOrganisationWith hazards: some Sequence<String>) -> Bool {
            isForEveryOrganisation || hazards.contains(hazard)
        }

        /// Whether `date` falls in the season.
        public func contains(_ date: CalendarDate) -> Bool {
            let md = MonthDay(month: date.month, day: date.day)
            return from <= md && md <= to
        }
    }

    /// A day of the year without its year.
    public struct MonthDay: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var month: Int
        public var day: Int
        public init(month: Int, day: Int) {
            self.month = month
            self.day = day
        }
        public static func < (a: MonthDay, b: MonthDay) -> Bool { (a.month, a.day) < (b.month, b.day) }
        public var description: String {
            (month < 10 ? "0\(month)" : "\(month)") + "-" + (day < 10 ? "0\(day)" : "\(day)")
        }
    }

    public var observers: ObserverLimit?
    public var teams: [TeamLimit] = []
    public var weights = Weights()
    public var seasons: [Season] = PlanningSettings.defaultSeasons
    /// Half-yearly drills of one obligation should be at least this many days apart (3 months).
    public var spacingDays = 91
    /// The `form` written for planned drills.
    public var form = "live"

    public init() {}

    /// The default hazard seasons (each can be replaced in the settings file):
    /// flood drills in April–May before the main flood season (主汛期); forest-fire drills in
    /// February–March before the spring fire season (春防); earthquake drills around 12 May
    /// (防灾减灾日); fire drills in November (消防宣传月, 11·9); every unit in June (安全生产月).
    public static let defaultSeasons: [Season] = [
        Season(hazard: "flood", name: "汛前（4—5月）", from: MonthDay(month: 4, day: 1), to: MonthDay(month: 5, day: 31)),
        Season(hazard: "forest-fire", name: "春防前（2—3月）", from: MonthDay(month: 2, day: 1), to: MonthDay(month: 3, day: 31)),
        Season(hazard: "earthquake", name: "5·12 防灾减灾日（5月5—19日）", from: MonthDay(month: 5, day: 5), to: MonthDay(month: 5, day: 19)),
        Season(hazard: "fire", name: "消防宣传月（11月）", from: MonthDay(month: 11, day: 1), to: MonthDay(month: 11, day: 30)),
        Season(hazard: "all", name: "安全生产月（6月）", from: MonthDay(month: 6, day: 1), to: MonthDay(month: 6, day: 30)),
    ]

    /// The hazards assumed for an organisation when the organisations file names none: fire for fire key units, crowded venues and fireworks; earthquake and
    /// fire for schools and kindergartens; flood for townships and the county government.
    public static func defaultHazards(kind: String, sectors: [String]) -> Set<String> {
        var hazards: Set<String> = []
        switch kind {
        case "school", "kindergarten": hazards.formUnion(["earthquake", "fire"])
        case "venue": hazards.insert("fire")
        case "township", "county-government": hazards.insert("flood")
        default: break
        }
        if !Set(sectors).isDisjoint(with: ["fire-key-unit", "crowded-venue", "fireworks"]) { hazards.insert("fire") }
        return hazards
    }
}

/// Which drills a capacity applies to. Every criterion given must hold; one left out matches
/// anything.
public struct DrillSelector: Sendable, Hashable {
    public var kinds: Set<String>?
    public var sectors: Set<String>?
    public var types: Set<String>?
    public var hazards: Set<String>?
    public var organizations: Set<String>?

    public init(
        kinds: Set<String>? = nil, sectors: Set<String>? = nil, types: Set<String>? = nil,
        hazards: Set<String>? = nil, organizations: Set<String>? = nil
    ) {
        self.kinds = kinds
        self.sectors = sectors
        self.types = types
        self.hazards = hazards
        self.organizations = organizations
    }

    /// Whether a drill of `type` held by `organization` matches.
    public func matches(_ organization: PlanningOrganization, type: String) -> Bool {
        if let kinds, !kinds.contains(organization.kind) { return false }
        if let sectors, sectors.isDisjoint(with: organization.sectors) { return false }
        if let types, !types.contains(type) { return false }
        if let hazards, hazards.isDisjoint(with: organization.hazards) { return false }
        if let organizations, !organizations.contains(organization.id) { return false }
        return true
    }
}
