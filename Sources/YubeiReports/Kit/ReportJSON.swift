import Foundation

/// The one JSON style of every document Yubei writes (`--json`, plan.json): keys in snake_case by
/// the encoder's strategy (Swift properties keep Swift names), sorted, indented, UTF-8 kept and
/// slashes unescaped. Dictionary keys (ids) are written as they are. A type may still name a key
/// the strategy cannot derive (`warehouse_m3`) in its `CodingKeys`; snake_case raw values there pass
/// through the strategy unchanged.
public enum ReportJSON {
    /// An encoder in the house style.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as one JSON document (no trailing newline).
    public static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }

    /// A number for JSON: rounded to six decimals (more than any input carries, and no binary
    /// noise such as 796648.4375000001), whole numbers as integers; `nil` for a missing or
    /// non-finite value, which encodes as `null`.
    public static func number(_ value: Double?) -> JSONNumber? {
        guard var value, value.isFinite else { return nil }
        if abs(value) < 1e12 { value = (value * 1e6).rounded() / 1e6 }
        if value == value.rounded() && abs(value) < 1e15 { return .integer(Int64(value)) }
        return .real(value)
    }

    /// A number as ``number(_:)`` writes it.
    public enum JSONNumber: Encodable, Sendable, Equatable {
        case integer(Int64)
        case real(Double)

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .integer(let value): try container.encode(value)
            case .real(let value): try container.encode(value)
            }
        }
    }
}
