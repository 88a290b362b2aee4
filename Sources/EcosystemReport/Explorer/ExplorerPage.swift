import Crypto
import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import Foundation

/// A scenario shown as a diff overlay on the baseline map of the explorer.
public struct ExplorerScenario: Sendable {
    /// Short name (the scenario file's `name`).
    public var name: String
    /// Title shown in the overlay menu.
    public var title: String
    /// The changed model (for the ends of added relations and the names of added actors).
    public var model: EcosystemModel
    /// What the scenario adds, removes and changes, by id.
    public var diff: ModelDiff
    /// Gap findings the scenario has and the baseline has not (`[severity] sentence`).
    public var findingsAppear: [String]
    /// Gap findings of the baseline the scenario no longer has.
    public var findingsDisappear: [String]

    /// A scenario as given.
    public init(name: String, title: String, model: EcosystemModel, diff: ModelDiff,
                findingsAppear: [String] = [], findingsDisappear: [String] = []) {
        self.name = name; self.title = title; self.model = model; self.diff = diff
        self.findingsAppear = findingsAppear; self.findingsDisappear = findingsDisappear
    }
}

/// Everything the explorer page shows, computed before the page is written (the writer
/// computes no measure).
public struct ExplorerContent: Sendable {
    /// The model drawn.
    public var model: EcosystemModel
    /// The map: a finished SVG of ``model`` (``EcosystemRendering/EcosystemDiagram/draw(_:options:formats:)``),
    /// element ids without prefix.
    public var svg: [UInt8]
    /// One analysis of ``model``: the measures shown with their ranks (a `leiden` column, if
    /// present, gives the community overlay).
    public var table: MetricsTable
    /// The measure behind the drawn node sizes, or `nil` for equal sizes.
    public var sizeMeasure: String?
    /// Node widths (inches) for the smallest and largest value, as the theme draws them.
    public var nodeWidths: (min: Double, max: Double)
    /// Gap findings, or `nil` when the gap analysis was not run.
    public var gaps: GapReport?
    /// The gap marks (cut points, bridges, isolates, recommended ties) of ``gaps``.
    public var gapMarks: GapOverlay?
    /// Scenario diffs, in the order given.
    public var scenarios: [ExplorerScenario]
    /// Plain-language lines about how the numbers and the map were made (shown in the page).
    public var notes: [String]

    /// Content as given.
    public init(model: EcosystemModel, svg: [UInt8], table: MetricsTable, sizeMeasure: String?,
                nodeWidths: (min: Double, max: Double), gaps: GapReport? = nil, gapMarks: GapOverlay? = nil,
                scenarios: [ExplorerScenario] = [], notes: [String] = []) {
        self.model = model; self.svg = svg; self.table = table; self.sizeMeasure = sizeMeasure
        self.nodeWidths = nodeWidths; self.gaps = gaps; self.gapMarks = gapMarks
        self.scenarios = scenarios; self.notes = notes
    }
}

/// Why the explorer page could not be written.
public struct ExplorerError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in plain words.
    public let description: String
    init(_ description: String) { self.description = description }
}

/// `explore.html`: one self-contained page to explore a map offline (pan, zoom, search,
/// ego networks, filters, a detail panel, overlays).
///
/// The page is the template `Resources/explorer.html` with the stylesheet
/// `Resources/explorer.css`, the script `Resources/explorer.js`, the data as one JSON block
/// (``ExplorerJSON``, sorted keys, exact numbers) and the map's SVG inline. A
/// Content-Security-Policy allows nothing but that one inline script and that one inline style,
/// by their SHA-256 hashes (`default-src 'none'`; images only `data:`), so the page makes no
/// request and runs no other code. The same content gives the same bytes.
public enum ExplorerPage {
    /// The page's HTML.
    /// - Parameter content: what to show.
    /// - Returns: the HTML document, UTF-8 text.
    /// - Throws: ``ExplorerError`` when a resource is missing from the package, or when the
    ///   script or stylesheet would end its element early (contains `</script` or `</style`).
    /// - Complexity: `O(SVG size + data size)`.
    public static func html(_ content: ExplorerContent) throws(ExplorerError) -> String {
        let template = try resource("explorer", "html")
        let style = try resource("explorer", "css")
        let script = try resource("explorer", "js")
        if script.lowercased().contains("</script") { throw ExplorerError("explorer.js contains '</script'") }
        if style.lowercased().contains("</style") { throw ExplorerError("explorer.css contains '</style'") }
        let csp = contentSecurityPolicy(script: script, style: style)
        let values: [String: String] = [
            "CSP": csp,  // letters, digits, base64 and quotes: nothing to escape in a double-quoted attribute
            "TITLE": SVGFinisher.escape(content.model.title),
            "STYLE": style,
            "SCRIPT": script,
            "DATA": data(content).text,
            "SVG": SVGFinisher.inlineFragment(content.svg),
        ]
        return fill(template, values)
    }

    /// The policy: nothing by default; the one script and the one stylesheet by hash; `data:`
    /// images; no base URL, no form targets.
    /// - Parameters:
    ///   - script: the exact text of the inline script.
    ///   - style: the exact text of the inline stylesheet.
    /// - Returns: the `content` of the `Content-Security-Policy` meta element.
    public static func contentSecurityPolicy(script: String, style: String) -> String {
        "default-src 'none'; script-src '\(hash(script))'; style-src '\(hash(style))'; img-src data:; base-uri 'none'; form-action 'none'"
    }

    /// `sha256-<base64>` of the UTF-8 bytes of `text`, as CSP Level 2 hash sources are written.
    public static func hash(_ text: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
    }

    /// The text of a resource of this package (`Explorer/Resources/<name>.<ext>`).
    static func resource(_ name: String, _ ext: String) throws(ExplorerError) -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: ext),
              let data = try? Data(contentsOf: url) else {
            throw ExplorerError("the explorer resource \(name).\(ext) is missing from the ecomap installation (ecomap_EcosystemReport.resources beside the executable)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `template` with each `{{NAME}}` replaced by `values[NAME]`, in one pass (a replaced
    /// value is never scanned again, so an SVG holding `{{…}}` stays as it is).
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}"),
                  let value = values[String(rest[open.upperBound..<close.lowerBound])] else {
                out += "{{"
                rest = rest[open.upperBound...]
                continue
            }
            out += value
            rest = rest[close.upperBound...]
        }
        out += rest
        return out
    }

    // MARK: - Data

    /// The page's data block.
    static func data(_ content: ExplorerContent) -> ExplorerJSON {
        let model = content.model
        let helix = Dictionary(model.actorTypes.map { ($0.id, $0.helix) }, uniquingKeysWith: { a, _ in a })
        let actors: [ExplorerJSON] = model.actors.map { actor in
            .object([
                "id": .string(actor.id),
                "name": .string(actor.name),
                "type": .string(actor.type),
                "place": .string(actor.place),
                "helix": .string(helix[actor.type] ?? ""),
                "el": .string(EcosystemDiagram.actorElementID(actor.id)),
                "attributes": .array(actor.attributes.map { .array([.string($0.key), .string($0.value)]) }),
                "since": .optional(actor.since?.description ?? actor.attribute("since")),
                "until": .optional(actor.until?.description ?? actor.attribute("until")),
            ])
        }
        let relations: [ExplorerJSON] = model.relations.map { relation in
            .object([
                "id": .string(relation.id),
                "from": .string(relation.from),
                "to": .string(relation.to),
                "type": .string(relation.type),
                "weight": .number(relation.weight),
                "source": .string(relation.source),
                "assumed": .optional(relation.assumed),
                "confidence": .optional(relation.confidence),
                "el": .string(EcosystemDiagram.relationElementID(relation.id)),
            ])
        }
        let table = content.table
        let measures: [ExplorerJSON] = zip(table.measures, table.columns).map { name, column in
            .object([
                "name": .string(name),
                "values": .array(column.map { .number($0) }),
                "ranks": .array(ScenarioComparison.ranks(column).map { $0.map { .number(Double($0)) } ?? .null }),
            ])
        }
        var root: [String: ExplorerJSON] = [
            "name": .string(model.name),
            "title": .string(model.title),
            "description": .string(model.description),
            "actorTypes": .array(model.actorTypes.map {
                .object(["id": .string($0.id), "label": .string($0.label), "color": .string($0.color), "helix": .string($0.helix)])
            }),
            "relationTypes": .array(model.relationTypes.map {
                .object(["id": .string($0.id), "label": .string($0.label), "color": .string($0.color), "directed": .bool($0.directed)])
            }),
            "actors": .array(actors),
            "relations": .array(relations),
            "measureIds": .strings(table.nodeIDs),
            "measures": .array(measures),
            "sizing": .object([
                "measure": .optional(content.sizeMeasure),
                "minWidth": .number(content.nodeWidths.min),
                "maxWidth": .number(content.nodeWidths.max),
            ]),
            "notes": .strings(content.notes),
            "scenarios": .array(content.scenarios.map(scenario)),
        ]
        if let report = content.gaps {
            root["findings"] = .array(report.findings.map { finding in
                .object([
                    "kind": .string(finding.kind.rawValue),
                    "title": .string(finding.kind.title),
                    "severity": .string(finding.severity.rawValue),
                    "sentence": .string(finding.sentence),
                    "actors": .strings(finding.actors),
                    "relations": .strings(finding.relations),
                ])
            })
            root["skippedFindings"] = .array(report.skipped.map { .object(["kind": .string($0.kind.rawValue), "reason": .string($0.reason)]) })
        }
        if let marks = content.gapMarks {
            root["gapMarks"] = .object([
                "cutPoints": .strings(marks.cutPoints),
                "isolates": .strings(marks.isolates),
                "bridges": .strings(marks.bridges),
                "recommended": .array(marks.recommendedTies.map {
                    .object(["from": .string($0.from), "to": .string($0.to), "note": .string($0.note)])
                }),
            ])
        }
        return .object(root)
    }

    static func scenario(_ s: ExplorerScenario) -> ExplorerJSON {
        let changed = Dictionary(s.model.relations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let names = Dictionary(s.model.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return .object([
            "name": .string(s.name),
            "title": .string(s.title),
            "addedActors": .array(s.diff.addedActors.map { .object(["id": .string($0), "name": .string(names[$0] ?? $0)]) }),
            "removedActors": .strings(s.diff.removedActors),
            "changedActors": .strings(s.diff.changedActors),
            "addedRelations": .array(s.diff.addedRelations.compactMap { id in
                changed[id].map { .object(["id": .string(id), "from": .string($0.from), "to": .string($0.to), "type": .string($0.type)]) }
            }),
            "removedRelations": .strings(s.diff.removedRelations),
            "changedRelations": .strings(s.diff.changedRelations),
            "findingsAppear": .strings(s.findingsAppear),
            "findingsDisappear": .strings(s.findingsDisappear),
        ])
    }
}
