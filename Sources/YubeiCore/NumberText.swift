import Foundation

/// The one formatter of numbers, money and durations in user-facing text, in Chinese and English:
/// the rendering kit of YubeiReports and the sentences of every layer (`…Text.swift`) use it.
///
/// Numbers are written the same way in both languages (`1,234,567`, `0.25`): planners copy them
/// into spreadsheets. Units follow the language: `1,200 yuan` / `1,200 元`, `2.50 s` / `2.50 秒`.
public struct NumberText: Sendable {
    public var language: Language

    public init(_ language: Language) { self.language = language }

    /// What is written for a missing or non-finite number.
    public static let missing = "—"

    /// `1234567` → `1,234,567`; fractions rounded to `digits` places and written only when not
    /// whole. `nil`, NaN and infinities are written `—`.
    public static func number(_ value: Double?, digits: Int = 1) -> String {
        guard let value, value.isFinite else { return missing }
        let scale = pow(10, Double(digits))
        let rounded = (value * scale).rounded() / scale
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.usesGroupingSeparator = true
        formatter.groupingSeparator = ","
        formatter.decimalSeparator = "."
        formatter.minimumFractionDigits = 0
        formatter.maximumFractionDigits = rounded == rounded.rounded() ? 0 : digits
        return formatter.string(from: NSNumber(value: rounded)) ?? String(rounded)
    }

    /// A number as it was given: whole numbers without `.0` (`3`, `2.5`), no grouping; rounded
    /// first to `decimals` places when given (`0.30000000000000004` → `0.3` with 6).
    public static func plain(_ value: Double, decimals: Int? = nil) -> String {
        var value = value
        if let decimals, value.isFinite {
            let scale = pow(10, Double(decimals))
            value = (value * scale).rounded() / scale
        }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// `0.0123` → `1.230%` with `digits` decimals; `nil` is `—`.
    public static func percent(_ fraction: Double?, digits: Int = 3) -> String {
        guard let fraction, fraction.isFinite else { return missing }
        return fixed(fraction * 100, decimals: digits) + "%"
    }

    /// Exactly `decimals` decimals, no grouping (`12.5` → `12.50` with 2): coordinates, targets.
    public static func fixed(_ value: Double, decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

    /// Seconds with two decimals, without a unit (`0.41`).
    public static func seconds(_ value: Double) -> String { fixed(value, decimals: 2) }

    /// A duration's seconds, as a Double.
    public static func seconds(of duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// An amount of money in whole yuan with its unit: `1,200 yuan` / `1,200 元`.
    public func money(_ yuan: Double?) -> String {
        let amount = Self.number(yuan, digits: 0)
        guard yuan?.isFinite == true else { return amount }
        return language == .zh ? "\(amount) 元" : "\(amount) yuan"
    }

    /// A duration with its unit: `2.50 s` / `2.50 秒`.
    public func duration(_ duration: Duration) -> String { self.duration(seconds: Self.seconds(of: duration)) }

    /// A duration in seconds with its unit: `2.50 s` / `2.50 秒`.
    public func duration(seconds: Double) -> String {
        let value = Self.seconds(seconds)
        return language == .zh ? "\(value) 秒" : "\(value) s"
    }
}
