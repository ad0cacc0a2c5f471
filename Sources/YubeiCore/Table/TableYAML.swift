import Foundation
public import Yams

/// One column of a list kept in a table: the YAML key it fills, how its cells read, and its other
/// (Chinese) names.
public struct TableColumn: Sendable {
    public enum Kind: Sendable {
        /// Quoted as written.
        case text
        /// A number (thousands separators allowed); a cell that is not one stays text, so the list's
        /// reader says why.
        case number
        /// A whole number.
        case integer
        /// 是/否, yes/no, true/false, 1/0 and the words of `trueWords`/`falseWords`.
        case boolean
        /// Items separated by `,`, `，`, `、`, `;`, `/` or spaces.
        case list
        /// A word from a fixed set, with Chinese names (`短期固定避难场所` → `fixed-short`).
        case choice([String: String])
        /// Items as for `.list`, each translated like `.choice`.
        case choiceList([String: String])
    }

    /// The key, or `parent.key` for a key of a nested mapping (`location.lat`).
    public var key: String
    public var kind: Kind
    public var required: Bool
    public var aliases: [String]

    public init(_ key: String, _ kind: Kind = .text, required: Bool = false, aliases: [String] = []) {
        self.key = key
        self.kind = kind
        self.required = required
        self.aliases = aliases
    }

    /// The column's name in a header: the key's last part (`lat` for `location.lat`).
    public var name: String { key.split(separator: ".").last.map(String.init) ?? key }

    public static let trueWords: Set<String> = ["true", "yes", "y", "1", "是", "有", "现有", "已建", "既有", "√"]
    public static let falseWords: Set<String> = ["false", "no", "n", "0", "否", "无", "新建", "拟建", "候选", "规划", "×"]
}

/// Turns a table into the YAML list it stands for, so that one decoder checks a list written
/// inline and a list kept in a spreadsheet alike; every line of the YAML made remembers its row and
/// cell (``YAMLReader/TableLine``), so messages point at `county.xlsx[乡镇]:C14`.
///
/// Empty optional cells leave their key out; empty required cells give `~` (null), which the
/// decoder reports at the cell. Columns the list does not know are ignored.
public enum TableYAML {
    /// The YAML text of `table`'s rows, starting at line `firstLine`, and the table position of
    /// each line.
    ///
    /// - Complexity: O(rows × columns).
    public static func text(_ table: CSVTable, columns: [TableColumn], firstLine: Int)
        -> (text: String, lines: [Int: YAMLReader.TableLine])
    {
        var out = String(repeating: "\n", count: max(0, firstLine - 1))
        var lines: [Int: YAMLReader.TableLine] = [:]
        var line = firstLine
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
            var parentsDone: Set<String> = []
            for column in columns {
                let parts = column.key.split(separator: ".").map(String.init)
                if parts.count == 2 {
                    let parent = parts[0]
                    guard parentsDone.insert(parent).inserted else { continue }
                    let children = columns.filter { $0.key.hasPrefix(parent + ".") }
                    let values = children.map { (column: $0, value: scalar(table.cell(row, $0.name), $0)) }
                    guard values.contains(where: { $0.value != nil }) else { continue }
                    emit(prefix() + parent + ":", keyColumn: 3, row: row, column: nil)
                    for (child, value) in values {
                        guard let value else { continue }
                        emit("    " + child.name + ": " + value, keyColumn: 5, row: row, column: child.name)
                    }
                    continue
                }
                guard let value = scalar(table.cell(row, column.name), column) else { continue }
                emit(prefix() + column.key + ": " + value, keyColumn: 3, row: row, column: column.name)
            }
            if first { emit("- {}", keyColumn: 3, row: row, column: nil) }
        }
        if table.rows.isEmpty { out += "[]\n" }
        return (out, lines)
    }

    /// The YAML scalar for a cell, `~` for an empty required cell, `nil` for an empty optional one.
    public static func scalar(_ cell: String?, _ column: TableColumn) -> String? {
        let text = (cell ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return column.required ? "~" : nil }
        switch column.kind {
        case .text:
            return quoted(text)
        case .number, .integer:
            let plain = text.replacingOccurrences(of: ",", with: "")
            guard let value = Double(plain), value.isFinite, plain.allSatisfy({ "0123456789.-+eE".contains($0) }) else {
                return quoted(text)
            }
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            if case .integer = column.kind { return quoted(text) }
            return String(value)
        case .boolean:
            let lower = text.lowercased()
            if TableColumn.trueWords.contains(lower) { return "true" }
            if TableColumn.falseWords.contains(lower) { return "false" }
            return quoted(text)
        case .list:
            return "[" + items(text).map(quoted).joined(separator: ", ") + "]"
        case .choice(let names):
            return quoted(names[text] ?? text)
        case .choiceList(let names):
            return "[" + items(text).map { quoted(names[$0] ?? $0) }.joined(separator: ", ") + "]"
        }
    }

    static func items(_ text: String) -> [String] {
        let separators: Set<Character> = [",", "，", "、", ";", "；", "/", " ", "　"]
        return text.split(whereSeparator: { separators.contains($0) }).map(String.init)
    }

    /// `text` as a YAML double-quoted scalar.
    public static func quoted(_ text: String) -> String {
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

extension YAMLReader {
    /// The entries of a list given as `{table: FILE, sheet: NAME}` in the file at `filePath` (whose
    /// text is `fileText`): the table read (CSV or .xlsx, its path relative to that file's folder)
    /// and turned into YAML nodes whose positions are its rows and cells. `nil` after recording
    /// every problem.
    ///
    /// - Complexity: O(size of the table).
    public mutating func tableItems(
        _ node: Node, _ keyPath: String, columns: [TableColumn], filePath: String, fileText: String
    ) -> [Node]? {
        guard let f = fields(node, keyPath, known: ["table", "sheet"], required: ["table"]) else { return nil }
        guard let tableNode = f["table"], let written = string(tableNode, f.path("table")) else { return nil }
        var sheet: String?
        if let sheetNode = f["sheet"] {
            guard let name = string(sheetNode, f.path("sheet")) else { return nil }
            sheet = name
        }
        let folder = (filePath as NSString).deletingLastPathComponent
        let path = written.hasPrefix("/") || folder.isEmpty ? written : (folder as NSString).appendingPathComponent(written)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            error(tableNode, f.path("table"), TableMessage.noTable(path))
            return nil
        }
        guard !isFolder.boolValue else {
            error(tableNode, f.path("table"), TableMessage.tableIsFolder(path))
            return nil
        }
        let table: CSVTable
        do {
            table = try CSVTable.load(path: path, sheet: sheet, required: columns.filter(\.required).map(\.name),
                                      optional: columns.filter { !$0.required }.map(\.name),
                                      aliases: Dictionary(columns.map { ($0.name, $0.aliases) }, uniquingKeysWith: { a, _ in a }))
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
        let fileLines = fileText.reduce(into: 1) { count, character in if character == "\n" { count += 1 } }
        let firstLine = max(fileLines, tableLines.keys.max() ?? 0) + 1
        let made = TableYAML.text(table, columns: columns, firstLine: firstLine)
        let root: Node?
        do {
            root = try Yams.compose(yaml: made.text)
        } catch {
            self.error(tableNode, f.path("table"), TableMessage.noTable(path))
            return nil
        }
        tableLines.merge(made.lines) { $1 }
        guard let root, case .sequence(let sequence) = root else { return [] }
        return Array(sequence)
    }
}
