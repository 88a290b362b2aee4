import EcoMapJobs
import Ecosystem

// Loading the command's graph, and saying on standard error what the measures leave out.

/// ``GraphInput/load(_:directed:files:)``, then a note naming the self-loops that the measures
/// leave out (``EcosystemModel/selfLoops``).
func loadInput(_ path: String, directed: Bool, files: RunFiles) throws -> EcosystemModel {
    let model = try GraphInput.load(path, directed: directed, files: files)
    if let line = GraphInput.selfLoopNote(model) { note(line) }
    return model
}

/// ``GraphInput/loadModel(_:files:)``, then the note of ``loadInput(_:directed:files:)``.
func loadModelInput(_ path: String, files: RunFiles) throws -> EcosystemModel {
    let model = try GraphInput.loadModel(path, files: files)
    if let line = GraphInput.selfLoopNote(model) { note(line) }
    return model
}
