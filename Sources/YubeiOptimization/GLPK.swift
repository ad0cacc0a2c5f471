internal import CGLPK

/// Facts about the GLPK library Yubei is linked with.
public enum GLPK {
    /// GLPK's version, such as `5.0`.
    public static var version: String { String(cString: glp_version()) }
}
