import YubeiOptimization
public import YubeiCore

/// The answer of the siting engine, in the shape of `plan.json` (FORMATS.md §2) plus extra keys.
///
/// Quantities are in the scenario's units: people, supply units, m³, yuan. Keys of the contract
/// (`status`, `objective`, `open_warehouses`, `stock`, `open_shelters`, `hazards`) are never renamed.
public struct SitingPlan: Sendable, Codable {
    /// `optimal`, `feasible`, `infeasible`, `no-solution` or `error` (FORMATS.md §1 words).
    public var status: SolveStatus
    /// The cost the plan minimises once needs are met as far as they can be (FORMATS.md §2.1
    /// rule 4): opening + stock + expected transport and evacuation, yuan. The need levels
    /// before it are in ``levels``.
    public var objective: Double?
    public var openWarehouses: [String]
    /// Stock by warehouse id, then supply id, in units.
    public var stock: [String: [String: Double]]
    public var openShelters: [String]
    public var hazards: [String: HazardPlan]

    // Extra keys.
    /// Best proven bound on the objective.
    public var bound: Double?
    /// Relative gap between objective and bound, of the part of the objective decisions can change
    /// (the penalty of needs no decision can meet is left out of the denominator).
    public var gap: Double?
    /// The LP relaxation's optimum at the root.
    public var lpBound: Double?
    public var seconds: Double
    public var objectiveTerms: ObjectiveTerms?
    public var spending: Spending?
    public var explanations: [SitingFinding]
    /// Why needs within reach were left unmet (after solving).
    public var unmetReasons: [UnmetReason] = []
    public var shadowPrices: ShadowPrices?
    public var modelSize: ModelSize
    /// Team staging sites when asked for (`--stage-teams`).
    public var teamStaging: TeamStaging?
    /// `glpk`, or `greedy` when GLPK stopped (time limit) before finding a plan of its own and
    /// the greedy starting plan, feasible by construction, is reported instead.
    public var solutionSource = SolutionSource.glpk
    /// Whether the greedy incumbent was handed to GLPK and accepted.
    public var incumbentAccepted: Bool?
    /// The value of each rule of the objective order, in its own unit (FORMATS.md §2.1).
    public var levels: Levels?
    /// Problems found when the plan was checked against every constraint, exactly; a plan with
    /// any is never reported optimal (status `error`).
    public var verification: [PlanViolation] = []
    /// Hazards whose `service_level` cannot be met, with what blocks it (status `infeasible`).
    public var serviceLevelShortfalls: [ServiceLevelShortfall] = []
    /// What would close each gap, found by re-solving with one more site (see ``GapCloser``).
    public var improvements: [Improvement] = []
    /// The scenario's keys Yubei does not use, carried through as written (by key path); absent when none.
    public var extra: [String: ExtraValue]?
    /// Whether this is the plan of a problem this one restricts, carried over and proven here
    /// (``SitingOptions/restrictionOf``) instead of searched. Not in plan.json (a study says it).
    public var carriedOver = false

    enum CodingKeys: String, CodingKey {
        case status, objective, stock, hazards, bound, gap, seconds, spending, explanations
        case openWarehouses = "open_warehouses", openShelters = "open_shelters", lpBound = "lp_bound"
        case objectiveTerms = "objective_terms", shadowPrices = "shadow_prices", modelSize = "model_size"
        case teamStaging = "team_staging", incumbentAccepted = "incumbent_accepted", unmetReasons = "unmet_reasons"
        case solutionSource = "solution_source"
        case levels, verification, improvements
        case serviceLevelShortfalls = "service_level_shortfalls"
        case extra
    }

    /// What one hazard's plan does.
    public struct HazardPlan: Sendable, Codable {
        /// People by area id, then shelter id.
        public var shelterAssignment: [String: [String: Double]]
        public var supplyFlows: [Flow]
        public var unmet: Unmet
        public var teamCoverage: TeamCoverage
        /// Displaced, sheltered, unsheltered and fully supplied people of this hazard.
        public var summary: Summary
        enum CodingKeys: String, CodingKey {
            case unmet, summary
            case shelterAssignment = "shelter_assignment", supplyFlows = "supply_flows", teamCoverage = "team_coverage"
        }
    }

    /// Units of one supply carried from a warehouse to an area in a hazard.
    public struct Flow: Sendable, Codable, Hashable {
        public var from: String
        public var to: String
        public var supply: String
        public var quantity: Double
    }

    /// Needs the plan leaves unmet in one hazard.
    public struct Unmet: Sendable, Codable {
        /// People without a shelter place, by area id.
        public var peopleUnsheltered: [String: Double]
        /// Supply units short, by area id then supply id.
        public var supplies: [String: [String: Double]]
        /// People without a complete relief kit, by area id.
        public var peopleWithoutKit: [String: Double] = [:]
        enum CodingKeys: String, CodingKey {
            case supplies
            case peopleUnsheltered = "people_unsheltered"
            case peopleWithoutKit = "people_without_kit"
        }
    }

    /// One hazard in whole people (FORMATS.md §2.1 `hazards.H.summary`).
    public struct Summary: Sendable, Codable, Hashable {
        public var displaced: Double
        public var sheltered: Double
        public var unsheltered: Double
        /// People every supply reaches (`per_person` of each), sheltered or not.
        public var fullySupplied: Double
        /// People both sheltered and fully supplied (what a `service_level` counts).
        public var shelteredAndSupplied: Double
        enum CodingKeys: String, CodingKey {
            case displaced, sheltered, unsheltered
            case fullySupplied = "fully_supplied", shelteredAndSupplied = "sheltered_and_supplied"
        }
        public init(displaced: Double = 0, sheltered: Double = 0, unsheltered: Double = 0, fullySupplied: Double = 0,
                    shelteredAndSupplied: Double = 0) {
            self.displaced = displaced; self.sheltered = sheltered; self.unsheltered = unsheltered
            self.fullySupplied = fullySupplied; self.shelteredAndSupplied = shelteredAndSupplied
        }
    }

    /// The rules of the objective order, each in its unit, weighted across hazards as `risk` says.
    public struct Levels: Sendable, Codable, Hashable {
        /// `expected`, `every-hazard` or `worst-case`.
        public var risk: String
        /// The weight of each hazard in rules 1–3, by hazard id.
        public var hazardWeights: [String: Double]
        /// Largest share of a hazard's displaced left unsheltered (`worst-case` only).
        public var worstUnshelteredShare: Double?
        /// Rule 1: people unsheltered, weighted.
        public var unsheltered: Double
        /// Largest share of a hazard's displaced without a complete kit (`worst-case` only).
        public var worstWithoutKitShare: Double?
        /// Rule 2: people without a complete kit, weighted.
        public var withoutKit: Double
        /// Rule 3: items short, weighted by hazard and by `priority`.
        public var itemsShort: Double
        /// Rule 4: cost, yuan.
        public var cost: Double
        /// Whether rules 1–3 were proven optimal (false when a time limit stopped a search).
        public var needsProven: Bool
        enum CodingKeys: String, CodingKey {
            case risk, unsheltered, cost
            case hazardWeights = "hazard_weights", worstUnshelteredShare = "worst_unsheltered_share"
            case worstWithoutKitShare = "worst_without_kit_share", withoutKit = "without_kit", itemsShort = "items_short"
            case needsProven = "needs_proven"
        }
    }

    /// A hazard whose `service_level` no plan within the constraints meets.
    public struct ServiceLevelShortfall: Sendable, Codable, Hashable {
        public var hazard: String
        public var serviceLevel: Double
        /// People who must be sheltered and fully supplied: ⌈level × displaced⌉.
        public var required: Double
        /// The most any plan shelters and supplies in this hazard while the other hazards' levels hold as far as they can.
        public var achievable: Double
        /// Areas left short in that best plan: people not sheltered, people without a kit.
        public var areas: [AreaShortfall]
        /// Why (pre-solve findings and post-solve reasons for this hazard).
        public var findings: [SitingFinding]
        public var reasons: [UnmetReason]
        public struct AreaShortfall: Sendable, Codable, Hashable {
            public var area: String
            public var unsheltered: Double
            public var withoutKit: Double
            enum CodingKeys: String, CodingKey {
                case area, unsheltered
                case withoutKit = "without_kit"
            }
        }
        enum CodingKeys: String, CodingKey {
            case hazard, required, achievable, areas, findings, reasons
            case serviceLevel = "service_level"
        }
    }

    /// One more site (and the money it needs beyond the budget) and what it gains, found by
    /// re-solving with the plan's other sites held.
    public struct Improvement: Sendable, Codable, Hashable {
        public enum Kind: String, Sendable, Codable, Hashable {
            /// A shelter: more people sheltered.
            case shelter
            /// A warehouse: more people with a complete kit.
            case warehouse
        }
        public var kind: Kind
        public var site: String
        /// Its opening cost, yuan.
        public var cost: Double
        /// Yuan of budget needed beyond what is left of the opening budget.
        public var extraBudget: Double
        /// People gained per hazard (sheltered for a shelter, fully supplied for a warehouse).
        public var gainByHazard: [String: Double]
        /// The gain weighted across hazards as the objective weighs them.
        public var weightedGain: Double
        /// Weighted people per 10,000 yuan of the site's cost.
        public var peoplePer10000Yuan: Double
        enum CodingKeys: String, CodingKey {
            case kind, site, cost
            case extraBudget = "extra_budget", gainByHazard = "gain_by_hazard", weightedGain = "weighted_gain"
            case peoplePer10000Yuan = "people_per_10000_yuan"
        }
    }

    public struct TeamCoverage: Sendable, Codable {
        /// (area, specialty) pairs of this hazard that no team reaches in time.
        public var uncovered: [Gap]
        /// The same after team staging, when staging was asked for.
        public var uncoveredAfterStaging: [Gap]?
        public struct Gap: Sendable, Codable, Hashable {
            public var area: String
            public var specialty: String
        }
        enum CodingKeys: String, CodingKey {
            case uncovered
            case uncoveredAfterStaging = "uncovered_after_staging"
        }
    }

    /// The cost split into its parts (yuan).
    public struct ObjectiveTerms: Sendable, Codable {
        /// Fixed costs of the candidate sites opened.
        public var opening: Double
        /// Cost of the stock held.
        public var stock: Double
        /// Probability-weighted cost of carrying supplies and moving people.
        public var expectedTransport: Double
        enum CodingKeys: String, CodingKey {
            case opening, stock
            case expectedTransport = "expected_transport"
        }
    }

    /// Spending against each budget (FORMATS.md §2.1 `spending`); budgets are null when not set.
    public struct Spending: Sendable, Codable {
        /// Fixed costs of the candidate sites opened (what `budget` limits).
        public var opening: Double
        public var budget: Double?
        /// Cost of the stock held (what `stock_budget` limits).
        public var stock: Double
        public var stockBudget: Double?
        enum CodingKeys: String, CodingKey {
            case opening, budget, stock
            case stockBudget = "stock_budget"
        }
        /// Encodes `budget` and `stock_budget` as null when not set.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(opening, forKey: .opening)
            try c.encode(budget, forKey: .budget)
            try c.encode(stock, forKey: .stock)
            try c.encode(stockBudget, forKey: .stockBudget)
        }
    }

    /// Shadow prices from the LP with the plan's open/close decisions fixed (objective yuan per unit).
    public struct ShadowPrices: Sendable, Codable {
        /// Objective change per extra m³ of storage, by open warehouse (≤ 0: more room saves money).
        public var warehouseCubicMetre: [String: Double]
        /// Objective change per extra m² of effective area, by open shelter, worst hazard.
        public var shelterSquareMetre: [String: Double]
        /// Objective change per extra yuan of budget, from the LP relaxation (the MIP's own
        /// budget row has no dual once the sites are fixed).
        public var budgetYuan: Double?
        enum CodingKeys: String, CodingKey {
            case warehouseCubicMetre = "warehouse_m3", shelterSquareMetre = "shelter_m2", budgetYuan = "budget_yuan"
        }
    }

    public struct ModelSize: Sendable, Codable {
        public var variables: Int
        public var integerVariables: Int
        public var rows: Int
        public var nonzeros: Int
        /// Whether the per-route supply links were in the model.
        public var strongFlowLinks: Bool
        enum CodingKeys: String, CodingKey {
            case variables, rows, nonzeros
            case integerVariables = "integer_variables", strongFlowLinks = "strong_flow_links"
        }
    }

    /// Where the reported plan comes from (`solution_source`).
    public enum SolutionSource: String, Sendable, Codable {
        /// GLPK's own solution.
        case glpk
        /// The greedy starting plan, feasible by construction, reported when GLPK stopped first.
        case greedy
    }

    /// Where one team is staged: its own base, or an open site (written `base` or the site id).
    public enum StagingSite: Sendable, Hashable, Codable {
        case base
        case site(String)

        public init(from decoder: any Decoder) throws {
            let word = try decoder.singleValueContainer().decode(String.self)
            self = word == "base" ? .base : .site(word)
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .base: try container.encode("base")
            case .site(let id): try container.encode(id)
            }
        }
    }

    public struct TeamStaging: Sendable, Codable {
        public var status: SolveStatus
        /// Staging site by team id (JSON: the site id, or `base`).
        public var sites: [String: StagingSite]
        /// Probability-weighted people in (area, specialty) pairs covered, before and after.
        public var coveredBefore: Double
        public var coveredAfter: Double
        enum CodingKeys: String, CodingKey {
            case status, sites
            case coveredBefore = "covered_before", coveredAfter = "covered_after"
        }
    }
}
