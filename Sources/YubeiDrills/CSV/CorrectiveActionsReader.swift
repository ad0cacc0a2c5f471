import Foundation
import YubeiCore

/// Reads the corrective-actions CSV (the improvement plan after drills, HSEEP AAR/IP style):
/// `organization,drill_date,action,owner,due_date,closed_date`; `closed_date` empty while open.
/// Same encodings, date forms and row errors as records.csv.
public enum CorrectiveActionsReader {
    public static let requiredColumns = ["organization", "drill_date", "action", "owner", "due_date", "closed_date"]

    /// The actions of `path`.
    ///
    /// - Throws: ``InputError`` with every problem of the file.
    public static func read(path: String, orgs: OrganizationRegistry) throws(InputError) -> [CorrectiveAction] {
        let table = try CSVTable.load(path: path, required: requiredColumns, aliases: DrillColumnNames.correctiveActions)
        let lookup = OrganizationLookup(orgs.organizations)
        var diagnostics = Diagnostics()
        var actions: [CorrectiveAction] = []
        for row in table.rows {
            var r = CSVRowReader(table: table, row: row, diagnostics: Diagnostics())
            if row.fields.count != table.width {
                r.error(nil, DrillsMessage.rowWidth(row.fields.count, table.width, hint: false))
            }
            var organization = r.required("organization")
            if let written = organization {
                organization = lookup.find(written)?.id
                if organization == nil {
                    r.error("organization", OrganizationLookup.unknown(written, suggestions: lookup.suggestions(for: written)))
                }
            }
            let drillDate = r.date("drill_date")
            let action = r.required("action")
            let owner = r.optional("owner") ?? ""
            let due = r.date("due_date")
            let closed = r.date("closed_date", required: false)
            if r.diagnostics.hasErrors {
                diagnostics.append(contentsOf: r.diagnostics)
                continue
            }
            guard let organization, let drillDate, let action, let due else { continue }
            actions.append(CorrectiveAction(organization: organization, drillDate: drillDate, action: action,
                                            owner: owner, dueDate: due, closedDate: closed, row: row.number))
        }
        try diagnostics.throwIfErrors()
        return actions
    }
}
