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

    @Argument(help: "Model file (.yaml, .yml, .json) or edge list (.csv).")
    var model: String

    func run() throws {
        let ecosystem = try loadInput(model, directed: false, files: RunFiles())
        let assumed = ecosystem.relations.filter(\.isAssumed).count
        try writeStandardOutput("\(model): ok — \(ecosystem.actors.count) actors of \(ecosystem.actorTypes.count) types, "
            + "\(ecosystem.relations.count) relations of \(ecosystem.relationTypes.count) types (\(assumed) assumed)\n")
    }
}
