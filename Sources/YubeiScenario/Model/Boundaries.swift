import Foundation
import YubeiCore

/// Township (or other) boundaries for maps, read from the GeoJSON file a scenario names under
/// `boundaries:` (RFC 7946: a FeatureCollection of Polygon or MultiPolygon features, WGS-84).
///
/// Only drawing uses them; no plan depends on them.
public struct Boundaries: Sendable, Hashable {
    /// One outlined region.
    public struct Region: Sendable, Hashable {
        /// The feature's `name` property (or `id`), if any.
        public var name: String?
        /// Outer rings (one per polygon), as closed lists of points.
        public var rings: [[Location]]
        public init(name: String?, rings: [[Location]]) { self.name = name; self.rings = rings }
    }

    /// The path as written in the scenario.
    public var path: String
    public var regions: [Region]

    public init(path: String, regions: [Region]) { self.path = path; self.regions = regions }

    /// Reads `path` (relative to the scenario's folder).
    ///
    /// - Returns: the boundaries, or the message of what is wrong with the file.
    /// - Complexity: O(points).
    static func read(path: String, relativeTo scenarioPath: String) -> Result<Boundaries, BoundariesError> {
        let base = URL(fileURLWithPath: scenarioPath).deletingLastPathComponent()
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        guard let data = try? Data(contentsOf: url) else { return .failure(BoundariesError(ScenarioMessage.cannotReadBoundaries(path))) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return .failure(BoundariesError(ScenarioMessage.notGeoJSONObject(path)))
        }
        var features: [[String: Any]] = []
        switch object["type"] as? String {
        case "FeatureCollection": features = (object["features"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }
        case "Feature": features = [object]
        default: return .failure(BoundariesError(ScenarioMessage.notPolygonCollection(path)))
        }
        func point(_ any: Any) -> Location? {
            guard let pair = any as? [Any], pair.count >= 2,
                  let lon = (pair[0] as? NSNumber)?.doubleValue, let lat = (pair[1] as? NSNumber)?.doubleValue,
                  lon.isFinite, lat.isFinite, (-180...180).contains(lon), (-90...90).contains(lat) else { return nil }
            return Location(lat: lat, lon: lon)
        }
        func ring(_ any: Any) -> [Location]? {
            guard let points = any as? [Any] else { return nil }
            let ring = points.compactMap(point)
            return ring.count == points.count && ring.count >= 3 ? ring : nil
        }
        var regions: [Region] = []
        for (index, feature) in features.enumerated() {
            guard let geometry = feature["geometry"] as? [String: Any] else { continue }
            let properties = feature["properties"] as? [String: Any] ?? [:]
            let name = properties["name"] as? String ?? properties["NAME"] as? String ?? (feature["id"] as? String)
            var rings: [[Location]] = []
            switch geometry["type"] as? String {
            case "Polygon":
                guard let polygon = geometry["coordinates"] as? [Any], let outer = polygon.first.flatMap(ring) else {
                    return .failure(BoundariesError(ScenarioMessage.badRings(path, index)))
                }
                rings.append(outer)
            case "MultiPolygon":
                for polygon in geometry["coordinates"] as? [Any] ?? [] {
                    guard let outer = (polygon as? [Any])?.first.flatMap(ring) else {
                        return .failure(BoundariesError(ScenarioMessage.badRings(path, index)))
                    }
                    rings.append(outer)
                }
            default:
                continue
            }
            if !rings.isEmpty { regions.append(Region(name: name, rings: rings)) }
        }
        guard !regions.isEmpty else { return .failure(BoundariesError(ScenarioMessage.noPolygons(path))) }
        return .success(Boundaries(path: path, regions: regions))
    }
}

/// What is wrong with a boundaries file.
struct BoundariesError: Error {
    var message: Phrase
    init(_ message: Phrase) { self.message = message }
}
