import Foundation
import YubeiCore
import YubeiSiting

/// The plan drawn as an SVG map: areas as circles scaled by population, warehouses as squares
/// and shelters as triangles coloured by decision, evacuation lines per hazard, supply routes,
/// areas with unmet needs or team gaps ringed in red, a legend and a scale bar.
///
/// Positions use an equirectangular projection about the scenario's centre, exact enough for a
/// county or a province.
enum SitingMap {
    static let width = 1000.0, height = 700.0, margin = 40.0, legendWidth = 250.0
    static let hazardColours = ["#2563eb", "#d97706", "#7c3aed", "#059669", "#db2777", "#0891b2", "#65a30d", "#9333ea"]

    /// - Complexity: O(areas + sites + assignment pairs + flow pairs).
    static func svg(problem p: SitingProblem, plan: SitingPlan, language l: Language) -> String {
        typealias T = SitingReportText
        let positions = p.areas.map(\.position) + p.warehouses.map(\.position) + p.shelters.map(\.position)
        guard !positions.isEmpty else { return "" }
        let lat0 = (positions.map(\.lat).min()! + positions.map(\.lat).max()!) / 2
        let kx = 111.32 * cos(lat0 * .pi / 180), ky = 110.57
        func km(_ q: SitingProblem.Position) -> (Double, Double) { (q.lon * kx, -q.lat * ky) }
        let pts = positions.map(km)
        let minX = pts.map(\.0).min()!, maxX = pts.map(\.0).max()!, minY = pts.map(\.1).min()!, maxY = pts.map(\.1).max()!
        let spanX = max(maxX - minX, 0.5), spanY = max(maxY - minY, 0.5)
        let drawW = width - legendWidth - 2 * margin, drawH = height - 2 * margin
        let scale = min(drawW / spanX, drawH / spanY)  // px per km
        let offX = margin + (drawW - spanX * scale) / 2, offY = margin + (drawH - spanY * scale) / 2
        func xy(_ q: SitingProblem.Position) -> (Double, Double) {
            let (x, y) = km(q)
            return (offX + (x - minX) * scale, offY + (y - minY) * scale)
        }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        let esc = HTMLEscaper.escape

        let openW = Set(plan.openWarehouses), openS = Set(plan.openShelters)
        var flaggedAreas = Set<String>()
        for hp in plan.hazards.values {
            flaggedAreas.formUnion(hp.unmet.peopleUnsheltered.keys)
            flaggedAreas.formUnion(hp.unmet.supplies.keys)
            flaggedAreas.formUnion(hp.teamCoverage.uncovered.map(\.area))
        }
        let areaIndex = Dictionary(p.areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let shelterIndex = Dictionary(p.shelters.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let warehouseIndex = Dictionary(p.warehouses.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let maxPopulation = max(1, p.areas.map(\.population).max() ?? 1)
        let dense = p.areas.count > 300

        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\">\n"
        s += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#fbfcfd\"/>\n"

        // Supply routes (one line per warehouse–area pair used in any hazard).
        var routes = Set<[Int]>()
        for hp in plan.hazards.values {
            for flow in hp.supplyFlows {
                if let w = warehouseIndex[flow.from], let a = areaIndex[flow.to] { routes.insert([w, a]) }
            }
        }
        s += "<g stroke=\"#9aa5b1\" stroke-width=\"0.8\" stroke-dasharray=\"4 3\" fill=\"none\">\n"
        for route in routes.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let (x1, y1) = xy(p.warehouses[route[0]].position), (x2, y2) = xy(p.areas[route[1]].position)
            s += "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\"/>\n"
        }
        s += "</g>\n"

        // Evacuation lines, coloured by hazard.
        for (h, hazard) in p.hazards.enumerated() {
            guard let hp = plan.hazards[hazard.id] else { continue }
            let colour = hazardColours[h % hazardColours.count]
            s += "<g stroke=\"\(colour)\" stroke-width=\"1.6\" stroke-opacity=\"0.75\">\n"
            for (areaID, row) in hp.shelterAssignment.sorted(by: { $0.key < $1.key }) {
                guard let a = areaIndex[areaID] else { continue }
                for shelterID in row.keys.sorted() {
                    guard let k = shelterIndex[shelterID] else { continue }
                    let (x1, y1) = xy(p.areas[a].position), (x2, y2) = xy(p.shelters[k].position)
                    s += "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\"/>\n"
                }
            }
            s += "</g>\n"
        }

        // Areas.
        s += "<g>\n"
        for area in p.areas {
            let (x, y) = xy(area.position)
            let r = (dense ? 1.5 : 4) + (dense ? 6 : 18) * sqrt(area.population / maxPopulation)
            s += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" fill=\"#94a3b8\" fill-opacity=\"0.45\" stroke=\"#475569\" stroke-width=\"0.8\"><title>\(esc(SitingText.label(area.id, name: area.name))): \(NumberText.number(area.population, digits: 0))</title></circle>\n"
            if flaggedAreas.contains(area.id) {
                s += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r + 3))\" fill=\"none\" stroke=\"#dc2626\" stroke-width=\"2.2\"/>\n"
            }
            if !dense {
                s += "<text x=\"\(f(x + r + 3))\" y=\"\(f(y + 4))\" font-size=\"11\" fill=\"#1f2933\">\(esc(area.name.isEmpty ? area.id : area.name))</text>\n"
            }
        }
        s += "</g>\n"

        // Sites.
        func siteColour(existing: Bool, open: Bool) -> (fill: String, stroke: String) {
            existing ? ("#1e3a8a", "#1e3a8a") : open ? ("#16a34a", "#14532d") : ("none", "#9aa5b1")
        }
        let size = dense ? 4.0 : 7.0
        for w in p.warehouses {
            let (x, y) = xy(w.position)
            let c = siteColour(existing: w.isExisting, open: openW.contains(w.id))
            s += "<rect x=\"\(f(x - size))\" y=\"\(f(y - size))\" width=\"\(f(2 * size))\" height=\"\(f(2 * size))\" fill=\"\(c.fill)\" stroke=\"\(c.stroke)\" stroke-width=\"1.5\"><title>\(esc(SitingText.label(w.id, name: w.name)))</title></rect>\n"
        }
        for k in p.shelters {
            let (x, y) = xy(k.position)
            let c = siteColour(existing: k.isExisting, open: openS.contains(k.id))
            s += "<polygon points=\"\(f(x)),\(f(y - size - 1)) \(f(x - size)),\(f(y + size - 1)) \(f(x + size)),\(f(y + size - 1))\" fill=\"\(c.fill)\" stroke=\"\(c.stroke)\" stroke-width=\"1.5\"><title>\(esc(SitingText.label(k.id, name: k.name)))</title></polygon>\n"
        }

        // Scale bar: a round length near a fifth of the drawing width.
        let target = drawW / 5 / scale
        let exponent = pow(10, floor(log10(target)))
        let length = [1.0, 2, 5, 10].map { $0 * exponent }.last { $0 <= target } ?? exponent
        let barX = margin, barY = height - 18
        s += "<g stroke=\"#1f2933\" stroke-width=\"2\"><line x1=\"\(f(barX))\" y1=\"\(f(barY))\" x2=\"\(f(barX + length * scale))\" y2=\"\(f(barY))\"/>"
        s += "<line x1=\"\(f(barX))\" y1=\"\(f(barY - 5))\" x2=\"\(f(barX))\" y2=\"\(f(barY + 5))\"/><line x1=\"\(f(barX + length * scale))\" y1=\"\(f(barY - 5))\" x2=\"\(f(barX + length * scale))\" y2=\"\(f(barY + 5))\"/></g>\n"
        s += "<text x=\"\(f(barX + length * scale + 8))\" y=\"\(f(barY + 4))\" font-size=\"12\">\(NumberText.number(length, digits: 2)) \(T.scaleKm(l))</text>\n"
        // North arrow.
        let nx = width - legendWidth - 25, ny = height - 50
        s += "<text x=\"\(f(nx))\" y=\"\(f(ny))\" font-size=\"16\" text-anchor=\"middle\">N</text><path d=\"M \(f(nx)) \(f(ny + 4)) l -6 16 l 6 -5 l 6 5 z\" fill=\"#1f2933\"/>\n"

        // Legend.
        let lx = width - legendWidth + 10
        var ly = 30.0
        s += "<rect x=\"\(f(lx - 10))\" y=\"10\" width=\"\(f(legendWidth - 10))\" height=\"\(f(height - 20))\" fill=\"#ffffff\" stroke=\"#cbd2d9\"/>\n"
        func legendRow(_ symbol: String, _ text: String) {
            s += symbol + "<text x=\"\(f(lx + 24))\" y=\"\(f(ly + 4))\" font-size=\"12\">\(esc(text))</text>\n"
            ly += 22
        }
        legendRow("<circle cx=\"\(f(lx + 8))\" cy=\"\(f(ly))\" r=\"7\" fill=\"#94a3b8\" fill-opacity=\"0.45\" stroke=\"#475569\"/>", T.legendArea(l))
        legendRow("<circle cx=\"\(f(lx + 8))\" cy=\"\(f(ly))\" r=\"7\" fill=\"none\" stroke=\"#dc2626\" stroke-width=\"2.2\"/>", T.legendUnmet(l))
        for (existing, open, text) in [(true, true, T.legendWarehouseExisting(l)), (false, true, T.legendWarehouseNew(l))] {
            let c = siteColour(existing: existing, open: open)
            legendRow("<rect x=\"\(f(lx + 2))\" y=\"\(f(ly - 6))\" width=\"12\" height=\"12\" fill=\"\(c.fill)\" stroke=\"\(c.stroke)\" stroke-width=\"1.5\"/>", text)
        }
        for (existing, open, text) in [(true, true, T.legendShelterExisting(l)), (false, true, T.legendShelterNew(l))] {
            let c = siteColour(existing: existing, open: open)
            legendRow("<polygon points=\"\(f(lx + 8)),\(f(ly - 7)) \(f(lx + 1)),\(f(ly + 6)) \(f(lx + 15)),\(f(ly + 6))\" fill=\"\(c.fill)\" stroke=\"\(c.stroke)\" stroke-width=\"1.5\"/>", text)
        }
        let c = siteColour(existing: false, open: false)
        legendRow("<rect x=\"\(f(lx + 2))\" y=\"\(f(ly - 6))\" width=\"12\" height=\"12\" fill=\"\(c.fill)\" stroke=\"\(c.stroke)\" stroke-width=\"1.5\"/>", T.legendCandidate(l))
        legendRow("<line x1=\"\(f(lx))\" y1=\"\(f(ly))\" x2=\"\(f(lx + 16))\" y2=\"\(f(ly))\" stroke=\"#9aa5b1\" stroke-dasharray=\"4 3\"/>", T.legendFlow(l))
        ly += 6
        s += "<text x=\"\(f(lx))\" y=\"\(f(ly))\" font-size=\"12\" font-weight=\"bold\">\(esc(T.legendAssignment(l)))</text>\n"
        ly += 18
        for (h, hazard) in p.hazards.enumerated() {
            let colour = hazardColours[h % hazardColours.count]
            let name = hazard.name.isEmpty ? hazard.id : hazard.name
            legendRow("<line x1=\"\(f(lx))\" y1=\"\(f(ly))\" x2=\"\(f(lx + 16))\" y2=\"\(f(ly))\" stroke=\"\(colour)\" stroke-width=\"2\"/>", String(name.prefix(24)))
        }
        s += "</svg>"
        return s
    }
}
