import Ecosystem
import Foundation

/// Which rules file the gap findings use (``Ecosystem/GapRules``, `Datasets/RULES.md`).
public enum RulesChoice: Sendable, Equatable {
    /// A `rules.yaml` next to a YAML/JSON model, when there is one (the default).
    case besideModel
    /// This file.
    case file(String)
    /// No rules: only the findings that need none.
    case none
}

/// The rules a job read, and where from.
public struct LoadedRules: Sendable {
    /// The rules (empty when none were read).
    public let rules: GapRules
    /// The file they came from, as it is shown (relative like the model path), or `nil`.
    public let path: String?
    /// Whether the file was found next to the model rather than named.
    public let foundBesideModel: Bool
}

/// Finding and reading the rules file of a run.
public enum RulesInput {
    /// Reads the rules `choice` names for `model` (read from `modelPath`), recording the file as
    /// an input.
    ///
    /// - Parameters:
    ///   - choice: a named file, the file beside the model, or none.
    ///   - model: the model the rules are checked against (ids, types).
    ///   - modelPath: the model's path as given; only a `.yaml`, `.yml` or `.json` model has
    ///     rules beside it (an edge list has none).
    ///   - files: the run's record of inputs.
    /// - Returns: the rules and their origin; empty rules when there is no file.
    /// - Throws: ``JobError`` for a named file that is missing; ``Ecosystem/ModelError`` for a
    ///   problem inside the rules file.
    public static func load(
        _ choice: RulesChoice, for model: EcosystemModel, modelPath: String, files: RunFiles
    ) throws -> LoadedRules {
        switch choice {
        case .none:
            return LoadedRules(rules: GapRules(), path: nil, foundBesideModel: false)
        case let .file(path):
            let url = try files.input(path, what: "rules file")
            return LoadedRules(rules: try RulesLoader.load(contentsOf: url, for: model), path: path, foundBesideModel: false)
        case .besideModel:
            guard ModelLoader.modelExtensions.contains(URL(fileURLWithPath: modelPath).pathExtension.lowercased()) else {
                return LoadedRules(rules: GapRules(), path: nil, foundBesideModel: false)
            }
            let sibling = URL(fileURLWithPath: modelPath).deletingLastPathComponent().appendingPathComponent("rules.yaml")
            guard FileManager.default.fileExists(atPath: sibling.path) else {
                return LoadedRules(rules: GapRules(), path: nil, foundBesideModel: false)
            }
            let folder = (modelPath as NSString).deletingLastPathComponent
            let shown = folder.isEmpty ? "rules.yaml" : folder + "/rules.yaml"
            let url = try files.input(sibling.path, what: "rules file")
            return LoadedRules(rules: try RulesLoader.load(contentsOf: url, for: model), path: shown, foundBesideModel: true)
        }
    }
}
