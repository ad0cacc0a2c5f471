public import Yams

/// A value a planner wrote under a key Yubei does not use (`负责人: 张三`), kept as written and
/// carried into plan.json under `extra`, so that nothing in the file is silently lost.
public indirect enum ExtraValue: Sendable, Hashable, Codable {
    case text(String)
    case number(Double)
    case boolean(Bool)
    case null
    case list([ExtraValue])
    case map([String: ExtraValue])

    /// The value of a YAML node: numbers and booleans as YAML resolves them, everything else as text.
    ///
    /// - Complexity: O(size of the node).
    public init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            if node.tag == Tag(.null) { self = .null }
            else if node.tag == Tag(.bool), let value = node.bool { self = .boolean(value) }
            else if node.tag == Tag(.int) || node.tag == Tag(.float), let value = node.float ?? node.int.map(Double.init),
                    value.isFinite { self = .number(value) }
            else { self = .text(scalar.string) }
        case .sequence(let sequence):
            self = .list(sequence.map(ExtraValue.init))
        case .mapping(let mapping):
            var values: [String: ExtraValue] = [:]
            for (key, value) in mapping { values[key.string ?? String(describing: key)] = ExtraValue(value) }
            self = .map(values)
        case .alias:
            self = .null
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .boolean(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .text(value) }
        else if let value = try? container.decode([ExtraValue].self) { self = .list(value) }
        else { self = .map(try container.decode([String: ExtraValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(value)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 { try container.encode(Int(value)) } else { try container.encode(value) }
        case .boolean(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .list(let value): try container.encode(value)
        case .map(let value): try container.encode(value)
        }
    }
}
