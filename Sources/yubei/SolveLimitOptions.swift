import ArgumentParser
import YubeiCore
import YubeiSiting

/// `--time-limit` and `--gap`, as every command that plans a scenario takes them (solve, study,
/// frontier, stress), checked alike and turned into ``SitingOptions`` in one place.
struct SolveLimitOptions: ParsableArguments {
    @Option(name: .long, help: "Stop each GLPK solve after this many seconds and keep the best plan found.")
    var timeLimit: Double?

    @Option(name: .long, help: "Relative MIP gap at which each solve stops (default 0.0001).")
    var gap: Double = 1e-4

    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw ValidationError(UsageText.positiveSeconds("--time-limit")(commandLineLanguage))
        }
        if !(gap >= 0 && gap.isFinite) { throw ValidationError(UsageText.nonNegative("--gap")(commandLineLanguage)) }
        try checkOption("--time-limit", timeLimit, InputRanges.timeLimitSeconds)
        try checkOption("--gap", gap, InputRanges.relativeGap)
    }

    /// Siting options with this time limit (to the millisecond) and gap; the rest as default.
    func sitingOptions() -> SitingOptions {
        var options = SitingOptions()
        options.timeLimit = timeLimit.map { .milliseconds(Int64(($0 * 1000).rounded())) }
        options.relativeGap = gap
        return options
    }
}
