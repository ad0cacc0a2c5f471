/// The keys a scenario file may use, section by section (FORMATS.md §2 plus Yubei's additions).
enum ScenarioKeys {
    static let top = ["name", "description", "note", "travel", "areas", "supplies", "hazards", "warehouses",
                      "shelters", "teams", "policy", "boundaries", "crs"]
    static let topRequired = ["name", "areas", "hazards", "policy"]

    static let travel = ["speed_kmh", "detour_factor", "roads"]
    static let location = ["lat", "lon"]

    /// Keys every entity accepts besides its own: what is estimated, and a note.
    static let common = ["estimated", "note"]

    static let area = ["id", "name", "location", "population", "code"] + common
    static let areaRequired = ["id", "location", "population"]

    static let supply = ["id", "name", "per_person", "volume_m3", "unit_cost", "weight_kg", "priority"] + common
    static let supplyRequired = ["id", "per_person", "volume_m3", "unit_cost"]

    static let hazard = ["id", "name", "kind", "probability", "displaced", "closed_sites", "needs", "service_level"] + common
    static let hazardRequired = ["id", "displaced"]

    static let warehouse = ["id", "name", "location", "existing", "capacity_m3", "fixed_cost", "area"] + common
    static let warehouseRequired = ["id", "location", "existing", "capacity_m3"]

    static let shelter = ["id", "name", "location", "existing", "area_m2", "class", "fixed_cost", "area"] + common
    static let shelterRequired = ["id", "location", "existing", "area_m2"]

    static let team = ["id", "name", "base", "specialties", "members", "area"] + common
    static let teamRequired = ["id", "base", "specialties"]

    static let policy = ["budget", "supply_response_minutes", "shelter_max_km", "area_per_person_m2",
                         "team_response_minutes", "single_shelter_per_area", "transport_cost_per_m3_km", "evacuation_cost_per_person_km",
                         "unsheltered_penalty", "unmet_supply_penalty", "note", "risk", "stock_budget"]
        + ScenarioKeys.resilience
    static let policyRequired = ["budget", "supply_response_minutes", "shelter_max_km", "area_per_person_m2",
                                 "team_response_minutes"]

    /// Keys of a per-class map: the shelter classes and `default`.
    static let perClass = ShelterClass.allCases.map(\.rawValue) + ["default"]
}
