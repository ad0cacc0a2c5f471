import YubeiCore

/// Where an entity came from and how sure its figures are: the line it was read from, the
/// fields the file marks as estimated, and the author's note.
public struct Provenance: Sendable, Hashable {
    /// Position of the entity in the scenario file (nil for scenarios built in code).
    public var source: SourceLocation?
    /// Keys whose values the file marks as estimated (`estimated: [population]`).
    public var estimated: Set<String>
    /// Free-text note (`note:`), e.g. where a number comes from.
    public var note: String?

    public init(source: SourceLocation? = nil, estimated: Set<String> = [], note: String? = nil) {
        self.source = source
        self.estimated = estimated
        self.note = note
    }
}
