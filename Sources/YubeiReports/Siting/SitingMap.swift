import Foundation
import YubeiCore
import YubeiScenario
import YubeiSiting

/// The plan drawn as SVG maps, one view per hazard, switched by radio buttons and CSS (no
/// scripts): areas as circles scaled by population, warehouses as squares and shelters as
/// triangles coloured by decision (crossed out where the hazard closes them), that hazard's
/// evacuation lines and supply routes, the people left unsheltered (red) and without a complete
/// kit (orange) written as numbers at the township, labels placed so they do not overlap,
/// township boundaries when the scenario names a GeoJSON file, a legend and a scale bar.
///
/// Positions use an equirectangular projection about the scenario's centre, exact enough for a
/// county or a province.
enum SitingMap {
    static let width = 1000.0, height = 700.0, margin = 40.0, legendWidth = 250.0
    static let hazardColours = ["#2563eb", "#d97706", "#7c3aed", "#059669", "#db2777", "#0891b2", "#65a30d", "#9333ea"]

    /// The CSS that shows the view of the checked hazard only.
    static func style(hazards: Int) -> String {
        var css = ".hazard-views > input { position: absolute; opacity: 0; }\n"
        css += ".hazard-views > label { display: inline-block; padding: .3em .8em; margin: 0 .3em .3em 0; border: 1px solid #cbd2d9; border-radius: 4px; cursor: pointer; }\n"
        css += ".hazard-views .view { display: none; }\n"
        for h in 0..<hazards {
            css += "#hazard-view-\(h):checked ~ .views .view-\(h) { display: block; }\n"
            css += "#hazard-view-\(h):checked ~ label[for=hazard-view-\(h)] { background: #243b53; color: #fff; }\n"
        }
        return css
    }

    /// One view per hazard, the first shown; the labels switch between them.
    static func html(problem p: SitingProblem, plan: SitingPlan, language l: Language, boundaries: Boundaries?) -> String {
        var out = "<div class=\"hazard-views\">\n"
        for h in p.hazards.indices {
            out += "<input type=\"radio\" name=\"hazard-view\" id=\"hazard-view-\(h)\"\(h == 0 ? " checked" : "")>\n"
        }
        for (h, hazard) in p.hazards.enumerated() {
            let probability = hazard.probability.map { SitingReportText.probabilityTag(NumberText.number($0, digits: 3))(l) } ?? ""
            out += "<label for=\"hazard-view-\(h)\">\(HTMLEscaper.escape((hazard.name.isEmpty ? hazard.id : hazard.name) + probability))</label>\n"
        }
        out += "<div class=\"views\">\n"
        for h in p.hazards.indices {
            out += "<div class=\"view view-\(h)\">\n" + svg(problem: p, plan: plan, hazard: h, language: l, boundaries: boundaries) + "\n</div>\n"
        }
        return out + "</div>\n</div>"
    }

    /// Greedy label placement: each label takes the first of four spots around its point whose
    /// box overlaps no label placed before; a label with no free spot is left out (the point's
    /// tooltip still names it).
    struct LabelPlacer {
        var boxes: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        mutating func place(_ text: String, x: Double, y: Double, r: Double, size: Double) -> (x: Double, y: Double, anchor: String)? {
            let width = text.unicodeScalars.reduce(0.0) { $0 + ($1.value > 0x2E80 ? size : size * 0.6) }
            let candidates: [(Double, Double, String, Double)] = [
                (x + r + 3, y + size * 0.35, "start", x + r + 3), (x - r - 3, y + size * 0.35, "end", x - r - 3 - width),
                (x, y - r - 3, "middle", x - width / 2), (x, y + r + size, "middle", x - width / 2),
            ]
            for (tx, ty, anchor, left) in candidates {
                let box = (x0: left - 1, y0: ty - size, x1: left + width + 1, y1: ty + 2)
                if !boxes.contains(where: { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }) {
                    boxes.append(box)
                    return (tx, ty, anchor)
                }
            }
            return nil
        }
    }

    /// - Complexity: O(areas + sites + assignment pairs + flow pairs + labels² + boundary points).
    static func svg(problem p: SitingProblem, plan: SitingPlan, hazard h: Int, language l: Language, boundaries: Boundaries?) -> String {
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
        func f(_ v: Double) -> String { NumberText.fixed(v, decimals: 1) }
        let esc = HTMLEscaper.escape

        let openW = Set(plan.openWarehouses), openS = Set(plan.openShelters)
        let hazard = p.hazards[h]
        let current = plan.hazards[hazard.id]
        var flaggedAreas = Set<String>()
        for hp in [current].compactMap({ $0 }) {
            flaggedAreas.formUnion(hp.unmet.peopleUnsheltered.keys)
            flaggedAreas.formUnion(hp.unmet.peopleWithoutKit.keys)
            flaggedAreas.formUnion(hp.teamCoverage.uncovered.map(\.area))
        }
        let areaIndex = Dictionary(p.areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let shelterIndex = Dictionary(p.shelters.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let warehouseIndex = Dictionary(p.warehouses.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let maxPopulation = max(1, p.areas.map(\.population).max() ?? 1)
        let dense = p.areas.count > 300

        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\">\n"
        s += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#fbfcfd\"/>\n"

        // Township boundaries, when the scenario names them.
        if let boundaries {
            s += "<g fill=\"#f1f5f9\" stroke=\"#94a3b8\" stroke-width=\"0.8\">\n"
            for region in boundaries.regions {
                for ring in region.rings {
                    let points = ring.map { xy(SitingProblem.Position(lat: $0.lat, lon: $0.lon)) }.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
                    s += "<polygon points=\"\(points)\"><title>\(esc(region.name ?? ""))</title></polygon>\n"
                }
            }
            s += "</g>\n"
        }

        // This hazard's supply routes.
        var routes = Set<[Int]>()
        for flow in current?.supplyFlows ?? [] {
            if let w = warehouseIndex[flow.from], let a = areaIndex[flow.to] { routes.insert([w, a]) }
        }
        s += "<g stroke=\"#9aa5b1\" stroke-width=\"0.8\" stroke-dasharray=\"4 3\" fill=\"none\">\n"
        for route in routes.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let (x1, y1) = xy(p.warehouses[route[0]].position), (x2, y2) = xy(p.areas[route[1]].position)
            s += "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\"/>\n"
        }
        s += "</g>\n"

        // This hazard's evacuation lines.
        let colour = hazardColours[h % hazardColours.count]
        s += "<g stroke=\"\(colour)\" stroke-width=\"1.6\" stroke-opacity=\"0.75\">\n"
        for (areaID, row) in (current?.shelterAssignment ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let a = areaIndex[areaID] else { continue }
            for shelterID in row.keys.sorted() {
                guard let k = shelterIndex[shelterID] else { continue }
                let (x1, y1) = xy(p.areas[a].position), (x2, y2) = xy(p.shelters[k].position)
                s += "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\"/>\n"
            }
        }
        s += "</g>\n"

        // Areas, ringed where this hazard leaves a need unmet.
        var placer = LabelPlacer()
        var labels = ""
        s += "<g>\n"
        let order = p.areas.indices.sorted {
            let u0 = (current?.unmet.peopleUnsheltered[p.areas[$0].id] ?? 0), u1 = (current?.unmet.peopleUnsheltered[p.areas[$1].id] ?? 0)
            return (u0, p.areas[$0].population, p.areas[$1].id) > (u1, p.areas[$1].population, p.areas[$0].id)
        }
        for a in order {
            let area = p.areas[a]
            let (x, y) = xy(area.position)
            let r = (dense ? 1.5 : 4) + (dense ? 6 : 18) * sqrt(area.population / maxPopulation)
            s += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r))\" fill=\"#94a3b8\" fill-opacity=\"0.45\" stroke=\"#475569\" stroke-width=\"0.8\"><title>\(esc(SitingText.label(area.id, name: area.name))): \(NumberText.number(area.population, digits: 0))</title></circle>\n"
            if flaggedAreas.contains(area.id) {
                s += "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"\(f(r + 3))\" fill=\"none\" stroke=\"#dc2626\" stroke-width=\"2.2\"/>\n"
            }
            // Unmet people as numbers at the township: unsheltered in red, without a kit in orange.
            let unsheltered = current?.unmet.peopleUnsheltered[area.id] ?? 0
            let withoutKit = current?.unmet.peopleWithoutKit[area.id] ?? 0
            var numbers: [(String, String)] = []
            if unsheltered > 0 { numbers.append((NumberText.number(unsheltered, digits: 0), "#b91c1c")) }
            if withoutKit > 0 { numbers.append((NumberText.number(withoutKit, digits: 0), "#c2410c")) }
            for (text, fill) in numbers {
                if let spot = placer.place(text, x: x, y: y, r: r + 3, size: 12) {
                    labels += "<text x=\"\(f(spot.x))\" y=\"\(f(spot.y))\" text-anchor=\"\(spot.anchor)\" font-size=\"12\" font-weight=\"bold\" fill=\"\(fill)\">\(esc(text))</text>\n"
                }
            }
            if !dense || !numbers.isEmpty {
                let name = area.name.isEmpty ? area.id : area.name
                if let spot = placer.place(name, x: x, y: y, r: r + 1, size: 11) {
                    labels += "<text x=\"\(f(spot.x))\" y=\"\(f(spot.y))\" text-anchor=\"\(spot.anchor)\" font-size=\"11\" fill=\"#1f2933\">\(esc(name))</text>\n"
                }
            }
        }
        s += "</g>\n"

        // Sites: open ones filled, candidates hollow, closed in this hazard crossed out.
        func siteColour(_ decision: SiteDecision) -> (fill: String, stroke: String) {
            switch decision {
            case .existing: ("#1e3a8a", "#1e3a8a")
            case .opened: ("#16a34a", "#14532d")
            case .notOpened: ("none", "#9aa5b1")
            }
        }
        let size = dense ? 4.0 : 7.0
        func cross(_ x: Double, _ y: Double) -> String {
            "<path d=\"M \(f(x - size - 2)) \(f(y - size - 2)) L \(f(x + size + 2)) \(f(y + size + 2)) M \(f(x - size - 2)) \(f(y + size + 2)) L \(f(x + size + 2)) \(f(y - size - 2))\" stroke=\"#b91c1c\" stroke-width=\"2\"/>\n"
        }
        for (w, site) in p.warehouses.enumerated() {
            let (x, y) = xy(site.position)
            let c = siteColour(SiteDecision(existing: site.isExisting, open: openW.contains(site.id), in: plan))
            s += "<rect x=\"\(f(x - size))\" y=\"\(f(y - size))\" width=\"\(f(2 * size))\" height=\"\(f(2 * size))\" fill=\"\(c.fill)\" stroke=\"\(c.stroke)\" stroke-width=\"1.5\"><title>\(esc(SitingText.label(site.id, name: site.name)))</title></rect>\n"
            if hazard.closedWarehouses.contains(w) { s += cross(x, y) }
        }
        for (k, site) in p.shelters.enumerated() {
            let (x, y) = xy(site.position)
            let c = siteColour(SiteDecision(existing: site.isExisting, open: openS.contains(site.id), in: plan))
            s += "<polygon points=\"\(f(x)),\(f(y - size - 1)) \(f(x - size)),\(f(y + size - 1)) \(f(x + size)),\(f(y + size - 1))\" fill=\"\(c.fill)\" stroke=\"\(c.stroke)\" stroke-width=\"1.5\"><title>\(esc(SitingText.label(site.id, name: site.name)))</title></polygon>\n"
            if hazard.closedShelters.contains(k) { s += cross(x, y) }
        }
        s += labels

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
        s += "<text x=\"\(f(nx))\" y=\"\(f(ny))\" font-size=\"16\" text-anchor=\"middle\">\(T.north(l))</text><path d=\"M \(f(nx)) \(f(ny + 4)) l -6 16 l 6 -5 l 6 5 z\" fill=\"#1f2933\"/>\n"

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
        for (decision, text) in [(SiteDecision.existing, T.legendWarehouseExisting(l)), (.opened, T.legendWarehouseNew(l))] {
            let c = siteColour(decision)
            legendRow("<rect x=\"\(f(lx + 2))\" y=\"\(f(ly - 6))\" width=\"12\" height=\"12\" fill=\"\(c.fill)\" stroke=\"\(c.stroke)\" stroke-width=\"1.5\"/>", text)
        }
        for (decision, text) in [(SiteDecision.existing, T.legendShelterExisting(l)), (.opened, T.legendShelterNew(l))] {
            let c = siteColour(decision)
            legendRow("<polygon points=\"\(f(lx + 8)),\(f(ly - 7)) \(f(lx + 1)),\(f(ly + 6)) \(f(lx + 15)),\(f(ly + 6))\" fill=\"\(c.fill)\" stroke=\"\(c.stroke)\" stroke-width=\"1.5\"/>", text)
        }
        let c = siteColour(.notOpened)
        legendRow("<rect x=\"\(f(lx + 2))\" y=\"\(f(ly - 6))\" width=\"12\" height=\"12\" fill=\"\(c.fill)\" stroke=\"\(c.stroke)\" stroke-width=\"1.5\"/>", T.legendCandidate(l))
        legendRow("<line x1=\"\(f(lx))\" y1=\"\(f(ly))\" x2=\"\(f(lx + 16))\" y2=\"\(f(ly))\" stroke=\"#9aa5b1\" stroke-dasharray=\"4 3\"/>", T.legendFlow(l))
        legendRow("<line x1=\"\(f(lx))\" y1=\"\(f(ly))\" x2=\"\(f(lx + 16))\" y2=\"\(f(ly))\" stroke=\"\(colour)\" stroke-width=\"2\"/>", T.legendAssignment(l))
        legendRow("<text x=\"\(f(lx))\" y=\"\(f(ly + 4))\" font-size=\"12\" font-weight=\"bold\" fill=\"#b91c1c\">123</text>", T.legendUnshelteredNumber(l))
        legendRow("<text x=\"\(f(lx))\" y=\"\(f(ly + 4))\" font-size=\"12\" font-weight=\"bold\" fill=\"#c2410c\">123</text>", T.legendWithoutKitNumber(l))
        legendRow("<path d=\"M \(f(lx + 1)) \(f(ly - 7)) L \(f(lx + 15)) \(f(ly + 7)) M \(f(lx + 1)) \(f(ly + 7)) L \(f(lx + 15)) \(f(ly - 7))\" stroke=\"#b91c1c\" stroke-width=\"2\"/>", T.legendClosed(l))
        ly += 6
        s += "<text x=\"\(f(lx))\" y=\"\(f(ly))\" font-size=\"12\" font-weight=\"bold\">\(esc(String((hazard.name.isEmpty ? hazard.id : hazard.name).prefix(28))))</text>\n"
        s += "</svg>"
        return s
    }
}
