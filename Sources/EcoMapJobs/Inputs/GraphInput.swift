import Ecosystem
import Foundation

/// Reading the network a job works on: a model (YAML or JSON, ``Ecosystem/ModelLoader``) or
/// a plain edge list (CSV, ``Ecosystem/EdgeListLoader``), chosen by the file's extension.
public enum GraphInput {
    /// Loads the model or edge list at `path` and records it as an input of the run.
    ///
    /// - Parameters:
    ///   - path: the file as the user named it.
    ///   - directed: how an edge list's rows are read (arcs source → target, or mutual ties);
    ///     a model declares direction per relation type.
    ///   - files: the run's record of inputs.
    /// - Returns: the validated model.
    /// - Throws: ``JobError`` when the file is missing or not a regular file;
    ///   ``Ecosystem/ModelError`` with file, line and column for every problem in it.
    public static func load(_ path: String, directed: Bool, files: RunFiles) throws -> EcosystemModel {
        let url = try files.input(path, what: "model or edge list")
        if url.pathExtension.lowercased() == "csv" {
            return try EdgeListLoader.load(contentsOf: url, directed: directed)
        }
        return try ModelLoader.load(contentsOf: url)
    }

    /// Loads the model (YAML or JSON, not an edge list) at `path`, recording it as an input.
    /// - Parameters:
    ///   - path: the model file.
    ///   - files: the run's record of inputs.
    /// - Returns: the validated model.
    /// - Throws: as ``load(_:directed:files:)``.
    public static func loadModel(_ path: String, files: RunFiles) throws -> EcosystemModel {
        try ModelLoader.load(contentsOf: files.input(path, what: "model"))
    }

    /// What the measures leave out of `model`: its ties of an actor to itself (self-loops), which
    /// stay in the model and the diagram. `nil` when there are none.
    /// - Parameter model: a loaded model.
    /// - Returns: one line such as "2 ties of an actor to itself (self-loops: r4, r9) are kept in
    ///   the model and left out of the measures".
    /// - Complexity: `O(relations)`.
    public static func selfLoopNote(_ model: EcosystemModel) -> String? {
        let loops = model.selfLoops
        guard !loops.isEmpty else { return nil }
        let shown = loops.prefix(5).joined(separator: ", ") + (loops.count > 5 ? ", …" : "")
        let count = loops.count == 1 ? "1 tie of an actor to itself" : "\(loops.count) ties of an actor to itself"
        return "\(count) (self-loops: \(shown)) \(loops.count == 1 ? "is" : "are") kept in the model and left out of the measures"
    }
}
