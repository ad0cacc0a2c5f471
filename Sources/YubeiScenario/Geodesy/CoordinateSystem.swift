import Foundation

/// The coordinate system a scenario's positions are written in (`crs:` at the top of a scenario,
/// FORMATS.md §2.1). Positions are converted to WGS-84 on reading; everything Yubei writes is WGS-84.
///
/// - `wgs84`: GPS, 天地图 and most GIS data (the default).
/// - `cgcs2000`: China Geodetic Coordinate System 2000, the national standard; it differs from
///   WGS-84 by centimetres, far below anything a county plan resolves, so it is taken as WGS-84.
/// - `gcj02`: the obfuscated system of maps published in China (高德/Amap, 腾讯/Tencent, Google
///   China), offset from WGS-84 by some hundreds of metres.
/// - `bd09`: 百度/Baidu maps, GCJ-02 with a further offset.
///
/// The GCJ-02 and BD-09 forward transforms are the published ones (as in the open-source
/// eviltransform and coordtransform libraries); their inverses are found by fixed-point iteration
/// until the forward transform reproduces the input within 1e-10 degrees (about 0.01 mm), so a
/// converted position is as accurate as the forward transform itself (< 1 m, in practice < 1 mm).
public enum CoordinateSystem: String, Sendable, Hashable, CaseIterable {
    case wgs84
    case cgcs2000
    case gcj02
    case bd09

    /// The system named `written`, in any case, with or without a hyphen (`GCJ-02`, `BD09`,
    /// `WGS-84`, `CGCS2000`), or by EPSG code (4326 WGS-84, 4490 CGCS2000); `nil` for anything else.
    public init?(written: String) {
        let key = written.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "wgs84", "epsg:4326", "4326": self = .wgs84
        case "cgcs2000", "epsg:4490", "4490": self = .cgcs2000
        case "gcj02": self = .gcj02
        case "bd09", "bd09ll": self = .bd09
        default: return nil
        }
    }

    /// `(lat, lon)` in this system as WGS-84.
    ///
    /// - Complexity: O(1) (at most 30 iterations of the forward transform).
    public func toWGS84(lat: Double, lon: Double) -> (lat: Double, lon: Double) {
        switch self {
        case .wgs84, .cgcs2000: return (lat, lon)
        case .gcj02: return ChineseMapOffsets.gcjToWGS(lat: lat, lon: lon)
        case .bd09:
            let gcj = ChineseMapOffsets.bdToGCJ(lat: lat, lon: lon)
            return ChineseMapOffsets.gcjToWGS(lat: gcj.lat, lon: gcj.lon)
        }
    }

    /// WGS-84 `(lat, lon)` in this system.
    public func fromWGS84(lat: Double, lon: Double) -> (lat: Double, lon: Double) {
        switch self {
        case .wgs84, .cgcs2000: return (lat, lon)
        case .gcj02: return ChineseMapOffsets.wgsToGCJ(lat: lat, lon: lon)
        case .bd09:
            let gcj = ChineseMapOffsets.wgsToGCJ(lat: lat, lon: lon)
            return ChineseMapOffsets.gcjToBD(lat: gcj.lat, lon: gcj.lon)
        }
    }
}

/// The published GCJ-02 and BD-09 transforms and their iterative inverses.
public enum ChineseMapOffsets {
    /// Krasovsky 1940 ellipsoid, which the GCJ-02 formula uses.
    static let a = 6_378_245.0
    static let ee = 0.006_693_421_622_965_943_23
    static let xPi = Double.pi * 3000.0 / 180.0
    /// Convergence of the inverse iterations, in degrees (about 0.01 mm).
    static let tolerance = 1e-10

    /// Whether a point lies outside the rough box where GCJ-02 applies offsets (there it is WGS-84).
    public static func outOfChina(lat: Double, lon: Double) -> Bool {
        lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271
    }

    /// WGS-84 → GCJ-02.
    public static func wgsToGCJ(lat: Double, lon: Double) -> (lat: Double, lon: Double) {
        if outOfChina(lat: lat, lon: lon) { return (lat, lon) }
        let d = delta(lat: lat, lon: lon)
        return (lat + d.lat, lon + d.lon)
    }

    /// GCJ-02 → WGS-84: the WGS-84 point whose GCJ-02 image is the given one, by fixed-point iteration.
    public static func gcjToWGS(lat: Double, lon: Double) -> (lat: Double, lon: Double) {
        if outOfChina(lat: lat, lon: lon) { return (lat, lon) }
        var wgs = (lat: lat, lon: lon)
        for _ in 0..<30 {
            let image = wgsToGCJ(lat: wgs.lat, lon: wgs.lon)
            let dLat = image.lat - lat, dLon = image.lon - lon
            wgs = (wgs.lat - dLat, wgs.lon - dLon)
            if abs(dLat) < tolerance && abs(dLon) < tolerance { break }
        }
        return wgs
    }

    /// GCJ-02 → BD-09.
    public static func gcjToBD(lat: Double, lon: Double) -> (lat: Double, lon: Double) {
        let z = (lon * lon + lat * lat).squareRoot() + 0.000_02 * sin(lat * xPi)
        let theta = atan2(lat, lon) + 0.000_003 * cos(lon * xPi)
        return (z * sin(theta) + 0.006, z * cos(theta) + 0.0065)
    }

    /// BD-09 → GCJ-02: the published closed-form inverse, refined by iteration on ``gcjToBD``.
    public static func bdToGCJ(lat: Double, lon: Double) -> (lat: Double, lon: Double) {
        let x = lon - 0.0065, y = lat - 0.006
        let z = (x * x + y * y).squareRoot() - 0.000_02 * sin(y * xPi)
        let theta = atan2(y, x) - 0.000_003 * cos(x * xPi)
        var gcj = (lat: z * sin(theta), lon: z * cos(theta))
        for _ in 0..<30 {
            let image = gcjToBD(lat: gcj.lat, lon: gcj.lon)
            let dLat = image.lat - lat, dLon = image.lon - lon
            if abs(dLat) < tolerance && abs(dLon) < tolerance { break }
            gcj = (gcj.lat - dLat, gcj.lon - dLon)
        }
        return gcj
    }

    /// The GCJ-02 offset at a WGS-84 point, in degrees.
    static func delta(lat: Double, lon: Double) -> (lat: Double, lon: Double) {
        let t = transform(x: lon - 105.0, y: lat - 35.0)
        let radLat = lat / 180.0 * Double.pi
        var magic = sin(radLat)
        magic = 1 - ee * magic * magic
        let sqrtMagic = magic.squareRoot()
        let dLat = (t.lat * 180.0) / ((a * (1 - ee)) / (magic * sqrtMagic) * Double.pi)
        let dLon = (t.lon * 180.0) / (a / sqrtMagic * cos(radLat) * Double.pi)
        return (dLat, dLon)
    }

    static func transform(x: Double, y: Double) -> (lat: Double, lon: Double) {
        let xy = x * y
        let absX = abs(x).squareRoot()
        let xPi = x * Double.pi, yPi = y * Double.pi
        let d = 20.0 * sin(6.0 * xPi) + 20.0 * sin(2.0 * xPi)
        var lat = d, lon = d
        lat += 20.0 * sin(yPi) + 40.0 * sin(yPi / 3.0)
        lon += 20.0 * sin(xPi) + 40.0 * sin(xPi / 3.0)
        lat += 160.0 * sin(yPi / 12.0) + 320.0 * sin(yPi / 30.0)
        lon += 150.0 * sin(xPi / 12.0) + 300.0 * sin(xPi / 30.0)
        lat *= 2.0 / 3.0
        lon *= 2.0 / 3.0
        lat += -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * xy + 0.2 * absX
        lon += 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * xy + 0.1 * absX
        return (lat, lon)
    }
}
