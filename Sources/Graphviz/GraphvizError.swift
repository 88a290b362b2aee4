/// A failure reported by the Graphviz library, carrying Graphviz's own message.
///
/// Messages are the text Graphviz passed to its error reporter (`agerr`) with the leading
/// `"Error: "` removed and surrounding whitespace trimmed; they are never written to stderr.
public enum GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The DOT source could not be read (`agmemread` returned no graph).
    ///
    /// - `message`: Graphviz's message, e.g. `"syntax error in line 3 near '}'"`, or a message
    ///   of ours when Graphviz gave none (empty input, a NUL character in the input).
    /// - `line`: the 1-based line Graphviz named in the message, if it named one.
    case parse(message: String, line: Int?)
    /// The layout engine failed (`gvLayout` returned non-zero).
    ///
    /// - `engine`: the Graphviz engine name (``LayoutEngine/rawValue``).
    case layout(engine: String, message: String)
    /// Rendering a laid-out graph failed (`gvRenderData` returned non-zero), for example when
    /// the plugin for the format is not installed.
    ///
    /// - `format`: the Graphviz format name (``RenderFormat/rawValue``).
    case render(format: String, message: String)
    /// The Graphviz context could not be created (`gvContext` returned NULL).
    case context(message: String)
    /// The Graphviz worker process (``GraphvizWorker``) ended without an answer: libgvc hit an
    /// assertion or a memory error, or the worker ran out of CPU time or memory.
    ///
    /// - `engine`: the engine that was laying the graph out.
    /// - `reason`: what happened, e.g. "it aborted (SIGABRT): multispline.c:153: findMap:
    ///   Assertion `ip' failed."
    case aborted(engine: String, reason: String)

    /// A one-line English description naming the stage that failed and Graphviz's message.
    public var description: String {
        switch self {
        case let .parse(message, line):
            if let line { return "Graphviz could not parse the DOT input (line \(line)): \(message)" }
            return "Graphviz could not parse the DOT input: \(message)"
        case let .layout(engine, message):
            return "Graphviz layout with engine '\(engine)' failed: \(message)"
        case let .render(format, message):
            return "Graphviz rendering to format '\(format)' failed: \(message)"
        case let .context(message):
            return "Graphviz context unavailable: \(message)"
        case let .aborted(engine, reason):
            return "Graphviz failed while laying out with engine '\(engine)' and was stopped: \(reason)"
        }
    }
}
