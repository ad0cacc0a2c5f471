import YubeiOptimization

/// Which areas each hazard's needed specialties reach in time, and where to stage teams to reach more.
public struct TeamCoverageAnalysis: Sendable {
    /// One (area, specialty) pair a hazard needs covered.
    public struct Need: Sendable, Hashable {
        public var hazard: Int
        public var area: Int
        public var specialty: String
    }

    /// Areas a hazard affects: those with displaced people, or every area when it lists none.
    public static func affectedAreas(_ problem: SitingProblem, hazard: Int) -> [Int] {
        let displaced = problem.hazards[hazard].displaced
        let affected = problem.areas.indices.filter { displaced[$0] > 0 }
        return affected.isEmpty ? Array(problem.areas.indices) : affected
    }

    /// Every (hazard, area, specialty) that must be covered, with whether a team base reaches it
    /// within `teamResponseMinutes`.
    ///
    /// - Complexity: O(H · A · needs + team links).
    public static func needs(_ problem: SitingProblem) -> [(need: Need, covered: Bool)] {
        var reached = Set<[Int]>()  // [area, team]
        for link in problem.teamLinks { reached.insert([link.area, link.team]) }
        var result: [(need: Need, covered: Bool)] = []
        for (h, hazard) in problem.hazards.enumerated() {
            for a in affectedAreas(problem, hazard: h) {
                for specialty in hazard.needs {
                    let covered = problem.teams.indices.contains {
                        problem.teams[$0].specialties.contains(specialty) && reached.contains([a, $0])
                    }
                    result.append((Need(hazard: h, area: a, specialty: specialty), covered))
                }
            }
        }
        return result
    }

    /// The result of team staging.
    public struct Staging: Sendable {
        public var status: SolveStatus
        /// Site chosen per team; nil = stays at its base.
        public var sites: [SitingProblem.Site?]
        public var coveredBefore: Double
        public var coveredAfter: Double
        /// Needs still uncovered after staging.
        public var uncovered: Set<Need>
    }

    /// Chooses for each team its base or one of `sites` (the plan's open sites) so that the most
    /// people, weighted by hazard probability, have every needed specialty within reach:
    /// a maximal-covering MILP (Church & ReVelle 1974) with one location per team.
    ///
    /// - Complexity: builds O(teams · sites + needs · teams) nonzeros; GLPK time on top.
    public static func stage(_ problem: SitingProblem, sites allowed: Set<SitingProblem.Site>,
                             timeLimit: Duration?) throws -> Staging {
        let base = needs(problem)
        let weightOf: (Need) -> Double = { n in
            max(problem.hazards[n.hazard].weight, 1e-6) * problem.hazards[n.hazard].displaced[n.area]
        }
        let before = base.filter(\.covered).reduce(0.0) { $0 + weightOf($1.need) }
        // Sites reaching each area.
        var sitesReaching = Array(repeating: [SitingProblem.Site](), count: problem.areas.count)
        for link in problem.stagingLinks where allowed.contains(link.site) { sitesReaching[link.area].append(link.site) }
        var baseReaches = Set<[Int]>()
        for link in problem.teamLinks { baseReaches.insert([link.area, link.team]) }
        let siteList = Array(allowed).sorted { "\($0)" < "\($1)" }

        var model = Model(name: "staging")
        var choice: [[SitingProblem.Site?: Variable]] = []
        for _ in problem.teams {
            var options: [SitingProblem.Site?: Variable] = [:]
            options[.none] = model.addBinary("")
            for site in siteList { options[site] = model.addBinary("") }
            model.addConstraint(sum(Array(options.values)) == 1.0)
            choice.append(options)
        }
        var objective = LinearExpression()
        var coverVariables: [(Need, Variable)] = []
        for (need, _) in base {
            let holders = problem.teams.indices.filter { problem.teams[$0].specialties.contains(need.specialty) }
            var reach = LinearExpression()
            for t in holders {
                if baseReaches.contains([need.area, t]) { reach.add(1, choice[t][.none]!) }
                for site in sitesReaching[need.area] { if let v = choice[t][site] { reach.add(1, v) } }
            }
            guard !reach.indices.isEmpty else { continue }
            let y = model.addVariable("", lowerBound: 0, upperBound: 1)
            var row = reach
            row.add(-1, y)
            model.addConstraint(row >= Double(0))
            objective.add(weightOf(need), y)
            coverVariables.append((need, y))
        }
        // A slight preference for leaving teams at their base when nothing is gained.
        for t in problem.teams.indices { for (site, v) in choice[t] where site != nil { objective.add(-1e-6, v) } }
        guard !coverVariables.isEmpty else {
            return Staging(status: .optimal, sites: problem.teams.map { _ in nil }, coveredBefore: before,
                           coveredAfter: before, uncovered: Set(base.filter { !$0.covered }.map(\.need)))
        }
        model.maximize(objective)
        var options = SolveOptions()
        options.timeLimit = timeLimit
        // Everyone at base is feasible: hand it over as the first incumbent.
        var start = Array(repeating: 0.0, count: model.variables.count)
        for t in problem.teams.indices { start[choice[t][.none]!.index] = 1 }
        let coveredAtBase = Set(base.filter(\.covered).map(\.need))
        for (need, y) in coverVariables where coveredAtBase.contains(need) { start[y.index] = 1 }
        options.initialSolution = start
        let result = try model.solve(options: options)
        guard let values = result.values else {
            return Staging(status: result.status, sites: problem.teams.map { _ in nil }, coveredBefore: before,
                           coveredAfter: before, uncovered: Set(base.filter { !$0.covered }.map(\.need)))
        }
        var sites: [SitingProblem.Site?] = []
        for t in problem.teams.indices {
            let picked = choice[t].first { values[$0.value.index] > 0.5 }?.key ?? nil
            sites.append(picked)
        }
        var uncovered = Set<Need>()
        var after = 0.0
        for (need, _) in base {
            let covered = problem.teams.indices.contains { t in
                guard problem.teams[t].specialties.contains(need.specialty) else { return false }
                if let site = sites[t] { return sitesReaching[need.area].contains(site) }
                return baseReaches.contains([need.area, t])
            }
            if covered { after += weightOf(need) } else { uncovered.insert(need) }
        }
        return Staging(status: result.status, sites: sites, coveredBefore: before, coveredAfter: after, uncovered: uncovered)
    }
}
