import Foundation

/// A command the tests rely on failed.
public struct CommandFailure: Error, CustomStringConvertible {
    public var description: String
}

/// `text` in GB18030, converted by iconv(1) as an office PC running Excel would save it.
///
/// - Throws: ``CommandFailure`` when iconv fails.
public func gb18030ByIconv(_ text: String) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CommandFailure(description: "iconv exited with status \(process.terminationStatus)")
    }
    return data
}
