import Foundation
import Yams
import YubeiTestSupport

/// An independent checker of `plan.json` against the scenario file it answers.
///
/// It reads the scenario YAML itself with Yams (not through YubeiScenario), recomputes road
/// distances (haversine × `detour_factor`, or Dijkstra over the roads CSV) and travel minutes,
/// capacities from `area_m2 ÷ area_per_person_m2` per class, and checks every promise FORMATS.md
/// §2 makes: capacities, radii, closed sites, stock within `capacity_m3`, flows within
/// `supply_response_minutes`, the budget, single shelter per area, and that for every area,
/// supply and hazard what is needed equals what is delivered plus what is reported unmet.
struct PlanChecker {
    struct Site { var lat: Double; var lon: Double; var existing: Bool; var cost: Double; var area: String? }
    var areas: [String: (lat: Double, lon: Double)] = [:]
    var warehouses: [String: (site: Site, capacity: Double)] = [:]
    var shelters: [String: (site: Site, capacity: Double, maxKm: Double)] = [:]
    var teams: [String: (lat: Double, lon: Double, specialties: [String], area: String?)] = [:]
    var supplies: [String: (perPerson: Double, volume: Double)] = [:]
    var hazards: [String: (displaced: [String: Double], closed: Set<String>, needs: [String])] = [:]
    var budget = Double.infinity
    var supplyMinutes = 0.0, teamMinutes = 0.0
    var single = false
    var speed = 40.0, detour = 1.3
    /// Shortest road km / minutes from a place id to an area id, when a roads file is given.
    var roadKm: [String: [String: Double]]?
    var roadMinutes: [String: [String: Double]]?

    static func number(_ any: Any?) -> Double? {
        switch any {
        case let x as Int: return Double(x)
        case let x as Double: return x
        case let x as String: return Double(x)
        default: return nil
        }
    }

    init(scenarioPath: String) throws {
        let text = try String(contentsOfFile: scenarioPath, encoding: .utf8)
        guard let root = try Yams.load(yaml: text) as? [String: Any] else { throw CheckerError("top level is not a map") }
        func location(_ any: Any?) -> (Double, Double) {
            let map = any as? [String: Any] ?? [:]
            return (Self.number(map["lat"]) ?? .nan, Self.number(map["lon"]) ?? .nan)
        }
        let policy = root["policy"] as? [String: Any] ?? [:]
        func perClass(_ key: String, _ shelterClass: String) -> Double {
            if let x = Self.number(policy[key]) { return x }
            let map = policy[key] as? [String: Any] ?? [:]
            return Self.number(map[shelterClass]) ?? Self.number(map["default"]) ?? .nan
        }
        budget = Self.number(policy["budget"]) ?? .infinity
        supplyMinutes = Self.number(policy["supply_response_minutes"]) ?? 0
        teamMinutes = Self.number(policy["team_response_minutes"]) ?? 0
        single = policy["single_shelter_per_area"] as? Bool ?? false
        let travel = root["travel"] as? [String: Any] ?? [:]
        speed = Self.number(travel["speed_kmh"]) ?? 40
        detour = Self.number(travel["detour_factor"]) ?? 1.3
        for case let a as [String: Any] in root["areas"] as? [Any] ?? [] {
            let (lat, lon) = location(a["location"])
            areas[a["id"] as! String] = (lat, lon)
        }
        for case let s as [String: Any] in root["supplies"] as? [Any] ?? [] {
            supplies[s["id"] as! String] = (Self.number(s["per_person"]) ?? 0, Self.number(s["volume_m3"]) ?? 0)
        }
        for case let h as [String: Any] in root["hazards"] as? [Any] ?? [] {
            var displaced: [String: Double] = [:]
            for (k, v) in h["displaced"] as? [String: Any] ?? [:] { displaced[k] = Self.number(v) ?? 0 }
            let closed = Set((h["closed_sites"] as? [Any] ?? []).compactMap { $0 as? String })
            let needs = (h["needs"] as? [Any] ?? []).compactMap { $0 as? String }
            hazards[h["id"] as! String] = (displaced, closed, needs)
        }
        func site(_ map: [String: Any]) -> Site {
            let (lat, lon) = location(map["location"])
            return Site(lat: lat, lon: lon, existing: map["existing"] as? Bool ?? false,
                        cost: Self.number(map["fixed_cost"]) ?? 0, area: map["area"] as? String)
        }
        for case let w as [String: Any] in root["warehouses"] as? [Any] ?? [] {
            warehouses[w["id"] as! String] = (site(w), Self.number(w["capacity_m3"]) ?? 0)
        }
        for case let s as [String: Any] in root["shelters"] as? [Any] ?? [] {
            let shelterClass = s["class"] as? String ?? "fixed-short"
            let capacity = ((Self.number(s["area_m2"]) ?? 0) / perClass("area_per_person_m2", shelterClass) + 1e-9).rounded(.down)
            shelters[s["id"] as! String] = (site(s), capacity, perClass("shelter_max_km", shelterClass))
        }
        for case let t as [String: Any] in root["teams"] as? [Any] ?? [] {
            let (lat, lon) = location(t["base"])
            teams[t["id"] as! String] = (lat, lon, (t["specialties"] as? [Any] ?? []).compactMap { $0 as? String }, t["area"] as? String)
        }
        if let roads = travel["roads"] as? String {
            let url = URL(fileURLWithPath: scenarioPath).deletingLastPathComponent().appendingPathComponent(roads)
            try loadRoads(csv: String(contentsOf: url, encoding: .utf8))
        }
    }

    static func haversine(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let r = 6371.0088, p1 = a.0 * .pi / 180, p2 = b.0 * .pi / 180
        let dp = p2 - p1, dl = (b.1 - a.1) * .pi / 180
        let h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
        return 2 * r * asin(min(1, sqrt(h)))
    }

    /// Dijkstra (O(V²), fine for county networks) from every warehouse, shelter and team to all nodes.
    mutating func loadRoads(csv: String) throws {
        var lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return }
        let header = lines.removeFirst().replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let fromColumn = header.firstIndex(of: "from")!, toColumn = header.firstIndex(of: "to")!, kmColumn = header.firstIndex(of: "km")!
        let speedColumn = header.firstIndex(of: "speed_kmh")
        var adjacency: [String: [(String, Double, Double)]] = [:]
        func add(_ a: String, _ b: String, _ km: Double, _ minutes: Double) {
            adjacency[a, default: []].append((b, km, minutes))
            adjacency[b, default: []].append((a, km, minutes))
        }
        for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let km = Double(cells[kmColumn])!
            let v = speedColumn.flatMap { $0 < cells.count ? Double(cells[$0]) : nil } ?? speed
            add(cells[fromColumn], cells[toColumn], km, km / v * 60)
        }
        // Sites and teams off the network join at their area's node by straight line × detour.
        var sources: [String: ((Double, Double), String?)] = [:]
        for (id, w) in warehouses { sources[id] = ((w.site.lat, w.site.lon), w.site.area) }
        for (id, s) in shelters { sources[id] = ((s.site.lat, s.site.lon), s.site.area) }
        for (id, t) in teams { sources[id] = ((t.lat, t.lon), t.area) }
        for (id, (position, area)) in sources where adjacency[id] == nil {
            if let area, let a = areas[area] {
                let km = Self.haversine(position, (a.lat, a.lon)) * detour
                add(id, area, km, km / speed * 60)
            }
        }
        func dijkstra(_ root: String, weight: Int) -> [String: Double] {
            var dist: [String: Double] = [root: 0]
            var done = Set<String>()
            while let (node, d) = dist.filter({ !done.contains($0.key) }).min(by: { $0.value < $1.value }) {
                done.insert(node)
                for edge in adjacency[node] ?? [] {
                    let w = weight == 0 ? edge.1 : edge.2
                    if d + w < dist[edge.0] ?? .infinity { dist[edge.0] = d + w }
                }
            }
            return dist
        }
        var km: [String: [String: Double]] = [:], minutes: [String: [String: Double]] = [:]
        for id in sources.keys {
            km[id] = dijkstra(id, weight: 0)
            minutes[id] = dijkstra(id, weight: 1)
        }
        roadKm = km
        roadMinutes = minutes
    }

    func kilometres(from id: String, at position: (Double, Double), to area: String) -> Double {
        if let roadKm { return roadKm[id]?[area] ?? .infinity }
        let a = areas[area]!
        return Self.haversine(position, (a.lat, a.lon)) * detour
    }

    func minutes(from id: String, at position: (Double, Double), to area: String) -> Double {
        if let roadMinutes { return roadMinutes[id]?[area] ?? .infinity }
        return kilometres(from: id, at: position, to: area) / speed * 60
    }

    /// Every broken promise of `plan` (empty when the plan is sound).
    func violations(planJSON: Data) throws -> [String] {
        guard let plan = try JSONSerialization.jsonObject(with: planJSON) as? [String: Any] else { throw CheckerError("plan is not an object") }
        var problems: [String] = []
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-5 * max(1, abs(a), abs(b)) }
        func atMost(_ a: Double, _ b: Double) -> Bool { a <= b + 1e-5 * max(1, abs(b)) }
        for key in ["status", "objective", "open_warehouses", "stock", "open_shelters", "hazards"] where plan[key] == nil {
            problems.append("plan.json lacks `\(key)`")
        }
        let openW = Set(plan["open_warehouses"] as? [String] ?? [])
        let openS = Set(plan["open_shelters"] as? [String] ?? [])
        for (id, w) in warehouses where w.site.existing && !openW.contains(id) { problems.append("existing warehouse \(id) not open") }
        for (id, s) in shelters where s.site.existing && !openS.contains(id) { problems.append("existing shelter \(id) not open") }
        let spent = openW.reduce(0.0) { $0 + ((warehouses[$1]?.site.existing ?? true) ? 0 : warehouses[$1]!.site.cost) }
            + openS.reduce(0.0) { $0 + ((shelters[$1]?.site.existing ?? true) ? 0 : shelters[$1]!.site.cost) }
        // To the yuan (FORMATS.md §2.1), and `spending` must say so.
        if !(spent <= budget) { problems.append("opening costs \(spent) exceed the budget \(budget)") }
        let spending = plan["spending"] as? [String: Any] ?? [:]
        if Self.number(spending["opening"]) != spent { problems.append("spending.opening \(String(describing: spending["opening"])) ≠ \(spent)") }
        for key in ["budget", "stock_budget", "stock"] where spending[key] == nil { problems.append("spending lacks `\(key)`") }
        var stock: [String: [String: Double]] = [:]
        for (w, held) in plan["stock"] as? [String: Any] ?? [:] {
            guard let warehouse = warehouses[w] else { problems.append("stock at unknown site \(w)"); continue }
            if !openW.contains(w) { problems.append("stock at closed warehouse \(w)") }
            var volume = 0.0
            for (s, q) in held as? [String: Any] ?? [:] {
                let quantity = Self.number(q) ?? .nan
                if !(quantity >= 0) { problems.append("negative stock \(w)/\(s)") }
                if quantity != quantity.rounded() { problems.append("stock \(w)/\(s) = \(quantity) is not whole") }
                volume += quantity * (supplies[s]?.volume ?? .nan)
                stock[w, default: [:]][s] = quantity
            }
            if !atMost(volume, warehouse.capacity) { problems.append("stock at \(w) is \(volume) m³ > capacity \(warehouse.capacity)") }
        }
        let hazardPlans = plan["hazards"] as? [String: Any] ?? [:]
        for (h, hazard) in hazards {
            guard let hp = hazardPlans[h] as? [String: Any] else { problems.append("no plan for hazard \(h)"); continue }
            let unmet = hp["unmet"] as? [String: Any] ?? [:]
            let unsheltered = unmet["people_unsheltered"] as? [String: Any] ?? [:]
            let short = unmet["supplies"] as? [String: Any] ?? [:]
            // Shelters.
            var sheltered: [String: Double] = [:]
            var load: [String: Double] = [:]
            for (a, row) in hp["shelter_assignment"] as? [String: Any] ?? [:] {
                guard let area = areas[a] else { problems.append("\(h): unknown area \(a)"); continue }
                let row = row as? [String: Any] ?? [:]
                if single && row.count > 1 { problems.append("\(h): \(a) sent to \(row.count) shelters") }
                for (k, q) in row {
                    let people = Self.number(q) ?? .nan
                    if people != people.rounded() { problems.append("\(h): \(people) people is not whole") }
                    guard let shelter = shelters[k] else { problems.append("\(h): unknown shelter \(k)"); continue }
                    if !openS.contains(k) { problems.append("\(h): \(a) sent to unopened shelter \(k)") }
                    if hazard.closed.contains(k) { problems.append("\(h): \(a) sent to closed shelter \(k)") }
                    let km = kilometres(from: k, at: (shelter.site.lat, shelter.site.lon), to: a)
                    if !atMost(km, shelter.maxKm) { problems.append("\(h): \(a) sent \(km) km to \(k) (max \(shelter.maxKm))") }
                    _ = area
                    sheltered[a, default: 0] += people
                    load[k, default: 0] += people
                }
            }
            for (k, people) in load where !atMost(people, shelters[k]?.capacity ?? 0) {
                problems.append("\(h): shelter \(k) holds \(people) > capacity \(shelters[k]?.capacity ?? 0)")
            }
            for a in Set(areas.keys) {
                let displaced = (hazard.displaced[a] ?? 0).rounded(.toNearestOrAwayFromZero)
                let reported = Self.number(unsheltered[a]) ?? 0
                if !close(displaced, (sheltered[a] ?? 0) + reported) {
                    problems.append("\(h): \(a) displaced \(displaced) ≠ sheltered \(sheltered[a] ?? 0) + unsheltered \(reported)")
                }
            }
            // Supplies.
            var delivered: [String: [String: Double]] = [:]
            var shipped: [String: [String: Double]] = [:]
            for case let flow as [String: Any] in hp["supply_flows"] as? [Any] ?? [] {
                let w = flow["from"] as? String ?? "", a = flow["to"] as? String ?? "", s = flow["supply"] as? String ?? ""
                let quantity = Self.number(flow["quantity"]) ?? .nan
                if quantity != quantity.rounded() { problems.append("\(h): \(quantity) units carried is not whole") }
                guard let warehouse = warehouses[w], areas[a] != nil, supplies[s] != nil else {
                    problems.append("\(h): flow with unknown ids \(w)→\(a) \(s)"); continue
                }
                if !(quantity >= 0) { problems.append("\(h): negative flow \(w)→\(a)") }
                if !openW.contains(w) { problems.append("\(h): flow from unopened \(w)") }
                if hazard.closed.contains(w) { problems.append("\(h): flow from closed \(w)") }
                let minutes = minutes(from: w, at: (warehouse.site.lat, warehouse.site.lon), to: a)
                if !atMost(minutes, supplyMinutes) { problems.append("\(h): flow \(w)→\(a) takes \(minutes) min > \(supplyMinutes)") }
                delivered[a, default: [:]][s, default: 0] += quantity
                shipped[w, default: [:]][s, default: 0] += quantity
            }
            for (w, row) in shipped {
                for (s, q) in row where !atMost(q, stock[w]?[s] ?? 0) {
                    problems.append("\(h): \(w) ships \(q) \(s) but stocks \(stock[w]?[s] ?? 0)")
                }
            }
            let withoutKit = unmet["people_without_kit"] as? [String: Any] ?? [:]
            var totals = (displaced: 0.0, sheltered: 0.0, unsheltered: 0.0, fullySupplied: 0.0)
            for a in areas.keys {
                // FORMATS.md §2.1: whole people; a kit is every item's per_person; need ⌈D·p⌉.
                let displaced = (hazard.displaced[a] ?? 0).rounded(.toNearestOrAwayFromZero)
                var full = displaced
                for (s, supply) in supplies where supply.perPerson > 0 {
                    let got = delivered[a]?[s] ?? 0
                    full = min(full, (got / supply.perPerson + 1e-9).rounded(.down))
                }
                let reportedWithout = Self.number(withoutKit[a]) ?? 0
                if reportedWithout != displaced - full {
                    problems.append("\(h): \(a) reports \(reportedWithout) without a kit, deliveries leave \(displaced - full)")
                }
                totals.displaced += displaced
                totals.sheltered += sheltered[a] ?? 0
                totals.unsheltered += Self.number(unsheltered[a]) ?? 0
                totals.fullySupplied += full
            }
            let summary = hp["summary"] as? [String: Any] ?? [:]
            let reportedTotals = ["displaced": totals.displaced, "sheltered": totals.sheltered,
                                  "unsheltered": totals.unsheltered, "fully_supplied": totals.fullySupplied]
            for (key, value) in reportedTotals where Self.number(summary[key]) != value {
                problems.append("\(h): summary.\(key) is \(String(describing: summary[key])), expected \(value)")
            }
            for a in areas.keys {
                for (s, supply) in supplies {
                    let needed = ((hazard.displaced[a] ?? 0).rounded(.toNearestOrAwayFromZero) * supply.perPerson - 1e-9).rounded(.up)
                    let reported = Self.number((short[a] as? [String: Any])?[s]) ?? 0
                    let got = delivered[a]?[s] ?? 0
                    if !close(needed, got + reported) {
                        problems.append("\(h): \(a)/\(s) needed \(needed) ≠ delivered \(got) + unmet \(reported)")
                    }
                }
            }
            // Team coverage: exactly the (area, specialty) pairs no team base reaches in time.
            let affected = hazard.displaced.filter { $0.value > 0 }.map(\.key)
            let areasToCover = affected.isEmpty ? Array(areas.keys) : affected
            var expected = Set<String>()
            for a in areasToCover {
                for need in hazard.needs {
                    let reached = teams.contains { id, t in
                        t.specialties.contains(need) && atMost(minutes(from: id, at: (t.lat, t.lon), to: a), teamMinutes)
                    }
                    if !reached { expected.insert("\(a)|\(need)") }
                }
            }
            let coverage = hp["team_coverage"] as? [String: Any] ?? [:]
            let reported = Set((coverage["uncovered"] as? [Any] ?? []).compactMap { item -> String? in
                guard let map = item as? [String: Any] else { return nil }
                return "\(map["area"] as? String ?? "")|\(map["specialty"] as? String ?? "")"
            })
            if reported != expected {
                problems.append("\(h): uncovered teams reported \(reported.sorted()) ≠ expected \(expected.sorted())")
            }
        }
        return problems
    }
}

struct CheckerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
