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
            which obligations cannot be placed and which capacity or blackout blocks them, and exits 2.
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

        @Option(help: "Drills already held or pinned (records.csv): they count and are not planned again.")
        var records: String?

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
            guard (1900...9998).contains(year) else { throw ValidationError("--year must be a year such as 2027") }
            if let observersPerWeek, observersPerWeek < 0 { throw ValidationError("--observers-per-week must be 0 or more") }
            guard timeLimit > 0 else { throw ValidationError("--time-limit must be a positive number of seconds") }
            guard timeBudget > 0 else { throw ValidationError("--time-budget must be a positive number of seconds") }
            guard maxVariables > 0 else { throw ValidationError("--max-variables must be positive") }
        }

        struct Inputs {
            var registry: OrganizationRegistry
            var held: [DrillRecord]
            var calendar: HolidayCalendar
            var settings: PlanningSettings
        }

        /// Reads every input file, reporting all their problems together.
        func readInputs() throws -> Inputs {
            var diagnostics = Diagnostics()
            var registry: OrganizationRegistry?
            do {
                let (read, warnings) = try OrganizationsFile.read(path: orgs)
                printWarnings(warnings)
                registry = read
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
            var held: [DrillRecord] = []
            if let records, let registry {
                do {
                    let read = try DrillRecordsReader.read(path: records, organizations: registry.organizations)
                    held = read.records
                    printWarnings(read.warnings)
                } catch {
                    diagnostics.append(contentsOf: error.diagnostics)
                }
            }
            var holidayCalendar: HolidayCalendar?
            do {
                if let path = calendar {
                    let loaded = try HolidayCalendar.load(path: path)
                    if loaded.year != year {
                        diagnostics.error(SourceLocation(file: path, line: 1, column: 1),
                                          "year: the calendar is for \(loaded.year), but --year is \(year)")
                    }
                    holidayCalendar = loaded
                } else if let shipped = try HolidayCalendar.shipped(year: year) {
                    holidayCalendar = shipped
                } else {
                    let years = HolidayCalendar.shippedYears.map(String.init).joined(separator: ", ")
                    throw ValidationError("no holiday calendar is shipped for \(year) (shipped: \(years)); pass --calendar FILE")
                }
            } catch let error as InputError {
                diagnostics.append(contentsOf: error.diagnostics)
            }
            var planning = PlanningSettings()
            if let path = settings {
                do {
                    planning = try PlanningSettings.load(path: path)
                } catch {
                    diagnostics.append(contentsOf: error.diagnostics)
                }
            }
            if let registry {
                let ids = Set(registry.organizations.map(\.id))
                let named = (planning.observers.map { [$0.attends] } ?? []) + planning.teams.map(\.joins)
                for id in named.flatMap({ $0.organizations ?? [] }).sorted() where !ids.contains(id) {
                    diagnostics.error(SourceLocation(file: settings ?? ""), "organizations: '\(id)' is not an organisation of \(orgs)")
                }
            }
            if let observersPerWeek {
                planning.observers = .init(perWeek: observersPerWeek, attends: planning.observers?.attends ?? DrillSelector())
            }
            if diagnostics.hasErrors { throw InputError(diagnostics: diagnostics) }
            return Inputs(registry: registry!, held: held, calendar: holidayCalendar!, settings: planning)
        }

        func run() throws {
            let inputs = try withInputErrorsReported { try readInputs() }
            let l = language.language
            let registry = inputs.registry
            if inputs.calendar.isEstimated && !quiet {
                printError("yubei: warning: the holiday calendar for \(year) is an estimate (\(inputs.calendar.origin)); check it against the official notice")
            }
            let problem = DrillScheduleProblem(
                registry: registry, records: inputs.held, year: year, calendar: inputs.calendar, settings: inputs.settings
            )
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
                outcome = try DrillScheduler(problem: problem, options: options).schedule()
            } catch let failure as DrillScheduler.Failure {
                printError("yubei: drills plan: \(failure.description)")
                throw ExitCode(ExitStatus.noSolution.rawValue)
            }
            switch outcome {
            case .impossible(let why):
                for line in DrillPlanExplanation.lines(why, year: year, directory: directory, language: l) { printError(line) }
                if json { print(try ReportJSON.text(DrillPlanJSON(year: year, infeasibility: why))) }
                throw ExitCode(ExitStatus.noSolution.rawValue)
            case .planned(let plan):
                // The plan read back as records must leave nothing missed (FORMATS.md §3).
                let check = plan.check(registry: registry, held: inputs.held)
                let missed = check.results.filter { $0.status == .missed }
                guard missed.isEmpty else {
                    for r in missed { printError("yubei: drills plan: internal error: the plan misses \(r.organization) \(r.rule) \(r.period.label)") }
                    throw ExitCode(ExitStatus.failure.rawValue)
                }
                let files: [(name: String, text: String)] = [
                    ("plan.csv", CSVWriter.byteOrderMark + DrillRecordsCSV.text(plan.records)),
                    ("plan.ics", DrillPlanReport.iCalendar(plan, directory: directory, language: l, stamp: Date())),
                    ("plan.md", DrillPlanReport.markdown(plan, directory: directory, language: l)),
                    ("plan.html", DrillPlanReport.html(plan, directory: directory, language: l)),
                ]
                do {
                    try OutputFiles.write(files, to: URL(fileURLWithPath: out))
                } catch {
                    printError("yubei: drills plan: cannot write \(out): \(error.localizedDescription)")
                    throw ExitCode(ExitStatus.cannotCreate.rawValue)
                }
                if json {
                    print(try ReportJSON.text(DrillPlanJSON(year: year, plan: plan, out: out, files: files.map(\.name))))
                } else {
                    let orgsPlanned = Set(plan.drills.map(\.organization)).count
                    print("\(plan.drills.count) drills planned for \(orgsPlanned) organisations in \(year); written to \(out)/plan.csv, plan.ics, plan.md, plan.html")
                    for p in plan.preferences where p.applicable > 0 {
                        print("  \(p.kind == .spacing ? p.name : "\(p.hazard ?? "all") \(p.name)"): \(p.met)/\(p.applicable)")
                    }
                    if !plan.deferred.isEmpty { print("  \(plan.deferred.count) obligations have windows ending after \(year) and were not planned") }
                }
            }
        }
    }
}
