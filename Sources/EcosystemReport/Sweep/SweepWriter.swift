import CSV
import Ecosystem
import EcosystemAnalysis
import Foundation

/// Writers of robustness sweeps (``EcosystemSweepResult``): CSV and an SVG chart.
public enum SweepWriter {
    /// A label for a sweep's order: `targeted (betweenness)`, `adaptive (betweenness, …)` or `random (20 runs, seed 1)`.
    /// - Parameter order: the order.
    /// - Returns: the label, as written in the CSV's `order` column and the chart legend.
    public static func label(_ order: SweepOrder) -> String {
        switch order {
        case let .targeted(measure): "targeted (\(measure))"
        case let .adaptive(measure): "adaptive (\(measure), recomputed after each removal)"
        case let .random(runs, seed): "random (\(runs) run\(runs == 1 ? "" : "s"), seed \(seed))"
        }
    }

    /// CSV, a row per sweep and evaluation point:
    /// `order,removed,fraction_removed,largest_component_share,largest_component_share_min,
    /// largest_component_share_max,global_efficiency,global_efficiency_min,global_efficiency_max,last_removed`.
    /// For a targeted sweep min = max = the value, and `last_removed` names the item removed last
    /// before the point (empty at 0 and for random sweeps). Numbers in shortest round-tripping form.
    /// When the sweeps remove different kinds (actors and relations), `order` starts with the
    /// kind: `actors:random`, `relations:targeted:edge_betweenness`.
    /// - Parameter sweeps: the sweeps, in the order their rows are written.
    /// - Returns: the CSV text, ending in a newline.
    /// - Throws: an error of the CSV library if the stream fails (it writes to memory).
    public static func csv(_ sweeps: [EcosystemSweepResult]) throws -> String {
        let writer = try CSVWriter(stream: .toMemory(), newline: .lf)
        try writer.write(row: [
            "order", "removed", "fraction_removed", "largest_component_share", "largest_component_share_min",
            "largest_component_share_max", "global_efficiency", "global_efficiency_min", "global_efficiency_max", "last_removed",
        ])
        func n(_ x: Double) -> String { NumberFormat.exact(x) ?? "" }
        let mixed = Set(sweeps.map(\.removal)).count > 1
        for sweep in sweeps {
            let c = sweep.curves
            let share = c.share, eff = c.efficiency, sr = c.shareRange, er = c.efficiencyRange, fraction = c.fractionRemoved
            let name: String
            switch sweep.order {
            case let .targeted(m): name = "targeted:\(m)"
            case let .adaptive(m): name = "adaptive:\(m)"
            case .random: name = "random"
            }
            let order = mixed ? "\(sweep.removal.rawValue):\(name)" : name
            for p in c.removed.indices {
                let k = c.removed[p]
                let last = k > 0 && k <= sweep.removedItems.count ? sweep.removedItems[k - 1] : ""
                try writer.write(row: [order, String(k), n(fraction[p]), n(share[p]), n(sr.min[p]), n(sr.max[p]),
                                       n(eff[p]), n(er.min[p]), n(er.max[p]), last])
            }
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// An SVG chart (hand-written, self-contained, well-formed XML): two panels, the
    /// largest-component share and the global efficiency against the share of items removed,
    /// a line per sweep (Okabe–Ito colours, and dash patterns so the lines differ in greyscale),
    /// the min–max band of random sweeps shaded, a legend, a `<title>` and `<desc>` for screen
    /// readers. Coordinates are written with two decimals, so the output is deterministic.
    ///
    /// - Parameters:
    ///   - sweeps: the sweeps to draw (same model); when they remove different kinds (actors
    ///     and relations), each line's label names its kind.
    ///   - title: the chart title.
    /// - Returns: a standalone SVG document.
    public static func svg(_ sweeps: [EcosystemSweepResult], title: String) -> String {
        let width = 820.0, height = 390.0
        let plotW = 330.0, plotH = 250.0, top = 60.0
        let lefts = [70.0, 470.0]
        let colors = ["#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00"]
        let dashes = ["", "6 4", "2 3", "10 3 2 3", "1 2"]
        let mixed = Set(sweeps.map(\.removal)).count > 1
        let what = mixed ? "actors or ties" : sweeps.first?.removal == .relations ? "ties" : "actors"
        func name(_ sweep: EcosystemSweepResult) -> String { (mixed ? "\(sweep.removal.rawValue): " : "") + label(sweep.order) }
        func x(_ panel: Int, _ f: Double) -> Double { lefts[panel] + f * plotW }
        // The share lies in [0, 1]; efficiency with strengths as 1/length can exceed 1, so its
        // axis ends at the next quarter above the largest value.
        let largestEfficiency = sweeps.flatMap { $0.curves.efficiencyRange.max }.filter(\.isFinite).max() ?? 1
        let yMax = [1.0, max(1.0, (largestEfficiency * 4).rounded(.up) / 4)]
        func y(_ v: Double, _ panel: Int) -> Double { top + (1 - min(max(v / yMax[panel], 0), 1)) * plotH }
        func fmt(_ v: Double) -> String { NumberFormat.decimals(v, 2) }

        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="chart-title chart-desc" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
            <title id="chart-title">\(escape(title))</title>
            <desc id="chart-desc">\(escape(description(sweeps, what: what)))</desc>
            <rect width="100%" height="100%" fill="#FFFFFF"/>
            <text x="\(fmt(width / 2))" y="28" text-anchor="middle" font-size="16" font-weight="bold">\(escape(title))</text>

            """
        let panels = ["Share of actors in the largest component", "Global efficiency"]
        for panel in 0..<2 {
            let l = lefts[panel]
            s += "<g class=\"panel\" id=\"panel-\(panel == 0 ? "largest-component" : "efficiency")\">\n"
            s += "<text x=\"\(fmt(l + plotW / 2))\" y=\"\(fmt(top - 10))\" text-anchor=\"middle\" font-size=\"13\">\(escape(panels[panel]))</text>\n"
            for t in stride(from: 0.0, through: 1.0001, by: 0.25) {
                let v = t * yMax[panel]
                s += "<line x1=\"\(fmt(l))\" y1=\"\(fmt(y(v, panel)))\" x2=\"\(fmt(l + plotW))\" y2=\"\(fmt(y(v, panel)))\" stroke=\"#DDDDDD\" stroke-width=\"1\"/>\n"
                s += "<text x=\"\(fmt(l - 6))\" y=\"\(fmt(y(v, panel) + 4))\" text-anchor=\"end\" font-size=\"11\">\(fmt(v))</text>\n"
                s += "<text x=\"\(fmt(x(panel, t)))\" y=\"\(fmt(top + plotH + 16))\" text-anchor=\"middle\" font-size=\"11\">\(Int(t * 100))%</text>\n"
            }
            s += "<rect x=\"\(fmt(l))\" y=\"\(fmt(top))\" width=\"\(fmt(plotW))\" height=\"\(fmt(plotH))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>\n"
            s += "<text x=\"\(fmt(l + plotW / 2))\" y=\"\(fmt(top + plotH + 34))\" text-anchor=\"middle\" font-size=\"12\">share of \(what) removed</text>\n"
            for (index, sweep) in sweeps.enumerated() {
                let c = sweep.curves
                let fx = c.fractionRemoved
                let mean = panel == 0 ? c.share : c.efficiency
                let range = panel == 0 ? c.shareRange : c.efficiencyRange
                let color = colors[index % colors.count]
                if c.shareRuns.count > 1 {
                    let upper = fx.indices.map { "\(fmt(x(panel, fx[$0]))),\(fmt(y(range.max[$0], panel)))" }
                    let lower = fx.indices.reversed().map { "\(fmt(x(panel, fx[$0]))),\(fmt(y(range.min[$0], panel)))" }
                    s += "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
                }
                let points = fx.indices.map { "\(fmt(x(panel, fx[$0]))),\(fmt(y(mean[$0], panel)))" }.joined(separator: " ")
                let dash = dashes[index % dashes.count]
                s += "<polyline class=\"curve\" points=\"\(points)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            }
            s += "</g>\n"
        }
        s += "<g class=\"legend\">\n"
        for (index, sweep) in sweeps.enumerated() {
            let lx = 70.0 + Double(index) * 260, ly = height - 22
            let dash = dashes[index % dashes.count]
            s += "<line x1=\"\(fmt(lx))\" y1=\"\(fmt(ly))\" x2=\"\(fmt(lx + 30))\" y2=\"\(fmt(ly))\" stroke=\"\(colors[index % colors.count])\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            let band = sweep.curves.shareRuns.count > 1 ? " (mean; band min–max)" : ""
            s += "<text x=\"\(fmt(lx + 36))\" y=\"\(fmt(ly + 4))\" font-size=\"12\">\(escape(name(sweep) + band))</text>\n"
        }
        s += "</g>\n</svg>\n"
        return s
    }

    static func description(_ sweeps: [EcosystemSweepResult], what: String) -> String {
        sweeps.map { sweep in
            let c = sweep.curves
            return "\(label(sweep.order)): removing \(what) one at a time; area under the largest-component curve "
                + NumberFormat.decimals(c.shareArea) + ", under the efficiency curve " + NumberFormat.decimals(c.efficiencyArea) + "."
        }.joined(separator: " ")
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for XML text and attributes (``Markup/escapeHTML(_:)``).
    /// - Parameter s: any text.
    /// - Returns: the escaped text.
    public static func escape(_ s: String) -> String { Markup.escapeHTML(s) }
}
