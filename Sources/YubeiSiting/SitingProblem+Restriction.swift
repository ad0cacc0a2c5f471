import YubeiOptimization

extension SitingProblem {
    /// The opening budget as the model sees it: nil when there is none or it covers every
    /// candidate together (then no set of sites can break it, and the row binds nothing).
    var effectiveBudget: Double? {
        guard let budget = policy.budget else { return nil }
        let all = Exact.sum(warehouses.filter { !$0.isExisting }.map(\.fixedCost))
            + Exact.sum(shelters.filter { !$0.isExisting }.map(\.fixedCost))
        return Exact.decimal(budget) >= all ? nil : budget
    }

    /// Whether `self` with `decisions` is a restriction of `base` with `baseDecisions`: every
    /// plan of `self` is a plan of `base`, with the same value of every rule of the objective
    /// order. Then no rule can do better here than there: a plan that is optimal for `base`
    /// (each rule proven with the rules before it held, the cost within its gap) and is a plan
    /// of `self` is optimal for `self` too, rule by rule, and `base`'s cost bound is a bound here.
    ///
    /// Decided on the data the model is built from, conservatively (anything else that differs
    /// answers false): the same areas, supplies, sites, links, weights, displaced people and
    /// costs; and here at most the budgets of `base` (an effective budget, see
    /// ``effectiveBudget``), sites closed in at least the hazards they are closed in there, and at
    /// least its required and forbidden sites. A variant that lowers a budget, closes or forbids
    /// a site, or requires one, is a restriction; one that scales displaced people or widens the
    /// supply reach is not. Teams are not compared: they do not enter the objective, and team
    /// coverage is worked out on the variant's own problem.
    ///
    /// - Complexity: O(areas · hazards + sites + links).
    public func restricts(_ base: SitingProblem, decisions: SiteDecisions = SiteDecisions(),
                          baseDecisions: SiteDecisions = SiteDecisions()) -> Bool {
        guard areas.map(\.id) == base.areas.map(\.id) else { return false }
        guard supplies.count == base.supplies.count,
              zip(supplies, base.supplies).allSatisfy({ a, b in
                  a.id == b.id && a.perPerson == b.perPerson && a.volume == b.volume && a.unitCost == b.unitCost
                      && a.priority == b.priority
              }) else { return false }
        guard warehouses.count == base.warehouses.count,
              zip(warehouses, base.warehouses).allSatisfy({ a, b in
                  a.id == b.id && a.isExisting == b.isExisting && a.capacity == b.capacity && a.fixedCost == b.fixedCost
              }) else { return false }
        guard shelters.count == base.shelters.count,
              zip(shelters, base.shelters).allSatisfy({ a, b in
                  a.id == b.id && a.isExisting == b.isExisting && a.capacity == b.capacity && a.fixedCost == b.fixedCost
                      && a.maxKm == b.maxKm
              }) else { return false }
        guard hazards.count == base.hazards.count,
              zip(hazards, base.hazards).allSatisfy({ a, b in
                  a.id == b.id && a.weight == b.weight && a.probability == b.probability && a.displaced == b.displaced
                      && a.serviceLevel == b.serviceLevel
                      && a.closedWarehouses.isSuperset(of: b.closedWarehouses) && a.closedShelters.isSuperset(of: b.closedShelters)
              }) else { return false }
        let mine = policy, theirs = base.policy
        guard mine.risk == theirs.risk, mine.singleShelterPerArea == theirs.singleShelterPerArea,
              mine.transportCostPerCubicMetreKm == theirs.transportCostPerCubicMetreKm,
              mine.evacuationCostPerPersonKm == theirs.evacuationCostPerPersonKm,
              shelterLinks == base.shelterLinks, supplyLinks == base.supplyLinks else { return false }
        func atMost(_ a: Double?, _ b: Double?) -> Bool {
            guard let b else { return true }
            guard let a else { return false }
            return Exact.decimal(a) <= Exact.decimal(b)
        }
        guard atMost(effectiveBudget, base.effectiveBudget), atMost(mine.stockBudget, theirs.stockBudget) else { return false }
        guard decisions.firstStage == nil, baseDecisions.firstStage == nil,
              decisions.cappedHazards.isEmpty, baseDecisions.cappedHazards.isEmpty,
              decisions.requiredWarehouses.isSuperset(of: baseDecisions.requiredWarehouses),
              decisions.requiredShelters.isSuperset(of: baseDecisions.requiredShelters),
              decisions.forbiddenWarehouses.isSuperset(of: baseDecisions.forbiddenWarehouses),
              decisions.forbiddenShelters.isSuperset(of: baseDecisions.forbiddenShelters) else { return false }
        return true
    }
}
