import YubeiCore

/// Everything `yubei drills check` reads, read and cross-checked in one step: the organisations
/// file and its rule packs, the records files and folders, the optional corrective actions and
/// calendars (for school terms).
///
/// Every problem of every file is gathered before anything is judged: with a broken orgs file the
/// records are still checked for everything else, so one run shows all there is to fix.
public struct DrillCheckInputs: Sendable {
    public var registry: OrganizationRegistry
    /// The records of every file, in the order the files were given (duplicates included: the
    /// check counts them once and reports them).
    public var records: [DrillRecord]
    public var correctiveActions: [CorrectiveAction]
    /// The shipped school terms, overridden year by year by the calendars given.
    public var terms: SchoolTerms
    /// Warnings of the files read (unknown sectors, plan ids an organisation does not list).
    public var warnings: Diagnostics

    public init(
        registry: OrganizationRegistry, records: [DrillRecord], correctiveActions: [CorrectiveAction] = [],
        terms: SchoolTerms = .shipped, warnings: Diagnostics = Diagnostics()
    ) {
        self.registry = registry
        self.records = records
        self.correctiveActions = correctiveActions
        self.terms = terms
        self.warnings = warnings
    }

    /// Reads every input file.
    ///
    /// - Parameters:
    ///   - orgs: the organisations file (orgs.yaml).
    ///   - records: records files and folders of them.
    ///   - correctiveActions: the corrective-actions CSV, if any.
    ///   - calendars: calendar files whose `terms:` replace the shipped terms of their years.
    /// - Throws: ``InputError`` with every error of every file.
    public static func read(
        orgs: String, records: [String], correctiveActions: String? = nil, calendars: [String] = []
    ) throws(InputError) -> DrillCheckInputs {
        var diagnostics = Diagnostics()
        var registry: OrganizationRegistry?
        do {
            let (read, warnings) = try OrganizationsFile.read(path: orgs)
            registry = read
            diagnostics.append(contentsOf: warnings)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }
        var drills: [DrillRecord] = []
        do {
            let read = try DrillRecordsFiles.read(paths: records, organizations: registry?.organizations)
            drills = read.records
            diagnostics.append(contentsOf: read.warnings)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }
        var actions: [CorrectiveAction] = []
        if let path = correctiveActions, let registry {
            do {
                actions = try CorrectiveActionsReader.read(path: path, orgs: registry)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        var terms = SchoolTerms.shipped
        var calendarYears: [Int: String] = [:]
        for path in calendars {
            do {
                let calendar = try HolidayCalendar.load(path: path)
                if let other = calendarYears[calendar.year] {
                    diagnostics.error(SourceLocation(file: path, line: 1, column: 1),
                                      DrillsMessage.twoCalendarsForYear(other, calendar.year))
                }
                calendarYears[calendar.year] = path
                terms = terms.overridden(by: calendar.schoolTerms)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        guard let registry, !diagnostics.hasErrors else { throw InputError(diagnostics: diagnostics) }
        return DrillCheckInputs(registry: registry, records: drills, correctiveActions: actions, terms: terms,
                                warnings: Diagnostics(diagnostics.warnings))
    }

    /// The check of `year` as of `asOf` (``DrillCheck/run(orgs:records:year:asOf:correctiveActions:terms:)``).
    public func check(year: Int, asOf: CalendarDate?) -> DrillCheckReport {
        DrillCheck.run(orgs: registry, records: records, year: year, asOf: asOf, correctiveActions: correctiveActions,
                       terms: terms)
    }
}
