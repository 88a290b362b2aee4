import Ecosystem
import Foundation

/// Reading the network a job works on, in any format ``Ecosystem/ModelFormats`` reads: an
/// ecomap model (YAML or JSON), the spreadsheet form (a CSV pair, a folder holding it, an
/// `.xlsx` workbook), a plain edge list (CSV), GEXF, GraphML, node-link JSON or a Kumu
/// blueprint. Every file read (a CSV pair reads two or three) is recorded as an input.
public enum GraphInput {
    /// Loads the model at `path` (a file, or a folder with actors.csv and relations.csv),
    /// recording every file read as an input of the run.
    ///
    /// - Parameters:
    ///   - path: the file or folder as the user named it.
    ///   - directed: the direction of relation types a file does not declare (an edge list's
    ///     rows: arcs source → target, or mutual ties); a model declares direction per type.
    ///   - lenient: merge actor ids that differ only in letter case or surrounding spaces
    ///     (with a note) instead of refusing them.
    ///   - at: a date: the network as it stood then (``Ecosystem/EcosystemModel/snapshot(at:)``:
    ///     the actors and ties whose life overlaps it), with a note saying how much of the
    ///     model that is; `nil` for the whole model.
    ///   - files: the run's record of inputs.
    /// - Returns: the validated model, with the loader's notes (types declared automatically,
    ///   columns kept as attributes) for the user.
    /// - Throws: ``JobError`` when nothing is there or it is not a regular file or folder;
    ///   ``Ecosystem/ModelError`` with file, line and column for every problem in it.
    public static func read(_ path: String, directed: Bool, lenient: Bool = false, at: PartialDate? = nil, files: RunFiles) throws -> LoadedModel {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            files.record(path)
        } else {
            _ = try files.input(path, what: "model or edge list")
        }
        var loaded = try ModelFormats.load(path, directed: directed, lenient: lenient)
        for file in loaded.files { files.record(file) }
        // Every loader refuses a model over the limit at the actor that passes it; this
        // keeps the limit for every command whatever format a model comes in.
        if loaded.model.actors.count > InputLimits.maxActors {
            let problem = InputLimits.tooManyActors(loaded.model.actors.count)
            throw ModelError(issues: [ModelIssue(file: path, line: 0, column: 0, message: problem.message, valid: problem.valid)])
        }
        if let at { loaded = snapshot(loaded, at: at) }
        return loaded
    }

    /// `loaded` as it stood on `date`, with a note: "at 2017: 12 of 21 actors, 20 of 34
    /// relations" (or that the model carries no dates).
    /// - Complexity: `O(actors + relations)`.
    public static func snapshot(_ loaded: LoadedModel, at date: PartialDate) -> LoadedModel {
        var out = loaded
        let whole = loaded.model
        out.model = whole.snapshot(at: date)
        out.notes.append(whole.isDated
            ? "at \(date): \(out.model.actors.count) of \(whole.actors.count) actors, \(out.model.relations.count) of \(whole.relations.count) relations"
            : "at \(date): the model carries no since/until dates; every actor and relation is there")
        return out
    }

    /// Loads the model or edge list at `path` and records it as an input of the run (see
    /// ``read(_:directed:lenient:files:)``; the notes are dropped).
    public static func load(_ path: String, directed: Bool, files: RunFiles) throws -> EcosystemModel {
        try read(path, directed: directed, files: files).model
    }

    /// Loads the model at `path` in any format, recording it as an input.
    /// - Parameters:
    ///   - path: the model file.
    ///   - files: the run's record of inputs.
    /// - Returns: the validated model.
    /// - Throws: as ``read(_:directed:lenient:files:)``.
    public static func loadModel(_ path: String, files: RunFiles) throws -> EcosystemModel {
        try read(path, directed: false, files: files).model
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

    /// Whether `path` is a model (or a network in another format) rather than a scenario
    /// file (``Ecosystem/ModelFormats/isModel(_:)``).
    public static func isModel(_ path: String) -> Bool { ModelFormats.isModel(path) }
}
