import Foundation

/// A new scratch folder under the temporary directory holding `files` (name → contents).
public func scratchFolder(_ files: [String: Data] = [:], prefix: String = "yubei-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    for (name, data) in files {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }
    return url
}

/// A new scratch folder holding text files (UTF-8).
public func scratchFolder(texts: [String: String], prefix: String = "yubei-test") throws -> URL {
    try scratchFolder(texts.mapValues { Data($0.utf8) }, prefix: prefix)
}

/// A path for a file named `name` in a new scratch folder (the file itself is not created).
public func scratchPath(_ name: String, prefix: String = "yubei-test") throws -> URL {
    try scratchFolder(prefix: prefix).appendingPathComponent(name)
}

/// A new scratch file named `name` holding `text` (UTF-8), in a folder of its own.
public func scratchFile(_ name: String, text: String, prefix: String = "yubei-test") throws -> URL {
    try scratchFolder(texts: [name: text], prefix: prefix).appendingPathComponent(name)
}

/// A scratch folder to write real files into, for real loaders to read.
public struct Scratch: Sendable {
    public let url: URL

    /// A new, empty folder under the temporary directory.
    public init(prefix: String = "yubei-test") {
        // Creating a folder in the temporary directory fails only on a broken machine.
        url = try! scratchFolder(prefix: prefix)
    }

    /// Writes UTF-8 `text` to `name` (sub-folders created) and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) -> String {
        write(name, Data(text.utf8))
    }

    /// Writes `data` to `name` (sub-folders created) and returns its path.
    @discardableResult
    public func write(_ name: String, _ data: Data) -> String {
        let file = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: file)
        return file.path
    }

    /// The path of `name` in the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
