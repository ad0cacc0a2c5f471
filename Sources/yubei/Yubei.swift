import ArgumentParser
import YubeiCore

/// `yubei`: plan stockpiles, shelters, team coverage and drills for a county.
struct Yubei: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "yubei",
        abstract: "Plan a county's relief stockpiles, shelters, rescue-team coverage and drills.",
        discussion: """
        Exit status: 0 success; 1 a missed quota or a solver error; 2 no solution (infeasible, or \
        none within the time limit); 64 a usage error; 65 an input file with errors (each printed \
        as FILE:LINE:COLUMN: error: MESSAGE); 73 an output folder or file that cannot be written \
        (nothing is left half written).
        """,
        version: version,
        subcommands: Yubei.allSubcommands
    )
}
