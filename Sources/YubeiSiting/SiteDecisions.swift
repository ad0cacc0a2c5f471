import YubeiOptimization

/// Opening decisions held before the solve: sites a planner requires or forbids (`--require`,
/// `--forbid`), or the whole first stage of an adopted plan (`yubei stress`), so that only the
/// second stage (shelter assignment, supply flows) is planned.
///
/// Applied to the model as bounds on its 0–1 opening columns and its stock columns; nothing else
/// in the model changes, so a plan with held decisions is checked and reported like any other.
public struct SiteDecisions: Sendable, Hashable {
    /// Sites that must be open, by index.
    public var requiredWarehouses: Set<Int> = []
    public var requiredShelters: Set<Int> = []
    /// Sites that must not be used (an existing one is taken out), by index.
    public var forbiddenWarehouses: Set<Int> = []
    public var forbiddenShelters: Set<Int> = []
    /// A first stage held as given: exactly these sites open, at most this stock.
    public var firstStage: FirstStage?
    /// Hazards whose needs are limits, not part of the objective (the site-loss cases of a
    /// resilient plan), by hazard index.
    public var cappedHazards: [Int: NeedCap] = [:]

    /// The most a capped hazard may leave unmet.
    public struct NeedCap: Sendable, Hashable {
        /// People unsheltered, summed over areas.
        public var maxUnsheltered: Double
        /// Units short of each supply (by supply index), summed over areas.
        public var maxShort: [Double]
        public init(maxUnsheltered: Double, maxShort: [Double]) { self.maxUnsheltered = maxUnsheltered; self.maxShort = maxShort }
    }

    /// An adopted plan's first stage, by index.
    public struct FirstStage: Sendable, Hashable {
        public var openWarehouses: Set<Int>
        public var openShelters: Set<Int>
        /// Units of each supply held, by warehouse index then supply index.
        public var stock: [Int: [Int: Double]]
        public init(openWarehouses: Set<Int>, openShelters: Set<Int>, stock: [Int: [Int: Double]]) {
            self.openWarehouses = openWarehouses; self.openShelters = openShelters; self.stock = stock
        }
    }

    public init() {}

    /// Required and forbidden sites by id (ids that name no site of `problem` are ignored: the
    /// scenario's overrides checked them).
    public init(problem: SitingProblem, required: [String], forbidden: [String]) {
        let warehouses = Dictionary(problem.warehouses.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let shelters = Dictionary(problem.shelters.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for id in required {
            if let w = warehouses[id] { requiredWarehouses.insert(w) }
            if let k = shelters[id] { requiredShelters.insert(k) }
        }
        for id in forbidden {
            if let w = warehouses[id] { forbiddenWarehouses.insert(w) }
            if let k = shelters[id] { forbiddenShelters.insert(k) }
        }
    }

    /// The first stage of `plan` (its open sites and stock) in `problem`'s indices.
    public static func firstStage(of plan: SitingPlan, in problem: SitingProblem) -> FirstStage {
        let openW = Set(plan.openWarehouses), openS = Set(plan.openShelters)
        var stock: [Int: [Int: Double]] = [:]
        for (w, warehouse) in problem.warehouses.enumerated() {
            guard let held = plan.stock[warehouse.id] else { continue }
            for (s, supply) in problem.supplies.enumerated() { if let q = held[supply.id] { stock[w, default: [:]][s] = q } }
        }
        return FirstStage(
            openWarehouses: Set(problem.warehouses.indices.filter { openW.contains(problem.warehouses[$0].id) }),
            openShelters: Set(problem.shelters.indices.filter { openS.contains(problem.shelters[$0].id) }),
            stock: stock)
    }

    public var isEmpty: Bool {
        requiredWarehouses.isEmpty && requiredShelters.isEmpty && forbiddenWarehouses.isEmpty
            && forbiddenShelters.isEmpty && firstStage == nil && cappedHazards.isEmpty
    }
}

extension SitingModel {
    /// Holds `decisions` in the model as column bounds and rows. Indices beyond the model's
    /// sites are skipped (a model of the shelters alone has no warehouses).
    ///
    /// - Complexity: O(W·S + sites + A·S per capped hazard).
    mutating func hold(_ decisions: SiteDecisions) {
        guard !decisions.isEmpty else { return }
        func fix(_ columns: [Variable], _ indices: Set<Int>, _ value: Double) {
            for i in indices where i < columns.count { model.setBounds(of: columns[i], lower: value, upper: value) }
        }
        fix(warehouseOpen, decisions.requiredWarehouses, 1)
        fix(shelterOpen, decisions.requiredShelters, 1)
        fix(warehouseOpen, decisions.forbiddenWarehouses, 0)
        fix(shelterOpen, decisions.forbiddenShelters, 0)
        if !decisions.cappedHazards.isEmpty { cap(decisions.cappedHazards) }
        guard let stage = decisions.firstStage else { return }
        for (w, v) in warehouseOpen.enumerated() {
            let open: Double = stage.openWarehouses.contains(w) ? 1 : 0
            model.setBounds(of: v, lower: open, upper: open)
        }
        for (k, v) in shelterOpen.enumerated() {
            let open: Double = stage.openShelters.contains(k) ? 1 : 0
            model.setBounds(of: v, lower: open, upper: open)
        }
        // Stock may be used up to what the plan holds; buying more is not a second-stage decision.
        for (w, row) in stock.enumerated() {
            for (s, column) in row.enumerated() {
                guard let column else { continue }
                let held = stage.stock[w]?[s] ?? 0
                model.setBounds(of: column, lower: 0, upper: min(held, model.variables[column.index].upperBound ?? held))
            }
        }
    }

    /// Limits the needs of `caps`' hazards by rows: Σₐ U[h,a] ≤ max unsheltered and
    /// Σₐ V[h,a,s] ≤ max short of s. Those hazards weigh nothing in the objective (weight 0).
    ///
    /// - Complexity: O(A · S) per capped hazard.
    mutating func cap(_ caps: [Int: SiteDecisions.NeedCap]) {
        for (h, need) in caps.sorted(by: { $0.key < $1.key }) where h < unsheltered.count {
            var people = LinearExpression()
            for u in unsheltered[h] { if let u { people.add(1, u) } }
            if !people.indices.isEmpty { model.addConstraint(people <= need.maxUnsheltered, name: "") }
            guard h < supplyShort.count else { continue }
            for s in need.maxShort.indices {
                var short = LinearExpression()
                for row in supplyShort[h] where s < row.count { if let v = row[s] { short.add(1, v) } }
                if !short.indices.isEmpty { model.addConstraint(short <= need.maxShort[s], name: "") }
            }
        }
    }

    /// The model's column values that reproduce `plan` (a plan of the same problem, e.g. a
    /// neighbouring point of a budget frontier), for the columns a plan names: openings, stock,
    /// assignments, flows and what is left unmet; the solver uses it only if it satisfies every row.
    ///
    /// - Complexity: O(columns + plan entries).
    func values(from plan: SitingPlan) -> [Double] {
        let p = problem
        var x = Array(repeating: 0.0, count: model.variables.count)
        let openW = Set(plan.openWarehouses), openS = Set(plan.openShelters)
        for (w, v) in warehouseOpen.enumerated() { x[v.index] = openW.contains(p.warehouses[w].id) ? 1 : 0 }
        for (k, v) in shelterOpen.enumerated() { x[v.index] = openS.contains(p.shelters[k].id) ? 1 : 0 }
        for (w, row) in stock.enumerated() {
            for (s, v) in row.enumerated() {
                if let v { x[v.index] = plan.stock[p.warehouses[w].id]?[p.supplies[s].id] ?? 0 }
            }
        }
        let hazards = p.hazards.map { plan.hazards[$0.id] }
        for a in assignments {
            let link = p.shelterLinks[a.link]
            let people = hazards[a.hazard]?.shelterAssignment[p.areas[link.area].id]?[p.shelters[link.shelter].id] ?? 0
            x[a.people.index] = people
            if let c = a.choice { x[c.index] = people > 0 ? 1 : 0 }
        }
        var carried: [[String: Double]] = p.hazards.map { _ in [:] }
        for (h, hazard) in hazards.enumerated() {
            for flow in hazard?.supplyFlows ?? [] { carried[h]["\(flow.from)\u{0}\(flow.to)\u{0}\(flow.supply)", default: 0] += flow.quantity }
        }
        for f in flows {
            let link = p.supplyLinks[f.link]
            x[f.variable.index] = carried[f.hazard]["\(p.warehouses[link.warehouse].id)\u{0}\(p.areas[link.area].id)\u{0}\(p.supplies[f.supply].id)"] ?? 0
        }
        for (h, hazard) in hazards.enumerated() {
            for (a, area) in p.areas.enumerated() {
                if h < unsheltered.count, let u = unsheltered[h][a] { x[u.index] = hazard?.unmet.peopleUnsheltered[area.id] ?? 0 }
                if h < supplyShort.count, a < supplyShort[h].count {
                    for (s, v) in supplyShort[h][a].enumerated() {
                        if let v { x[v.index] = hazard?.unmet.supplies[area.id]?[p.supplies[s].id] ?? 0 }
                    }
                }
            }
        }
        return x
    }
}
