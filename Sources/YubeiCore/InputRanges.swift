/// The range of one number read from input: bounds, whether the lower one is exclusive, and the
/// smallest magnitude a non-zero value may have (so that `1e-320` is refused where `0` is fine).
public struct InputRange: Sendable, Hashable {
    public var lowerBound: Double
    public var upperBound: Double
    public var lowerExclusive: Bool
    /// Non-zero values closer to 0 than this are refused; `nil` = no such limit (coordinates).
    public var smallestNonZero: Double?
    /// What the number counts, for the docs (`people`, `yuan`, …).
    public var unit: String

    public init(_ lowerBound: Double, _ upperBound: Double, exclusive: Bool = false,
                smallestNonZero: Double? = InputRanges.smallestMagnitude, unit: String = "") {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.lowerExclusive = exclusive
        self.smallestNonZero = smallestNonZero
        self.unit = unit
    }

    /// `nil` when `value` is inside the range, else the reason, e.g.
    /// `expected a number in 0…1000000000, found 9.2e18`.
    ///
    /// - Complexity: O(1).
    public func problem(with value: Double) -> String? { problemPhrase(with: value)?.en }

    /// The integer `value` checked against this range (shown exactly in the message).
    public func problem(with value: Int) -> String? { problemPhrase(with: value)?.en }

    /// ``problem(with:)`` in English and Chinese.
    public func problemPhrase(with value: Double) -> Phrase? { problem(with: value, shown: InputRanges.format(value)) }

    /// ``problem(with:)`` of an integer in English and Chinese.
    public func problemPhrase(with value: Int) -> Phrase? { problem(with: Double(value), shown: String(value)) }

    func problem(with value: Double, shown: @autoclosure () -> String) -> Phrase? {
        guard value.isFinite else { return InputText.notFinite(shown()) }
        let below = lowerExclusive ? value <= lowerBound : value < lowerBound
        if below || value > upperBound {
            return InputText.outsideRange(description, shown())
        }
        if let smallest = smallestNonZero, value != 0, abs(value) < smallest {
            return InputText.tooCloseToZero(InputRanges.format(smallest), shown())
        }
        return nil
    }


    /// `0…1000000000`, `(0…10000]` for an exclusive lower bound.
    public var description: String {
        let low = InputRanges.format(lowerBound), high = InputRanges.format(upperBound)
        return lowerExclusive ? "(\(low)…\(high)]" : "\(low)…\(high)"
    }

    /// The whole numbers of the range (for counts, years), clamped to what `Int` holds.
    public var integers: ClosedRange<Int> {
        let low = lowerExclusive ? lowerBound.rounded(.down) + 1 : lowerBound.rounded(.up)
        return InputRanges.clampedInt(low)...InputRanges.clampedInt(upperBound.rounded(.down))
    }
}

/// Every documented range of an input number, in one place (docs/input-ranges.md lists them).
///
/// Readers look a number up by its key (``range(forKeyPath:)``): the last key of its path
/// (`areas[3].population` → `population`), or its map's key for maps keyed by id
/// (`hazards[0].displaced.xunzhong` → `displaced`). A number whose key is not listed keeps
/// ``general``: a magnitude that GLPK and double arithmetic carry alongside the model's other
/// numbers. Command-line options and OR-Library headers use the named ranges below.
public enum InputRanges {
    /// The largest magnitude of any input number.
    public static let largestMagnitude = 1e12
    /// The smallest magnitude of a non-zero quantity.
    public static let smallestMagnitude = 1e-6

    /// Any number without a listed key.
    public static let general = InputRange(-largestMagnitude, largestMagnitude)

    public static let people = InputRange(0, 1e9, unit: "people")
    public static let money = InputRange(0, 1e12, unit: "yuan")
    public static let year = InputRange(1900, 2999, unit: "year")
    public static let count = InputRange(0, 1000, unit: "drills")
    public static let weight = InputRange(0, 1000, unit: "weight")
    public static let coordinate = InputRange(-1e9, 1e9, smallestNonZero: nil, unit: "km or degrees")
    public static let fraction = InputRange(0, 1, unit: "share")

    /// `--time-limit` in seconds (about 115 days at most).
    public static let timeLimitSeconds = InputRange(0, 1e7, exclusive: true, smallestNonZero: 1e-3, unit: "s")
    /// `--gap`, relative.
    public static let relativeGap = InputRange(0, 1e3, smallestNonZero: 1e-12, unit: "relative")
    /// `--scale-displaced K`.
    public static let scaleFactor = InputRange(0, 1000, unit: "factor")
    /// `--capacity` of `yubei locate --orlib cap`.
    public static let orlibCapacity = InputRange(0, 1e12, unit: "demand units")
    /// Warehouses in an OR-Library `cap` file.
    public static let orlibFacilities = InputRange(1, 100_000, unit: "warehouses")
    /// Customers in an OR-Library `cap` file.
    public static let orlibCustomers = InputRange(1, 1_000_000, unit: "customers")
    /// Vertices of an OR-Library `pmed` graph (its n × n distance table must fit in memory).
    public static let pmedVertices = InputRange(1, 5_000, unit: "vertices")
    /// Edges of an OR-Library `pmed` graph.
    public static let pmedEdges = InputRange(0, 50_000_000, unit: "edges")
    /// Cells (points × facilities) of a location problem's cost table.
    public static let costCells = InputRange(0, 50_000_000, unit: "cells")

    /// Ranges by key, shared by every format that uses the key.
    public static let byKey: [String: InputRange] = [
        // Scenario (FORMATS.md §2)
        "population": people,
        "displaced": people,
        "members": InputRange(0, 1e6, unit: "people"),
        "per_person": InputRange(0, 1e3, unit: "units per person"),
        "volume_m3": InputRange(0, 1e4, unit: "m³ per unit"),
        "weight_kg": InputRange(0, 1e6, unit: "kg per unit"),
        "unit_cost": InputRange(0, 1e9, unit: "yuan per unit"),
        "fixed_cost": money,
        "budget": money,
        "stock_budget": money,
        "capacity_m3": InputRange(0, 1e9, unit: "m³"),
        "area_m2": InputRange(0, 1e9, unit: "m²"),
        "area_per_person_m2": InputRange(0, 1e4, smallestNonZero: 1e-2, unit: "m² per person"),
        "shelter_max_km": InputRange(0, 1e5, unit: "km"),
        "supply_response_minutes": InputRange(0, 1e6, unit: "minutes"),
        "team_response_minutes": InputRange(0, 1e6, unit: "minutes"),
        "speed_kmh": InputRange(0, 1e4, smallestNonZero: 1e-1, unit: "km/h"),
        "detour_factor": InputRange(1, 100, unit: "factor"),
        "km": InputRange(0, 1e5, unit: "km"),
        // lat and lon: -90…90 and -180…180, checked by the scenario reader with its own message.
        "lat": InputRange(-1e3, 1e3, smallestNonZero: nil, unit: "degrees"),
        "lon": InputRange(-1e3, 1e3, smallestNonZero: nil, unit: "degrees"),
        "probability": fraction,
        "service_level": fraction,
        "priority": InputRange(0, 1e6, unit: "weight"),
        "unsheltered_penalty": money,
        "unmet_supply_penalty": money,
        // Locate (FORMATS.md §1)
        "demand": InputRange(0, 1e9, unit: "demand units"),
        "capacity": InputRange(0, 1e12, unit: "demand units"),
        "cost": InputRange(0, 1e12, unit: "cost"),
        "radius": InputRange(0, 1e12, unit: "cost"),
        "p": InputRange(1, 1e6, unit: "facilities"),
        "points.demand": coordinate,
        "points.facilities": coordinate,
        // Drills (FORMATS.md §3)
        "at_least": InputRange(1, 1000, unit: "drills"),
        "since": year,
        "year": year,
        "participants": InputRange(0, 1e6, unit: "people"),
        "per_week": count,
        "per_month": count,
        "season": weight,
        "safety_month": weight,
        "spacing": weight,
        "balance": weight,
        "spacing_days": InputRange(0, 182, unit: "days"),
    ]

    /// The range of the number at `keyPath` (`areas[3].population`, `weights.season`).
    ///
    /// - Complexity: O(length of `keyPath`).
    public static func range(forKeyPath keyPath: String) -> InputRange {
        // The last two keys, subscripts dropped, found from the end on the UTF-8 bytes (no
        // splitting, no grapheme breaking: this runs once per number of a large file).
        let bytes = keyPath.utf8
        func key(endingBefore end: String.Index) -> Substring {
            let start = bytes[..<end].lastIndex(of: UInt8(ascii: ".")).map(bytes.index(after:)) ?? keyPath.startIndex
            let stop = bytes[start..<end].firstIndex(of: UInt8(ascii: "[")) ?? end
            return keyPath[start..<stop]
        }
        let last = key(endingBefore: keyPath.endIndex)
        guard !last.isEmpty else { return general }
        let dot = bytes[..<last.startIndex].lastIndex(of: UInt8(ascii: "."))
        let parent = dot.map { key(endingBefore: $0) }
        if let parent, let range = byKey["\(parent).\(last)"] { return range }
        if let range = byKey[String(last)] { return range }
        if let parent, let range = byKey[String(parent)] { return range }
        return general
    }

    /// `n` as `Int` when it is a whole number inside `range`, else `nil` (never traps).
    public static func wholeNumber(_ n: Double, in range: InputRange) -> Int? {
        guard n.isFinite, n == n.rounded(), range.problem(with: n) == nil else { return nil }
        return clampedInt(n)
    }

    /// `x` converted to `Int`, saturating instead of trapping.
    public static func clampedInt(_ x: Double) -> Int {
        if x.isNaN { return 0 }
        if x >= 9.2e18 { return Int.max }
        if x <= -9.2e18 { return Int.min }
        return Int(x)
    }

    /// `1000000000` for whole numbers below 10¹⁵, else the shortest exact form (`1e+308`).
    public static func format(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }
}
