import Foundation
import YubeiTestSupport

/// The workbooks the tests read, written once per test run by `Fixtures/make_workbooks.py` with
/// openpyxl (installed by `make deps`), beside the CSV and YAML files they are compared with.
enum WorkbookFixtures {
    static let script = packageRoot.appendingPathComponent("Tests/YubeiSpreadsheetTests/Fixtures/make_workbooks.py")

    /// The folder holding the fixtures; the test fails with the script's message when it cannot run.
    static let folder: Result<URL, FixtureError> = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yubei-workbooks-\(UUID().uuidString)")
        do {
            let run = try runCommand(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, url.path])
            guard run.status == 0 else {
                return .failure(FixtureError(message: "make_workbooks.py failed (run `make deps` for openpyxl): \(run.stderr)"))
            }
        } catch {
            return .failure(FixtureError(message: "cannot run python3: \(error)"))
        }
        return .success(url)
    }()

    static func path(_ name: String) throws -> String {
        try folder.get().appendingPathComponent(name).path
    }

    struct FixtureError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
