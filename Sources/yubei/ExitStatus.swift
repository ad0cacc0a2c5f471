/// Exit statuses of the `yubei` command (FORMATS.md, and BSD `sysexits.h` for 64 and 65).
enum ExitStatus: Int32, Sendable {
    /// The job ran and its answer is good: an optimal or feasible plan, every quota met.
    case success = 0
    /// The job ran and found a failure: a missed drill quota, a solver error.
    case failure = 1
    /// The model has no solution: infeasible, or no solution within the limit.
    case noSolution = 2
    /// The command line was wrong (`EX_USAGE`).
    case usage = 64
    /// An input file was wrong (`EX_DATAERR`); every problem was printed.
    case dataError = 65
    /// Writing output failed (`EX_CANTCREAT`).
    case cannotCreate = 73
}
