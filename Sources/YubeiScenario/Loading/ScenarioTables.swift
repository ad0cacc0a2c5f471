import Foundation
import YubeiCore

/// The columns of a scenario list kept in a table (`areas: {table: county.xlsx, sheet: 乡镇}` or
/// `{table: areas.csv}`, FORMATS.md §2.1): the list's keys, with a location given as `lat` and
/// `lon` columns, and the documented Chinese names of each.
///
/// Required columns are those the list's entries require; other columns of the table are ignored
/// (a 负责人 or 联系电话 column may stay in the sheet).
enum ScenarioTableSchema {
    enum Kind {
        case text, number, integer, boolean, list, shelterClass
        /// `lat`/`lon` of the entry's location (`location` or, for teams, `base`).
        case latitude, longitude
    }

    struct Column {
        var name: String
        var kind: Kind
        var required: Bool
        var aliases: [String]
    }

    static let id = Column(name: "id", kind: .text, required: true, aliases: ["编号", "代码", "标识"])
    static let lat = Column(name: "lat", kind: .latitude, required: true, aliases: ["纬度", "latitude", "北纬"])
    static let lon = Column(name: "lon", kind: .longitude, required: true, aliases: ["经度", "longitude", "lng", "东经"])
    static let note = Column(name: "note", kind: .text, required: false, aliases: ["备注", "说明"])
    static let existing = Column(name: "existing", kind: .boolean, required: true,
                                 aliases: ["现有", "是否现有", "已建", "是否已建", "既有"])
    static let fixedCost = Column(name: "fixed_cost", kind: .number, required: false,
                                  aliases: ["建设费用", "开设费用", "固定成本", "建设成本", "费用"])
    static let inArea = Column(name: "area", kind: .text, required: false, aliases: ["所在乡镇", "所属乡镇", "乡镇编号"])

    /// The columns of list `key` (`areas`, `warehouses`, `shelters`, `teams`), or `nil` for a list
    /// that cannot come from a table.
    static func columns(_ key: String) -> [Column]? {
        switch key {
        case "areas":
            return [id, Column(name: "name", kind: .text, required: false, aliases: ["名称", "乡镇", "乡镇名称", "地名"]),
                    Column(name: "code", kind: .text, required: false, aliases: ["区划代码", "行政区划代码"]),
                    lat, lon,
                    Column(name: "population", kind: .integer, required: true, aliases: ["人口", "常住人口", "户籍人口", "人口数"]),
                    note]
        case "warehouses":
            return [id, Column(name: "name", kind: .text, required: false, aliases: ["名称", "仓库名称", "仓库"]),
                    lat, lon, existing,
                    Column(name: "capacity_m3", kind: .number, required: true, aliases: ["库容", "容量", "容积", "库容立方米"]),
                    fixedCost, inArea, note]
        case "shelters":
            return [id, Column(name: "name", kind: .text, required: false, aliases: ["名称", "场所名称", "避难场所名称", "避难场所"]),
                    lat, lon, existing,
                    Column(name: "area_m2", kind: .number, required: true, aliases: ["面积", "有效面积", "避难面积", "有效避难面积"]),
                    Column(name: "class", kind: .shelterClass, required: false, aliases: ["类别", "类型", "场所类别", "等级"]),
                    fixedCost, inArea, note]
        case "teams":
            return [id, Column(name: "name", kind: .text, required: false, aliases: ["名称", "队伍名称", "队伍"]),
                    lat, lon,
                    Column(name: "specialties", kind: .list, required: true, aliases: ["专业", "专长", "救援专业", "专业类别"]),
                    Column(name: "members", kind: .integer, required: false, aliases: ["人数", "队员人数", "队员数"]),
                    inArea, note]
        default:
            return nil
        }
    }

    /// Shelter classes by their Chinese names (GB 21734, GB/T 35624): 紧急, 固定 (短期/中期/长期), 中心.
    static let shelterClasses: [String: String] = [
        "紧急": "emergency", "紧急避难场所": "emergency", "应急": "emergency",
        "短期": "fixed-short", "短期固定": "fixed-short", "短期固定避难场所": "fixed-short", "固定": "fixed-short",
        "中期": "fixed-medium", "中期固定": "fixed-medium", "中期固定避难场所": "fixed-medium",
        "长期": "fixed-long", "长期固定": "fixed-long", "长期固定避难场所": "fixed-long",
        "中心": "central", "中心避难场所": "central",
    ]

    static let trueWords: Set<String> = ["true", "yes", "y", "1", "是", "有", "现有", "已建", "既有", "√"]
    static let falseWords: Set<String> = ["false", "no", "n", "0", "否", "无", "新建", "拟建", "候选", "规划", "×"]
}

/// Turns a table into the YAML list it stands for, so that one decoder checks lists written
/// inline and lists kept in a spreadsheet alike; every line of the YAML made remembers its row and
/// cell (``YAMLReader/TableLine``), so messages point at `county.xlsx[乡镇]:C14`.
enum ScenarioTableYAML {
    /// The YAML text of `table`'s rows as a list of `key` entries, starting at line `firstLine`,
    /// and the table position of each line.
    ///
    /// - Complexity: O(rows × columns).
    static func text(_ table: CSVTable, key: String, columns: [ScenarioTableSchema.Column], firstLine: Int)
        -> (text: String, lines: [Int: YAMLReader.TableLine])
    {
        var out = String(repeating: "\n", count: firstLine - 1)
        var lines: [Int: YAMLReader.TableLine] = [:]
        var line = firstLine
        let locationKey = key == "teams" ? "base" : "location"
        func emit(_ text: String, keyColumn: Int, row: CSVParser.Row, column: String?) {
            out += text + "\n"
            lines[line] = YAMLReader.TableLine(keyColumn: keyColumn, row: table.location(row),
                                               cell: column.map { table.location(row, column: $0) })
            line += 1
        }
        for row in table.rows {
            var first = true
            func prefix() -> String {
                defer { first = false }
                return first ? "- " : "  "
            }
            for column in columns where column.kind != .latitude && column.kind != .longitude {
                guard let value = scalar(table.cell(row, column.name), column) else { continue }
                emit(prefix() + column.name + ": " + value, keyColumn: 3, row: row, column: column.name)
                if column.name == "id" {
                    // The location right after the id, as `location:` (or `base:`) with lat and lon.
                    emit(prefix() + locationKey + ":", keyColumn: 3, row: row, column: nil)
                    for part in [ScenarioTableSchema.lat, ScenarioTableSchema.lon] {
                        let value = scalar(table.cell(row, part.name), part) ?? "~"
                        emit("    " + part.name + ": " + value, keyColumn: 5, row: row, column: part.name)
                    }
                }
            }
            if first { emit("- {}", keyColumn: 3, row: row, column: nil) }
        }
        if table.rows.isEmpty { out += "[]\n" }
        return (out, lines)
    }

    /// The YAML scalar for a cell, `~` for an empty required cell, `nil` for an empty optional one.
    static func scalar(_ cell: String?, _ column: ScenarioTableSchema.Column) -> String? {
        let text = (cell ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return column.required ? "~" : nil }
        switch column.kind {
        case .text:
            return quoted(text)
        case .number, .integer, .latitude, .longitude:
            let plain = text.replacingOccurrences(of: ",", with: "")
            guard let value = Double(plain), value.isFinite, plain.allSatisfy({ "0123456789.-+eE".contains($0) }) else {
                return quoted(text)
            }
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            return column.kind == .integer ? quoted(text) : String(value)
        case .boolean:
            let lower = text.lowercased()
            if ScenarioTableSchema.trueWords.contains(lower) { return "true" }
            if ScenarioTableSchema.falseWords.contains(lower) { return "false" }
            return quoted(text)
        case .list:
            let separators: Set<Character> = [",", "，", "、", ";", "；", "/", " ", "　"]
            let items = text.split(whereSeparator: { separators.contains($0) }).map { quoted(String($0)) }
            return "[" + items.joined(separator: ", ") + "]"
        case .shelterClass:
            return quoted(ScenarioTableSchema.shelterClasses[text] ?? text)
        }
    }

    /// `text` as a YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

extension ScenarioDecoder {
    /// The entries of a list given as `{table: FILE, sheet: NAME}`: the table read (CSV or .xlsx,
    /// relative to the scenario file) and turned into YAML nodes whose positions are its cells.
    /// `nil` after recording every problem.
    mutating func tableItems(_ node: Node, _ key: String) -> [Node]? {
        guard let f = reader.fields(node, key, known: ["table", "sheet"], required: ["table"]) else { return nil }
        guard let columns = ScenarioTableSchema.columns(key) else {
            reader.error(node, key, ScenarioMessage.listNotFromTable(key))
            return nil
        }
        guard let tableNode = f["table"], let written = reader.string(tableNode, f.path("table")) else { return nil }
        var sheet: String?
        if let sheetNode = f["sheet"] {
            guard let name = reader.string(sheetNode, f.path("sheet")) else { return nil }
            sheet = name
        }
        let path = RoadsFile.displayPath(written, relativeTo: file.path)
        guard FileManager.default.fileExists(atPath: path) else {
            reader.error(tableNode, f.path("table"), ScenarioMessage.cannotReadTable(path))
            return nil
        }
        let table: CSVTable
        do {
            table = try CSVTable.load(path: path, sheet: sheet, required: columns.filter(\.required).map(\.name),
                                      optional: columns.filter { !$0.required }.map(\.name),
                                      aliases: Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.aliases) }))
        } catch {
            reader.diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
        let fileLines = file.text.reduce(into: 1) { count, character in if character == "\n" { count += 1 } }
        let firstLine = max(fileLines, reader.tableLines.keys.max() ?? 0) + 1
        let made = ScenarioTableYAML.text(table, key: key, columns: columns, firstLine: firstLine)
        let root: Node?
        do {
            root = try Yams.compose(yaml: made.text)
        } catch {
            reader.error(tableNode, f.path("table"), ScenarioMessage.cannotReadTable(path))
            return nil
        }
        reader.tableLines.merge(made.lines) { $1 }
        guard let root, case .sequence(let sequence) = root else { return [] }
        return Array(sequence)
    }
}
