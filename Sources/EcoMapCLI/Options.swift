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

/// An error of the command line itself (a missing file, an output that would destroy
/// something), printed as `Error: <message>` without the usage text.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// The files this run reads, so that no output can overwrite one of them.
enum InputFiles {
    nonisolated(unsafe) private static var paths = Set<String>()
    private static let lock = NSLock()

    /// Records `path` as an input of this run (resolved: symlinks followed, absolute).
    static func record(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.insert(resolved(path))
    }

    static func contains(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        return paths.contains(resolved(path))
    }

    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

/// Checks that `path` names an existing regular file, records it as an input, and returns
/// its URL. `what` names the kind of file in the error ("model", "rules file", …).
func inputFile(_ path: String, what: String) throws -> URL {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw CommandError("no such \(what): \(path)")
    }
    guard !isDirectory.boolValue else { throw CommandError("\(path) is a folder; expected a \(what) file") }
    InputFiles.record(path)
    // Resolve the name from the absolute path, so `model.yaml` in Datasets/zoetermeer/ is
    // still the model "zoetermeer".
    return URL(fileURLWithPath: path).standardizedFileURL
}

/// Loads a model (YAML/JSON) or a plain edge list (CSV) by extension.
func loadGraphInput(_ path: String, directed: Bool) throws -> EcosystemModel {
    let url = try inputFile(path, what: "model or edge list")
    if url.pathExtension.lowercased() == "csv" {
        return try EdgeListLoader.load(contentsOf: url, directed: directed)
    }
    return try ModelLoader.load(contentsOf: url)
}

/// Writes `data` to `url` atomically (a temporary file in the same folder, then a rename), so
/// a reader never sees half a file and an old file survives a failure.
///
/// Refuses, before writing anything: an output that is one of this run's inputs (inputs are
/// never modified); an existing path that is not a regular file (a folder, a device such as
/// `/dev/null`, a FIFO: a rename would replace it). A symbolic link is followed, so the file it
/// points to is replaced and the link kept.
func writeAtomically(_ data: Data, to url: URL) throws {
    let target = try checkOutput(url)
    do {
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: target, options: .atomic)
    } catch {
        throw CommandError("cannot write \(url.relativePath): \(reason(error))")
    }
}

/// The file that writing to `url` would replace (symbolic links followed), after the checks of
/// ``writeAtomically(_:to:)``; commands that write several files check them all first, so
/// that a refused output leaves nothing half written.
@discardableResult
func checkOutput(_ url: URL) throws -> URL {
    let target = URL(fileURLWithPath: InputFiles.resolved(url.path))
    if InputFiles.contains(target.path) {
        throw CommandError("refusing to write \(url.relativePath): it is an input of this run (inputs are never modified)")
    }
    if let type = try? FileManager.default.attributesOfItem(atPath: target.path)[.type] as? FileAttributeType,
       type != .typeRegular {
        let kind = type == .typeDirectory ? "a folder" : "not a regular file (a device, a pipe or a socket)"
        throw CommandError("refusing to write \(url.relativePath): it is \(kind); give a file path, or `-` where standard output is allowed")
    }
    return target
}

/// Writes `text` (or bytes) to standard output, throwing when it cannot be written (a full disk,
/// a closed pipe) instead of losing it silently.
func writeStandardOutput(_ data: Data) throws {
    do {
        try FileHandle.standardOutput.write(contentsOf: data)
    } catch {
        throw CommandError("cannot write to standard output: \(reason(error))")
    }
}

func writeStandardOutput(_ text: String) throws { try writeStandardOutput(Data(text.utf8)) }

/// A short human reason for a Foundation file error (the POSIX message where there is one).
func reason(_ error: Error) -> String {
    let ns = error as NSError
    if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
       let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
        return String(cString: strerror(code.rawValue))
    }
    if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
    switch ns.code {
    case NSFileWriteNoPermissionError: return "permission denied"
    case NSFileWriteOutOfSpaceError: return "no space left on the device"
    case NSFileWriteVolumeReadOnlyError: return "read-only file system"
    case NSFileNoSuchFileError, NSFileWriteInvalidFileNameError: return "no such folder, or an invalid name"
    default: return ns.localizedDescription == "(null)" ? "error \(ns.domain) \(ns.code)" : ns.localizedDescription
    }
}

/// Messages for the user on standard error (the library never prints).
func note(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
extension PathDirection: ExpressibleByArgument {}
