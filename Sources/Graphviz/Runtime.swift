internal import CGraphviz
import Foundation

/// The one serialized entry point to libgvc/cgraph.
///
/// libgvc and cgraph keep process-wide state (the error reporter, the lexer, plugin tables,
/// layout scratch space) and are not thread-safe: concurrent layouts crash. Every call into
/// them in this module runs inside ``withLock(_:)``, which holds one process-wide lock and
/// hands out the single shared `GVC_t`, created lazily on first use and kept for the life of
/// the process. C pointers are used only inside the closures run under the lock and never
/// leave the module.
///
/// Messages that Graphviz reports through `agerr` are captured by ``captureGraphvizMessage``,
/// installed with `agseterrf`, into ``messages``. That callback is only ever invoked by
/// Graphviz code running inside the lock, so the buffer is guarded by the same lock.
final class GraphvizRuntime: @unchecked Sendable {
    static let shared = GraphvizRuntime()

    private let lock = NSLock()
    /// The shared `GVC_t *`; nil until first use. Guarded by `lock`.
    private var gvc: OpaquePointer?
    /// Text passed to the error callback since the last `takeMessages()` or since the lock was
    /// taken. Guarded by `lock`.
    fileprivate var messages = ""
    /// The worker every render runs in, if any (``Graphviz/isolate(in:)``). Guarded by `settingsLock`.
    private var installedWorker: GraphvizWorker?
    private let settingsLock = NSLock()

    /// The installed worker.
    var worker: GraphvizWorker? {
        get { settingsLock.lock(); defer { settingsLock.unlock() }; return installedWorker }
        set { settingsLock.lock(); installedWorker = newValue; settingsLock.unlock() }
    }

    private init() {}

    /// Runs `body` while holding the process-wide Graphviz lock, with the shared context and
    /// a freshly reset message buffer.
    ///
    /// - Throws: ``GraphvizError/context(message:)`` if the context cannot be created, or
    ///   whatever `body` throws.
    func withLock<R>(_ body: (OpaquePointer) throws(GraphvizError) -> R) throws(GraphvizError) -> R {
        lock.lock()
        defer { lock.unlock() }
        // Route every agerr message to our buffer, and report warnings as well as errors
        // immediately (rather than to cgraph's temporary file).
        _ = agseterrf(captureGraphvizMessage)
        _ = agseterr(AGWARN)
        _ = agreseterrors()
        messages = ""
        if gvc == nil {
            gvc = gvContext()
            guard gvc != nil else {
                let text = messages
                throw .context(message: text.isEmpty ? "gvContext() returned NULL" : text)
            }
        }
        return try body(gvc!)
    }

    /// Removes and returns the messages captured since the last call (or since the lock was
    /// taken). Call only inside ``withLock(_:)``.
    func takeMessages() -> [GraphvizMessage] {
        let text = messages
        messages = ""
        return GraphvizMessage.split(text)
    }
}

/// The `agusererrf` callback: appends Graphviz's text to the runtime's buffer.
///
/// cgraph calls it several times per message (`"Warning"`, `": "`, then the formatted text,
/// ending in a newline); ``GraphvizMessage/split(_:)`` reassembles them. It is only invoked
/// from Graphviz code that runs inside ``GraphvizRuntime/withLock(_:)``.
private let captureGraphvizMessage: agusererrf = { text in
    if let text {
        GraphvizRuntime.shared.messages += String(cString: text)
    }
    return 0
}

/// One message reported through `agerr`, with its level.
struct GraphvizMessage: Equatable {
    /// Whether Graphviz reported it as an error (`AGERR`) rather than a warning.
    var isError: Bool
    /// The message as Graphviz wrote it, including its `"Error: "`/`"Warning: "` prefix,
    /// continuation lines joined with newlines, trailing whitespace trimmed.
    var text: String

    /// The text without the `"Error: "` or `"Warning: "` prefix.
    var body: String {
        for prefix in ["Error: ", "Warning: "] where text.hasPrefix(prefix) {
            return String(text.dropFirst(prefix.count))
        }
        return text
    }

    /// Splits captured text into messages: a message starts at a line beginning with
    /// `"Error: "` or `"Warning: "`; other lines (cgraph's `AGPREV` continuations) belong to
    /// the message before them. Empty lines are dropped.
    static func split(_ captured: String) -> [GraphvizMessage] {
        var result: [GraphvizMessage] = []
        for rawLine in captured.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if line.hasPrefix("Error: ") || line.hasPrefix("Error:") && line.count == 6 {
                result.append(GraphvizMessage(isError: true, text: line))
            } else if line.hasPrefix("Warning: ") || result.isEmpty {
                result.append(GraphvizMessage(isError: false, text: line))
            } else {
                result[result.count - 1].text += "\n" + line
            }
        }
        return result
    }
}

extension Array where Element == GraphvizMessage {
    /// The text for an error: the error messages' bodies if any, else every message's body,
    /// joined with newlines; `fallback` when nothing was reported.
    func errorText(fallback: String) -> String {
        let errors = filter(\.isError)
        let chosen = errors.isEmpty ? self : errors
        let text = chosen.map(\.body).joined(separator: "\n")
        return text.isEmpty ? fallback : text
    }
}
