import Foundation
import YubeiCore

/// Reads records.csv (FORMATS.md §3) as county offices keep it: UTF-8 with or without BOM or
/// GB18030; dates as `2026-03-14`, `2026/3/14` or `2026年3月14日`; extra columns ignored.
///
/// Every bad row is reported as `FILE:ROW: error: column 'x': …` (header = row 1), all in one run.
public enum DrillRecordsReader {
    /// Columns the header must name. `plan` and `participants` may be left out.
    public static let requiredColumns = ["organization", "date", "type", "form", "evaluation_report", "reported_to_county"]
    /// Every column of the format, in order.
    public static let columns = ["organization", "date", "type", "form", "plan", "participants", "evaluation_report",
                                 "reported_to_county"]

    /// The records of `path`, checked against the organisations of `orgs`.
    ///
    /// - Throws: ``InputError`` with every problem of the file.
    /// - Complexity: O(rows × columns).
    public static func read(path: String, orgs: OrganizationRegistry) throws(InputError) -> [DrillRecord] {
        try read(path: path, organizations: orgs.organizations).records
    }

    /// The records of `path` and warnings (a plan id the organisation does not list).
    ///
    /// - Parameter organizations: the known organisations; `nil` when the organisations file
    ///   itself has errors, so that the rest of each row is still checked in the same run.
    public static func read(path: String, organizations: [Organization]?) throws(InputError)
        -> (records: [DrillRecord], warnings: Diagnostics, encoding: RecordsEncoding)
    {
        let checkOrganizations = organizations != nil
        let organizations = organizations ?? []
        let table = try CSVTable.load(path: path, required: requiredColumns, optional: ["plan", "participants"],
                                      aliases: DrillColumnNames.records)
        let lookup = OrganizationLookup(organizations)
        var diagnostics = Diagnostics()
        var records: [DrillRecord] = []
        for row in table.rows {
            var r = CSVRowReader(table: table, row: row, diagnostics: Diagnostics())
            if row.fields.count != table.width {
                r.error(nil, DrillsMessage.rowWidth(row.fields.count, table.width, hint: true))
            }
            var organization: Organization?
            if let id = r.required("organization") {
                organization = lookup.find(id) ?? (checkOrganizations ? nil : Organization(id: id, name: id, kind: .enterprise))
                if organization == nil {
                    r.error("organization", OrganizationLookup.unknown(id, suggestions: lookup.suggestions(for: id)))
                }
            }
            let date = r.date("date")
            let type = r.choice("type", DrillType.allCases.map(\.rawValue), aliases: DrillType.aliases,
                                make: DrillType.init(rawValue:))
            let form = r.choice("form", DrillForm.allCases.map(\.rawValue), aliases: DrillForm.aliases,
                                make: DrillForm.init(rawValue:))
            let plan = r.optional("plan")
            var participants: Int?
            if let text = r.optional("participants") {
                if let n = Int(text), n >= 0 { participants = n } else {
                    r.error("participants", Phrase(en: "'\(text)' is not a whole number ≥ 0", zh: "'\(text)' 不是 ≥ 0 的整数"))
                }
            }
            let yesNo = ReportStatus.allCases.map(\.rawValue)
            let evaluation = r.choice("evaluation_report", yesNo, aliases: ReportStatus.aliases,
                                      make: ReportStatus.init(rawValue:))
            let reported = r.choice("reported_to_county", yesNo, aliases: ReportStatus.aliases,
                                    make: ReportStatus.init(rawValue:))
            if let organization, let plan, !organization.plans.isEmpty, !organization.plans.contains(where: { $0.id == plan }) {
                diagnostics.warning(table.location(row),
                                    DrillsMessage.planNotOfOrganization(plan, organization.id, plans: organization.plans.map(\.id)))
            }
            if r.diagnostics.hasErrors {
                diagnostics.append(contentsOf: r.diagnostics)
                continue
            }
            guard let organization, let date, let type, let form, let evaluation, let reported else { continue }
            records.append(DrillRecord(organization: organization.id, date: date, type: type, form: form, plan: plan,
                                       participants: participants, evaluationReport: evaluation,
                                       reportedToCounty: reported, row: row.number, file: path))
        }
        try diagnostics.throwIfErrors()
        return (records, diagnostics, table.encoding)
    }
}

/// Writes drill records in the records.csv format (UTF-8, header, RFC 4180 quoting by ``CSVWriter``).
public enum DrillRecordsCSV {
    /// The CSV text of `records`, in the given order.
    public static func text(_ records: [DrillRecord]) -> String {
        CSVWriter.table(header: DrillRecordsReader.columns, rows: records.map { r in
            [r.organization, r.date.description, r.type.rawValue, r.form.rawValue, r.plan ?? "",
             r.participants.map(String.init) ?? "", r.evaluationReport.rawValue, r.reportedToCounty.rawValue]
        }, lineEnd: "\n")
    }
}
