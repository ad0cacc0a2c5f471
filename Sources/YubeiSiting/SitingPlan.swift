import YubeiOptimization

/// The answer of the siting engine, in the shape of `plan.json` (FORMATS.md §2) plus extra keys.
///
/// Quantities are in the scenario's units: people, supply units, m³, yuan. Keys of the contract
/// (`status`, `objective`, `open_warehouses`, `stock`, `open_shelters`, `hazards`) are never renamed.
public struct SitingPlan: Sendable, Codable {
    /// `optimal`, `feasible`, `infeasible`, `no-solution` or `error` (FORMATS.md §1 words).
    public var status: SolveStatus
    /// The objective value: unmet penalty + opening + stock + expected transport, yuan.
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
    /// The penalty per person (or per person's worth of a supply) left unmet, yuan.
    public var unmetPenaltyPerPerson: Double

    enum CodingKeys: String, CodingKey {
        case status, objective, stock, hazards, bound, gap, seconds, spending, explanations
        case openWarehouses = "open_warehouses", openShelters = "open_shelters", lpBound = "lp_bound"
        case objectiveTerms = "objective_terms", shadowPrices = "shadow_prices", modelSize = "model_size"
        case teamStaging = "team_staging", incumbentAccepted = "incumbent_accepted", unmetReasons = "unmet_reasons"
        case solutionSource = "solution_source"
        case unmetPenaltyPerPerson = "unmet_penalty_per_person"
    }

    /// What one hazard's plan does.
    public struct HazardPlan: Sendable, Codable {
        /// People by area id, then shelter id.
        public var shelterAssignment: [String: [String: Double]]
        public var supplyFlows: [Flow]
        public var unmet: Unmet
        public var teamCoverage: TeamCoverage
        enum CodingKeys: String, CodingKey {
            case unmet
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
        enum CodingKeys: String, CodingKey {
            case supplies
            case peopleUnsheltered = "people_unsheltered"
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

    /// The objective split into its parts (yuan).
    public struct ObjectiveTerms: Sendable, Codable {
        /// Penalty for unmet needs: people unsheltered plus supply shortfalls in person-equivalents, every hazard.
        public var unmetPenalty: Double
        /// The part of ``unmetPenalty`` no decision can avoid (needs with nothing in reach); it is
        /// a constant left out of the exported model.
        public var unavoidablePenalty: Double
        /// Fixed costs of the candidate sites opened.
        public var opening: Double
        /// Cost of the stock held.
        public var stock: Double
        /// Probability-weighted cost of carrying supplies and moving people.
        public var expectedTransport: Double
        enum CodingKeys: String, CodingKey {
            case opening, stock
            case unmetPenalty = "unmet_penalty", expectedTransport = "expected_transport"
            case unavoidablePenalty = "unavoidable_penalty"
        }
    }

    public struct Spending: Sendable, Codable {
        /// Fixed costs of the candidate sites opened (what the budget limits).
        public var opening: Double
        public var budget: Double?
        /// Cost of the stock held (outside the budget).
        public var stock: Double
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
