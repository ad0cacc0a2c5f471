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

/// The language this run asked for: `--lang zh|en` (or `--lang=zh`) on the command line, else the
/// environment's. The default of the helpers below, so that a command that does not hand its
/// parsed `--lang` on still reports in the language asked for.
let commandLineLanguage: Language = {
    let arguments = CommandLine.arguments.dropFirst()
    for (index, argument) in zip(arguments.indices, arguments) {
        if argument == "--" { break }
        if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7)).lowercased()) {
            return language
        }
        if argument == "--lang", index + 1 < arguments.endIndex,
           let language = Language(rawValue: arguments[index + 1].lowercased()) {
            return language
        }
    }
    return Language.fromEnvironment(ProcessInfo.processInfo.environment)
}()

/// Writes `text` and a newline to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Runs `body`; on ``InputError`` prints every diagnostic (`FILE:LINE:COL: error: …`) to
/// standard error and exits 65, so that no command writes output from bad input.
/// Messages come in `language` where the reader words them in Chinese too.
func withInputErrorsReported<R>(
    language: Language = commandLineLanguage, _ body: () throws -> R
) throws -> R {
    do {
        return try body()
    } catch let error as InputError {
        // Written in large pieces: a file of a million bad rows prints millions of lines.
        var buffer = ""
        for diagnostic in error.diagnostics.all {
            buffer += diagnostic.description(in: language) + "\n"
            if buffer.utf8.count > 1 << 20 { FileHandle.standardError.write(Data(buffer.utf8)); buffer = "" }
        }
        if let summary = error.diagnostics.omittedSummary(in: language) { buffer += "yubei: error: \(summary)\n" }
        FileHandle.standardError.write(Data(buffer.utf8))
        throw ExitCode(ExitStatus.dataError.rawValue)
    }
}

/// Prints warnings (which never change the exit status) to standard error.
func printWarnings(_ diagnostics: Diagnostics, language: Language = commandLineLanguage) {
    for warning in diagnostics.warnings { printError(warning.description(in: language)) }
}

/// Refuses an option value outside its documented range (``InputRanges``) as a usage error (exit 64).
/// Messages come in `language` (``UsageText``).
func checkOption(_ name: String, _ value: Double?, _ range: InputRange,
                 language: Language = commandLineLanguage) throws {
    guard let value else { return }
    if let problem = range.problemPhrase(with: value) { throw ValidationError(UsageText.optionOutOfRange(name, problem)(language)) }
}

func checkOption(_ name: String, _ value: Int?, _ range: InputRange,
                 language: Language = commandLineLanguage) throws {
    try checkOption(name, value.map(Double.init), range, language: language)
}

/// Refuses an empty or blank `--out` (it would write into the current folder) as a usage error.
func checkOutOption(_ out: String?, name: String = "--out",
                    language: Language = commandLineLanguage) throws {
    guard let out else { return }
    if out.trimmingCharacters(in: .whitespaces).isEmpty {
        throw ValidationError(UsageText.emptyFolderName(name)(language))
    }
    if out.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
        throw ValidationError(UsageText.controlCharacter(name)(language))
    }
}

/// Runs the planning work of a command: a solver failure (a model GLPK must not see) is exit 1.
func planning<R>(_ body: () throws -> R) throws -> R {
    do { return try body() } catch let exit as ExitCode { throw exit } catch {
        printError("yubei: error: \(error)")
        throw ExitCode(ExitStatus.failure.rawValue)
    }
}

/// Writes `files` into the folder `out` as one set (all or nothing, ``OutputFiles``); a folder
/// that cannot take them is exit 73.
func writeOutputSet(_ files: [(name: String, text: String)], to out: String) throws {
    do { try OutputFiles.write(files, to: URL(fileURLWithPath: out)) } catch {
        printError("yubei: error: " + UsageText.cannotWrite(out, error.localizedDescription)(commandLineLanguage))
        throw ExitCode(ExitStatus.cannotCreate.rawValue)
    }
}
