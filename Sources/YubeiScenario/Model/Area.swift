/// A demand point: a township, village or community whose people may need shelter and supplies.
public struct Area: Sendable, Hashable, Identifiable {
    public var id: String
    /// The name as written, often Chinese (`浔中镇`); kept untouched in every output.
    public var name: String
    public var location: Location
    /// Residents; displaced people in any hazard never exceed it.
    public var population: Int
    /// Official division code (NBS 统计用区划代码), if given.
    public var code: String?
    public var provenance: Provenance

    public init(
        id: String, name: String, location: Location, population: Int, provenance: Provenance = Provenance(),
        code: String? = nil
    ) {
        self.code = code
        self.id = id
        self.name = name
        self.location = location
        self.population = population
        self.provenance = provenance
    }
}
