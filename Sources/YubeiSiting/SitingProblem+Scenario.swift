import YubeiScenario

extension SitingProblem {
    /// The siting problem of a loaded scenario: capacities from the policy's per-class area per
    /// person, reach from the scenario's road distances and travel minutes (``TravelNetwork``).
    ///
    /// - Shelter links: shelters within the policy's `shelter_max_km` for their class, by road.
    /// - Supply links: warehouses within `supply_response_minutes`.
    /// - Team links: team bases within `team_response_minutes`; staging links: every warehouse
    ///   and shelter within `team_response_minutes` (for `--stage-teams`).
    /// - Hazard weights: the probabilities as given when every hazard gives one, else 1/H
    ///   (``Scenario/objectiveHazardWeights``, FORMATS.md §2.1).
    /// - Canonical order: areas, supplies, sites, hazards and teams are taken in order of their
    ///   ids, so that a file with its lists reordered gives the same model, and the same plan.
    ///
    /// - Complexity: O((W + S + T) · A) after the travel network is built.
    public init(scenario input: Scenario, network: TravelNetwork? = nil) {
        var scenario = input
        scenario.areas.sort { $0.id < $1.id }
        scenario.supplies.sort { $0.id < $1.id }
        scenario.warehouses.sort { $0.id < $1.id }
        scenario.shelters.sort { $0.id < $1.id }
        scenario.hazards.sort { $0.id < $1.id }
        scenario.teams.sort { $0.id < $1.id }
        // A network given for the file's order is reused only when the order is already canonical.
        let travel = (network != nil && scenario == input) ? network! : TravelNetwork(scenario: scenario)
        let policy = scenario.policy
        let areaIndex = scenario.areaIndex
        let warehouseIndex = scenario.warehouseIndex
        let shelterIndex = scenario.shelterIndex
        let weights = scenario.objectiveHazardWeights

        let areas = scenario.areas.map {
            Area(id: $0.id, name: $0.name, position: Position(lat: $0.location.lat, lon: $0.location.lon),
                 population: Double($0.population))
        }
        let supplies = scenario.supplies.map {
            Supply(id: $0.id, name: $0.name, perPerson: $0.perPerson, volume: $0.volumeCubicMetres, unitCost: $0.unitCost,
                   priority: $0.priority)
        }
        let warehouses = scenario.warehouses.map {
            Warehouse(id: $0.id, name: $0.name, position: Position(lat: $0.location.lat, lon: $0.location.lon),
                      isExisting: $0.existing, capacity: $0.capacityCubicMetres, fixedCost: $0.fixedCost)
        }
        let shelters = scenario.shelters.map {
            Shelter(id: $0.id, name: $0.name, position: Position(lat: $0.location.lat, lon: $0.location.lon),
                    isExisting: $0.existing, area: $0.areaSquareMetres, shelterClass: $0.shelterClass.rawValue,
                    areaPerPerson: policy.areaPerPersonSquareMetres[$0.shelterClass],
                    maxKm: policy.maximumKilometres(to: $0), fixedCost: $0.fixedCost)
        }
        let hazards = scenario.hazards.enumerated().map { h, hazard in
            var displaced = Array(repeating: 0.0, count: areas.count)
            for entry in hazard.displaced { if let a = areaIndex[entry.area] { displaced[a] += entry.people } }
            return Hazard(id: hazard.id, name: hazard.name, probability: hazard.probability, weight: weights[h],
                          displaced: displaced,
                          closedWarehouses: Set(hazard.closedSites.compactMap { warehouseIndex[$0] }),
                          closedShelters: Set(hazard.closedSites.compactMap { shelterIndex[$0] }),
                          needs: hazard.needs, serviceLevel: hazard.serviceLevel)
        }
        let teams = scenario.teams.map {
            Team(id: $0.id, name: $0.name, position: Position(lat: $0.base.lat, lon: $0.base.lon),
                 specialties: $0.specialties, members: $0.members)
        }
        var shelterLinks: [ShelterLink] = []
        var supplyLinks: [SupplyLink] = []
        var teamLinks: [TeamLink] = []
        var stagingLinks: [StagingLink] = []
        let teamMinutes = policy.teamResponseMinutes
        for a in areas.indices {
            for (k, shelter) in shelters.enumerated() {
                if let km = travel.kilometres(shelter: k, area: a), km <= shelter.maxKm {
                    shelterLinks.append(ShelterLink(area: a, shelter: k, km: km))
                }
                if let minutes = travel.minutes(shelter: k, area: a), minutes <= teamMinutes {
                    stagingLinks.append(StagingLink(site: .shelter(k), area: a, minutes: minutes))
                }
            }
            for w in warehouses.indices {
                if let minutes = travel.minutes(warehouse: w, area: a) {
                    if minutes <= policy.supplyResponseMinutes, let km = travel.kilometres(warehouse: w, area: a) {
                        supplyLinks.append(SupplyLink(warehouse: w, area: a, km: km, minutes: minutes))
                    }
                    if minutes <= teamMinutes {
                        stagingLinks.append(StagingLink(site: .warehouse(w), area: a, minutes: minutes))
                    }
                }
            }
            for t in teams.indices {
                if let minutes = travel.minutes(team: t, area: a), minutes <= teamMinutes {
                    teamLinks.append(TeamLink(team: t, area: a, minutes: minutes))
                }
            }
        }
        self.init(
            name: scenario.name, areas: areas, supplies: supplies, warehouses: warehouses, shelters: shelters,
            hazards: hazards, teams: teams,
            policy: Policy(budget: policy.budget, supplyResponseMinutes: policy.supplyResponseMinutes,
                           teamResponseMinutes: teamMinutes, singleShelterPerArea: policy.singleShelterPerArea,
                           transportCostPerCubicMetreKm: policy.transportCostPerCubicMetreKilometre,
                           evacuationCostPerPersonKm: policy.evacuationCostPerPersonKilometre,
                           unshelteredPenalty: policy.unshelteredPenalty,
                           unmetSupplyPenaltyPerCubicMetre: policy.unmetSupplyPenalty,
                           stockBudget: policy.stockBudget, risk: policy.risk),
            shelterLinks: shelterLinks, supplyLinks: supplyLinks, teamLinks: teamLinks, stagingLinks: stagingLinks)
    }
}
