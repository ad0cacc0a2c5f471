import Foundation
import YubeiCore
import YubeiLocation

/// What `yubei locate` prints: the `--json` document of FORMATS.md §1, or a few lines for the terminal.
public enum LocateReport {
    /// The `--json` document (absent values are `null`), to encode with ``ReportJSON``.
    public static func json(problem: LocationProblem, solution: LocationSolution) -> some Encodable {
        LocateJSON(problem: problem, solution: solution)
    }

    /// A few lines for the terminal: model, status, objective, bound, gap, open facilities,
    /// the assignment (up to 50 points) and the time.
    public static func summary(problem: LocationProblem, solution s: LocationSolution, language: Language) -> String {
        let id = { (j: Int) in problem.facilities[j].id }
        var lines = [
            "\(LocationText.modelLabel(language)): \(s.model.rawValue)",
            "\(LocationText.statusLabel(language)): \(ReportText.status(s.status)(language))",
        ]
        if let o = s.objective { lines.append("\(LocationText.objectiveLabel(language)): \(NumberText.plain(o))") }
        if let b = s.bound { lines.append("\(LocationText.boundLabel(language)): \(NumberText.plain(b))") }
        if let g = s.gap { lines.append("\(LocationText.gapLabel(language)): \(g)") }
        if s.status.hasSolution {
            lines.append("\(LocationText.openLabel(language)) (\(s.open.count)): \(s.open.map(id).joined(separator: " "))")
            if s.assignment.count <= 50 {
                lines.append("\(LocationText.assignmentLabel(language)): " + s.assignment.enumerated().map { i, j in
                    "\(i)→\(j.map(id) ?? LocationText.unservedWord(language))"
                }.joined(separator: " "))
            }
        }
        lines.append("\(LocationText.secondsLabel(language)): \(NumberText.fixed(s.seconds, decimals: 3))")
        return lines.joined(separator: "\n")
    }
}

/// The `--json` document of `yubei locate` (FORMATS.md §1).
private struct LocateJSON: Encodable {
    let problem: LocationProblem
    let solution: LocationSolution

    enum Keys: String, CodingKey {
        case model, status, objective, bound, gap, open, assignment, seconds, explanation
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let id = { (j: Int) in problem.facilities[j].id }
        try c.encode(solution.model.rawValue, forKey: .model)
        try c.encode(solution.status.rawValue, forKey: .status)
        try c.encode(ReportJSON.number(solution.objective), forKey: .objective)
        try c.encode(ReportJSON.number(solution.bound), forKey: .bound)
        try c.encode(ReportJSON.number(solution.gap), forKey: .gap)
        try c.encode(solution.open.map(id), forKey: .open)
        try c.encode(solution.assignment.map { $0.map(id) }, forKey: .assignment)
        try c.encode((solution.seconds * 1000).rounded() / 1000, forKey: .seconds)
        try c.encode(solution.explanation.map(\.en), forKey: .explanation)
    }
}
