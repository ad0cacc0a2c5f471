import Foundation

/// Writes a set of output files all at once or not at all.
///
/// Files are first written to a hidden staging folder beside the destination, then moved
/// into place; a failure part-way leaves no half-written file behind.
public enum OutputFiles {
    /// Writes `files` (name → contents) into `directory`, creating it if needed.
    public static func write(_ files: [(name: String, contents: Data)], to directory: URL) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        let staging = directory.appendingPathComponent(".yubei-staging-\(UUID().uuidString)")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: staging) }
        for file in files {
            try file.contents.write(to: staging.appendingPathComponent(file.name), options: .atomic)
        }
        for file in files {
            let target = directory.appendingPathComponent(file.name)
            if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
            try fm.moveItem(at: staging.appendingPathComponent(file.name), to: target)
        }
    }

    /// Writes text files (UTF-8) into `directory`, all or none.
    public static func write(_ files: [(name: String, text: String)], to directory: URL) throws {
        try write(files.map { (name: $0.name, contents: Data($0.text.utf8)) }, to: directory)
    }
}
