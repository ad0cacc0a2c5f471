import ArgumentParser
import Foundation
import YubeiCore

/// Options every planning command shares.
struct OutputLanguageOption: ParsableArguments {
    @Option(name: .long, help: "Language of reports and summaries: zh or en (default: YUBEI_LANG, then LANG).")
    var lang: Language?

    /// The language asked for, else the one the environment implies.
    var language: Language { lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }
}

extension Language: ExpressibleByArgument {}

/// Writes `text` and a newline to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs `body`; on ``InputError`` prints every diagnostic (`FILE:LINE:COL: error: …`) to
/// standard error and exits 65, so that no command writes output from bad input.
func withInputErrorsReported<R>(_ body: () throws -> R) throws -> R {
    do {
        return try body()
    } catch let error as InputError {
        for diagnostic in error.diagnostics.all { printError(diagnostic.description) }
        throw ExitCode(ExitStatus.dataError.rawValue)
    }
}

/// Prints warnings (which never change the exit status) to standard error.
func printWarnings(_ diagnostics: Diagnostics) {
    for warning in diagnostics.warnings { printError(warning.description) }
}
