import Foundation
internal import Yams
import YubeiCore

/// `--set PATH=VALUE` on a scenario file's tree: the path is walked key by key (list entries by
/// their `id`, or as `[index]`), checked against the keys the file format knows, and the scalar
/// at its end replaced (or added, for a known key the file leaves out).
enum OverridePath {
    /// What the part of the tree at hand is, for the keys it may hold.
    private enum Section {
        case top, travel, policy, location, perClass, free
        case item(kind: String, keys: [String])

        var keys: [String]? {
            switch self {
            case .top: return ScenarioKeys.top
            case .travel: return ScenarioKeys.travel
            case .policy: return ScenarioKeys.policy
            case .location: return ScenarioKeys.location
            case .perClass: return ScenarioKeys.perClass
            case .free: return nil
            case let .item(_, keys): return keys
            }
        }

        /// The section a key leads to.
        func child(_ key: String) -> Section {
            switch self {
            case .top:
                switch key {
                case "travel": return .travel
                case "policy": return .policy
                case "areas": return .item(kind: "area", keys: ScenarioKeys.area)
                case "supplies": return .item(kind: "supply", keys: ScenarioKeys.supply)
                case "hazards": return .item(kind: "hazard", keys: ScenarioKeys.hazard)
                case "warehouses": return .item(kind: "warehouse", keys: ScenarioKeys.warehouse)
                case "shelters": return .item(kind: "shelter", keys: ScenarioKeys.shelter)
                case "teams": return .item(kind: "team", keys: ScenarioKeys.team)
                default: return .free
                }
            case .policy:
                return key == "shelter_max_km" || key == "area_per_person_m2" ? .perClass : .free
            case .item:
                return key == "location" || key == "base" ? .location : .free
            default:
                return .free
            }
        }
    }

    /// Sets the scalar at `path` in `root` to `value` (YAML: `3800000`, `true`, `浔中镇`).
    ///
    /// - Returns: the key path as the loader's messages write it (`hazards[0].probability`).
    /// - Throws: ``OverrideError`` for an empty path, an unknown key or entry (with the closest
    ///   name), a path ending on a list or map, or a value that is not one scalar.
    static func set(_ root: inout Node, path: String, value: String, override: String) throws(OverrideError) -> String {
        guard !path.isEmpty else { throw OverrideError(override, OverrideMessage.emptyPath) }
        let scalar = try scalarNode(value, override: override)
        var keyPath = ""
        root = try set(root, rest: Substring(path), section: .top, keyPath: &keyPath, sectionName: "",
                       value: scalar, override: override, fullPath: path)
        return keyPath
    }

    private static func scalarNode(_ text: String, override: String) throws(OverrideError) -> Node {
        let composed: Node?
        do { composed = try Yams.compose(yaml: text) } catch {
            throw OverrideError(override, OverrideMessage.notScalarValue(text))
        }
        guard let composed else { return Node.scalar(.init("", Tag(.null), .plain, nil)) }
        guard case .scalar(let scalar) = composed else { throw OverrideError(override, OverrideMessage.notScalarValue(text)) }
        // No mark: the value has no line in the file (the loader then names the override).
        return .scalar(.init(scalar.string, scalar.tag, scalar.style, nil))
    }

    private static func set(_ node: Node, rest: Substring, section: Section, keyPath: inout String, sectionName: String,
                            value: Node, override: String, fullPath: String) throws(OverrideError) -> Node {
        if rest.isEmpty {
            guard case .scalar = node else { throw OverrideError(override, OverrideMessage.notScalar(fullPath)) }
            return value
        }
        switch node {
        case .mapping(var mapping):
            let existing = mapping.compactMap { pair -> String? in
                if case .scalar(let s) = pair.key { return s.string } else { return nil }
            }
            // The longest existing key the path starts with (ids may hold dots), else up to the next dot.
            let key: String
            if let match = existing.filter({ rest == $0 || rest.hasPrefix($0 + ".") || rest.hasPrefix($0 + "[") })
                .max(by: { $0.count < $1.count }) {
                key = match
            } else {
                key = String(rest.prefix { $0 != "." && $0 != "[" })
            }
            var after = rest.dropFirst(key.count)
            if after.hasPrefix(".") { after = after.dropFirst() }
            let known = section.keys ?? existing
            guard known.contains(key) || existing.contains(key) else {
                let message = OverrideMessage.suggesting(OverrideMessage.unknownKey(key, in: sectionName), closest(key, known))
                throw OverrideError(override, message)
            }
            keyPath = YAMLReader.join(keyPath, key)
            let childName = sectionName.isEmpty ? key : "\(sectionName).\(key)"
            let child = section.child(key)
            if let index = mapping.firstIndex(where: { if case .scalar(let s) = $0.key { return s.string == key } else { return false } }) {
                let pair = mapping[index]
                let changed = try set(pair.value, rest: after, section: child, keyPath: &keyPath, sectionName: childName,
                                      value: value, override: override, fullPath: fullPath)
                mapping[index] = (key: pair.key, value: changed)
                return .mapping(mapping)
            }
            // A known key the file leaves out: only a value can be added, not a whole section.
            guard after.isEmpty else {
                throw OverrideError(override, OverrideMessage.unknownItem(String(after.prefix { $0 != "." }), in: childName))
            }
            let keyNode = Node.scalar(.init(key, Tag(.str), .plain, nil))
            var pairs = Array(mapping).map { ($0.key, $0.value) }
            pairs.append((keyNode, value))
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(var sequence):
            let items = Array(sequence)
            let index: Int
            var after: Substring
            if rest.hasPrefix("[") {
                let digits = rest.dropFirst().prefix { $0 != "]" }
                guard let i = Int(digits), i >= 0, i < items.count, rest.dropFirst(digits.count + 1).hasPrefix("]") else {
                    throw OverrideError(override, OverrideMessage.badIndex(String(digits), count: items.count))
                }
                index = i
                after = rest.dropFirst(digits.count + 2)
            } else {
                let ids = items.map { item -> String? in
                    guard case .mapping(let m) = item, case .scalar(let s)? = m["id"] else { return nil }
                    return s.string
                }
                guard let match = ids.enumerated().compactMap({ offset, id -> (Int, String)? in
                    guard let id, rest == id || rest.hasPrefix(id + ".") else { return nil }
                    return (offset, id)
                }).max(by: { $0.1.count < $1.1.count }) else {
                    let word = String(rest.prefix { $0 != "." })
                    let message = OverrideMessage.suggesting(OverrideMessage.unknownItem(word, in: sectionName), closest(word, ids.compactMap { $0 }))
                    throw OverrideError(override, message)
                }
                index = match.0
                after = rest.dropFirst(match.1.count)
            }
            if after.hasPrefix(".") { after = after.dropFirst() }
            keyPath = "\(keyPath)[\(index)]"
            let itemName: String
            if case .mapping(let m) = items[index], case .scalar(let s)? = m["id"] { itemName = "\(sectionName) '\(s.string)'" } else { itemName = "\(sectionName)[\(index)]" }
            let changed = try set(items[index], rest: after, section: section, keyPath: &keyPath, sectionName: itemName,
                                  value: value, override: override, fullPath: fullPath)
            sequence[sequence.index(sequence.startIndex, offsetBy: index)] = changed
            return .sequence(sequence)
        case .scalar, .alias:
            // A list given as a table (`areas: {table: …}`) is a mapping, caught above; a scalar
            // with more path after it has no keys.
            throw OverrideError(override, OverrideMessage.unknownKey(String(rest.prefix { $0 != "." }), in: sectionName))
        }
    }
}
