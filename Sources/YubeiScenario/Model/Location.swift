import Foundation

/// A point on the earth in WGS-84 degrees, as scenario files write it: `{lat: 25.49, lon: 118.24}`.
public struct Location: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Latitude in degrees, −90…90 (north positive).
    public var lat: Double
    /// Longitude in degrees, −180…180 (east positive).
    public var lon: Double

    public init(lat: Double, lon: Double) {
        self.lat = lat
        self.lon = lon
    }

    /// Mean earth radius (IUGG), the usual radius for great-circle distances.
    public static let earthRadiusKilometres = 6371.0088

    /// Great-circle ("straight-line") distance to `other` in kilometres, by the haversine formula.
    ///
    /// Accurate to about 0.5 % against the ellipsoid, far below the uncertainty of a detour factor.
    public func kilometres(to other: Location) -> Double {
        let φ1 = lat * .pi / 180, φ2 = other.lat * .pi / 180
        let Δφ = φ2 - φ1, Δλ = (other.lon - lon) * .pi / 180
        let a = sin(Δφ / 2) * sin(Δφ / 2) + cos(φ1) * cos(φ2) * sin(Δλ / 2) * sin(Δλ / 2)
        return 2 * Location.earthRadiusKilometres * asin(min(1, sqrt(a)))
    }

    public var description: String { "(\(lat), \(lon))" }
}
