import Foundation

extension SolveProgress {
    /// One line for a terminal, such as `2.5 s  incumbent 1234.5  bound 1200  gap 2.79%  nodes 4821`;
    /// `–` stands for a value not known yet.
    public var summary: String {
        func number(_ value: Double?) -> String { value.map { String(format: "%.10g", $0) } ?? "–" }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let gap = relativeGap.map { String(format: "%.2f%%", $0 * 100) } ?? "–"
        return String(format: "%.1f s", seconds)
            + "  incumbent \(number(incumbent))  bound \(number(bestBound))  gap \(gap)  nodes \(nodes)"
    }
}
