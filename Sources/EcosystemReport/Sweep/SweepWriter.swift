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
    /// largest_component_share_max,global_efficiency,global_efficiency_min,global_efficiency_max,last_removed,
    /// largest_component_area,global_efficiency_area`.
    /// For a targeted sweep min = max = the value, and `last_removed` names the item removed last
    /// before the point (empty at 0 and for random sweeps). The two areas are the sweep's areas
    /// under its (mean) curves (``NetworkAnalysis/SweepCurves/shareArea``: the robustness `R` of
    /// Schneider et al. 2011 when every step is evaluated; ``NetworkAnalysis/SweepCurves/efficiencyArea``),
    /// the same on every row of the sweep. Numbers in shortest round-tripping form.
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
            "largest_component_area", "global_efficiency_area",
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
            let areas = [n(c.shareArea), n(c.efficiencyArea)]
            for p in c.removed.indices {
                let k = c.removed[p]
                let last = k > 0 && k <= sweep.removedItems.count ? sweep.removedItems[k - 1] : ""
                try writer.write(row: [order, String(k), n(fraction[p]), n(share[p]), n(sr.min[p]), n(sr.max[p]),
                                       n(eff[p]), n(er.min[p]), n(er.max[p]), last] + areas)
            }
        }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One line per sweep with the areas under its curves, for the terminal:
    /// `targeted (betweenness): area under the largest-component curve (robustness R) 0.3120,
    /// under the global-efficiency curve 0.1234`. Mixed removals name their kind first.
    /// - Parameter sweeps: the sweeps, in order.
    /// - Returns: the lines, each ending in a newline.
    public static func areaSummary(_ sweeps: [EcosystemSweepResult]) -> String {
        let mixed = Set(sweeps.map(\.removal)).count > 1
        return sweeps.map { sweep in
            let c = sweep.curves
            return (mixed ? "\(sweep.removal.rawValue): " : "") + label(sweep.order)
                + ": area under the largest-component curve (robustness R) " + NumberFormat.decimals(c.shareArea, 4)
                + ", under the global-efficiency curve " + NumberFormat.decimals(c.efficiencyArea, 4) + "\n"
        }.joined()
    }

    /// The `q`-quantile of `values` by linear interpolation between order statistics
    /// (Hyndman & Fan 1996, The American Statistician 50(4):361–365, doi:10.2307/2684934,
    /// definition 7; NumPy's and R's default): `x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋])` with
    /// `h = (n − 1)q` over the sorted values. Non-finite values are left out.
    /// - Parameters:
    ///   - values: any numbers.
    ///   - q: the quantile, in `0...1`.
    /// - Returns: the quantile; NaN when no value is finite.
    /// - Complexity: `O(n log n)`.
    public static func quantile(_ values: [Double], _ q: Double) -> Double {
        let x = values.filter(\.isFinite).sorted()
        guard let first = x.first else { return .nan }
        guard x.count > 1 else { return first }
        let h = Double(x.count - 1) * min(max(q, 0), 1)
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, x.count - 1)
        return x[lo] + (h - Double(lo)) * (x[hi] - x[lo])
    }

    /// The share of the runs a random sweep's band covers: from the 5% to the 95% quantile
    /// at each point.
    public static let band = (low: 0.05, high: 0.95)

    /// The top of the global-efficiency axis: the 95% quantile of every value the chart draws
    /// (each run of each sweep, every point), rounded up to the axis's tick step (a quarter up
    /// to 1.5, a half up to 3, then a whole number), and at least 1. One
    /// outlying run does not stretch the axis; values above it are drawn at its top edge.
    /// - Parameter sweeps: the sweeps of the chart.
    /// - Returns: the axis's largest value.
    public static func efficiencyAxisTop(_ sweeps: [EcosystemSweepResult]) -> Double {
        let values = sweeps.flatMap { $0.curves.efficiencyRuns.flatMap { $0 } }
        let top = quantile(values, band.high)
        guard top.isFinite, top > 1 else { return 1 }
        // Rounded up to the tick step of the axis: 0.25 up to 1.5, 0.5 up to 3, then 1.
        let quarter = (top * 4).rounded(.up) / 4
        if quarter <= 1.5 { return quarter }
        let half = (top * 2).rounded(.up) / 2
        return half <= 3 ? half : top.rounded(.up)
    }

    /// An SVG chart (hand-written, self-contained, well-formed XML): two panels, the
    /// largest-component share and the global efficiency against the share of items removed,
    /// a line per sweep (Okabe–Ito colours, and dash patterns so the lines differ in greyscale),
    /// the 5–95% band of the runs of a random sweep shaded, a legend with each sweep's areas
    /// under the curves, a `<title>` and `<desc>` for screen readers. The efficiency axis ends
    /// at ``efficiencyAxisTop(_:)``; when a value lies above it, a note under the panel says
    /// how many points are clipped at the top edge. Coordinates are written with two decimals, so the output is deterministic.
    ///
    /// - Parameters:
    ///   - sweeps: the sweeps to draw (same model); when they remove different kinds (actors
    ///     and relations), each line's label names its kind.
    ///   - title: the chart title.
    /// - Returns: a standalone SVG document.
    public static func svg(_ sweeps: [EcosystemSweepResult], title: String) -> String {
        let width = 820.0, height = 406.0 + 18 * Double(max(0, sweeps.count - 1))
        let plotW = 330.0, plotH = 250.0, top = 60.0
        let lefts = [70.0, 470.0]
        let colors = ["#D55E00", "#0072B2", "#009E73", "#CC79A7", "#E69F00"]
        let dashes = ["", "6 4", "2 3", "10 3 2 3", "1 2"]
        let mixed = Set(sweeps.map(\.removal)).count > 1
        let what = mixed ? "actors or ties" : sweeps.first?.removal == .relations ? "ties" : "actors"
        func name(_ sweep: EcosystemSweepResult) -> String { (mixed ? "\(sweep.removal.rawValue): " : "") + label(sweep.order) }
        func x(_ panel: Int, _ f: Double) -> Double { lefts[panel] + f * plotW }
        // The share lies in [0, 1]; efficiency with strengths as 1/length can exceed 1, so its
        // axis ends at the next quarter above the 95% quantile of the values drawn.
        let yMax = [1.0, efficiencyAxisTop(sweeps)]
        // Points of a drawn line or band edge above the axis, counted once per point and sweep.
        let clipped = sweeps.reduce(0) { sum, sweep in
            let high = bands(sweep.curves.efficiencyRuns).high
            return sum + zip(sweep.curves.efficiency, high).filter { max($0, $1) > yMax[1] }.count
        }
        func y(_ v: Double, _ panel: Int) -> Double { top + (1 - min(max(v / yMax[panel], 0), 1)) * plotH }
        func fmt(_ v: Double) -> String { NumberFormat.decimals(v, 2) }

        // A long title gets a smaller font (DejaVu Sans Bold: about 0.62 em a character), 10–16 px.
        let titleSize = min(16, max(10, (width - 20) / (0.62 * Double(max(1, title.count)))))
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" aria-labelledby="chart-title chart-desc" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
            <title id="chart-title">\(escape(title))</title>
            <desc id="chart-desc">\(escape(description(sweeps, what: what, clipped: clipped, top: yMax[1])))</desc>
            <rect width="100%" height="100%" fill="#FFFFFF"/>
            <text x="\(fmt(width / 2))" y="28" text-anchor="middle" font-size="\(fmt(titleSize))" font-weight="bold">\(escape(title))</text>

            """
        let panels = ["Share of actors in the largest component", "Global efficiency"]
        for panel in 0..<2 {
            let l = lefts[panel]
            s += "<g class=\"panel\" id=\"panel-\(panel == 0 ? "largest-component" : "efficiency")\">\n"
            s += "<text x=\"\(fmt(l + plotW / 2))\" y=\"\(fmt(top - 10))\" text-anchor=\"middle\" font-size=\"13\">\(escape(panels[panel]))</text>\n"
            // Value ticks at round steps (0.25 up to 1.5, then 0.5, then 1), share ticks at quarters.
            let step = yMax[panel] <= 1.5 ? 0.25 : yMax[panel] <= 3 ? 0.5 : 1
            for v in stride(from: 0.0, through: yMax[panel] + 1e-9, by: step) {
                s += "<line x1=\"\(fmt(l))\" y1=\"\(fmt(y(v, panel)))\" x2=\"\(fmt(l + plotW))\" y2=\"\(fmt(y(v, panel)))\" stroke=\"#DDDDDD\" stroke-width=\"1\"/>\n"
                s += "<text x=\"\(fmt(l - 6))\" y=\"\(fmt(y(v, panel) + 4))\" text-anchor=\"end\" font-size=\"11\">\(fmt(v))</text>\n"
            }
            for t in stride(from: 0.0, through: 1.0001, by: 0.25) {
                s += "<text x=\"\(fmt(x(panel, t)))\" y=\"\(fmt(top + plotH + 16))\" text-anchor=\"middle\" font-size=\"11\">\(Int(t * 100))%</text>\n"
            }
            s += "<rect x=\"\(fmt(l))\" y=\"\(fmt(top))\" width=\"\(fmt(plotW))\" height=\"\(fmt(plotH))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"/>\n"
            s += "<text x=\"\(fmt(l + plotW / 2))\" y=\"\(fmt(top + plotH + 34))\" text-anchor=\"middle\" font-size=\"12\">share of \(what) removed</text>\n"
            if panel == 1 && clipped > 0 {
                s += "<text class=\"clipped-note\" x=\"\(fmt(l + plotW))\" y=\"\(fmt(top + plotH + 50))\" text-anchor=\"end\" font-size=\"11\" fill=\"#555555\">axis to the 95% quantile of the runs: \(clipped) point\(clipped == 1 ? "" : "s") above \(fmt(yMax[1])) clipped at the top</text>\n"
            }
            for (index, sweep) in sweeps.enumerated() {
                let c = sweep.curves
                let fx = c.fractionRemoved
                let mean = panel == 0 ? c.share : c.efficiency
                let range = bands(panel == 0 ? c.shareRuns : c.efficiencyRuns)
                let color = colors[index % colors.count]
                if c.shareRuns.count > 1 {
                    let upper = fx.indices.map { "\(fmt(x(panel, fx[$0]))),\(fmt(y(range.high[$0], panel)))" }
                    let lower = fx.indices.reversed().map { "\(fmt(x(panel, fx[$0]))),\(fmt(y(range.low[$0], panel)))" }
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
            let lx = 70.0, ly = height - 22 - 18 * Double(sweeps.count - 1 - index)
            let dash = dashes[index % dashes.count]
            s += "<line x1=\"\(fmt(lx))\" y1=\"\(fmt(ly))\" x2=\"\(fmt(lx + 30))\" y2=\"\(fmt(ly))\" stroke=\"\(colors[index % colors.count])\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            let band = sweep.curves.shareRuns.count > 1 ? " (mean; band 5–95% of runs)" : ""
            let areas = "; areas under the curves \(NumberFormat.decimals(sweep.curves.shareArea, 3)) and \(NumberFormat.decimals(sweep.curves.efficiencyArea, 3))"
            s += "<text x=\"\(fmt(lx + 36))\" y=\"\(fmt(ly + 4))\" font-size=\"12\">\(escape(name(sweep) + band + areas))</text>\n"
        }
        s += "</g>\n</svg>\n"
        return s
    }

    static func description(_ sweeps: [EcosystemSweepResult], what: String, clipped: Int, top: Double) -> String {
        let lines = sweeps.map { sweep in
            let c = sweep.curves
            return "\(label(sweep.order)): removing \(what) one at a time; area under the largest-component curve "
                + NumberFormat.decimals(c.shareArea) + ", under the efficiency curve " + NumberFormat.decimals(c.efficiencyArea) + "."
        }
        let note = clipped == 0 ? [] : ["The efficiency axis ends at \(NumberFormat.decimals(top, 2)), the 95% quantile of the runs; \(clipped) point\(clipped == 1 ? " lies" : "s lie") above it and \(clipped == 1 ? "is" : "are") drawn at the top edge."]
        return (lines + note).joined(separator: " ")
    }

    /// The band of the runs at each point: the 5% and 95% quantiles (``quantile(_:_:)``).
    static func bands(_ runs: [[Double]]) -> (low: [Double], high: [Double]) {
        guard let first = runs.first else { return ([], []) }
        let columns = first.indices.map { p in runs.map { $0[p] } }
        return (columns.map { quantile($0, band.low) }, columns.map { quantile($0, band.high) })
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for XML text and attributes (``Markup/escapeHTML(_:)``).
    /// - Parameter s: any text.
    /// - Returns: the escaped text.
    public static func escape(_ s: String) -> String { Markup.escapeHTML(s) }
}
