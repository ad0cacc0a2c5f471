import Foundation

/// The package root, found from this file's place in `Tests/YubeiCLITests`.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `yubei` binary that `swift build` made for these tests.
let yubeiBinary = packageRoot.appendingPathComponent(".build/debug/yubei")

/// What one run of a command printed, and how it exited.
struct CLIRun: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `yubei` with `arguments` in `directory`, in English unless `environment` says
/// otherwise.
///
/// Standard output and standard error are read at the same time, so a command that writes a lot
/// to one of them cannot block on a full pipe.
func runYubei(
    _ arguments: [String],
    in directory: URL = packageRoot,
    environment overrides: [String: String] = [:],
    executable: URL = yubeiBinary
) throws -> CLIRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["YUBEI_LANG"] = "en"
    environment.merge(overrides) { $1 }
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let errorData = ErrorBuffer()
    let reader = Thread { errorData.data = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outputData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return CLIRun(status: process.terminationStatus,
                  stdout: String(decoding: outputData, as: UTF8.self),
                  stderr: String(decoding: errorData.data ?? Data(), as: UTF8.self))
}

/// Standard error's bytes, handed from the reading thread to the caller.
private final class ErrorBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Data?
    var data: Data? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
    var isSet: Bool { data != nil }
}

/// A new scratch folder under the temporary directory holding `files` (name → contents).
func scratchFolder(_ files: [String: Data] = [:], prefix: String = "yubei-cli") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, data) in files { try data.write(to: url.appendingPathComponent(name)) }
    return url
}

/// A new scratch folder holding text files (UTF-8).
func scratchFolder(texts: [String: String], prefix: String = "yubei-cli") throws -> URL {
    try scratchFolder(texts.mapValues { Data($0.utf8) }, prefix: prefix)
}
