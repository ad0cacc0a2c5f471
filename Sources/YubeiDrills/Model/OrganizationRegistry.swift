/// The contents of orgs.yaml: the jurisdiction, the rule packs it names (already loaded) and
/// its organisations.
public struct OrganizationRegistry: Sendable, Hashable {
    /// `渠县`.
    public var jurisdiction: String?
    /// The packs named under `rules:`, in order.
    public var rulePacks: [RulePack]
    public var organizations: [Organization]
    /// orgs.yaml `count:`: how half-year rules whose pack leaves `count` unset are counted
    /// (a province's reading of 第三十三条). `nil` = per unit.
    public var halfYearCounting: Counting?
    /// The file it was read from ("" when built in code).
    public var path: String

    public init(
        jurisdiction: String? = nil, rulePacks: [RulePack], organizations: [Organization],
        halfYearCounting: Counting? = nil, path: String = ""
    ) {
        self.jurisdiction = jurisdiction
        self.rulePacks = rulePacks
        self.organizations = organizations
        self.halfYearCounting = halfYearCounting
        self.path = path
    }

    /// Every rule of every pack, in pack order.
    public var rules: [Rule] { rulePacks.flatMap(\.rules) }

    /// The organisation with `id`.
    public func organization(_ id: String) -> Organization? { organizations.first { $0.id == id } }

    /// How `rule` is counted here: the pack's `count`, else orgs.yaml `count:` for half-year
    /// rules, else per unit.
    public func counting(of rule: Rule) -> Counting {
        if let counting = rule.counting { return counting }
        if rule.every == .halfYear, let halfYearCounting { return halfYearCounting }
        return .perUnit
    }

    /// The rules that bind `organization`, in pack order.
    public func rules(for organization: Organization) -> [Rule] {
        rules.filter { $0.appliesTo.matches(organization) }
    }
}
