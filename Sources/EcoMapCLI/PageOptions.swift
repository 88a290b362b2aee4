import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemRendering
import Foundation

/// Options of every command that draws maps (the main job, render, report, compare
/// --diagrams): the page, the background and the positions that stay.
struct PageOptions: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Lay the maps out for a page: a4, a4-landscape, a5, letter, 16:9 (a widescreen slide) or WIDTHxHEIGHT in mm or pt (e.g. 160x120mm). "
            + "Labels are 8 pt or more at print size; long names are wrapped and abbreviated (the full name stays in the tooltip); "
            + "the legend goes below the map on a portrait page, beside it otherwise. A page too small for 8-pt labels is said on standard error.",
        valueName: "page"))
    var page: String?

    @Option(name: .long, help: ArgumentHelp(
        "Background colour: #RRGGBB, #RRGGBBAA or transparent (default: white for PNG and PDF, transparent for SVG; "
            + "on a transparent background the title and legend keep a white box, so they read on a dark slide).",
        valueName: "colour"))
    var background: String?

    @Option(name: .long, help: ArgumentHelp(
        "Positions that stay: read the layout from FILE when it exists (actors it has stay where they were, new ones are placed around them), "
            + "else write the layout there. JSON keyed by actor id, in points (see README, \"Positions that stay\"). An existing file is never overwritten.",
        valueName: "file"))
    var positions: String?

    @Option(name: .long, help: ArgumentHelp(
        "Write the layout the maps were drawn on to FILE (e.g. after new actors were placed around --positions); refused if FILE is an input.",
        valueName: "file"))
    var savePositions: String?

    func validate() throws {
        if let page, let problem = PageSize.problem(page) { throw ValidationError("--page: \(problem)") }
        if let background, colour(background) == nil {
            throw ValidationError("--background '\(background)' is not a colour: give #RRGGBB, #RRGGBBAA (hex digits) or transparent")
        }
        if let positions, let savePositions, positions == savePositions {
            throw ValidationError("--save-positions \(savePositions) is the --positions file: give another name (the file read is never overwritten)")
        }
    }

    /// `#RRGGBB(AA)` as given, `transparent` as `#FFFFFF00`, or `nil`.
    func colour(_ text: String) -> String? {
        if text.lowercased() == "transparent" { return "#FFFFFF00" }
        return DrawingVocabulary.isColour(text) ? text : nil
    }

    /// Sets the page, background and kept positions of `request`; reads the positions file
    /// when it exists (recorded as an input, so nothing is written over it).
    func apply(to request: inout MapRequest, files: RunFiles) throws {
        request.page = page.flatMap(PageSize.init)
        request.background = background.flatMap(colour)
        request.keptPositions = try keptPositions(files: files)
    }

    /// The positions read from `--positions`, inches by actor id; empty when the file does not exist yet.
    func keptPositions(files: RunFiles) throws -> [String: DiagramPoint] {
        guard let positions, FileManager.default.fileExists(atPath: positions) else { return [:] }
        let url = try files.input(positions, what: "positions file")
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw JobError("cannot read positions file \(positions): \(RunFiles.reason(error))")
        }
        do {
            return try PositionsFile.read(data, file: positions)
        } catch {
            throw JobError(error.description)
        }
    }

    /// The positions files to write with the run's other outputs: `--positions` when it did
    /// not exist, `--save-positions` always. Empty for a map without a shared layout.
    func outputs(_ layout: [String: DiagramPoint], files: RunFiles) -> [(url: URL, data: Data)] {
        guard !layout.isEmpty else { return [] }
        let data = Data(PositionsFile.json(layout).utf8)
        var result: [(url: URL, data: Data)] = []
        if let positions, !files.isInput(positions) { result.append((URL(fileURLWithPath: positions), data)) }
        if let savePositions { result.append((URL(fileURLWithPath: savePositions), data)) }
        return result
    }

    /// Tells what happened to the layout: actors placed around the saved positions, a framed
    /// map that keeps its own layout.
    func report(placed: Int, hasLayout: Bool) {
        if let positions, !hasLayout {
            note("positions: the map is framed by dot or fdp, which lay it out themselves; \(positions) is not used")
        } else if let positions, placed > 0, savePositions == nil {
            note("positions: \(placed) actor\(placed == 1 ? "" : "s") not in \(positions) placed around the others; the file is kept as it is (--save-positions FILE writes the new layout)")
        }
    }

    /// Prints a page warning.
    static func warn(_ lines: [String]) {
        for line in lines { note("warning: \(line)") }
    }
}
