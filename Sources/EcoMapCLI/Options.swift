import ArgumentParser
import Ecosystem
import EcosystemAnalysis
import Foundation
import NetworkAnalysis

/// How the input graph is read: shared by `analyze`, `render` and the main job.
struct GraphInputOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "--undirected (default): every tie is mutual. --directed: directed relation types are arcs, mutual types two arcs; edge lists are read as arcs source → target."))
    var directedness: Directedness = .undirected

    var directed: Bool { directedness == .directed }

    enum Directedness: String, EnumerableFlag {
        case undirected, directed
    }

    @Option(name: .long, help: ArgumentHelp(
        "How to read weights: strength (tie strength; path length 1/w), distance (path length w), none (all 1).",
        valueName: "strength|distance|none"))
    var weight: EdgeWeighting = .strength
}

extension EdgeWeighting: ExpressibleByArgument {}

/// Loads a model (YAML/JSON) or a plain edge list (CSV) by extension.
func loadGraphInput(_ path: String, directed: Bool) throws -> EcosystemModel {
    let url = URL(fileURLWithPath: path)
    guard FileManager.default.fileExists(atPath: url.path) else {
        throw ValidationError("no such file: \(path)")
    }
    if url.pathExtension.lowercased() == "csv" {
        return try EdgeListLoader.load(contentsOf: url, directed: directed)
    }
    return try ModelLoader.load(contentsOf: url)
}

/// Writes `data` to `url` atomically (a temporary file in the same folder, then a rename), so
/// a reader never sees half a file and an old file survives a failure.
func writeAtomically(_ data: Data, to url: URL) throws {
    try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url, options: .atomic)
}

/// Messages for the user on standard error (the library never prints).
func note(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
extension PathDirection: ExpressibleByArgument {}
