import ArgumentParser
import Foundation
import YubeiCore
import YubeiDrills
import YubeiOptimization
import YubeiReports

extension Yubei.Drills {
    /// `yubei drills plan ORGS --year Y --out DIR`: next year's drill calendar as an integer
    /// program on GLPK, written as plan.csv (records format), plan.ics, plan.md and plan.html.
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Plan a year's drills so that every quota is met: plan.csv, plan.ics, plan.md, plan.html.",
            discussion: """
            Every obligation of the year is met in its window; no drill falls on a weekend, a public \
            holiday or a blackout of the holiday calendar (default: the calendar shipped for the year), \
            nor on an organisation's unavailable dates (orgs.yaml `unavailable:`). Drills in --records \
            count and are not planned twice. Capacities (observers a week, county teams a month), the \
            weights of the soft preferences (hazard seasons, June safety month, half-yearly spacing, \
            even load) and the seasons come from --settings. When no plan exists, the command says \
            which obligations cannot be placed and which capacity or blackout blocks them, and exits 2; \
            it exits 73 when DIR cannot be written (nothing is left half written).
            """
        )

        @Argument(help: "The organisations file (orgs.yaml).")
        var orgs: String

        @Option(help: "The year to plan.")
        var year: Int

        @Option(help: "Directory to write plan.csv, plan.ics, plan.md and plan.html into.")
        var out: String

        @Option(help: "Holiday calendar YAML (default: the calendar shipped for --year).")
        var calendar: String?

        @Option(help: "Drills already held or pinned (records CSV files or folders; repeat for several): they count and are not planned again; earlier years' drills set the due dates of 2- and 3-year duties.")
        var records: [String] = []

        @Option(help: "Planning settings YAML: observers, teams, weights, seasons, spacing_days, form.")
        var settings: String?

        @Option(name: .customLong("observers-per-week"), help: "The bureau's observers attend at most N drills a week (overrides --settings).")
        var observersPerWeek: Int?

        @Option(name: .customLong("time-limit"), help: "Seconds allowed for each GLPK solve.")
        var timeLimit: Int = 30

        @Option(name: .customLong("time-budget"), help: "Seconds allowed for all solves together (organisation groups share it).")
        var timeBudget: Int = 50

        @Option(name: .customLong("max-variables"), help: "Above this many drill variables, plan organisation groups one after another.")
        var maxVariables: Int = DrillScheduler.Options().maxVariablesPerProgram

        @Flag(help: "Print one JSON document summarising the plan (or why none exists).")
        var json = false

        @Flag(help: "No progress lines on standard error.")
        var quiet = false

        @OptionGroup var language: OutputLanguageOption

        func validate() throws {
            let l = language.language
            guard (1900...9998).contains(year) else { throw ValidationError(UsageText.yearExample(2027)(l)) }
            try checkOption("--year", year, InputRanges.year, language: l)
            try checkOption("--time-limit", timeLimit, InputRanges.timeLimitSeconds, language: l)
            try checkOption("--time-budget", timeBudget, InputRanges.timeLimitSeconds, language: l)
            try checkOption("--observers-per-week", observersPerWeek, InputRanges.count, language: l)
            try checkOutOption(out, language: l)
            if let observersPerWeek, observersPerWeek < 0 { throw ValidationError(UsageText.observersNegative(l)) }
            guard timeLimit > 0 else { throw ValidationError(UsageText.positiveSeconds("--time-limit")(l)) }
            guard timeBudget > 0 else { throw ValidationError(UsageText.positiveSeconds("--time-budget")(l)) }
            guard maxVariables > 0 else { throw ValidationError(UsageText.maxVariablesPositive(l)) }
            if calendar == nil && !HolidayCalendar.shippedYears.contains(year) {
                throw ValidationError(UsageText.noShippedCalendar(year, shipped: HolidayCalendar.shippedYears)(l))
            }
        }

        func run() throws {
            let inputs = try withInputErrorsReported(language: language.language) {
                try DrillPlanInputs.read(orgs: orgs, year: year, calendar: calendar, records: records, settings: settings,
                                         observersPerWeek: observersPerWeek)
            }
            printWarnings(inputs.warnings, language: language.language)
            let l = language.language
            let registry = inputs.registry
            if inputs.calendar.isEstimated && !quiet {
                printError("yubei: warning: " + DrillsText.estimatedCalendar(year: year, origin: inputs.calendar.origin)(l))
            }
            var options = DrillScheduler.Options()
            options.timeLimitPerProgram = .seconds(timeLimit)
            options.maxVariablesPerProgram = maxVariables
            options.timeBudget = .seconds(timeBudget)
            let reporter = SolveProgressReporter(label: "drills plan", isEnabled: !quiet)
            options.configureSolve = { reporter.attach(to: &$0) }
            let directory = DrillPlanReport.Directory(
                names: Dictionary(registry.organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
                kinds: Dictionary(registry.organizations.map { ($0.id, $0.kind.rawValue) }, uniquingKeysWith: { a, _ in a }),
                jurisdiction: registry.jurisdiction
            )
            let outcome: DrillScheduler.Outcome
            do {
                outcome = try inputs.plan(year: year, options: options)
            } catch let failure as DrillScheduler.Failure {
                printError("yubei: drills plan: " + failure.phrase(l))
                throw ExitCode(ExitStatus.noSolution.rawValue)
            } catch let defect as DrillPlanInputs.PlanDefect {
                // The plan read back as records must leave nothing missed (FORMATS.md §3).
                for line in defect.description.split(separator: "\n") { printError("yubei: drills plan: internal error: \(line)") }
                throw ExitCode(ExitStatus.failure.rawValue)
            }
            switch outcome {
            case .impossible(let why):
                for line in DrillPlanExplanation.lines(why, year: year, directory: directory, language: l) { printError(line) }
                if json { print(try ReportJSON.text(DrillPlanJSON(year: year, infeasibility: why))) }
                throw ExitCode(ExitStatus.noSolution.rawValue)
            case .planned(let plan):
                let files: [(name: String, text: String)] = [
                    ("plan.csv", CSVWriter.byteOrderMark + DrillRecordsCSV.text(plan.records)),
                    ("plan.ics", DrillPlanReport.iCalendar(plan, directory: directory, language: l, stamp: Date())),
                    ("plan.md", DrillPlanReport.markdown(plan, directory: directory, language: l)),
                    ("plan.html", DrillPlanReport.html(plan, directory: directory, language: l)),
                ]
                do {
                    try OutputFiles.write(files, to: URL(fileURLWithPath: out))
                } catch {
                    printError("yubei: drills plan: " + UsageText.cannotWrite(out, error.localizedDescription)(l))
                    throw ExitCode(ExitStatus.cannotCreate.rawValue)
                }
                if json {
                    print(try ReportJSON.text(DrillPlanJSON(year: year, plan: plan, out: out, files: files.map(\.name))))
                } else {
                    for line in DrillPlanSummary.lines(plan, year: year, out: out, language: l) { print(line) }
                }
            }
        }
    }
}
