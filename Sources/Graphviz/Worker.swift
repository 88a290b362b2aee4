import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A separate process that does the Graphviz work, so that a failure inside libgvc (an
/// assertion, a segmentation fault, heap corruption, runaway memory or time) ends that
/// process and becomes a ``GraphvizError/aborted(engine:reason:)`` in the host, instead of
/// killing the host.
///
/// Graphviz has many `assert`s and memory errors reachable from ordinary attributes (its
/// OSS-Fuzz history is long); services that render untrusted DOT isolate it the same way.
/// The host re-executes itself (or any program that calls ``serve(input:output:)`` when
/// given ``arguments``), writes one request on the worker's standard input and reads the
/// answer from its standard output:
///
/// - request: JSON `{dot, engine, formats, cpuSeconds, memoryBytes}`;
/// - answer: JSON `{results: [{data (base64), warnings}]}` or `{failure: {stage, …}}`.
///
/// The worker sets its own limits before it parses the DOT (`setrlimit`: `RLIMIT_CPU` to
/// ``cpuSeconds``, `RLIMIT_AS` to ``memoryBytes``), so the host never reads a clock; a worker
/// over its CPU limit is stopped by the kernel (`SIGXCPU`). Its standard error is captured
/// (an assertion's message is the reason given), and the Swift runtime's backtracer is off
/// in it. The result is byte-identical to rendering in process: the worker runs the same
/// code with the same fixed random state.
///
/// Install a worker for the process with ``Graphviz/isolate(in:)``. The host must ignore
/// `SIGPIPE` (a worker that dies early closes its standard input).
public struct GraphvizWorker: Sendable, Equatable {
    /// The program to start (for the ecomap tool, its own executable).
    public var executable: String
    /// Its arguments, which make it call ``serve(input:output:)``.
    public var arguments: [String]
    /// CPU seconds the worker may use (`RLIMIT_CPU`).
    public var cpuSeconds: Int
    /// Bytes of address space the worker may map (`RLIMIT_AS`).
    public var memoryBytes: UInt64

    /// The default CPU limit: 600 s (dot on a 200-node cyclic map took 36–53 s here).
    public static let defaultCPUSeconds = 600
    /// The default address-space limit: 8 GiB.
    public static let defaultMemoryBytes: UInt64 = 8 << 30

    /// A worker as given.
    public init(
        executable: String, arguments: [String], cpuSeconds: Int = GraphvizWorker.defaultCPUSeconds,
        memoryBytes: UInt64 = GraphvizWorker.defaultMemoryBytes
    ) {
        self.executable = executable; self.arguments = arguments
        self.cpuSeconds = cpuSeconds; self.memoryBytes = memoryBytes
    }

    // MARK: - The worker's side

    /// Serves one request: reads it from `input`, applies its limits, renders it in this
    /// process and writes the answer to `output`.
    /// - Parameters:
    ///   - input: where the request comes from (standard input).
    ///   - output: where the answer goes (standard output).
    /// - Returns: the exit status for the worker: 0 when an answer (results or a Graphviz
    ///   failure) was written, 2 when the request could not be read or the answer not written.
    public static func serve(input: FileHandle = .standardInput, output: FileHandle = .standardOutput) -> Int32 {
        guard let data = try? input.readToEnd(), let request = try? JSONDecoder().decode(Request.self, from: data) else {
            return 2
        }
        #if canImport(Glibc)
        limit(__rlimit_resource_t(RLIMIT_CPU.rawValue), to: rlim_t(max(1, request.cpuSeconds)))
        limit(__rlimit_resource_t(RLIMIT_AS.rawValue), to: rlim_t(request.memoryBytes))
        #else
        limit(RLIMIT_CPU, to: rlim_t(max(1, request.cpuSeconds)))
        limit(RLIMIT_AS, to: rlim_t(request.memoryBytes))
        #endif
        // Text is measured through Pango; its first use in a process now and then gives a
        // label 1 pt wider (fontconfig starting up): a small drawing first takes that hit.
        _ = try? Graphviz.renderInProcess(dot: warmUp, engineName: "neato", formatNames: ["svg"])
        let answer: Answer
        do {
            let results = try Graphviz.renderInProcess(dot: request.dot, engineName: request.engine, formatNames: request.formats)
            answer = Answer(results: results.map { Answer.Result(data: Data($0.data), warnings: $0.warnings) }, failure: nil)
        } catch {
            answer = Answer(results: nil, failure: Failure(error))
        }
        guard let encoded = try? JSONEncoder().encode(answer), (try? output.write(contentsOf: encoded)) != nil else { return 2 }
        return 0
    }

    #if canImport(Glibc)
    typealias Resource = __rlimit_resource_t
    #else
    typealias Resource = Int32
    #endif

    /// Sets the soft and hard limit of `resource` for this process.
    /// A tiny drawing with text in the fonts ecomap uses, rendered before the request.
    static let warmUp = """
        digraph w { node [fontname="DejaVu Sans"]; a [label="Ab — wW"]; b [label=<<B>Ab</B> <I>wW</I>>]; a -> b }
        """

    static func limit(_ resource: Resource, to value: rlim_t) {
        var limits = rlimit()
        limits.rlim_cur = value
        limits.rlim_max = value
        _ = setrlimit(resource, &limits)
    }

    // MARK: - The host's side

    /// Renders in a worker process.
    /// - Returns: one result per format name, in order.
    /// - Throws: the ``GraphvizError`` the worker reported, or ``GraphvizError/aborted(engine:reason:)``
    ///   when it did not answer (killed by a signal, out of memory, over its CPU time, not
    ///   startable).
    func render(dot: String, engineName: String, formatNames: [String]) throws(GraphvizError) -> [RenderResult] {
        let request: Data
        do {
            request = try JSONEncoder().encode(Request(
                dot: dot, engine: engineName, formats: formatNames, cpuSeconds: cpuSeconds, memoryBytes: memoryBytes))
        } catch {
            throw .aborted(engine: engineName, reason: "the request for the Graphviz worker could not be encoded")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw .aborted(engine: engineName, reason: "the Graphviz worker \(executable) could not be started: \(error.localizedDescription)")
        }
        let collected = Collected()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { collected.setOutput(stdout.fileHandleForReading.readDataToEndOfFile()) }
        DispatchQueue.global().async(group: group) { collected.setErrors(stderr.fileHandleForReading.readDataToEndOfFile()) }
        // A worker that dies early closes its end: the write then fails (SIGPIPE ignored).
        try? stdin.fileHandleForWriting.write(contentsOf: request)
        try? stdin.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()

        let (output, errors) = collected.values
        if process.terminationReason == .exit, process.terminationStatus == 0,
           let answer = try? JSONDecoder().decode(Answer.self, from: output) {
            if let failure = answer.failure { throw failure.error }
            if let results = answer.results, results.count == formatNames.count {
                return results.map { RenderResult(data: [UInt8]($0.data), warnings: $0.warnings) }
            }
        }
        throw .aborted(engine: engineName, reason: Self.reason(process, errors: errors))
    }

    /// Why a worker gave no answer, in a few words: the signal or exit status and the last
    /// line it wrote to standard error (an assertion's message).
    static func reason(_ process: Process, errors: Data) -> String {
        let status = process.terminationStatus
        var what: String
        if process.terminationReason == .uncaughtSignal {
            switch status {
            case SIGABRT: what = "it aborted (SIGABRT)"
            case SIGSEGV: what = "it crashed (SIGSEGV, a memory error)"
            case SIGBUS: what = "it crashed (SIGBUS)"
            case SIGXCPU, SIGKILL: what = "it ran out of time (more than its CPU limit)"
            default: what = "it was stopped by signal \(status)"
            }
        } else {
            what = "it exited with status \(status) without an answer (out of memory?)"
        }
        let lines = String(decoding: errors, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let last = lines.last(where: { !$0.hasPrefix("***") }) { what += ": " + last }
        return what
    }

    /// What the two reading threads collect.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var output = Data(), errors = Data()
        func setOutput(_ data: Data) { lock.lock(); output = data; lock.unlock() }
        func setErrors(_ data: Data) { lock.lock(); errors = data; lock.unlock() }
        var values: (Data, Data) { lock.lock(); defer { lock.unlock() }; return (output, errors) }
    }

    // MARK: - The messages

    struct Request: Codable {
        var dot: String
        var engine: String
        var formats: [String]
        var cpuSeconds: Int
        var memoryBytes: UInt64
    }

    struct Answer: Codable {
        struct Result: Codable {
            var data: Data
            var warnings: [String]
        }
        var results: [Result]?
        var failure: Failure?
    }

    /// A ``GraphvizError`` on the wire.
    struct Failure: Codable, Equatable {
        var stage: String
        var name: String?
        var message: String
        var line: Int?

        init(_ error: GraphvizError) {
            switch error {
            case let .parse(message, line): self.init(stage: "parse", name: nil, message: message, line: line)
            case let .layout(engine, message): self.init(stage: "layout", name: engine, message: message, line: nil)
            case let .render(format, message): self.init(stage: "render", name: format, message: message, line: nil)
            case let .context(message): self.init(stage: "context", name: nil, message: message, line: nil)
            case let .aborted(engine, reason): self.init(stage: "aborted", name: engine, message: reason, line: nil)
            }
        }

        init(stage: String, name: String?, message: String, line: Int?) {
            self.stage = stage; self.name = name; self.message = message; self.line = line
        }

        var error: GraphvizError {
            switch stage {
            case "parse": return .parse(message: message, line: line)
            case "layout": return .layout(engine: name ?? "", message: message)
            case "render": return .render(format: name ?? "", message: message)
            case "context": return .context(message: message)
            default: return .aborted(engine: name ?? "", reason: message)
            }
        }
    }
}
