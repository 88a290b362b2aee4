import Ecosystem
import EcosystemRendering
import Foundation

/// Reading what-if scenarios and applying them to their baseline.
public enum ScenarioInput {
    /// Loads each scenario at `paths` with every file it extends (all recorded as inputs),
    /// checks that it is written for the model at `modelPath` when it names a base, and
    /// applies it to `baseline`.
    ///
    /// - Parameters:
    ///   - paths: scenario files, in the order given.
    ///   - baseline: the model the scenarios change.
    ///   - modelPath: the baseline's path as given.
    ///   - files: the run's record of inputs.
    /// - Returns: one changed model per scenario, named by the scenario.
    /// - Throws: ``JobError`` for a missing file, a scenario written for another model, or two
    ///   scenarios with the same name (names key the columns, JSON objects and file names);
    ///   ``Ecosystem/ModelError`` for a problem in a scenario file.
    public static func apply(
        _ paths: [String], to baseline: EcosystemModel, modelPath: String, files: RunFiles
    ) throws -> [EcosystemModel] {
        var changed: [EcosystemModel] = []
        var seen: [String: String] = [:]
        for path in paths {
            let url = try files.input(path, what: "scenario file")
            let chain = try ScenarioLoader.loadChain(contentsOf: url)
            for scenario in chain.scenarios { files.record(scenario.file) }
            if let base = chain.basePath, RunFiles.resolved(base) != RunFiles.resolved(modelPath) {
                throw JobError("scenario '\(chain.scenario.name)' (\(path)) is written for the model \(base), not \(modelPath)")
            }
            let model = try chain.apply(to: baseline)
            if let first = seen[model.name] {
                throw JobError("two scenarios are named '\(model.name)' (\(first) and \(path)); scenario names must be unique in one comparison")
            }
            seen[model.name] = path
            changed.append(model)
        }
        return changed
    }

    /// The file name stem of a scenario's outputs (`<stem>-diff.svg`): its name made safe
    /// (``EcosystemRendering/DOTText/identifier(_:prefix:)``).
    public static func fileStem(_ scenario: EcosystemModel) -> String {
        DOTText.identifier(scenario.name, prefix: "")
    }
}
