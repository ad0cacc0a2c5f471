import ArgumentParser
import YubeiOptimization

extension Yubei {
    /// Prints the versions of Yubei and of the GLPK it is linked with.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the versions of Yubei and GLPK.")

        func run() throws {
            print("yubei \(Yubei.version), GLPK \(GLPK.version)")
        }
    }
}
