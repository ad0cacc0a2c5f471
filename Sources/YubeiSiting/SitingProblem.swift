import Foundation
import YubeiScenario

/// Everything the siting engine needs, as plain numbers and indices: no file positions, no YAML.
///
/// A ``SitingProblem`` is built from a scenario (see `SitingProblem(scenario:)`) or directly in
/// tests. Reachability is precomputed and sparse: only the (area, site) pairs a decision may use
/// appear in ``shelterLinks``, ``supplyLinks``, ``teamLinks`` and ``stagingLinks``, so the model
/// has variables only for pairs within reach.
public struct SitingProblem: Sendable {
    /// A point in WGS-84 degrees.
    public struct Position: Sendable, Hashable, Codable {
        public var lat: Double
        public var lon: Double
        public init(lat: Double, lon: Double) { self.lat = lat; self.lon = lon }
    }

    /// A demand point (township, village, community).
    public struct Area: Sendable {
        public var id: String
        public var name: String
        public var position: Position
        public var population: Double
        public init(id: String, name: String = "", position: Position, population: Double) {
            self.id = id; self.name = name; self.position = position; self.population = population
        }
    }

    /// A relief item stockpiled per displaced person.
    public struct Supply: Sendable {
        public var id: String
        public var name: String
        /// Units needed per displaced person.
        public var perPerson: Double
        /// m³ per unit.
        public var volume: Double
        /// Yuan per unit bought into stock.
        public var unitCost: Double
        /// Weight of its units short in the third rule of the objective (default 1; higher = more urgent).
        public var priority: Double
        public init(id: String, name: String = "", perPerson: Double, volume: Double, unitCost: Double, priority: Double = 1) {
            self.id = id; self.name = name; self.perPerson = perPerson; self.volume = volume; self.unitCost = unitCost
            self.priority = priority
        }

        /// Units an area with `people` displaced needs: ⌈people × per_person⌉, computed in decimal
        /// so that 0.1 × 30 is 3, not 4.
        public func need(people: Double) -> Double {
            guard people > 0, perPerson > 0 else { return 0 }
            return Exact.ceil(Exact.decimal(people) * Exact.decimal(perPerson))
        }

        /// People that `units` of this item serve completely: ⌊units ÷ per_person⌋ (∞ when per_person is 0).
        public func peopleServed(units: Double) -> Double {
            guard perPerson > 0 else { return .infinity }
            return Exact.floor(Exact.decimal(units) / Exact.decimal(perPerson))
        }
    }

    /// An existing or candidate stockpile site.
    public struct Warehouse: Sendable {
        public var id: String
        public var name: String
        public var position: Position
        public var isExisting: Bool
        /// Storage volume, m³.
        public var capacity: Double
        /// Yuan to open it (counted against the budget only when it is a candidate).
        public var fixedCost: Double
        public init(id: String, name: String = "", position: Position, isExisting: Bool, capacity: Double, fixedCost: Double) {
            self.id = id; self.name = name; self.position = position; self.isExisting = isExisting
            self.capacity = capacity; self.fixedCost = fixedCost
        }
    }

    /// An existing or candidate shelter site.
    public struct Shelter: Sendable {
        public var id: String
        public var name: String
        public var position: Position
        public var isExisting: Bool
        /// Effective area, m².
        public var area: Double
        /// GB 21734 class (`emergency`, `fixed-short`, …), if given.
        public var shelterClass: String?
        /// Effective m² per sheltered person for this shelter (policy value for its class).
        public var areaPerPerson: Double
        /// Farthest road km an area may be sent to this shelter (policy value for its class).
        public var maxKm: Double
        /// Yuan to open it (counted against the budget only when it is a candidate).
        public var fixedCost: Double
        /// People it can take: ⌊``area`` ÷ ``areaPerPerson``⌋, whole people (computed in decimal).
        public var capacity: Double {
            areaPerPerson > 0 ? Exact.floor(Exact.decimal(area) / Exact.decimal(areaPerPerson)) : 0
        }
        public init(id: String, name: String = "", position: Position, isExisting: Bool, area: Double,
                    shelterClass: String? = nil, areaPerPerson: Double, maxKm: Double, fixedCost: Double) {
            self.id = id; self.name = name; self.position = position; self.isExisting = isExisting; self.area = area
            self.shelterClass = shelterClass; self.areaPerPerson = areaPerPerson; self.maxKm = maxKm; self.fixedCost = fixedCost
        }
    }

    /// One event the plan must answer.
    public struct Hazard: Sendable {
        public var id: String
        public var name: String
        /// The probability given in the scenario, if any.
        public var probability: Double?
        /// Weight of this hazard in the objective and in the expected cost (FORMATS.md §2.1: the
        /// probability as given when every hazard gives one, else 1/H).
        public var weight: Double
        /// Displaced people by area index (dense, one entry per area), whole people (rounded half up).
        public var displaced: [Double]
        /// Share (0–1) of the displaced who must be sheltered and fully supplied, if required.
        public var serviceLevel: Double?
        public var closedWarehouses: Set<Int>
        public var closedShelters: Set<Int>
        /// Team specialties the event needs.
        public var needs: [String]
        public init(id: String, name: String = "", probability: Double? = nil, weight: Double, displaced: [Double],
                    closedWarehouses: Set<Int> = [], closedShelters: Set<Int> = [], needs: [String] = [],
                    serviceLevel: Double? = nil) {
            self.id = id; self.name = name; self.probability = probability; self.weight = weight
            self.displaced = displaced.map { max(0, $0.rounded(.toNearestOrAwayFromZero)) }
            self.closedWarehouses = closedWarehouses; self.closedShelters = closedShelters
            self.needs = needs; self.serviceLevel = serviceLevel
        }

        /// All displaced people of the event.
        public var totalDisplaced: Double { displaced.reduce(0, +) }

        /// People who must be sheltered and fully supplied: ⌈service_level × displaced⌉ (0 without a level).
        public var requiredServed: Double {
            guard let serviceLevel else { return 0 }
            return Exact.ceil(Exact.decimal(serviceLevel) * Exact.decimal(totalDisplaced))
        }
    }

    /// A rescue team at its base.
    public struct Team: Sendable {
        public var id: String
        public var name: String
        public var position: Position
        public var specialties: [String]
        public var members: Int
        public init(id: String, name: String = "", position: Position, specialties: [String], members: Int = 0) {
            self.id = id; self.name = name; self.position = position; self.specialties = specialties; self.members = members
        }
    }

    /// How needs are summed over hazards (FORMATS.md §2.1): `expected`, `every-hazard`, `worst-case`.
    public typealias Risk = YubeiScenario.Policy.RiskAttitude

    /// Policy numbers.
    public struct Policy: Sendable {
        /// Yuan available for opening candidate sites; `nil` for no limit.
        public var budget: Double?
        /// Yuan available for buying stock; `nil` for no limit.
        public var stockBudget: Double?
        /// How needs left unmet are summed over hazards.
        public var risk: Risk = .expected
        public var supplyResponseMinutes: Double
        public var teamResponseMinutes: Double
        public var singleShelterPerArea: Bool
        /// Yuan per m³ of supplies carried one road km (transport part of the expected cost).
        public var transportCostPerCubicMetreKm: Double
        /// Yuan per person moved one road km to a shelter.
        public var evacuationCostPerPersonKm: Double
        /// Read from older files and kept, but unused: needs come before costs by the objective
        /// order of FORMATS.md §2.1 (sequential solves), not by a penalty.
        public var unshelteredPenalty: Double?
        /// Read from older files and kept, but unused (see ``unshelteredPenalty``).
        public var unmetSupplyPenaltyPerCubicMetre: Double?
        public init(budget: Double?, supplyResponseMinutes: Double, teamResponseMinutes: Double,
                    singleShelterPerArea: Bool, transportCostPerCubicMetreKm: Double = 2,
                    evacuationCostPerPersonKm: Double = 1, unshelteredPenalty: Double? = nil,
                    unmetSupplyPenaltyPerCubicMetre: Double? = nil, stockBudget: Double? = nil, risk: Risk = .expected) {
            self.stockBudget = stockBudget; self.risk = risk
            self.unshelteredPenalty = unshelteredPenalty
            self.unmetSupplyPenaltyPerCubicMetre = unmetSupplyPenaltyPerCubicMetre
            self.budget = budget; self.supplyResponseMinutes = supplyResponseMinutes
            self.teamResponseMinutes = teamResponseMinutes; self.singleShelterPerArea = singleShelterPerArea
            self.transportCostPerCubicMetreKm = transportCostPerCubicMetreKm
            self.evacuationCostPerPersonKm = evacuationCostPerPersonKm
        }
    }

    /// A shelter within its `maxKm` of an area by road.
    public struct ShelterLink: Sendable, Hashable {
        public var area: Int
        public var shelter: Int
        public var km: Double
        public init(area: Int, shelter: Int, km: Double) { self.area = area; self.shelter = shelter; self.km = km }
    }

    /// A warehouse within `supplyResponseMinutes` of an area.
    public struct SupplyLink: Sendable, Hashable {
        public var warehouse: Int
        public var area: Int
        public var km: Double
        public var minutes: Double
        public init(warehouse: Int, area: Int, km: Double, minutes: Double) {
            self.warehouse = warehouse; self.area = area; self.km = km; self.minutes = minutes
        }
    }

    /// A team base within `teamResponseMinutes` of an area.
    public struct TeamLink: Sendable, Hashable {
        public var team: Int
        public var area: Int
        public var minutes: Double
        public init(team: Int, area: Int, minutes: Double) { self.team = team; self.area = area; self.minutes = minutes }
    }

    /// A site where a team could be staged.
    public enum Site: Sendable, Hashable {
        case warehouse(Int)
        case shelter(Int)
    }

    /// A site within `teamResponseMinutes` of an area (for team staging).
    public struct StagingLink: Sendable, Hashable {
        public var site: Site
        public var area: Int
        public var minutes: Double
        public init(site: Site, area: Int, minutes: Double) { self.site = site; self.area = area; self.minutes = minutes }
    }

    public var name: String
    public var areas: [Area]
    public var supplies: [Supply]
    public var warehouses: [Warehouse]
    public var shelters: [Shelter]
    public var hazards: [Hazard]
    public var teams: [Team]
    public var policy: Policy
    public var shelterLinks: [ShelterLink]
    public var supplyLinks: [SupplyLink]
    public var teamLinks: [TeamLink]
    public var stagingLinks: [StagingLink]

    public init(name: String, areas: [Area], supplies: [Supply], warehouses: [Warehouse], shelters: [Shelter],
                hazards: [Hazard], teams: [Team], policy: Policy, shelterLinks: [ShelterLink],
                supplyLinks: [SupplyLink], teamLinks: [TeamLink], stagingLinks: [StagingLink] = []) {
        self.name = name; self.areas = areas; self.supplies = supplies; self.warehouses = warehouses
        self.shelters = shelters; self.hazards = hazards; self.teams = teams; self.policy = policy
        self.shelterLinks = shelterLinks; self.supplyLinks = supplyLinks; self.teamLinks = teamLinks
        self.stagingLinks = stagingLinks
    }
}
