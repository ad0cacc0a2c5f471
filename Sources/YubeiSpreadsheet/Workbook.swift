import Foundation
import SWXMLHash
import ZIPFoundation

/// An Excel workbook (.xlsx, Office Open XML SpreadsheetML) opened for reading cell values.
///
/// The zip layer is ZIPFoundation and the XML layer SWXMLHash; this type only knows where
/// SpreadsheetML keeps things: `xl/workbook.xml` (sheet names, the 1904 date system), its
/// relationships (which part holds which sheet), `xl/sharedStrings.xml` and `xl/styles.xml`
/// (which cell formats are dates).
public struct Workbook: Sendable {
    /// Sheet names in the workbook's order.
    public let sheetNames: [String]
    /// Whether dates count from 1904-01-01 (old Mac Excel) instead of 1900.
    public let date1904: Bool

    private let sheetParts: [String: String]
    private let sharedStrings: [String]
    /// For each cell format index (`s` attribute), whether it shows a date.
    private let dateStyles: [Bool]

    /// The largest part inflated (256 MiB: some million cells).
    public static let maximumPartBytes: UInt64 = 256 << 20

    /// Whether `data` starts like a zip archive (`PK\x03\x04`), as every .xlsx does.
    public static func looksLikeWorkbook(_ data: Data) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// Opens workbook bytes.
    ///
    /// - Throws: ``SpreadsheetProblem`` when the bytes are not a readable workbook.
    /// - Complexity: O(size of the workbook, shared strings and styles parts).
    /// - Parameter maximumPartBytes: the most any one part may inflate to (a guard against damaged
    ///   files and zip bombs, checked against the header and again while inflating).
    public init(data: Data, maximumPartBytes: UInt64 = Workbook.maximumPartBytes) throws(SpreadsheetProblem) {
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw SpreadsheetProblem(.notWorkbook) }
        // Read through a file, not from memory: ZIPFoundation's in-memory reader traps (a range
        // with its lower bound above its upper) when a damaged entry points past the end of the
        // data, where reading a file simply comes up short and throws.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("yubei-workbook-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: copy) }
        let archive: Archive
        do {
            try data.write(to: copy)
            archive = try Archive(url: copy, accessMode: .read)
        } catch {
            throw SpreadsheetProblem(.notZip(String(describing: error)))
        }
        func part(_ path: String) throws(SpreadsheetProblem) -> Data? {
            guard let entry = archive[path] else { return nil }
            // A part larger than any county's table is a damaged file or a zip bomb: refuse it
            // before inflating it.
            guard entry.uncompressedSize <= maximumPartBytes else {
                throw SpreadsheetProblem(.partTooLarge(part: path, bytes: Int(clamping: entry.uncompressedSize)))
            }
            var bytes = Data()
            struct TooLarge: Error {}
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    // The header's size may lie; count what really comes out.
                    guard UInt64(bytes.count + chunk.count) <= maximumPartBytes else { throw TooLarge() }
                    bytes.append(chunk)
                }
            } catch is TooLarge {
                throw SpreadsheetProblem(.partTooLarge(part: path, bytes: bytes.count))
            } catch {
                throw SpreadsheetProblem(.notZip(String(describing: error)))
            }
            return bytes
        }
        guard let workbookXML = try part("xl/workbook.xml") else { throw SpreadsheetProblem(.missingPart("xl/workbook.xml")) }
        let workbook = try XMLTree.parse(workbookXML, part: "xl/workbook.xml")
        var relationships: [String: String] = [:]
        if let relsXML = try part("xl/_rels/workbook.xml.rels") {
            for rel in try XMLTree.parse(relsXML, part: "xl/_rels/workbook.xml.rels").descendants("Relationship") {
                guard let id = XMLTree.attribute(rel, "Id"), let target = XMLTree.attribute(rel, "Target") else { continue }
                relationships[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            }
        }
        var names: [String] = []
        var parts: [String: String] = [:]
        for (index, sheet) in workbook.descendants("sheet").enumerated() {
            guard let name = XMLTree.attribute(sheet, "name") else { continue }
            names.append(name)
            let rid = XMLTree.attribute(sheet, "r:id") ?? XMLTree.attribute(sheet, "id")
            parts[name] = rid.flatMap { relationships[$0] } ?? "xl/worksheets/sheet\(index + 1).xml"
        }
        date1904 = workbook.descendants("workbookPr").first.flatMap { XMLTree.attribute($0, "date1904") }
            .map { $0 == "1" || $0.lowercased() == "true" } ?? false

        var strings: [String] = []
        if let sharedXML = try part("xl/sharedStrings.xml") {
            for item in try XMLTree.parse(sharedXML, part: "xl/sharedStrings.xml").children("si") {
                strings.append(XMLTree.cellText(item))
            }
        }
        var styles: [Bool] = []
        if let stylesXML = try part("xl/styles.xml") {
            let tree = try XMLTree.parse(stylesXML, part: "xl/styles.xml")
            var custom: [Int: String] = [:]
            for format in tree.descendants("numFmt") {
                if let id = XMLTree.attribute(format, "numFmtId").flatMap(Int.init), let code = XMLTree.attribute(format, "formatCode") {
                    custom[id] = code
                }
            }
            if let cellXfs = tree.descendants("cellXfs").first {
                for xf in XMLTree.children(cellXfs, "xf") {
                    let id = XMLTree.attribute(xf, "numFmtId").flatMap(Int.init) ?? 0
                    styles.append(NumberFormat.isDate(id: id, code: custom[id]))
                }
            }
        }
        var sheetData: [String: Data] = [:]
        for name in names {
            guard let path = parts[name] else { continue }
            guard let bytes = try part(path) else { throw SpreadsheetProblem(.missingPart(path), sheet: name) }
            sheetData[name] = bytes
        }
        self.sheetNames = names
        self.sheetParts = parts
        self.sharedStrings = strings
        self.dateStyles = styles
        self.sheetXML = sheetData
    }

    private let sheetXML: [String: Data]

    /// The sheet called `name` (exact, then ignoring case and surrounding spaces), or the first sheet
    /// when `name` is `nil`.
    ///
    /// - Throws: ``SpreadsheetProblem`` when there is no such sheet or its XML is broken.
    /// - Complexity: O(size of the sheet's XML).
    public func sheet(named name: String?) throws(SpreadsheetProblem) -> Worksheet {
        guard let first = sheetNames.first else { throw SpreadsheetProblem(.noSheets) }
        var chosen = first
        if let name {
            let wanted = name.trimmingCharacters(in: .whitespaces)
            guard let match = sheetNames.first(where: { $0 == wanted })
                ?? sheetNames.first(where: { $0.trimmingCharacters(in: .whitespaces).lowercased() == wanted.lowercased() })
            else { throw SpreadsheetProblem(.noSuchSheet(name, available: sheetNames)) }
            chosen = match
        }
        guard let xml = sheetXML[chosen] else { throw SpreadsheetProblem(.missingPart(sheetParts[chosen] ?? chosen), sheet: chosen) }
        return try Worksheet(name: chosen, xml: xml, sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: date1904)
    }
}

/// Which number formats show dates.
enum NumberFormat {
    /// Built-in formats that are dates or date-times (ECMA-376 §18.8.30, with the CJK ids 27–36 and
    /// 50–58 that Chinese Excel uses for 年月日 forms). Time-only formats (18–21, 45–47) are not dates.
    static let builtInDates: Set<Int> = Set(14...17).union([22]).union(27...36).union(50...58)

    /// Whether format `id` (with custom `code` when the workbook defines one) shows a date.
    static func isDate(id: Int, code: String?) -> Bool {
        guard let code else { return builtInDates.contains(id) }
        // Drop quoted literals, bracketed parts ([Red], [$-804], [h]) and escaped characters.
        var plain = ""
        var inQuotes = false, inBrackets = false, escaped = false
        for character in code {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            default: if !inQuotes && !inBrackets { plain.append(character) }
            }
        }
        let lower = plain.lowercased()
        if lower.contains("general") { return false }
        return lower.contains("y") || lower.contains("d") || lower.contains("e") && !lower.contains("0e")
            || plain.contains("年") || plain.contains("月") || plain.contains("日")
    }
}

/// Small helpers over SWXMLHash's element tree that ignore namespace prefixes (`x:row` is `row`).
enum XMLTree {
    /// The root element of XML `data`.
    static func parse(_ data: Data, part: String) throws(SpreadsheetProblem) -> XMLElement {
        // SWXMLHash builds and frees its tree recursively: elements nested some ten thousand deep
        // overflow the stack (SIGSEGV). Spreadsheet parts nest a handful of levels.
        if nestingDepth(data) > maximumDepth {
            throw SpreadsheetProblem(.badXML(part: part, detail: "elements nested deeper than \(maximumDepth) levels"))
        }
        let indexer = XMLHash.config { options in
            options.detectParsingErrors = true
            options.shouldProcessNamespaces = false
        }.parse(data)
        switch indexer {
        case .parsingError(let error):
            throw SpreadsheetProblem(.badXML(part: part, detail: "line \(error.line), column \(error.column)"))
        default:
            break
        }
        guard let root = indexer.children.first?.element else {
            throw SpreadsheetProblem(.badXML(part: part, detail: "no root element"))
        }
        return root
    }

    /// The deepest element nesting accepted in a part.
    static let maximumDepth = 256

    /// An upper bound on the element nesting of XML `data`: start tags less end tags (`</…>`,
    /// `…/>`), counting only outside quoted attribute values.
    ///
    /// - Complexity: O(n).
    static func nestingDepth(_ data: Data) -> Int {
        var depth = 0, deepest = 0
        var inTag = false
        var quote: UInt8? = nil
        var previous: UInt8 = 0
        for byte in data {
            if let q = quote {
                if byte == q { quote = nil }
            } else if inTag {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: ">"):
                    inTag = false
                    if previous == UInt8(ascii: "/") { depth -= 1 }
                default: break
                }
            } else if previous == UInt8(ascii: "<") {
                switch byte {
                case UInt8(ascii: "/"): depth -= 1
                case UInt8(ascii: "?"), UInt8(ascii: "!"): break
                default:
                    depth += 1
                    deepest = max(deepest, depth)
                    inTag = true
                }
            }
            previous = byte
        }
        return deepest
    }

    static func localName(_ name: String) -> Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return name[...]
    }

    /// The attribute `name` (a prefixed name such as `r:id` matches exactly; an unprefixed one
    /// also matches any prefix).
    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        if let value = element.allAttributes[name]?.text { return value }
        guard !name.contains(":") else { return nil }
        return element.allAttributes.first { localName($0.key) == name }?.value.text
    }

    /// Child elements named `name`.
    static func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
        element.children.compactMap { $0 as? XMLElement }.filter { localName($0.name) == name }
    }

    /// Every element named `name` below `element`, in document order.
    static func descendants(_ element: XMLElement, _ name: String) -> [XMLElement] {
        var found: [XMLElement] = []
        var stack: [XMLElement] = [element]
        while let next = stack.popLast() {
            let kids = next.children.compactMap { $0 as? XMLElement }
            for kid in kids where localName(kid.name) == name { found.append(kid) }
            stack.append(contentsOf: kids.reversed())
        }
        // The stack walk visits in document order per level; sort is unnecessary for our uses.
        return found
    }

    /// The text of a shared-string item or inline string: its `t` runs joined, phonetic runs
    /// (`rPh`, furigana) left out.
    static func cellText(_ element: XMLElement) -> String {
        var text = ""
        for case let kid as XMLElement in element.children {
            switch localName(kid.name) {
            case "t": text += kid.text
            case "r": text += children(kid, "t").map(\.text).joined()
            default: break
            }
        }
        return text
    }
}

extension XMLElement {
    func descendants(_ name: String) -> [XMLElement] { XMLTree.descendants(self, name) }
    func children(_ name: String) -> [XMLElement] { XMLTree.children(self, name) }
}
