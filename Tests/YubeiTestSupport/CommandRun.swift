import Foundation

/// The package root, found from this file's place in `Tests/YubeiTestSupport`.
public let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `yubei` binary that `swift build` made for the tests.
public let yubeiBinary = packageRoot.appendingPathComponent(".build/debug/yubei")

/// What one run of a command printed, and how it exited.
public struct CommandRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs `executable` with `arguments` in `directory`, with `environment` in place of this
/// process's when given.
///
/// Standard output and standard error are read at the same time, so a command that writes a lot
/// to one of them cannot block on a full pipe.
public func runCommand(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil
) throws -> CommandRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let errorData = LockedData()
    let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let outputData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return CommandRun(status: process.terminationStatus,
                      stdout: String(decoding: outputData, as: UTF8.self),
                      stderr: String(decoding: errorData.data, as: UTF8.self))
}

/// Runs the built `yubei` with `arguments` in `directory`, in English unless `environment` says
/// otherwise.
public func runYubei(
    _ arguments: [String],
    in directory: URL = packageRoot,
    environment overrides: [String: String] = [:],
    executable: URL = yubeiBinary
) throws -> CommandRun {
    var environment = ProcessInfo.processInfo.environment
    environment["YUBEI_LANG"] = "en"
    environment.merge(overrides) { $1 }
    return try runCommand(executable, arguments, in: directory, environment: environment)
}

/// Bytes handed from a reading thread to the caller.
private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Data?
    func set(_ data: Data) { lock.withLock { value = data } }
    var isSet: Bool { lock.withLock { value != nil } }
    var data: Data { lock.withLock { value ?? Data() } }
}

/// A new scratch folder under the temporary directory holding `files` (name → contents).
public func scratchFolder(_ files: [String: Data] = [:], prefix: String = "yubei-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, data) in files { try data.write(to: url.appendingPathComponent(name)) }
    return url
}

/// A new scratch folder holding text files (UTF-8).
public func scratchFolder(texts: [String: String], prefix: String = "yubei-test") throws -> URL {
    try scratchFolder(texts.mapValues { Data($0.utf8) }, prefix: prefix)
}
