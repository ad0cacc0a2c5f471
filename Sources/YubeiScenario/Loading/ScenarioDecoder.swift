internal import Yams
import Foundation
import YubeiCore

/// Decodes the sections of a scenario file into domain values, recording every problem in
/// ``reader`` and carrying on, so that one run reports them all.
///
/// Ids are registered as soon as they are read, even when the rest of their entry is broken,
/// so that one bad number does not make every reference to its entry look dangling.
struct ScenarioDecoder {
    let file: YAMLFile
    var reader: YAMLReader

    /// Where each id was first defined: ids of areas, supplies, hazards, teams, and the one
    /// namespace of warehouses and shelters.
    private var areaIDs: [String: Definition] = [:]
    private var supplyIDs: [String: Definition] = [:]
    private var hazardIDs: [String: Definition] = [:]
    private var siteIDs: [String: Definition] = [:]
    private var teamIDs: [String: Definition] = [:]

    /// The coordinate system positions are written in (`crs:`); they are converted to WGS-84.
    private var crs: CoordinateSystem = .wgs84

    /// Population of every area read in full, for the displaced-people check.
    private var populations: [String: Int] = [:]

    /// References checked once every list is read.
    private var pending: [Reference] = []

    /// A value read successfully that may itself be absent (nil = broken, `.value == nil` = not given).
    struct Decoded<T> {
        var value: T
    }

    struct Definition {
        var path: String
        var node: Node
    }

    struct Reference {
        enum Target { case area, site }
        var target: Target
        var id: String
        var node: Node
        var path: String
    }

    init(file: YAMLFile) {
        self.file = file
        self.reader = YAMLReader(file: file)
        self.reader.keepsUnknownKeys = true
    }

    // MARK: The file

    mutating func decode() -> Scenario? {
        guard let top = reader.fields(file.root, "", known: ScenarioKeys.top, required: ScenarioKeys.topRequired) else {
            return nil
        }
        let name = top["name"].flatMap { reader.string($0, "name") }
        if let node = top["description"] { _ = reader.string(node, "description") }
        if let node = top["note"] { _ = reader.string(node, "note") }
        if let node = top["crs"], let written = reader.string(node, "crs") {
            if let system = CoordinateSystem(written: written) { crs = system } else {
                _ = reader.choice(node, "crs", CoordinateSystem.allCases.map(\.rawValue))
            }
        }

        let areas = list(top, "areas", nonEmpty: true) { $0.area($1, $2) }
        let supplies = list(top, "supplies") { $0.supply($1, $2) }
        let warehouses = list(top, "warehouses") { $0.warehouse($1, $2) }
        let shelters = list(top, "shelters") { $0.shelter($1, $2) }
        let teams = list(top, "teams") { $0.team($1, $2) }
        let hazards = list(top, "hazards", nonEmpty: true) { $0.hazard($1, $2) }
        let policy = top["policy"].flatMap { self.policy($0, "policy", shelters: shelters ?? []) }
        var travel = top["travel"].map { self.travel($0, "travel") } ?? (settings: TravelSettings(), roadsNode: nil)

        checkReferences()
        if let hazards, let hazardsNode = top["hazards"] { checkProbabilities(hazards, node: hazardsNode) }

        if let roadsNode = travel.roadsNode, let roadsPath = travel.settings.roads?.path {
            let roads = RoadsFile.read(
                path: roadsPath, relativeTo: file.path, at: reader.location(of: roadsNode),
                places: PlaceDirectory(areas: Set(areaIDs.keys), sites: Set(siteIDs.keys), teams: Set(teamIDs.keys)))
            reader.diagnostics.append(contentsOf: roads.diagnostics)
            travel.settings.roads = roads.network
            if let network = roads.network, !roads.diagnostics.hasErrors {
                checkConnections(network, areas: areas ?? [], warehouses: warehouses ?? [], shelters: shelters ?? [],
                                 teams: teams ?? [])
            }
        }

        var boundaries: Boundaries?
        if let node = top["boundaries"], let path = reader.string(node, "boundaries") {
            switch Boundaries.read(path: path, relativeTo: file.path) {
            case .success(let read): boundaries = read
            case .failure(let failure): reader.error(node, "boundaries", failure.message)
            }
        }

        guard let name, let areas, let supplies, let hazards, let warehouses, let shelters, let teams, let policy,
              !reader.diagnostics.hasErrors
        else { return nil }
        var scenario = Scenario(name: name, travel: travel.settings, areas: areas, supplies: supplies, hazards: hazards,
                                warehouses: warehouses, shelters: shelters, teams: teams, policy: policy,
                                sourcePath: file.path)
        scenario.boundaries = boundaries
        for (path, node) in reader.extras { scenario.extra[path] = ExtraValue(node) }
        return scenario
    }

    /// A list section: each item decoded by `item`; nil when the key is absent and required,
    /// or the list or any item is broken (all items are still read for their diagnostics).
    private mutating func list<T>(
        _ top: YAMLReader.Fields, _ key: String, nonEmpty: Bool = false,
        _ item: (inout ScenarioDecoder, Node, String) -> T?
    ) -> [T]? {
        guard let node = top[key] else { return nonEmpty ? nil : [] }
        if node.tag == Tag(.null) {
            if nonEmpty { reader.error(node, key, ScenarioMessage.emptyList(key)) }
            return nonEmpty ? nil : []
        }
        let fromTable: [Node]?
        if case .mapping = node { fromTable = tableItems(node, key) } else { fromTable = reader.sequence(node, key) }
        guard let items = fromTable else { return nil }
        if nonEmpty && items.isEmpty {
            reader.error(node, key, ScenarioMessage.emptyList(key))
            return nil
        }
        var values: [T] = []
        var complete = true
        for (index, itemNode) in items.enumerated() {
            if let value = item(&self, itemNode, "\(key)[\(index)]") { values.append(value) } else { complete = false }
        }
        return complete ? values : nil
    }

    // MARK: Entities

    private mutating func area(_ node: Node, _ path: String) -> Area? {
        guard let f = reader.fields(node, path, known: ScenarioKeys.area, required: ScenarioKeys.areaRequired) else { return nil }
        let id = identifier(f, into: \.areaIDs, kind: "area")
        let name = f["name"].flatMap { reader.string($0, f.path("name")) }
        var code: String?? = .some(nil)
        if let node = f["code"] { code = reader.string(node, f.path("code")).map { .some($0) } }
        let location = f["location"].flatMap { self.location($0, f.path("location")) }
        let population = f["population"].flatMap { reader.integer($0, f.path("population"), minimum: 0) }
        let provenance = provenance(f, keys: ScenarioKeys.area)
        if let id, let population { populations[id] = population }
        guard let id, let location, let population, let provenance, let code else { return nil }
        return Area(id: id, name: name ?? id, location: location, population: population, provenance: provenance, code: code)
    }

    private mutating func supply(_ node: Node, _ path: String) -> Supply? {
        guard let f = reader.fields(node, path, known: ScenarioKeys.supply, required: ScenarioKeys.supplyRequired) else { return nil }
        let id = identifier(f, into: \.supplyIDs, kind: "supply")
        let name = f["name"].flatMap { reader.string($0, f.path("name")) }
        let perPerson = f["per_person"].flatMap { reader.number($0, f.path("per_person"), minimum: 0) }
        let volume = f["volume_m3"].flatMap { reader.number($0, f.path("volume_m3"), minimum: 0, exclusive: true) }
        let cost = f["unit_cost"].flatMap { reader.number($0, f.path("unit_cost"), minimum: 0) }
        if let weight = f["weight_kg"] { _ = reader.number(weight, f.path("weight_kg"), minimum: 0) }
        var priority: Double? = 1
        if let node = f["priority"] { priority = reader.number(node, f.path("priority"), minimum: 0, exclusive: true) }
        let provenance = provenance(f, keys: ScenarioKeys.supply)
        guard let id, let perPerson, let volume, let cost, let priority, let provenance else { return nil }
        return Supply(id: id, name: name ?? id, perPerson: perPerson, volumeCubicMetres: volume, unitCost: cost,
                      priority: priority, provenance: provenance)
    }

    private mutating func warehouse(_ node: Node, _ path: String) -> Warehouse? {
        guard let f = reader.fields(node, path, known: ScenarioKeys.warehouse, required: ScenarioKeys.warehouseRequired) else { return nil }
        let id = identifier(f, into: \.siteIDs, kind: "site")
        let name = f["name"].flatMap { reader.string($0, f.path("name")) }
        let location = f["location"].flatMap { self.location($0, f.path("location")) }
        let existing = f["existing"].flatMap { reader.boolean($0, f.path("existing")) }
        let capacity = f["capacity_m3"].flatMap { reader.number($0, f.path("capacity_m3"), minimum: 0) }
        let cost = optionalNumber(f, "fixed_cost", default: 0)
        let area = areaReference(f)
        let provenance = provenance(f, keys: ScenarioKeys.warehouse)
        guard let id, let location, let existing, let capacity, let cost, let area, let provenance else { return nil }
        return Warehouse(id: id, name: name, location: location, existing: existing, capacityCubicMetres: capacity,
                         fixedCost: cost, area: area.value, provenance: provenance)
    }

    private mutating func shelter(_ node: Node, _ path: String) -> Shelter? {
        guard let f = reader.fields(node, path, known: ScenarioKeys.shelter, required: ScenarioKeys.shelterRequired) else { return nil }
        let id = identifier(f, into: \.siteIDs, kind: "site")
        let name = f["name"].flatMap { reader.string($0, f.path("name")) }
        let location = f["location"].flatMap { self.location($0, f.path("location")) }
        let existing = f["existing"].flatMap { reader.boolean($0, f.path("existing")) }
        let area = f["area_m2"].flatMap { reader.number($0, f.path("area_m2"), minimum: 0, exclusive: true) }
        if let node = f["area_m2"], let area, area < Policy.minimumShelterSiteSquareMetres {
            reader.warning(node, f.path("area_m2"), ScenarioMessage.smallShelterSite(area))
        }
        var shelterClass: ShelterClass? = .fixedShort
        if let node = f["class"] {
            shelterClass = reader.choice(node, f.path("class"), ShelterClass.allCases.map(\.rawValue)).flatMap(ShelterClass.init(rawValue:))
        }
        let cost = optionalNumber(f, "fixed_cost", default: 0)
        let inArea = areaReference(f)
        let provenance = provenance(f, keys: ScenarioKeys.shelter)
        guard let id, let location, let existing, let area, let shelterClass, let cost, let inArea, let provenance else { return nil }
        return Shelter(id: id, name: name, location: location, existing: existing, areaSquareMetres: area,
                       shelterClass: shelterClass, fixedCost: cost, area: inArea.value, provenance: provenance)
    }

    private mutating func team(_ node: Node, _ path: String) -> Team? {
        guard let f = reader.fields(node, path, known: ScenarioKeys.team, required: ScenarioKeys.teamRequired) else { return nil }
        let id = identifier(f, into: \.teamIDs, kind: "team")
        let name = f["name"].flatMap { reader.string($0, f.path("name")) }
        let base = f["base"].flatMap { self.location($0, f.path("base")) }
        let specialties = f["specialties"].flatMap { identifiers($0, f.path("specialties")) }
        var members: Int? = 0
        if let node = f["members"] { members = reader.integer(node, f.path("members"), minimum: 0) }
        let area = areaReference(f)
        let provenance = provenance(f, keys: ScenarioKeys.team)
        guard let id, let base, let specialties, let members, let area, let provenance else { return nil }
        return Team(id: id, name: name, base: base, specialties: specialties, members: members, area: area.value,
                    provenance: provenance)
    }

    private mutating func hazard(_ node: Node, _ path: String) -> Hazard? {
        guard let f = reader.fields(node, path, known: ScenarioKeys.hazard, required: ScenarioKeys.hazardRequired) else { return nil }
        let id = identifier(f, into: \.hazardIDs, kind: "hazard")
        let name = f["name"].flatMap { reader.string($0, f.path("name")) }
        var kind: String?? = .some(nil)
        if let node = f["kind"] { kind = reader.string(node, f.path("kind")).map { .some($0) } }
        var probability: Double?? = .some(nil)
        if let node = f["probability"] {
            probability = reader.number(node, f.path("probability"), minimum: 0, maximum: 1).map { .some($0) }
        }
        let displaced = f["displaced"].flatMap { self.displaced($0, f.path("displaced")) }
        var closed: [String]? = []
        if let node = f["closed_sites"] {
            closed = identifiers(node, f.path("closed_sites"))
            if closed != nil, case .sequence(let sequence) = node {
                // Every item is an id here (else `closed` is nil); each checked once.
                var referenced: Set<String> = []
                for (index, itemNode) in sequence.enumerated() {
                    guard case .scalar(let id) = itemNode, referenced.insert(id.string).inserted else { continue }
                    pending.append(Reference(target: .site, id: id.string, node: itemNode, path: "\(f.path("closed_sites"))[\(index)]"))
                }
            }
        }
        var needs: [String]? = []
        if let node = f["needs"] { needs = identifiers(node, f.path("needs")) }
        var serviceLevel: Double?? = .some(nil)
        if let node = f["service_level"] {
            serviceLevel = reader.number(node, f.path("service_level"), minimum: 0, maximum: 1).map { .some($0) }
        }
        let provenance = provenance(f, keys: ScenarioKeys.hazard)
        guard let id, let probability, let displaced, let closed, let needs, let provenance, let kind, let serviceLevel else { return nil }
        return Hazard(id: id, name: name ?? id, probability: probability, displaced: displaced, closedSites: closed,
                      needs: needs, provenance: provenance, kind: kind, serviceLevel: serviceLevel)
    }

    /// `displaced: {area-id: people, …}`: every key an area id, every count ≥ 0 and at most the
    /// area's population.
    private mutating func displaced(_ node: Node, _ path: String) -> [Displacement]? {
        guard let pairs = reader.mapping(node, path) else { return nil }
        var result: [Displacement] = []
        var complete = true
        for pair in pairs {
            let keyPath = YAMLReader.join(path, pair.key)
            let people = reader.number(pair.value, keyPath, minimum: 0)
            if areaIDs[pair.key] == nil {
                reader.error(pair.keyNode, keyPath, ScenarioMessage.unknownReference(
                    "area", pair.key, suggestion: YAMLReader.closest(to: pair.key, in: Array(areaIDs.keys).sorted())))
                complete = false
            } else if let people, let population = populations[pair.key], people > Double(population) {
                reader.error(pair.value, keyPath, ScenarioMessage.moreDisplacedThanLive(people, population, pair.key))
                complete = false
            }
            guard let people else { complete = false; continue }
            result.append(Displacement(area: pair.key, people: people, source: reader.location(of: pair.keyNode)))
        }
        return complete ? result : nil
    }

    // MARK: Policy and travel

    private mutating func policy(_ node: Node, _ path: String, shelters: [Shelter]) -> Policy? {
        guard let f = reader.fields(node, path, known: ScenarioKeys.policy, required: ScenarioKeys.policyRequired) else { return nil }
        let budget = f["budget"].flatMap { reader.number($0, f.path("budget"), minimum: 0) }
        let supplyMinutes = f["supply_response_minutes"].flatMap {
            reader.number($0, f.path("supply_response_minutes"), minimum: 0, exclusive: true)
        }
        let teamMinutes = f["team_response_minutes"].flatMap {
            reader.number($0, f.path("team_response_minutes"), minimum: 0, exclusive: true)
        }
        let maxKm = f["shelter_max_km"].flatMap { perClass($0, f.path("shelter_max_km"), shelters: shelters, isAreaPerPerson: false) }
        let perPerson = f["area_per_person_m2"].flatMap {
            perClass($0, f.path("area_per_person_m2"), shelters: shelters, isAreaPerPerson: true)
        }
        var single: Bool? = false
        if let node = f["single_shelter_per_area"] { single = reader.boolean(node, f.path("single_shelter_per_area")) }
        let transport = optionalNumber(f, "transport_cost_per_m3_km", default: Policy.defaultTransportCost)
        let evacuation = optionalNumber(f, "evacuation_cost_per_person_km", default: Policy.defaultEvacuationCost)
        var unsheltered: Double?? = .some(nil)
        if let node = f["unsheltered_penalty"] {
            unsheltered = reader.number(node, f.path("unsheltered_penalty"), minimum: 0, exclusive: true).map { .some($0) }
        }
        var unmet: Double?? = .some(nil)
        if let node = f["unmet_supply_penalty"] {
            unmet = reader.number(node, f.path("unmet_supply_penalty"), minimum: 0, exclusive: true).map { .some($0) }
        }
        if let note = f["note"] { _ = reader.string(note, f.path("note")) }
        var risk: Policy.RiskAttitude? = .expected
        if let node = f["risk"] {
            risk = reader.choice(node, f.path("risk"), Policy.RiskAttitude.allCases.map(\.rawValue)).flatMap(Policy.RiskAttitude.init(rawValue:))
        }
        var stockBudget: Double?? = .some(nil)
        if let node = f["stock_budget"] {
            stockBudget = reader.number(node, f.path("stock_budget"), minimum: 0).map { .some($0) }
        }
        guard let budget, let supplyMinutes, let teamMinutes, let maxKm, let perPerson, let single, let transport, let evacuation,
              let unsheltered, let unmet, let risk, let stockBudget
        else { return nil }
        var policy = Policy(budget: budget, supplyResponseMinutes: supplyMinutes, shelterMaxKilometres: maxKm,
                            areaPerPersonSquareMetres: perPerson, teamResponseMinutes: teamMinutes,
                            singleShelterPerArea: single, transportCostPerCubicMetreKilometre: transport,
                            evacuationCostPerPersonKilometre: evacuation,
                            unshelteredPenalty: unsheltered, unmetSupplyPenalty: unmet)
        policy.risk = risk
        policy.stockBudget = stockBudget
        guard resilience(f, into: &policy) else { return nil }
        return policy
    }

    /// One number for every shelter class, or a map by class (with an optional `default`);
    /// every class a shelter uses must get a value.
    private mutating func perClass(_ node: Node, _ path: String, shelters: [Shelter], isAreaPerPerson: Bool) -> Policy.PerClass? {
        var result: Policy.PerClass
        switch node {
        case .mapping:
            guard let f = reader.fields(node, path, known: ScenarioKeys.perClass) else { return nil }
            var byClass: [ShelterClass: Double] = [:]
            var standard: Double?
            var complete = true
            for key in ScenarioKeys.perClass {
                guard let valueNode = f[key] else { continue }
                guard let value = positive(valueNode, f.path(key), isAreaPerPerson: isAreaPerPerson) else { complete = false; continue }
                if let shelterClass = ShelterClass(rawValue: key) { byClass[shelterClass] = value } else { standard = value }
            }
            guard complete else { return nil }
            result = Policy.PerClass(byClass: byClass, standard: standard)
        default:
            guard case .scalar = node, node.tag == Tag(.int) || node.tag == Tag(.float) else {
                reader.error(node, path, ScenarioMessage.expectedNumberOrClassMap(YAMLReader.describe(node)))
                return nil
            }
            guard let value = positive(node, path, isAreaPerPerson: isAreaPerPerson) else { return nil }
            result = Policy.PerClass(value)
        }
        var missing = false
        var reported: Set<ShelterClass> = []
        for (index, shelter) in shelters.enumerated() where !result.has(shelter.shelterClass) {
            if reported.insert(shelter.shelterClass).inserted {
                reader.error(node, path, ScenarioMessage.noValueForClass(shelter.shelterClass.rawValue, "shelters[\(index)]", shelter.id))
            }
            missing = true
        }
        return missing ? nil : result
    }

    /// A number > 0; zero area per person gets its own message, and less than 1.5 m² a warning.
    private mutating func positive(_ node: Node, _ path: String, isAreaPerPerson: Bool) -> Double? {
        guard let value = reader.number(node, path, minimum: 0) else { return nil }
        if value == 0 {
            reader.error(node, path, isAreaPerPerson ? ScenarioMessage.zeroAreaPerPerson : ScenarioMessage.zeroDistance)
            return nil
        }
        if isAreaPerPerson && value < Policy.minimumAreaPerPersonSquareMetres {
            reader.warning(node, path, ScenarioMessage.areaPerPersonBelowStandard(value))
        }
        return value
    }

    private mutating func travel(_ node: Node, _ path: String) -> (settings: TravelSettings, roadsNode: Node?) {
        var settings = TravelSettings()
        guard let f = reader.fields(node, path, known: ScenarioKeys.travel) else { return (settings, nil) }
        if let speed = f["speed_kmh"].flatMap({ reader.number($0, f.path("speed_kmh"), minimum: 0, exclusive: true) }) {
            settings.speedKmh = speed
        }
        if let detour = f["detour_factor"].flatMap({ reader.number($0, f.path("detour_factor"), minimum: 1) }) {
            settings.detourFactor = detour
        }
        if let roadsNode = f["roads"], let roads = reader.string(roadsNode, f.path("roads")) {
            settings.roads = RoadNetwork(path: roads, edges: [])
            return (settings, roadsNode)
        }
        return (settings, nil)
    }

    // MARK: Values

    private mutating func location(_ node: Node, _ path: String) -> Location? {
        guard let f = reader.fields(node, path, known: ScenarioKeys.location, required: ScenarioKeys.location) else { return nil }
        var lat = f["lat"].flatMap { reader.number($0, f.path("lat")) }
        var lon = f["lon"].flatMap { reader.number($0, f.path("lon")) }
        if let value = lat, let latNode = f["lat"], !(-90...90).contains(value) {
            reader.error(latNode, f.path("lat"), ScenarioMessage.latitudeOutOfRange(value))
            lat = nil
        }
        if let value = lon, let lonNode = f["lon"], !(-180...180).contains(value) {
            reader.error(lonNode, f.path("lon"), ScenarioMessage.longitudeOutOfRange(value))
            lon = nil
        }
        guard let lat, let lon else { return nil }
        let wgs = crs.toWGS84(lat: lat, lon: lon)
        return Location(lat: wgs.lat, lon: wgs.lon)
    }

    /// The entry's id, checked for form and registered in `namespace` (a duplicate is an error
    /// pointing at the first definition).
    private mutating func identifier(
        _ f: YAMLReader.Fields, into namespace: WritableKeyPath<ScenarioDecoder, [String: Definition]>, kind: String
    ) -> String? {
        guard let node = f["id"], let id = reader.identifier(node, f.path("id")) else { return nil }
        if let first = self[keyPath: namespace][id] {
            reader.error(node, f.path("id"), ScenarioMessage.duplicateID(id, kind: kind, firstPath: first.path,
                                                                          first: reader.location(of: first.node), here: reader.location(of: node)))
            return nil
        }
        self[keyPath: namespace][id] = Definition(path: f.path("id"), node: node)
        return id
    }

    private mutating func identifiers(_ node: Node, _ path: String) -> [String]? {
        guard let items = reader.sequence(node, path) else { return nil }
        var result: [String] = []
        var first: [String: Int] = [:]
        var complete = true
        for (index, item) in items.enumerated() {
            guard let id = reader.identifier(item, "\(path)[\(index)]") else { complete = false; continue }
            // A repeat adds nothing (a set of specialties or sites) but would multiply the model's rows.
            if let earlier = first[id] {
                reader.warning(item, "\(path)[\(index)]", ScenarioMessage.listedTwice(id, first: earlier))
                continue
            }
            first[id] = index
            result.append(id)
        }
        return complete ? result : nil
    }

    /// The optional `area:` of a site or team: `.some(nil)` when absent, nil when broken.
    private mutating func areaReference(_ f: YAMLReader.Fields) -> Decoded<String?>? {
        guard let node = f["area"] else { return Decoded(value: nil) }
        guard let id = reader.identifier(node, f.path("area")) else { return nil }
        pending.append(Reference(target: .area, id: id, node: node, path: f.path("area")))
        return Decoded(value: id)
    }

    private mutating func optionalNumber(_ f: YAMLReader.Fields, _ key: String, default value: Double) -> Double? {
        guard let node = f[key] else { return value }
        return reader.number(node, f.path(key), minimum: 0)
    }

    /// `estimated: [population, …]` and `note:`.
    private mutating func provenance(_ f: YAMLReader.Fields, keys: [String]) -> Provenance? {
        var provenance = Provenance(source: reader.location(of: f.node))
        var complete = true
        if let node = f["estimated"] {
            let allowed = keys.filter { !["id", "estimated", "note"].contains($0) }
            if let items = reader.sequence(node, f.path("estimated")) {
                for (index, item) in items.enumerated() {
                    guard let key = reader.choice(item, "\(f.path("estimated"))[\(index)]", allowed) else { complete = false; continue }
                    provenance.estimated.insert(key)
                }
            } else {
                complete = false
            }
        }
        if let node = f["note"] {
            if let note = reader.string(node, f.path("note")) { provenance.note = note } else { complete = false }
        }
        return complete ? provenance : nil
    }

    // MARK: Checks across sections

    private mutating func checkReferences() {
        for reference in pending {
            let known: [String: Definition]
            let kind: String
            switch reference.target {
            case .area: known = areaIDs; kind = "area"
            case .site: known = siteIDs; kind = "warehouse or shelter"
            }
            guard known[reference.id] == nil else { continue }
            reader.error(reference.node, reference.path, ScenarioMessage.unknownReference(
                kind, reference.id, suggestion: YAMLReader.closest(to: reference.id, in: known.keys.sorted())))
        }
    }

    /// Warns when the probabilities do not sum to 1 (within 0.0001, for rounded decimals).
    private mutating func checkProbabilities(_ hazards: [Hazard], node: Node) {
        let given = hazards.compactMap(\.probability)
        guard !given.isEmpty else { return }
        let sum = given.reduce(0, +)
        if given.count == hazards.count {
            if abs(sum - 1) > 1e-4 { reader.warning(node, "hazards", ScenarioMessage.probabilitiesDoNotSum(sum)) }
        } else if sum > 1 - 1e-4 {
            reader.warning(node, "hazards", ScenarioMessage.probabilitiesLeaveNothing(sum, missing: hazards.count - given.count))
        }
    }

    /// With a roads file: warns about places no road reaches (they will be unreachable).
    private mutating func checkConnections(
        _ network: RoadNetwork, areas: [Area], warehouses: [Warehouse], shelters: [Shelter], teams: [Team]
    ) {
        var named: Set<Place> = []
        for edge in network.edges { named.insert(edge.from); named.insert(edge.to) }
        for area in areas where !named.contains(.area(area.id)) {
            if let node = areaIDs[area.id] {
                reader.warning(node.node, node.path, ScenarioMessage.areaOffNetwork(area.id, network.path))
            }
        }
        let sites = warehouses.map { ($0.id, $0.area) } + shelters.map { ($0.id, $0.area) }
        for (id, area) in sites where !named.contains(.site(id)) && (area == nil || !named.contains(.area(area!))) {
            if let node = siteIDs[id] { reader.warning(node.node, node.path, ScenarioMessage.siteOffNetwork(id, network.path)) }
        }
        for team in teams where !named.contains(.team(team.id)) && (team.area == nil || !named.contains(.area(team.area!))) {
            if let node = teamIDs[team.id] {
                reader.warning(node.node, node.path, ScenarioMessage.siteOffNetwork(team.id, network.path))
            }
        }
    }
}
