import YubeiCore

/// Everything `yubei drills plan` reads, read and cross-checked in one step: the organisations
/// file and its rule packs, the drills already held or pinned (files and folders), the holiday
/// calendar of the year (its school terms too) and the planning settings.
public struct DrillPlanInputs: Sendable {
    public var registry: OrganizationRegistry
    /// Drills held or pinned, any year (earlier years' drills set the due dates of 2- and 3-year duties).
    public var held: [DrillRecord]
    public var calendar: HolidayCalendar
    public var settings: PlanningSettings
    /// The shipped school terms, with the calendar's own terms for its year when it gives them.
    public var terms: SchoolTerms
    /// Warnings of the files read.
    public var warnings: Diagnostics

    /// Reads every input file of the plan of `year`.
    ///
    /// - Parameters:
    ///   - calendar: a calendar file; `nil` = the calendar shipped for `year` (the caller checks
    ///     first that there is one: ``HolidayCalendar/shippedYears``).
    ///   - records: records files and folders of drills already held or pinned.
    ///   - settings: a planning settings file, if any.
    ///   - observersPerWeek: replaces the settings' weekly observer limit when given.
    /// - Throws: ``InputError`` with every error of every file, including a calendar for another
    ///   year and a settings file naming an organisation the orgs file does not have.
    public static func read(
        orgs: String, year: Int, calendar: String? = nil, records: [String] = [], settings: String? = nil,
        observersPerWeek: Int? = nil
    ) throws(InputError) -> DrillPlanInputs {
        var diagnostics = Diagnostics()
        var registry: OrganizationRegistry?
        do {
            let (read, warnings) = try OrganizationsFile.read(path: orgs)
            diagnostics.append(contentsOf: warnings)
            registry = read
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }
        var held: [DrillRecord] = []
        if !records.isEmpty, let registry {
            do {
                let read = try DrillRecordsFiles.read(paths: records, organizations: registry.organizations)
                held = DuplicateRecord.removing(from: read.records).unique
                diagnostics.append(contentsOf: read.warnings)
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
                                      DrillsMessage.calendarForOtherYear(loaded.year, year))
                }
                holidayCalendar = loaded
            } else if let shipped = try HolidayCalendar.shipped(year: year) {
                holidayCalendar = shipped
            } else {
                diagnostics.error(SourceLocation(file: orgs), DrillsMessage.noShippedCalendar(year, shipped: HolidayCalendar.shippedYears))
            }
        } catch {
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
                diagnostics.error(SourceLocation(file: settings ?? ""), DrillsMessage.notAnOrganization(id, orgs))
            }
        }
        if let observersPerWeek {
            planning.observers = .init(perWeek: observersPerWeek, attends: planning.observers?.attends ?? DrillSelector())
        }
        guard let registry, let holidayCalendar, !diagnostics.hasErrors else { throw InputError(diagnostics: diagnostics) }
        return DrillPlanInputs(
            registry: registry, held: held, calendar: holidayCalendar, settings: planning,
            terms: SchoolTerms.shipped.overridden(by: holidayCalendar.schoolTerms),
            warnings: Diagnostics(diagnostics.warnings)
        )
    }

    /// The planning problem of `year` (``DrillScheduleProblem/init(registry:records:year:calendar:settings:terms:)``).
    public func problem(year: Int) -> DrillScheduleProblem {
        DrillScheduleProblem(registry: registry, records: held, year: year, calendar: calendar, settings: settings,
                             terms: terms)
    }

    /// A plan that, read back as records with the held drills, leaves something `missed`: a
    /// defect of the planner, never to be written out.
    public struct PlanDefect: Error, Sendable, CustomStringConvertible {
        /// The results the plan leaves missed.
        public var missed: [QuotaResult]

        public var description: String {
            missed.map { "the plan misses \($0.organization) \($0.rule) \($0.period.label)" }.joined(separator: "\n")
        }
    }

    /// Plans `year` and checks the plan as FORMATS.md §3 asks: read back as records with the
    /// held drills, it must leave no result `missed`.
    ///
    /// - Throws: ``DrillScheduler/Failure`` when GLPK stops without a plan or a proof that none
    ///   exists; ``PlanDefect`` when the plan would leave something missed.
    public func plan(year: Int, options: DrillScheduler.Options = .init()) throws -> DrillScheduler.Outcome {
        let outcome = try DrillScheduler(problem: problem(year: year), options: options).schedule()
        if case .planned(let plan) = outcome {
            let missed = plan.check(registry: registry, held: held, terms: terms).results.filter { $0.status == .missed }
            guard missed.isEmpty else { throw PlanDefect(missed: missed) }
        }
        return outcome
    }
}
