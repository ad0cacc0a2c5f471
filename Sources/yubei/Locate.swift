import ArgumentParser
import Foundation
import YubeiCore
import YubeiLocation
import YubeiOptimization
import YubeiReports

extension LocationModelKind: ExpressibleByArgument {}
extension ORLibrary.Format: ExpressibleByArgument {}

extension Yubei {
    /// `yubei locate`: the classic location models (FORMATS.md §1).
    struct Locate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Solve a classic location problem: p-median, p-center, lscp, mclp, uflp, cflp, sscflp.",
            discussion: """
            PROBLEM is a JSON (or YAML) file as in FORMATS.md §1. With --orlib, FILE is an OR-Library \
            file: 'cap' (capacitated warehouse location; --model uflp|cflp|sscflp, default cflp; \
            --capacity fills the word 'capacity' of capa/capb/capc) or 'pmed' (p-median graph; \
            --model p-median|p-center) or 'sscflp' (single-source capacitated location in the layout of \
            Holmberg, Rönnqvist & Yuan's p1–p71; --model sscflp|cflp|uflp, default sscflp). OR-Library facility ids are the file's 1-based numbers.
            'seconds' is the time spent solving, after reading the input.
            Exit status: 0 optimal or feasible; 2 infeasible or no solution within the limit; \
            1 solver error; 64 usage error; 65 input file with errors.
            """
        )

        @Argument(help: "The problem file (JSON/YAML), or the OR-Library file with --orlib.")
        var file: String

        @Option(name: .long, help: "Read an OR-Library file of this format: cap, pmed or sscflp (Holmberg layout).")
        var orlib: ORLibrary.Format?

        @Option(name: .long, help: "Value of the word 'capacity' in capa/capb/capc (with --orlib cap).")
        var capacity: Double?

        @Option(name: .long, help: "The model to solve (overrides the problem file's 'model').")
        var model: LocationModelKind?

        @Option(name: .long, help: "Stop after this many seconds and report the best solution found.")
        var timeLimit: Double?

        @Option(name: .long, help: "Relative gap at which a solution counts as optimal (default 1e-9).")
        var gap: Double = 1e-9

        @Flag(name: .long, help: "Print exactly one JSON document on standard output.")
        var json = false

        @Option(name: .long, help: "Write the textbook MILP of the problem to this CPLEX LP file (for glpsol) and exit without solving.")
        var writeTextbookModel: String?

        @Flag(name: .long, help: "Print what the solver did (GLPK rounds) on standard error.")
        var verbose = false

        @OptionGroup var output: OutputLanguageOption

        func validate() throws {
            let l = output.language
            if let t = timeLimit, !(t > 0 && t.isFinite) { throw ValidationError(UsageText.secondsAboveZero("--time-limit")(l)) }
            try checkOption("--time-limit", timeLimit, InputRanges.timeLimitSeconds, language: l)
            try checkOption("--gap", gap, InputRanges.relativeGap, language: l)
            try checkOption("--capacity", capacity, InputRanges.orlibCapacity, language: l)
            if !(gap >= 0 && gap.isFinite) { throw ValidationError(UsageText.nonNegative("--gap", finite: true)(l)) }
            if let c = capacity, !(c >= 0 && c.isFinite) { throw ValidationError(UsageText.nonNegative("--capacity")(l)) }
            if capacity != nil && orlib != .cap { throw ValidationError(UsageText.capacityOnlyWithCap(l)) }
            switch (orlib, model) {
            case (.cap?, let m?) where ![.uflp, .cflp, .sscflp].contains(m):
                throw ValidationError(UsageText.orlibModels("cap", "uflp, cflp or sscflp", "uflp、cflp 或 sscflp", not: m.rawValue)(l))
            case (.sscflp?, let m?) where ![.uflp, .cflp, .sscflp].contains(m):
                throw ValidationError(UsageText.orlibModels("sscflp", "sscflp, cflp or uflp", "sscflp、cflp 或 uflp", not: m.rawValue)(l))
            case (.pmed?, let m?) where ![.pMedian, .pCenter].contains(m):
                throw ValidationError(UsageText.orlibModels("pmed", "p-median or p-center", "p-median 或 p-center", not: m.rawValue)(l))
            default: break
            }
        }

        func run() throws {
            let problem = try withInputErrorsReported(language: output.language) { () throws -> LocationProblem in
                switch orlib {
                case .cap?: return try ORLibrary.readCap(path: file, capacity: capacity, model: model ?? .cflp)
                case .pmed?: return try ORLibrary.readPMedian(path: file, model: model ?? .pMedian)
                case .sscflp?: return try ORLibrary.readHolmberg(path: file, model: model ?? .sscflp)
                case nil: return try LocationProblem.load(path: file, model: model)
                }
            }
            if let path = writeTextbookModel {
                do {
                    try problem.textbookModel().write(to: path, format: .cplexLP)
                } catch {
                    printError("yubei: error: " + UsageText.cannotWriteModel(error)(output.language))
                    throw ExitCode(ExitStatus.cannotCreate.rawValue)
                }
                printError(LocationText.textbookModelWritten(path)(output.language))
                return
            }
            var options = LocationOptions(relativeGap: gap)
            if let t = timeLimit { options.timeLimit = .milliseconds(Int64((t * 1000).rounded())) }
            // Progress of long GLPK solves on stderr (stdout stays clean for --json).
            let reporter = SolveProgressReporter(label: "locate")
            options.progress = { reporter.report($0) }
            let solution = problem.solve(options: options)
            let language = output.language
            if verbose { for line in solution.log { printError(line) } }
            for reason in solution.explanation { printError(reason(language)) }
            if json {
                print(try ReportJSON.text(LocateReport.json(problem: problem, solution: solution)))
            } else {
                print(LocateReport.summary(problem: problem, solution: solution, language: language))
            }
            switch solution.status {
            case .optimal, .feasible: return
            case .infeasible, .noSolution: throw ExitCode(ExitStatus.noSolution.rawValue)
            case .unbounded, .error: throw ExitCode(ExitStatus.failure.rawValue)
            }
        }
    }
}
