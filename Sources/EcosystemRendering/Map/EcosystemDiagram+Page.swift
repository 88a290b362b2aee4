import Ecosystem

// A map for a page: the theme and labels a page map uses, and how the one layout is fitted
// into the page's box (``PageSize``).

/// How a layout fits a page: the factor its positions are drawn at and the label size that
/// comes out at print size.
public struct PageFit: Sendable, Equatable {
    /// The page.
    public var page: PageSize
    /// Factor applied to the layout's positions (``PinnedLayout/scale``).
    public var scale: Double
    /// The smallest node label at print size, in points (the page map's label font times the
    /// factor by which Graphviz shrinks a drawing larger than the box; 1 when it fits).
    public var labelPoints: Double
    /// What the user should hear: the box is too small for labels of
    /// ``PageSize/minimumLabelPoints`` (empty when it is not).
    public var warnings: [String]
}

extension EcosystemDiagram {
    /// Label lines of a page map are wrapped at this many characters.
    public static let pageLabelWidth = 15
    /// A page map's node labels have at most this many lines; longer names are abbreviated
    /// (``pageLabel(_:)``).
    public static let pageLabelLines = 3
    /// Graphviz's `pad` of a page map, inches (the white margin inside the box).
    static let pagePad = 0.08

    /// The theme a map is drawn with: `options.theme`, and for a page map (``DiagramOptions/page``)
    /// fonts of 8 pt (labels and legend; title 12, caption 8.5) and nodes of
    /// 0.35–1.0 × 0.25–0.55 inches, so the map is laid out small and printed at 1:1.
    /// - Parameter options: the map's options.
    /// - Returns: the theme.
    public static func effectiveTheme(_ options: DiagramOptions) -> DiagramTheme {
        var theme = options.theme
        guard options.page != nil else { return theme }
        let floor = PageSize.minimumLabelPoints
        theme.labelFontSize = floor
        theme.legendFontSize = floor
        theme.titleFontSize = max(floor, min(theme.titleFontSize, 12))
        theme.captionFontSize = max(floor, min(theme.captionFontSize, 8.5))
        theme.minNodeWidth = 0.35; theme.maxNodeWidth = 1.0
        theme.minNodeHeight = 0.25; theme.maxNodeHeight = 0.55
        return theme
    }

    /// The text inside an actor's node: the name wrapped at ``DiagramOptions/labelWidth``; on
    /// a page map wrapped at ``pageLabelWidth`` and, when that gives more than
    /// ``pageLabelLines`` lines, abbreviated (``pageLabel(_:)``). The full name stays in the
    /// tooltip and the accessible title.
    static func nodeLabel(_ name: String, options: DiagramOptions) -> String {
        options.page == nil ? DOTText.wrapped(name, width: options.labelWidth) : pageLabel(name)
    }

    /// A name abbreviated for a page map: wrapped at ``pageLabelWidth``; when longer than
    /// ``pageLabelLines`` lines, a short form the name gives in brackets at its end
    /// ("Regional organisation number 12 for innovation (RO12)" → "RO12"), else the first
    /// lines and, after "…", the last words (where names of a series differ: "… ruimte A").
    /// - Parameter name: the actor's name.
    /// - Returns: the label, lines separated by `\n`.
    public static func pageLabel(_ name: String) -> String {
        let wrapped = DOTText.wrapped(name, width: pageLabelWidth)
        let lines = wrapped.split(separator: "\n").map(String.init)
        guard lines.count > pageLabelLines else { return wrapped }
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            let short = name[name.index(after: open)..<name.index(before: name.endIndex)]
            if !short.isEmpty, short.count <= pageLabelWidth, !short.contains(" "), short.contains(where: \.isUppercase) {
                return String(short)
            }
        }
        var tail = ""
        for word in name.split(separator: " ").reversed() {
            let longer = tail.isEmpty ? String(word) : word + " " + tail
            if longer.count > pageLabelWidth - 1 { break }
            tail = longer
        }
        if tail.isEmpty { tail = name.split(separator: " ").last.map(String.init) ?? "" }
        return (lines.prefix(pageLabelLines - 1) + ["…" + tail]).joined(separator: "\n")
    }

    /// Estimated size of a node label, inches (width, height): 0.6 em per character, 1.2 em
    /// per line, plus Graphviz's node margin.
    static func labelSize(_ label: String, fontSize: Double) -> (width: Double, height: Double) {
        let lines = label.split(separator: "\n", omittingEmptySubsequences: false)
        let longest = lines.map(\.count).max() ?? 0
        return (Double(longest) * fontSize * 0.6 / 72 + 0.24, Double(lines.count) * fontSize * 1.2 / 72 + 0.12)
    }

    /// The shared layout of every map of `model` drawn on `positions`, fitted to
    /// ``DiagramOptions/page`` when there is one.
    ///
    /// Without a page the positions are drawn as laid out (scale 1). On a page the layout is
    /// drawn at print size (fonts of ``effectiveTheme(_:)``), its positions scaled by one factor
    /// so that the actors, the title above and the legends (beside the map on a landscape box,
    /// below it on a portrait one) fill the box. The factor is at least the smallest at which
    /// no two labelled nodes overlap (boxes estimated from the labels); when the box needs a
    /// smaller one, the map is drawn at that smallest factor, Graphviz shrinks it into the box
    /// (`size`), and ``PageFit/warnings`` says how small the labels come out.
    ///
    /// - Parameters:
    ///   - model: the model drawn (its labels and legend are estimated).
    ///   - options: the map's options (theme, page, legend, titles).
    ///   - positions: the layout, inches (``MapLayout/positions(of:options:keeping:)``).
    ///   - overlayLegendRows: rows of the largest overlay legend any map of this layout draws
    ///     (the gap overlay: 5), reserved below a portrait map so every map has the same frame.
    /// - Returns: the pinned layout (positions, factor, frame) and, on a page, the fit.
    /// - Complexity: `O(actors²)` for the overlap bound.
    public static func sharedLayout(
        of model: EcosystemModel, options: DiagramOptions, positions: [String: DiagramPoint], overlayLegendRows: Int = 5
    ) -> (layout: PinnedLayout, fit: PageFit?) {
        guard let page = options.page else {
            let frame = MapLayout.frame(positions, options: options)
            return (PinnedLayout(positions: positions, frame: frame), nil)
        }
        let theme = effectiveTheme(options)
        let xs = positions.values.map(\.x), ys = positions.values.map(\.y)
        let spanX = max((xs.max() ?? 0) - (xs.min() ?? 0), 0.01), spanY = max((ys.max() ?? 0) - (ys.min() ?? 0), 0.01)
        let unit = MapLayout.frame(["a": DiagramPoint(x: 0, y: 0)], options: options)
        let nodeW = unit.max.x - unit.min.x, nodeH = unit.max.y - unit.min.y
        let legendBlocks = options.legend ? estimatedLegendBlocks(model, options: options, overlayRows: overlayLegendRows) : []
        let boxW = page.width / 72 - 2 * pagePad, boxH = page.height / 72 - 2 * pagePad
        let titleH = titleHeight(options.title ?? model.title, caption: options.caption, theme: theme, page: page)
        var availW = boxW, availH = boxH - titleH
        var reserveBelow = 0.0
        if !legendBlocks.isEmpty {
            if page.isPortrait {
                // The key in one column, the other legends stacked in a second one.
                let key = legendBlocks[0].height
                let others = legendBlocks.dropFirst().map(\.height).reduce(0, +) + Double(max(legendBlocks.count - 2, 0)) * legendGap
                reserveBelow = max(key, others) + legendGap
                availH -= reserveBelow
            } else {
                availW -= (legendBlocks.map(\.width).max() ?? 0) + legendGap
            }
        }
        // 3% for what the estimates miss (edge ends, label metrics).
        let fitX = (availW * 0.97 - nodeW) / spanX, fitY = (availH * 0.97 - nodeH) / spanY
        let fitted = max(0, min(fitX, fitY, 1.5))
        // The smallest factor at which no two node boxes (estimated from the labels) overlap.
        // The page layout (``MapLayout``) separates this map's own nodes by Graphviz's measured
        // sizes plus 10 pt, so it may be squeezed down to that bound, never spread less than it.
        let scaled = scaledSizes(options.nodeSize, count: model.actors.count)
        let boxes: [(DiagramPoint, Double, Double)] = model.actors.enumerated().compactMap { i, actor in
            guard let p = positions[actor.id] else { return nil }
            let s = scaled?[i] ?? 0
            let size = labelSize(nodeLabel(actor.name, options: options), fontSize: theme.labelFontSize)
            let w = max(size.width, theme.minNodeWidth + (theme.maxNodeWidth - theme.minNodeWidth) * s)
            let h = max(size.height, theme.minNodeHeight + (theme.maxNodeHeight - theme.minNodeHeight) * s)
            return (p, w, h)
        }
        let least = min(overlapBound(boxes), 1)
        let scale = max(fitted, least)
        var warnings: [String] = []
        var labelPoints = theme.labelFontSize
        if fitted < least {
            let needW = scale * spanX + nodeW + (page.isPortrait || legendBlocks.isEmpty ? 0 : boxW - availW)
            let needH = scale * spanY + nodeH + titleH + reserveBelow
            let shrink = min(boxW / needW, boxH / needH, 1)
            labelPoints = theme.labelFontSize * shrink
            let mm = { (inches: Double) in Int((inches * 25.4).rounded()) }
            warnings.append(
                "\(model.actors.count) actors do not fit \(page.name) (\(mm(page.width / 72)) × \(mm(page.height / 72)) mm) with "
                + "\(NumberFormat.attribute(PageSize.minimumLabelPoints))-pt labels: the map needs about \(mm(needW + 2 * pagePad)) × "
                + "\(mm(needH + 2 * pagePad)) mm, so its labels come out at about \(NumberFormat.decimals(labelPoints, 1)) pt; "
                + "a larger page, a landscape one, or fewer actors keep them readable")
        }
        var frame = MapLayout.frame(positions, options: options, scale: scale)
        frame.min.y -= reserveBelow
        return (PinnedLayout(positions: positions, frame: frame, scale: scale, legendBand: reserveBelow),
                PageFit(page: page, scale: scale, labelPoints: labelPoints, warnings: warnings))
    }

    /// The smallest factor by which the centres of `boxes` (centre, width, height) must be
    /// spread so that no two boxes overlap: the largest over pairs of the smaller of the
    /// horizontal and the vertical factor that separates them; 0 for fewer than two boxes.
    static func overlapBound(_ boxes: [(DiagramPoint, Double, Double)]) -> Double {
        var least = 0.0
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                let dx = abs(boxes[i].0.x - boxes[j].0.x), dy = abs(boxes[i].0.y - boxes[j].0.y)
                let needX = dx > 0 ? (boxes[i].1 + boxes[j].1) / 2 / dx : .infinity
                let needY = dy > 0 ? (boxes[i].2 + boxes[j].2) / 2 / dy : .infinity
                least = max(least, min(needX, needY))
            }
        }
        return least.isFinite ? least : 0
    }

    /// Space between the map and its legends, and between legends, inches.
    static let legendGap = 0.15

    /// Height of the title and caption rows, inches.
    static func titleHeight(_ title: String, caption: String, theme: DiagramTheme, page: PageSize?) -> Double {
        let lines = { (text: String, size: Double) -> Double in
            guard let width = titleWidth(page, fontSize: size) else { return 1 }
            return Double(DOTText.wrapped(text, width: width).split(separator: "\n").count)
        }
        return (title.isEmpty ? 0 : lines(title, theme.titleFontSize) * (theme.titleFontSize * 1.25) + 4) / 72
            + (caption.isEmpty ? 0 : lines(caption, theme.captionFontSize) * (theme.captionFontSize * 1.25) + 4) / 72 + 0.08
    }

    /// Characters per title or caption line on a page (0.6 em each, bold), `nil` without a page.
    static func titleWidth(_ page: PageSize?, fontSize: Double) -> Int? {
        page.map { max(20, Int(($0.width - 2 * pagePad * 72 - 16) / (fontSize * 0.62))) }
    }

    /// Estimated sizes of the legends of `model` (the actor-type key, the table of relation
    /// types and notes) and of an overlay legend of `overlayRows` rows.
    static func estimatedLegendBlocks(_ model: EcosystemModel, options: DiagramOptions, overlayRows: Int) -> [(width: Double, height: Double)] {
        let theme = effectiveTheme(options)
        let parts = legendParts(for: model, options: options, prefix: "", font: theme.fontName)
        var blocks = parts.map { legendBlockSize($0, fontSize: theme.legendFontSize) }
        if overlayRows > 0 {
            let row = theme.legendFontSize * 1.25 + 4
            blocks.append((width: 40 * theme.legendFontSize * 0.55 / 72 + 0.3, height: Double(overlayRows) * row / 72 + 0.2))
        }
        return blocks
    }
}
