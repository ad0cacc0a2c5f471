import Foundation
import YubeiCore

/// Reads drill records from several files and folders (`yubei drills check ORGS RECORDS...`,
/// FORMATS.md §3): townships send their own files every month, the county keeps one per year.
///
/// A folder stands for the records files directly inside it (``recordExtensions``), in name
/// order. Every file is read in full and its problems carry its own name (`tuxi/2026-03.csv:4:
/// error: …`), all files in one run. A drill listed twice, in one file or across files, is kept
/// once by the check (``DuplicateRecord``).
public enum DrillRecordsFiles {
    /// File name endings taken from a folder.
    public static let recordExtensions = ["csv", "xlsx"]

    /// The files `paths` stand for: each file as given, each folder's records files in name
    /// order; a path that does not exist is kept (its reader reports it).
    ///
    /// - Complexity: O(entries of the folders × log).
    public static func expand(_ paths: [String]) -> [String] {
        var result: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                result.append(path)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let files = names.filter { name in
                !name.hasPrefix(".") && !name.hasPrefix("~$")
                    && recordExtensions.contains((name as NSString).pathExtension.lowercased())
            }.sorted()
            result += files.map { (path as NSString).appendingPathComponent($0) }
        }
        return result
    }

    /// The records of every file of `paths`, in order, with the warnings of every file.
    ///
    /// - Parameter organizations: the known organisations; `nil` when the organisations file has
    ///   errors (every row is still checked for everything else).
    /// - Throws: ``InputError`` with every problem of every file, and an error for a folder
    ///   holding no records file.
    public static func read(paths: [String], organizations: [Organization]?) throws(InputError)
        -> (records: [DrillRecord], warnings: Diagnostics)
    {
        var diagnostics = Diagnostics()
        var records: [DrillRecord] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
               expand([path]).isEmpty {
                diagnostics.error(SourceLocation(file: path),
                                  DrillsMessage.folderWithoutRecords(recordExtensions.map { "." + $0 }))
            }
        }
        for file in expand(paths) {
            do {
                let read = try DrillRecordsReader.read(path: file, organizations: organizations)
                records += read.records
                diagnostics.append(contentsOf: read.warnings)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        try diagnostics.throwIfErrors()
        return (records, diagnostics)
    }
}
