import ArgumentParser
import Foundation
import YubeiCore
import YubeiDrills
import YubeiReports

extension Yubei.Drills {
    /// `yubei drills check ORGS RECORDS --year Y`: who is behind on their drill quotas, and why.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check drill records against the rule packs: one result per organisation, rule and period.",
            discussion: """
            Status: met (enough drills), missed (the period has ended short), due (the period has not \
            ended and is short). A period has ended when --as-of is after its last day; only drills dated \
            on or before --as-of count. Without --as-of the year is judged from 1 January of the next year. \
            2-years and 3-years rules are maximum intervals: due N years after the last drill on record \
            (period START/DUE). RECORDS may be several files and folders; a drill listed twice counts once. \
            Warnings (duplicates, no record in the year, records after --as-of, organisations without any \
            record) go to standard error and leave the exit status alone. \
            Exit status: 0 nothing missed; 1 something missed; 64 a usage error; 65 an input file with errors.
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, md, html, csv
        }

        @Argument(help: "The organisations file (orgs.yaml).")
        var orgs: String

        @Argument(help: "The drill records: CSV files (UTF-8, UTF-8 with BOM or GB18030) or folders of them. A drill listed twice counts once.")
        var records: [String] = []

        @Option(help: "The year to check.")
        var year: Int

        @Option(name: .customLong("as-of"), help: "Judge as of this date (YYYY-MM-DD); default: 1 January of the next year.")
        var asOf: String?

        @Flag(help: "Print one JSON document (FORMATS.md §3).")
        var json = false

        @Option(help: "Output: table (terminal), md or html (the monthly notice), csv (one row per result).")
        var format: Format = .table

        @Option(name: .customLong("corrective-actions"),
                help: "Corrective actions CSV: organization,drill_date,action,owner,due_date,closed_date.")
        var correctiveActions: String?

        @Option(name: .customLong("calendar"),
                help: "A calendar file whose school terms replace the shipped ones for its year (repeat for several years).")
        var calendars: [String] = []

        @OptionGroup var language: OutputLanguageOption

        func validate() throws {
            let l = language.language
            guard !records.isEmpty else { throw ValidationError(UsageText.recordsNeeded(l)) }
            guard (1900...9998).contains(year) else { throw ValidationError(UsageText.yearExample(2026)(l)) }
            try checkOption("--year", year, InputRanges.year, language: l)
            if let asOf {
                guard case .success = CalendarDate.parse(asOf) else {
                    throw ValidationError(UsageText.asOfNotDate(asOf)(l))
                }
            }
        }

        func run() throws {
            let asOfDate = asOf.flatMap { CalendarDate(parsing: $0) }
            let inputs = try withInputErrorsReported(language: language.language) {
                try DrillCheckInputs.read(orgs: orgs, records: records, correctiveActions: correctiveActions,
                                          calendars: calendars)
            }
            printWarnings(inputs.warnings, language: language.language)
            let registry = inputs.registry
            let report = inputs.check(year: year, asOf: asOfDate)
            let l = language.language
            for warning in report.warnings {
                let text = DrillsText.warning(warning)(l)
                printError(warning.location.map { Diagnostic.warning(at: $0, text).description } ?? "yubei: warning: \(text)")
            }
            let text: String
            if json {
                text = try ReportJSON.text(DrillCheckJSON(report)) + "\n"
            } else {
                switch format {
                case .table: text = DrillCheckTable.render(report, orgs: registry, language: l)
                case .md: text = DrillCheckNotice.markdown(report, orgs: registry, language: l)
                case .html: text = DrillCheckNotice.html(report, orgs: registry, language: l)
                case .csv: text = DrillCheckCSV.text(report, orgs: registry, language: l)
                }
            }
            FileHandle.standardOutput.write(Data(text.utf8))
            if report.anyMissed { throw ExitCode(ExitStatus.failure.rawValue) }
        }
    }
}
