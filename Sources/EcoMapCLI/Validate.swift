import ArgumentParser
import EcoMapJobs
import Ecosystem
import Foundation

/// `ecomap validate`: load a model and report every problem, or a one-line summary.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a model (or edge list) and report every problem with file, line and column.",
        discussion: "Exits with status 1 when the model has errors; writes nothing."
    )

    @Argument(help: "Model file (.yaml, .yml, .json), spreadsheet (.csv pair, folder, .xlsx), edge list (.csv), .gexf, .graphml, node-link or Kumu JSON.")
    var model: String

    @Flag(name: .long, help: "Read actor ids that differ only in letter case or surrounding spaces as one actor (with a warning) instead of an error.")
    var lenient = false

    func run() throws {
        let ecosystem = try loadGraph(model, directed: false, lenient: lenient, files: RunFiles(), fullNotes: true)
        let assumed = ecosystem.relations.filter(\.isAssumed).count
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        try writeStandardOutput("\(model): ok — \(count(ecosystem.actors.count, "actor")) of \(count(ecosystem.actorTypes.count, "type")), "
            + "\(count(ecosystem.relations.count, "relation")) of \(count(ecosystem.relationTypes.count, "type")) (\(assumed) assumed)\n")
    }
}
