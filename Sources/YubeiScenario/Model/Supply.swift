/// One kind of relief stock, sized per displaced person (provincial catalogues give the quotas).
public struct Supply: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Units needed per displaced person (0.25 tents = one 12 m² tent for four people).
    public var perPerson: Double
    /// Storage volume of one unit, m³.
    public var volumeCubicMetres: Double
    /// Purchase cost of one unit, yuan.
    public var unitCost: Double
    /// How urgent a shortfall of this item is against other items (default 1; higher = more
    /// urgent): the weight of its units short in the third rule of the objective (FORMATS.md §2.1).
    public var priority: Double
    public var provenance: Provenance

    public init(
        id: String, name: String, perPerson: Double, volumeCubicMetres: Double, unitCost: Double,
        priority: Double = 1, provenance: Provenance = Provenance()
    ) {
        self.priority = priority
        self.id = id
        self.name = name
        self.perPerson = perPerson
        self.volumeCubicMetres = volumeCubicMetres
        self.unitCost = unitCost
        self.provenance = provenance
    }

    /// Storage volume needed per displaced person, m³.
    public var cubicMetresPerPerson: Double { perPerson * volumeCubicMetres }
}
