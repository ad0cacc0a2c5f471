import Foundation
import YubeiCore
import YubeiScenario

/// The text of `yubei describe`: a scenario's assessment for the terminal.
public enum ScenarioAssessmentReport {
    /// `assessment` as plain text for the terminal, in `language`.
    public static func text(_ assessment: ScenarioAssessment, language: Language) -> String {
        assessment.text(language)
    }
}

extension ScenarioAssessment {
    fileprivate func text(_ language: Language) -> String {
        let t = { (phrase: Phrase) in phrase(language) }
        let colon = language == .zh ? "：" : ": "
        let money = NumberText(language).money
        let m3 = " m³"
        let people = language == .zh ? " 人" : " people"
        /// "浔中镇 (xunzhong)": the name planners know, and the id their file uses.
        func named(_ id: String, _ names: [String: String]) -> String {
            guard let name = names[id], !name.isEmpty, name != id else { return id }
            return "\(name) (\(id))"
        }
        func list(_ ids: [String]) -> String {
            ids.isEmpty ? t(ScenarioText.none) : ids.map { named($0, areaNames) }.joined(separator: ", ")
        }
        func verdict(need: Double, have: Double, unit: String) -> String {
            have + 1e-9 >= need ? t(ScenarioText.enough) : "\(t(ScenarioText.shortfall)) \(NumberText.number(need - have, digits: 0))\(unit)"
        }

        var lines: [String] = []
        lines.append("\(t(ScenarioText.title))\(colon)\(name)")
        lines.append("\(t(ScenarioText.overview))\(colon)\(areaCount) \(t(ScenarioText.areas)), \(t(ScenarioText.population)) \(NumberText.number(Double(population), digits: 0)); "
            + t(usesRoads ? ScenarioText.travelRoads : ScenarioText.travelStraight))
        lines.append("\(t(ScenarioText.storage))\(colon)\(t(ScenarioText.existing)) \(NumberText.number(storageExistingCubicMetres, digits: 0))\(m3), "
            + "\(t(ScenarioText.shelterAllOpen)) \(NumberText.number(storageAllCubicMetres, digits: 0))\(m3)")
        lines.append("\(t(ScenarioText.shelterSpace))\(colon)\(t(ScenarioText.existing)) \(NumberText.number(shelterCapacityExisting, digits: 0))\(people), "
            + "\(t(ScenarioText.shelterAllOpen)) \(NumberText.number(shelterCapacityAll, digits: 0))\(people)")
        lines.append("\(t(ScenarioText.budget))\(colon)\(money(budget)); \(t(ScenarioText.openingCostOfAllCandidates))\(colon)\(money(candidateOpeningCost))")
        if usesRoads { lines.append("\(t(ScenarioText.unreachablePairs))\(colon)\(unreachablePairs)") }
        if estimatedEntries > 0 { lines.append("\(t(ScenarioText.estimatedMarked))\(colon)\(estimatedEntries)") }

        for hazard in hazards {
            lines.append("")
            var heading = "\(t(ScenarioText.hazardHeading)) \(hazard.id)"
            if hazard.name != hazard.id { heading += " (\(hazard.name))" }
            heading += ", \(t(ScenarioText.probability)) \(NumberText.number(hazard.weight, digits: 3))"
            lines.append(heading)
            lines.append("  \(t(ScenarioText.displaced))\(colon)\(NumberText.number(hazard.displaced, digits: 0))\(people)")
            lines.append("  \(t(ScenarioText.shelterWithinReach))\(colon)\(t(ScenarioText.shelterAllOpen)) "
                + "\(NumberText.number(hazard.shelterCapacityInReachAll, digits: 0)), \(t(ScenarioText.existingOnly)) "
                + "\(NumberText.number(hazard.shelterCapacityInReachExisting, digits: 0)) — "
                + verdict(need: hazard.displaced, have: hazard.shelterCapacityInReachAll, unit: people))
            lines.append("  \(t(ScenarioText.noShelterInReach))\(colon)\(list(hazard.areasWithoutShelter))"
                + (hazard.peopleWithoutShelterInReach > 0 ? " (\(NumberText.number(hazard.peopleWithoutShelterInReach, digits: 0))\(people))" : ""))
            lines.append("  \(t(ScenarioText.supplyNeeded))\(colon)\(NumberText.number(hazard.supplyNeededCubicMetres, digits: 1))\(m3); "
                + "\(t(ScenarioText.storageUsable)) \(t(ScenarioText.shelterAllOpen)) \(NumberText.number(hazard.storageInReachAll, digits: 0))\(m3), "
                + "\(t(ScenarioText.existingOnly)) \(NumberText.number(hazard.storageInReachExisting, digits: 0))\(m3) — "
                + verdict(need: hazard.supplyNeededCubicMetres, have: hazard.storageInReachAll, unit: m3))
            lines.append("  \(t(ScenarioText.noWarehouseInReach))\(colon)\(list(hazard.areasWithoutWarehouse))")
            if !hazard.needs.isEmpty {
                lines.append("  \(t(ScenarioText.needsHeading))\(colon)")
                for need in hazard.needs {
                    if need.teams.isEmpty {
                        lines.append("    \(ScenarioNames.specialty(need.specialty, language))\(colon)\(t(ScenarioText.noTeamHasIt))")
                    } else {
                        lines.append("    \(ScenarioNames.specialty(need.specialty, language))\(colon)\(t(ScenarioText.teams)) \(need.teams.map { named($0, teamNames) }.joined(separator: ", ")); "
                            + "\(t(ScenarioText.areasNoTeamReaches))\(colon)\(list(need.areasUncovered))")
                    }
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
