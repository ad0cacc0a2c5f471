// libFuzzer target for the YAML (and JSON) and CSV readers of YubeiCore: whatever the bytes, the
// readers return a tree or diagnostics, never crash, and every diagnostic names the file.
// Built by Fuzz/run.sh with `swiftc -sanitize=fuzzer` (see `make fuzz`).
import Foundation
import Yams

@_cdecl("LLVMFuzzerTestOneInput")
public func yubeiFuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    do {
        let file = try YAMLFile.parse(data: data, path: "fuzz.yaml")
        var reader = YAMLReader(file: file)
        visit(file.root, "", &reader, depth: 0)
    } catch {
        precondition(error.diagnostics.all.allSatisfy { $0.location.file == "fuzz.yaml" })
    }
    do {
        let table = try CSVTable(data: data, path: "fuzz.csv", required: ["from", "to"], optional: ["km"])
        for row in table.rows {
            _ = table.cell(row, "from")
            if let km = table.cell(row, "km"), let value = Double(km) { _ = InputRanges.range(forKeyPath: "km").problem(with: value) }
        }
    } catch {
        precondition(error.diagnostics.all.allSatisfy { $0.location.file == "fuzz.csv" })
    }
    return 0
}

/// Reads every node the way the loaders do: as text, number, whole number and truth value.
func visit(_ node: Node, _ path: String, _ reader: inout YAMLReader, depth: Int) {
    guard depth < 600 else { return }
    switch node {
    case .mapping:
        for pair in reader.mapping(node, path) ?? [] { visit(pair.value, YAMLReader.join(path, pair.key), &reader, depth: depth + 1) }
    case .sequence:
        for (i, item) in (reader.sequence(node, path) ?? []).enumerated() { visit(item, "\(path)[\(i)]", &reader, depth: depth + 1) }
    case .scalar:
        _ = reader.string(node, path)
        _ = reader.number(node, path)
        _ = reader.integer(node, path)
        _ = reader.boolean(node, path)
        _ = reader.identifier(node, path)
        _ = SafeText.markdown(node.string ?? "")
        _ = SafeText.csvCell(node.string ?? "")
        _ = SafeText.iCalendarText(node.string ?? "")
    case .alias:
        break
    }
}
