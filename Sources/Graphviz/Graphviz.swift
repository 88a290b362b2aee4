internal import CGraphviz
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lays out and renders DOT source with the Graphviz C library (libgvc and cgraph), in process.
///
/// The `dot` program is never run: the DOT text is parsed from memory (`agread` with an id
/// discipline that numbers objects in order of appearance, so clustered layouts are reproducible), laid out with
/// `gvLayout` and rendered with `gvRenderData`, following Graphviz's "Using Graphviz as a
/// Library" (Gansner, cgraph and gvc library manuals, graphviz.org/pdf/libguide.pdf).
/// Reference for the system: E. R. Gansner & S. C. North (2000), "An open graph visualization
/// system and its applications to software engineering", Software: Practice and Experience
/// 30(11):1203–1233, doi:10.1002/1097-024X(200009)30:11<1203::AID-SPE338>3.0.CO;2-N.
///
/// Thread-safety: every function here may be called from any thread or task. libgvc is not
/// thread-safe, so all calls are serialized through one process-wide lock around one shared
/// Graphviz context; concurrent renders wait for each other (a slow `dot` or `circo` layout
/// delays every other render for its duration).
///
/// Diagnostics: Graphviz's messages are captured (`agseterrf`), never written to stderr.
/// Errors are thrown as ``GraphvizError`` with Graphviz's text; warnings are returned in
/// ``RenderResult/warnings``.
public enum Graphviz {
    /// Lays out DOT source once with `engine` and renders every requested format from that
    /// same layout.
    ///
    /// Graph, node and edge attributes in the DOT source control the drawing; in particular
    /// set the graph attribute `dpi` (e.g. `graph [dpi=300]`) for the PNG resolution.
    /// Only the first graph in `dot` is used.
    ///
    /// - Parameters:
    ///   - dot: DOT source (UTF-8; set `charset` in the DOT if it is Latin-1). Must not contain
    ///     NUL characters.
    ///   - engine: the layout engine.
    ///   - formats: the formats to render, in any order; duplicates are rendered once. Each
    ///     result is byte-identical to rendering that format alone. An empty list still
    ///     parses and lays out the graph (so errors surface) and returns an empty dictionary.
    /// - Returns: one ``RenderResult`` per distinct requested format.
    /// - Throws: ``GraphvizError/parse(message:line:)`` if the DOT cannot be read,
    ///   ``GraphvizError/layout(engine:message:)`` if layout fails,
    ///   ``GraphvizError/render(format:message:)`` if any format fails (no partial result),
    ///   ``GraphvizError/context(message:)`` if Graphviz cannot start.
    /// - Complexity: dominated by the layout engine; each format then costs time linear in
    ///   the size of the drawing. Memory for the graph and layout is freed before returning.
    public static func render(
        dot: String, engine: LayoutEngine, formats: [RenderFormat]
    ) throws(GraphvizError) -> [RenderFormat: RenderResult] {
        // Render in one fixed order, whatever the caller's order: some renderers attach
        // attributes to the graph (json adds the xdot `_draw_` attributes, which a later
        // `dot` rendering would then print). In `allCases` order every format's bytes equal
        // those of rendering it alone.
        let unique = RenderFormat.allCases.filter(formats.contains)
        let rendered = try render(dot: dot, engineName: engine.rawValue, formatNames: unique.map(\.rawValue))
        var result: [RenderFormat: RenderResult] = [:]
        for (format, value) in zip(unique, rendered) { result[format] = value }
        return result
    }

    /// Lays out DOT source with `engine` and renders it in one format.
    ///
    /// Same as ``render(dot:engine:formats:)`` with a single format.
    ///
    /// - Parameters:
    ///   - dot: DOT source (UTF-8, no NUL characters); set the graph attribute `dpi` for the
    ///     PNG resolution.
    ///   - engine: the layout engine.
    ///   - format: the output format.
    /// - Returns: the rendered bytes and Graphviz's warnings.
    /// - Throws: ``GraphvizError`` for parse, layout or render failures, with Graphviz's message.
    /// - Complexity: as ``render(dot:engine:formats:)``: dominated by the layout engine.
    public static func render(
        dot: String, engine: LayoutEngine, format: RenderFormat
    ) throws(GraphvizError) -> RenderResult {
        try render(dot: dot, engineName: engine.rawValue, formatNames: [format.rawValue])[0]
    }

    /// The Graphviz library version (`gvcVersion`), e.g. `"2.43.0"` (what Debian's 2.42.2
    /// package reports); empty if Graphviz cannot
    /// start. Thread-safe; the first call creates the shared context.
    public static var version: String {
        (try? GraphvizRuntime.shared.withLock { gvc throws(GraphvizError) -> String in
            guard let text = gvcVersion(gvc) else { return "" }
            return String(cString: text)
        }) ?? ""
    }

    /// Runs every later render of this process in `worker` (a separate process, see
    /// ``GraphvizWorker``), or in this process again when `nil` (the default). Call it once,
    /// at start-up, from the program (not from a library): it is a setting of the
    /// process-wide Graphviz runtime, like the lock.
    /// - Parameter worker: the worker, or `nil`.
    public static func isolate(in worker: GraphvizWorker?) {
        GraphvizRuntime.shared.worker = worker
    }

    /// The worker later renders run in (``isolate(in:)``), or `nil` when they run in process.
    public static var isolatedWorker: GraphvizWorker? { GraphvizRuntime.shared.worker }

    /// Parses, lays out and renders with Graphviz names for engine and formats (internal so
    /// tests can reach failures that the public enums rule out, such as an unknown format),
    /// in the worker process when one is installed (``isolate(in:)``), else in process.
    ///
    /// - Returns: one result per entry of `formatNames`, in order.
    static func render(
        dot: String, engineName: String, formatNames: [String]
    ) throws(GraphvizError) -> [RenderResult] {
        if dot.utf8.contains(0) {
            throw .parse(message: "the DOT input contains a NUL character", line: nil)
        }
        if let worker = GraphvizRuntime.shared.worker {
            return try worker.render(dot: dot, engineName: engineName, formatNames: formatNames)
        }
        return try renderInProcess(dot: dot, engineName: engineName, formatNames: formatNames)
    }

    /// ``render(dot:engineName:formatNames:)`` in this process, under the lock.
    static func renderInProcess(
        dot: String, engineName: String, formatNames: [String]
    ) throws(GraphvizError) -> [RenderResult] {
        if dot.utf8.contains(0) {
            throw .parse(message: "the DOT input contains a NUL character", line: nil)
        }
        let runtime = GraphvizRuntime.shared
        return try runtime.withLock { gvc throws(GraphvizError) -> [RenderResult] in
            // agmemread with reproducible object ids (see shim.h): same DOT, same drawing.
            let parsed = dot.withCString { ecomap_agmemread($0) }
            let parseMessages = runtime.takeMessages()
            guard let graph = parsed else {
                let text = parseMessages.errorText(fallback: "no graph in the DOT input")
                throw .parse(message: text, line: lineNumber(in: text))
            }
            defer { agclose(graph) }

            // The engines draw from the C library's generators (drand48, rand); the layout gets
            // them in one fixed state and the host gets its own state back (see withLayoutRandom).
            let layoutStatus = withLayoutRandom { engineName.withCString { gvLayout(gvc, graph, $0) } }
            // gvFreeLayout is safe (a no-op) when the layout did not get far.
            defer { gvFreeLayout(gvc, graph) }
            let layoutMessages = runtime.takeMessages()
            guard layoutStatus == 0 else {
                throw .layout(
                    engine: engineName,
                    message: layoutMessages.errorText(fallback: "gvLayout returned \(layoutStatus)"))
            }
            let shared = (parseMessages + layoutMessages).map(\.text)

            var results: [RenderResult] = []
            results.reserveCapacity(formatNames.count)
            for name in formatNames {
                var buffer: UnsafeMutablePointer<CChar>? = nil
                var length = 0
                let status = name.withCString { ecomap_gvRenderData(gvc, graph, $0, &buffer, &length) }
                // gvRenderData allocates its buffer even when it fails.
                defer { gvFreeRenderData(buffer) }
                let messages = runtime.takeMessages()
                guard status == 0 else {
                    throw .render(
                        format: name,
                        message: messages.errorText(fallback: "gvRenderData returned \(status)"))
                }
                let bytes: [UInt8]
                if let buffer, length > 0 {
                    bytes = [UInt8](UnsafeRawBufferPointer(start: buffer, count: length))
                } else {
                    bytes = []
                }
                results.append(RenderResult(data: bytes, warnings: shared + messages.map(\.text)))
            }
            return results
        }
    }

    /// Runs `body` (a layout) with the C library's generators in one fixed state, and gives the
    /// host process its own generator state back afterwards.
    ///
    /// What Graphviz 2.42 draws from (its sources, and the symbols its libraries import:
    /// `nm -D libgvc.so.6` lists `drand48` and `srand48`, `libgvplugin_neato_layout.so.6`
    /// `drand48`, `srand48`, `rand` and `srand`):
    /// - `drand48()`: neato and fdp place nodes at random before optimising
    ///   (`lib/neatogen/stuff.c`, `randompos`; `lib/fdpgen`). `checkStart` in
    ///   `lib/neatogen/neatoinit.c` calls `srand48(seed)` on every layout, with `seed` 1 when
    ///   `start` is unset and N for `start=N` (a time-and-pid seed only for a bare
    ///   `start=random`). Other uses (twopi, circo and overlap removal, packing in `libgvc`)
    ///   draw without seeding, so they see whatever state the process left.
    /// - `rand()`: the sparse-matrix code behind sfdp and the prism/Voronoi overlap removal
    ///   (`lib/sparse/general.c`: `drand()` is `rand() / RAND_MAX`, `irand(n)` is
    ///   `rand() % n`); sfdp seeds it with `srand(seed)`, overlap removal does not.
    ///
    /// So the layout always starts from `drand48` as `srand48(0x1234ABCD)` leaves it and `rand`
    /// as `srand(1)` leaves it (what every layout has had since ecomap began, so drawings are
    /// byte-identical), and every layout in a process is the one a fresh process makes.
    ///
    /// Restoring the host: `seed48` installs the layout's 48-bit state and returns the
    /// previous one, which is put back with `seed48` afterwards (the multiplier and addend
    /// return to POSIX's defaults; a host that changed them with `lcong48` must set them
    /// again). With glibc, `rand()` is `random()`: `initstate` switches the generator to a
    /// private state array seeded with 1 (the same 128-byte TYPE_3 generator as the default
    /// one, so the same numbers as `srand(1)`), and `setstate` switches back to the host's
    /// array, which the layout never touched. Where `rand()` is not `random()` (Darwin), its
    /// state cannot be saved: it is reseeded with `srand(1)` and not restored.
    ///
    /// Called under the Graphviz lock: the generators are process-wide, so a host thread that
    /// draws from them during a layout still sees the layout's state.
    /// - Complexity: `O(1)` around `body`.
    static func withLayoutRandom<R>(_ body: () -> R) -> R {
        // drand48: 0x1234ABCD330E, least significant 16 bits first, as srand48(0x1234ABCD) sets it.
        var layoutState: [UInt16] = [0x330E, 0xABCD, 0x1234]
        var hostState: [UInt16] = layoutState.withUnsafeMutableBufferPointer { layout in
            guard let previous = seed48(layout.baseAddress!) else { return [0x330E, 0xABCD, 0x1234] }
            return [previous[0], previous[1], previous[2]]
        }
        defer { _ = hostState.withUnsafeMutableBufferPointer { seed48($0.baseAddress!) } }
        #if canImport(Glibc)
        let randomStateSize = 128
        let privateState = UnsafeMutablePointer<CChar>.allocate(capacity: randomStateSize)
        privateState.initialize(repeating: 0, count: randomStateSize)
        let hostRandom = initstate(1, privateState, randomStateSize)
        defer {
            if let hostRandom { _ = setstate(hostRandom) }
            privateState.deallocate()
        }
        #else
        srand(1)
        #endif
        return body()
    }

    /// The number after "line " in a Graphviz message (`"syntax error in line 3 near 'x'"`).
    static func lineNumber(in message: String) -> Int? {
        guard let range = message.range(of: "line ") else { return nil }
        let digits = message[range.upperBound...].prefix(while: \.isASCII).prefix(while: \.isNumber)
        return Int(digits)
    }
}
