import Foundation
import YubeiScenario
import YubeiSiting

/// `plan.geojson` (FORMATS.md §5): the plan as RFC 7946 GeoJSON in WGS-84, for QGIS, ArcGIS or
/// 天地图 (the scenario's positions were converted to WGS-84 on reading, whatever its `crs`).
///
/// - a Point per site: `kind` (`warehouse`/`shelter`), `id`, `name`, `status`
///   (`existing`/`opened`/`not-opened`), `stock` (units by supply id; warehouses), and its size
///   (`capacity_m3`, or `area_m2` and `class`);
/// - a Point per area: `kind` `area`, `id`, `name`, `population`, and per hazard `displaced`,
///   `unsheltered` and `without_kit`, both nested (`hazards: {H: {…}}`) and flat
///   (`displaced_H`, `unsheltered_H`, `without_kit_H`) since many GIS tools show only flat fields;
/// - a LineString per shelter assignment, from the area to the shelter: `kind` `assignment`,
///   `hazard`, `area`, `shelter`, `people`.
///
/// Coordinates are `[lon, lat]` with 7 decimals (about 1 cm).
public enum PlanGeoJSON {
    /// The GeoJSON text of `plan` for `scenario`.
    ///
    /// - Complexity: O(sites + areas × hazards + assignments).
    public static func text(scenario: Scenario, plan: SitingPlan) -> String {
        var features: [[String: Any]] = []
        let openWarehouses = Set(plan.openWarehouses), openShelters = Set(plan.openShelters)
        func status(existing: Bool, open: Bool) -> String { SiteDecision(existing: existing, open: open, in: plan).rawValue }

        for w in scenario.warehouses {
            let stock = (plan.stock[w.id] ?? [:]).filter { $0.value > 0 }.mapValues(number)
            features.append(point(w.location, [
                "kind": "warehouse", "id": w.id, "name": w.name,
                "status": status(existing: w.existing, open: openWarehouses.contains(w.id)),
                "stock": stock, "capacity_m3": number(w.capacityCubicMetres),
            ]))
        }
        for s in scenario.shelters {
            features.append(point(s.location, [
                "kind": "shelter", "id": s.id, "name": s.name,
                "status": status(existing: s.existing, open: openShelters.contains(s.id)),
                "stock": NSNull(), "area_m2": number(s.areaSquareMetres), "class": s.shelterClass.rawValue,
            ]))
        }
        for area in scenario.areas {
            var properties: [String: Any] = [
                "kind": "area", "id": area.id, "name": area.name, "population": area.population,
            ]
            var byHazard: [String: Any] = [:]
            for hazard in scenario.hazards {
                let displaced = hazard.displaced.filter { $0.area == area.id }.reduce(0) { $0 + $1.people }
                let hazardPlan = plan.hazards[hazard.id]
                let unsheltered = hazardPlan?.unmet.peopleUnsheltered[area.id] ?? 0
                let withoutKit = hazardPlan?.unmet.peopleWithoutKit[area.id] ?? 0
                let values: [String: Any] = [
                    "displaced": number(displaced), "unsheltered": number(unsheltered), "without_kit": number(withoutKit),
                ]
                byHazard[hazard.id] = values
                for (key, value) in values { properties["\(key)_\(hazard.id)"] = value }
            }
            properties["hazards"] = byHazard
            features.append(point(area.location, properties))
        }
        let areas = Dictionary(scenario.areas.map { ($0.id, $0.location) }, uniquingKeysWith: { a, _ in a })
        let shelters = Dictionary(scenario.shelters.map { ($0.id, $0.location) }, uniquingKeysWith: { a, _ in a })
        for hazard in scenario.hazards {
            guard let assignment = plan.hazards[hazard.id]?.shelterAssignment else { continue }
            for areaID in assignment.keys.sorted() {
                for (shelterID, people) in assignment[areaID]!.sorted(by: { $0.key < $1.key }) where people > 0 {
                    guard let from = areas[areaID], let to = shelters[shelterID] else { continue }
                    features.append([
                        "type": "Feature",
                        "geometry": ["type": "LineString", "coordinates": [coordinates(from), coordinates(to)]],
                        "properties": ["kind": "assignment", "hazard": hazard.id, "area": areaID, "shelter": shelterID,
                                       "people": number(people)] as [String: Any],
                    ])
                }
            }
        }
        let collection: [String: Any] = ["type": "FeatureCollection", "name": scenario.name, "features": features]
        let data = (try? JSONSerialization.data(withJSONObject: collection, options: [.prettyPrinted, .sortedKeys,
                                                                                        .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func point(_ location: Location, _ properties: [String: Any]) -> [String: Any] {
        ["type": "Feature", "geometry": ["type": "Point", "coordinates": coordinates(location)], "properties": properties]
    }

    /// `[lon, lat]` rounded to 7 decimals.
    static func coordinates(_ location: Location) -> [Double] {
        [(location.lon * 1e7).rounded() / 1e7, (location.lat * 1e7).rounded() / 1e7]
    }

    /// Whole numbers as integers (people, units), others as they are.
    static func number(_ value: Double) -> Any {
        value == value.rounded() && abs(value) < 1e15 ? Int(value) as Any : value as Any
    }
}
