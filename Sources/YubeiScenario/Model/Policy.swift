/// The bureau's rules for a plan: the budget, how fast supplies and teams must arrive, how far
/// people may be sent, and how much room each sheltered person gets.
public struct Policy: Sendable, Hashable {
    /// Money for opening candidate sites, yuan.
    public var budget: Double
    /// Supplies may flow only along routes of at most this many minutes (first batch within 6 h).
    public var supplyResponseMinutes: Double
    /// Farthest road distance (km) an area may be sent to a shelter, per class.
    public var shelterMaxKilometres: PerClass
    /// Effective area per sheltered person (m²), per class; GB 21734 asks for at least 1.5 m².
    public var areaPerPersonSquareMetres: PerClass
    /// A team covers an area when its base is within this many minutes.
    public var teamResponseMinutes: Double
    /// Each area evacuates to a single shelter.
    public var singleShelterPerArea: Bool
    /// Transport cost of moving one m³ of stock one km, yuan (for expected transport cost).
    public var transportCostPerCubicMetreKilometre: Double
    /// Cost of moving one person one road km to a shelter, yuan (so nearer shelters are preferred).
    public var evacuationCostPerPersonKilometre: Double
    /// Penalty per person left without shelter, yuan (far above every cost; nil = the model chooses).
    public var unshelteredPenalty: Double?
    /// Penalty per m³ of supplies not delivered, yuan (nil = the model chooses).
    public var unmetSupplyPenalty: Double?
    /// Plan to survive the loss of sites (`policy.resilience`), if asked for.
    public var resilience: Resilience?
    /// How people unsheltered (and without a kit) are summed over hazards (FORMATS.md §2.1).
    public var risk: RiskAttitude = .expected
    /// Money for buying stock, yuan; nil = no limit (``budget`` stays the budget for opening sites).
    public var stockBudget: Double?

    /// How needs left unmet are weighed across hazards.
    public enum RiskAttitude: String, Sendable, Hashable, CaseIterable {
        /// Each hazard weighted by its probability (equal weights when any hazard gives none).
        case expected
        /// Each hazard counts in full.
        case everyHazard = "every-hazard"
        /// The largest share of a hazard's displaced left unmet first, then `expected`.
        case worstCase = "worst-case"
    }

    public init(
        budget: Double, supplyResponseMinutes: Double, shelterMaxKilometres: PerClass,
        areaPerPersonSquareMetres: PerClass, teamResponseMinutes: Double, singleShelterPerArea: Bool = false,
        transportCostPerCubicMetreKilometre: Double = Policy.defaultTransportCost,
        evacuationCostPerPersonKilometre: Double = Policy.defaultEvacuationCost,
        unshelteredPenalty: Double? = nil, unmetSupplyPenalty: Double? = nil
    ) {
        self.evacuationCostPerPersonKilometre = evacuationCostPerPersonKilometre
        self.budget = budget
        self.supplyResponseMinutes = supplyResponseMinutes
        self.shelterMaxKilometres = shelterMaxKilometres
        self.areaPerPersonSquareMetres = areaPerPersonSquareMetres
        self.teamResponseMinutes = teamResponseMinutes
        self.singleShelterPerArea = singleShelterPerArea
        self.transportCostPerCubicMetreKilometre = transportCostPerCubicMetreKilometre
        self.unshelteredPenalty = unshelteredPenalty
        self.unmetSupplyPenalty = unmetSupplyPenalty
    }

    /// Default transport cost when the file gives none: 2 yuan per m³·km (a light truck).
    public static let defaultTransportCost = 2.0

    /// Default evacuation cost when the file gives none: 1 yuan per person·km.
    public static let defaultEvacuationCost = 1.0

    /// The minimum effective area per person of GB 21734-2008 (mandatory clause).
    public static let minimumAreaPerPersonSquareMetres = 1.5
    /// The minimum shelter site area of GB 21734-2008.
    public static let minimumShelterSiteSquareMetres = 2000.0

    /// Capacity in people of `shelter` under this policy: area ÷ area per person for its class.
    public func capacity(of shelter: Shelter) -> Double {
        shelter.areaSquareMetres / areaPerPersonSquareMetres[shelter.shelterClass]
    }

    /// Farthest road km people may be sent to `shelter`.
    public func maximumKilometres(to shelter: Shelter) -> Double {
        shelterMaxKilometres[shelter.shelterClass]
    }

    /// A value that is either one number for every shelter class or a map by class
    /// (`area_per_person_m2: {emergency: 1.0, fixed-long: 3.0, default: 2.0}`).
    public struct PerClass: Sendable, Hashable {
        /// The value for classes not in ``byClass``.
        public var standard: Double?
        public var byClass: [ShelterClass: Double]

        public init(_ value: Double) {
            self.standard = value
            self.byClass = [:]
        }

        public init(byClass: [ShelterClass: Double], standard: Double? = nil) {
            self.standard = standard
            self.byClass = byClass
        }

        /// Whether a value is known for `shelterClass`.
        public func has(_ shelterClass: ShelterClass) -> Bool { byClass[shelterClass] != nil || standard != nil }

        /// The value for `shelterClass`. The loader guarantees one exists for every class in use.
        public subscript(shelterClass: ShelterClass) -> Double {
            byClass[shelterClass] ?? standard ?? .nan
        }

        /// The largest value over all classes given.
        public var maximum: Double { (Array(byClass.values) + [standard].compactMap { $0 }).max() ?? .nan }
        /// The smallest value over all classes given.
        public var minimum: Double { (Array(byClass.values) + [standard].compactMap { $0 }).min() ?? .nan }
    }
}
