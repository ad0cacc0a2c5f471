import Foundation

/// The package root, found from this file's place in `Tests/YubeiTestSupport`.
public let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `yubei` binary that `swift build` made for the tests: `YUBEI_BINARY` when set, else the
/// `yubei` beside the test bundle (SwiftPM puts both in the same build products folder, whatever
/// the configuration or platform), else the one in `swift build --show-bin-path`.
public let yubeiBinary: URL = findBuiltProduct("yubei")

/// A product of this package's build, found as ``yubeiBinary`` is.
public func findBuiltProduct(_ name: String) -> URL {
    let fm = FileManager.default
    if let given = ProcessInfo.processInfo.environment["YUBEI_BINARY"], !given.isEmpty {
        return URL(fileURLWithPath: given)
    }
    // The test bundle: an `.xctest` executable (Linux) or bundle folder (macOS) in the products folder.
    var places = Bundle.allBundles.map(\.bundleURL) + [Bundle.main.bundleURL]
    if let executable = Bundle.main.executableURL { places.append(executable) }
    places.append(URL(fileURLWithPath: CommandLine.arguments[0]))
    for place in places {
        var folder = place.resolvingSymlinksInPath()
        for _ in 0..<4 {
            folder = folder.deletingLastPathComponent()
            let candidate = folder.appendingPathComponent(name)
            if fm.isExecutableFile(atPath: candidate.path) { return candidate }
        }
    }
    if let output = try? runCommand(URL(fileURLWithPath: "/usr/bin/env"), ["swift", "build", "--show-bin-path"], in: packageRoot),
       output.status == 0 {
        let folder = output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return URL(fileURLWithPath: folder).appendingPathComponent(name)
    }
    return packageRoot.appendingPathComponent(".build/debug").appendingPathComponent(name)
}

/// What one run of a command printed, and how it exited.
public struct CommandRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs `executable` with `arguments` in `directory`, with `environment` in place of this
/// process's when given, and waits for it to end.
///
/// Standard output and standard error are read at the same time, each to its end on its own
/// thread, so a command that writes a lot to one of them cannot block on a full pipe; the call
/// then waits for both readers and the process, without polling.
public func runCommand(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
    input: Data? = nil
) throws -> CommandRun {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let stdin = input.map { _ in Pipe() }
    if let stdin { process.standardInput = stdin }
    try process.run()
    let readers = DispatchGroup()
    let outputData = PipeData(), errorData = PipeData()
    for (pipe, data) in [(out, outputData), (err, errorData)] {
        readers.enter()
        Thread {
            data.set(pipe.fileHandleForReading.readDataToEndOfFile())
            readers.leave()
        }.start()
    }
    if let stdin, let input {
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
    }
    readers.wait()
    process.waitUntilExit()
    return CommandRun(status: process.terminationStatus,
                      stdout: String(decoding: outputData.data, as: UTF8.self),
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
private final class PipeData: @unchecked Sendable {
    private let lock = NSLock()
    private var value = Data()
    func set(_ data: Data) { lock.withLock { value = data } }
    var data: Data { lock.withLock { value } }
}
