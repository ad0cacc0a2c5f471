internal import CGLPK
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` with GLPK's terminal output of this thread sent to standard error (or
/// silenced), never to standard output, and leaves it silenced afterwards, so that no later
/// GLPK call on this thread can print to standard output either.
///
/// GLPK's terminal settings are per thread, so concurrent solves do not disturb each other.
/// Tested end to end by `GLPKTerminalTests`, which runs solves in a child process and reads
/// both of its streams.
func withGLPKTerminal<R>(_ verbosity: SolveOptions.Verbosity, _ body: () throws -> R) rethrows -> R {
    if verbosity == .quiet {
        glp_term_out(GLP_OFF)
    } else {
        glp_term_out(GLP_ON)
        glp_term_hook(glpkTerminalToStandardError, nil)
    }
    defer {
        glp_term_hook(nil, nil)
        glp_term_out(GLP_OFF)
    }
    return try body()
}

private func glpkTerminalToStandardError(_ info: UnsafeMutableRawPointer?, _ text: UnsafePointer<CChar>?) -> Int32 {
    if let text { _ = write(STDERR_FILENO, text, strlen(text)) }
    return 1  // handled: GLPK prints nothing itself
}

extension SolveOptions.Verbosity {
    var glpkMessageLevel: Int32 {
        switch self {
        case .quiet: return GLP_MSG_OFF
        case .errors: return GLP_MSG_ERR
        case .normal: return GLP_MSG_ON
        case .all: return GLP_MSG_ALL
        }
    }
}
