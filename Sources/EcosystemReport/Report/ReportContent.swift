import Crypto
import Ecosystem
import EcosystemAnalysis
import EcosystemRendering
import Foundation

/// One figure of a report: an SVG map with its caption.
public struct ReportFigure: Sendable {
    /// Anchor id in the HTML (ASCII letters, digits, `-`).
    public var id: String
    /// Heading of the figure.
    public var title: String
    /// Caption under the figure (what size, colour, frames mean).
    public var caption: String
    /// The finished SVG document (UTF-8), inlined in the HTML.
    public var svg: [UInt8]
    /// File name of the SVG beside `report.md` (e.g. `ecosystem.svg`).
    public var fileName: String

    /// A figure as given; see the properties.
    public init(id: String, title: String, caption: String, svg: [UInt8], fileName: String) {
        self.id = id; self.title = title; self.caption = caption; self.svg = svg; self.fileName = fileName
    }
}

/// An input file of the analysis, identified by its SHA-256 digest.
public struct ReportInput: Sendable, Equatable {
    /// What the file is (`model`, `theme`, `scenario`).
    public var role: String
    /// The path as given on the command line.
    public var path: String
    /// SHA-256 of the file's bytes, lowercase hex (NIST FIPS 180-4, 2015,
    /// doi:10.6028/NIST.FIPS.180-4).
    public var sha256: String

    /// Records `contents` of the file at `path`, hashing it with SHA-256 (swift-crypto).
    /// - Parameters:
    ///   - role: what the file is.
    ///   - path: the path as given.
    ///   - contents: the file's bytes.
    /// - Complexity: `O(contents.count)`.
    public init(role: String, path: String, contents: Data) {
        self.role = role
        self.path = path
        self.sha256 = ReportInput.sha256Hex(contents)
    }

    /// Lowercase hexadecimal SHA-256 digest of `data`.
    /// - Parameter data: any bytes.
    /// - Returns: 64 lowercase hexadecimal digits.
    /// - Complexity: `O(data.count)`.
    public static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// A section supplied by another part of ecomap, already written as HTML and Markdown, with
/// its figures.
///
/// The gap findings (``GapsWriter``) and the scenario comparison (``ComparisonWriter``) reach
/// the report as sections; their writers produce both forms.
public struct ReportSection: Sendable {
    /// Anchor id in the HTML.
    public var id: String
    /// Heading of the section (plain text; escaped when written).
    public var title: String
    /// HTML body (trusted: written by ecomap's own writers, user text escaped by them).
    public var html: String
    /// Markdown body.
    public var markdown: String
    /// Figures shown after the body (inline SVG in the HTML, linked files in the Markdown).
    public var figures: [ReportFigure]

    /// A section as given; `html` is inserted verbatim, so it must already be escaped.
    public init(id: String, title: String, html: String, markdown: String, figures: [ReportFigure] = []) {
        self.id = id; self.title = title; self.html = html; self.markdown = markdown; self.figures = figures
    }

    /// A section with one paragraph of plain text (escaped for both forms).
    /// - Parameters:
    ///   - id: anchor id.
    ///   - title: heading.
    ///   - text: the paragraph, plain text.
    /// - Returns: the section, without figures.
    public static func note(id: String, title: String, text: String) -> ReportSection {
        ReportSection(
            id: id, title: title, html: "<p>\(ReportWriter.escapeHTML(text))</p>",
            markdown: ReportWriter.escapeMarkdown(text))
    }
}

/// A row of the report's relations table: one relation of the model as a reader names it (the
/// text alternative to the map).
public struct ReportRelation: Sendable, Equatable {
    /// Name of the actor the relation starts at.
    public var from: String
    /// Name of the actor the relation goes to.
    public var to: String
    /// The relation type's label (e.g. "funds").
    public var relation: String
    /// Whether the relation type has a direction (`from → to`).
    public var directed: Bool
    /// Tie strength as given in the model.
    public var strength: Double
    /// Where the tie is documented (may be empty).
    public var source: String
    /// Why the tie is assumed, when the source only implies it.
    public var assumed: String?

    /// A row as given; see the properties.
    public init(from: String, to: String, relation: String, directed: Bool, strength: Double, source: String, assumed: String? = nil) {
        self.from = from; self.to = to; self.relation = relation; self.directed = directed
        self.strength = strength; self.source = source; self.assumed = assumed
    }
}

/// Everything a report shows. Sections that are `nil` are left out, except where noted.
public struct ReportContent: Sendable {
    /// Title of the report (the model's title).
    public var title: String
    /// The model's short name (`Output/<name>/`).
    public var modelName: String
    /// The model's description.
    public var description: String
    /// Plain-text facts listed under the title (e.g. "21 actors, 34 relations").
    public var facts: [String]
    /// Top-level figures (the ecosystem map), shown under the facts.
    public var figures: [ReportFigure]
    /// Node-level and network-level measures.
    public var metrics: MetricsTable
    /// Measures explained in the methods section, each with its convention (normally
    /// ``MeasureCatalog`` entries of the measures in ``metrics``).
    public var methods: [(measure: String, convention: String)]
    /// Further lines of the methods section (weighting, direction, layout, seed).
    public var methodNotes: [String]
    /// Measures with no answer on this network, and why.
    public var undefinedMeasures: [(measure: String, reason: String)]
    /// The briefing (``BriefingWriter``), shown first under the title; left out when `nil`.
    /// Its HTML is a whole `<section>` and its Markdown a whole block, heading included.
    public var briefing: ReportSection?
    /// The gap findings (``GapsWriter``) with the gap overlay map; left out when `nil`.
    public var gapFindings: ReportSection?
    /// The scenario comparison (``ComparisonWriter``) with the diff diagrams; left out when
    /// `nil` (no scenarios given).
    public var scenarioComparison: ReportSection?
    /// Further sections, after the measures.
    public var extraSections: [ReportSection]
    /// Reproducibility: tool version, Graphviz version, seed, options, inputs.
    /// The ecomap version.
    public var version: String
    /// The libgvc version the maps were drawn with.
    public var graphvizVersion: String
    /// The seed the run's seeded algorithms used (shown so the report can be reproduced).
    public var seed: UInt64
    /// The command line or settings that reproduce the report (shown verbatim).
    public var settings: [String]
    /// The input files with their SHA-256 digests.
    public var inputs: [ReportInput]
    /// The language of the model's texts (BCP 47), the page's `lang` attribute.
    public var language: String
    /// The key figures shown at the top, in order: (label in plain words, value as written),
    /// e.g. ("actors", "42"); none: no block.
    public var keyFigures: [(label: String, value: String)]
    /// The measures table split into tables of related columns, each with a title, so a
    /// printed page holds each of them; empty: one table of every measure. Measures not in
    /// the table are skipped; a group wider than ``ReportWriter/maxMeasureColumns`` is split
    /// further.
    public var measureGroups: [(title: String, measures: [String])]
    /// The relations table (the text alternative to the map); empty: no table.
    public var relations: [ReportRelation]
    /// The command line that made the report, as one shell-quoted line (shown in the
    /// reproducibility block); `nil`: not shown.
    public var commandLine: String?

    /// Report content as given; see the properties.
    public init(
        title: String, modelName: String, description: String = "", facts: [String] = [],
        figures: [ReportFigure], metrics: MetricsTable,
        methods: [(measure: String, convention: String)], methodNotes: [String] = [],
        undefinedMeasures: [(measure: String, reason: String)] = [],
        gapFindings: ReportSection? = nil, scenarioComparison: ReportSection? = nil,
        extraSections: [ReportSection] = [],
        version: String, graphvizVersion: String, seed: UInt64, settings: [String] = [], inputs: [ReportInput],
        language: String = "en", keyFigures: [(label: String, value: String)] = [],
        measureGroups: [(title: String, measures: [String])] = [], relations: [ReportRelation] = [],
        commandLine: String? = nil
    ) {
        self.language = language; self.keyFigures = keyFigures; self.measureGroups = measureGroups
        self.relations = relations; self.commandLine = commandLine
        self.title = title; self.modelName = modelName; self.description = description; self.facts = facts
        self.figures = figures; self.metrics = metrics; self.methods = methods; self.methodNotes = methodNotes
        self.undefinedMeasures = undefinedMeasures; self.gapFindings = gapFindings
        self.scenarioComparison = scenarioComparison
        self.extraSections = extraSections; self.version = version; self.graphvizVersion = graphvizVersion
        self.seed = seed; self.settings = settings; self.inputs = inputs
    }

    /// The methods of `measures` from the catalog, in that order (unknown names skipped).
    /// - Parameter measures: measure names.
    /// - Returns: (name, ``MeasureDefinition/convention``) pairs.
    public static func catalogMethods(_ measures: [String]) -> [(measure: String, convention: String)] {
        measures.compactMap { name in MeasureCatalog.named(name).map { (name, $0.convention) } }
    }

    /// Every figure of the report, top-level first, then those of the sections in order: the
    /// SVG files written beside `report.md`.
    public var allFigures: [ReportFigure] {
        figures + ReportWriter.sections(self).flatMap(\.figures)
    }
}
