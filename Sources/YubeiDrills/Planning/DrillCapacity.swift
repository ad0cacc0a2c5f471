/// A shared capacity the drill plan must not overload: the bureau's observers (per week) or
/// one county team (per month).
public enum DrillCapacity: Sendable, Hashable {
    case observers
    case team(id: String)

    /// The word written in plan JSON: `observers` or the team's id.
    public var id: String {
        switch self {
        case .observers: "observers"
        case .team(let id): id
        }
    }
}
