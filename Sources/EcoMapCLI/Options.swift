import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemAnalysis
import EcosystemReport
import EcosystemRendering
import Graphviz
import Foundation
import NetworkAnalysis

// The option groups every command shares: one declaration, one help text and one validation
// of each option.

/// `--weight`: how weights are read.
struct WeightOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "How to read weights: strength (tie strength; path length 1/w), distance (path length w), none (all 1).",
        valueName: "strength|distance|none"))
    var weight: EdgeWeighting = .strength
}

/// How the input graph is read: direction and weights.
struct GraphInputOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "--undirected (default): every tie is mutual. --directed: directed relation types are arcs, mutual types two arcs; edge lists are read as arcs source → target."))
    var directedness: Directedness = .undirected

    var directed: Bool { directedness == .directed }

    enum Directedness: String, EnumerableFlag {
        case undirected, directed
    }

    @OptionGroup var weighting: WeightOption

    @Flag(name: .long, help: "Read actor ids that differ only in letter case or surrounding spaces as one actor (with a warning) instead of an error.")
    var lenient = false

    @OptionGroup var date: DateOption

    var weight: EdgeWeighting { weighting.weight }
    /// The `--at` date, if given (checked in ``DateOption/validate()``).
    var at: PartialDate? { date.date }
}

/// `--at DATE`: the network as it stood on a date (dated models, `Datasets/SCHEMA.md`).
struct DateOption: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "The network as it stood on DATE: only the actors and ties whose since/until overlap it (a year 2017 means any day of 2017, 2017-10 any day of October, 2017-10-05 that day). Undated actors and ties are always there.",
        valueName: "DATE"))
    var at: String?

    var date: PartialDate? { at.flatMap(PartialDate.init) }

    func validate() throws {
        if let at, PartialDate(at) == nil { throw ValidationError("--at '\(at)' is not a date: \(PartialDate.rule)") }
    }
}

/// `--seed`: every random choice of a run.
struct SeedOption: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: "Seed of every random choice: Louvain and Leiden communities, random removal orders, uncertainty samples (same seed, same output).")
    var seed: UInt64 = 1
}

/// `--rules` / `--no-rules`: the gap rules.
struct RulesOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Rules file for the gap findings (YAML/JSON; see Datasets/RULES.md); default: rules.yaml next to the model.",
        valueName: "file"))
    var rules: String?

    @Flag(name: .long, help: "Do not use a rules.yaml found next to the model.")
    var noRules = false

    func validate() throws {
        if rules != nil && noRules { throw ValidationError("--rules and --no-rules exclude each other") }
    }

    var choice: RulesChoice { rules.map { .file($0) } ?? (noRules ? RulesChoice.none : .besideModel) }

    /// Reads the rules for `model`, saying on standard error which file is used when it was
    /// found next to the model.
    func load(for model: EcosystemModel, modelPath: String, files: RunFiles) throws -> LoadedRules {
        let loaded = try RulesInput.load(choice, for: model, modelPath: modelPath, files: files)
        if loaded.foundBesideModel, let path = loaded.path { note("using rules \(path) (--no-rules to ignore)") }
        return loaded
    }
}

/// `--scenario FILE` (repeatable): what-if scenarios shown beside the model.
struct ScenarioFilesOption: ParsableArguments {
    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp(
        "Scenario file (YAML/JSON; see Datasets/SCENARIOS.md) to show beside the model; repeat for several, in the order given.",
        valueName: "file"))
    var scenario: [String] = []
}

/// `--size-by`: the node measure that sets node size.
struct SizeByOption: ParsableArguments {
    @Option(name: .long, help: "Node-level measure that sets node size (see `ecomap analyze --help`); `none` for equal sizes.")
    var sizeBy: String = MapRequest.defaultSizeBy

    func validate() throws {
        guard sizeBy != "none" else { return }
        guard let measure = MeasureCatalog.named(sizeBy), measure.level == .node else {
            let names = MeasureCatalog.all.filter { $0.level == .node }.map(\.name)
            let hint = Suggestions.likelyMeant(sizeBy, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            throw ValidationError("--size-by '\(sizeBy)' is not a node-level measure\(hint); choose one of: \(names.joined(separator: ", ")), or none")
        }
    }

    /// The measure, or `nil` for equal sizes.
    var measure: String? { sizeBy == "none" ? nil : sizeBy }
}

/// `-o FILE`: write one output to a file (atomically, never over an input) or to standard output.
struct OutputFileOption: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp(
        "Write to this file (atomically; never over an input of the run) instead of standard output; `-` for standard output.",
        valueName: "file"))
    var output: String?

    /// Writes `data` to the file, or to standard output when there is none (or it is `-`).
    /// - Parameter announce: whether to say "wrote FILE" on standard error.
    func emit(_ data: Data, files: RunFiles, announce: Bool = false) throws {
        guard let output, output != "-" else { return try writeStandardOutput(data) }
        try files.write(data, to: URL(fileURLWithPath: output))
        if announce { note("wrote \(output)") }
    }

    func emit(_ text: String, files: RunFiles, announce: Bool = false) throws {
        try emit(Data(text.utf8), files: files, announce: announce)
    }
}

/// `-o FOLDER`: the root under which `<model name>/` is written.
struct OutputFolderOption: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Folder under which <model name>/ is written.", valueName: "folder"))
    var output: String = "Output"

    /// `<output>/<model folder>/` (the model's name made one safe folder name).
    func folder(for model: EcosystemModel) -> URL { OutputFolder.url(root: output, model: model.name) }
}

/// Comma-separated measure names of one level, from a repeatable option.
/// - Parameters:
///   - values: the option's values (each may hold several names separated by commas).
///   - level: the level every name must have.
///   - option: the option's name, for the error.
/// - Returns: the names, in order.
/// - Throws: `ValidationError` naming the first name that is not a measure of that level.
func measureNames(_ values: [String], level: MeasureLevel, option: String) throws -> [String] {
    let list = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let valid = MeasureCatalog.all.filter { $0.level == level }.map(\.name)
    for name in list where !valid.contains(name) {
        let hint = Suggestions.likelyMeant(name, in: valid).map { " (did you mean '\($0)'?)" } ?? ""
        throw ValidationError("\(option): '\(name)' is not a \(level.rawValue)-level measure\(hint); valid: \(valid.joined(separator: ", "))")
    }
    guard !list.isEmpty else { throw ValidationError("\(option) is empty") }
    return list
}

extension EdgeWeighting: ExpressibleByArgument {}
extension PathDirection: ExpressibleByArgument {}

/// Writes bytes to standard output, throwing when they cannot be written (a full disk, a
/// closed pipe) instead of losing them silently.
func writeStandardOutput(_ data: Data) throws {
    do {
        try FileHandle.standardOutput.write(contentsOf: data)
    } catch {
        throw JobError("cannot write to standard output: \(RunFiles.reason(error))")
    }
}

func writeStandardOutput(_ text: String) throws { try writeStandardOutput(Data(text.utf8)) }

/// Runs `body`, naming `input` in an error of the drawing (Graphviz rejected the map, or
/// failed inside and its worker was stopped), so the one line says which input and engine.
func drawing<T>(_ input: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as DiagramError {
        throw JobError("\(input): the map could not be drawn: \(error)")
    } catch let error as GraphvizError {
        throw JobError("\(input): the map could not be drawn: \(error)")
    }
}

/// Messages for the user on standard error (the libraries never print); on a terminal,
/// wrapped to its width (``Terminal/width``), continuation lines indented.
func note(_ message: String) {
    let text = isatty(STDERR_FILENO) == 1
        ? message.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { PlainText.wrap(String($0), width: Terminal.width, rest: "    ") }.joined(separator: "\n")
        : message
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Loads the model at `path` in any format (``GraphInput/read(_:directed:lenient:files:)``)
/// and says the loader's notes on standard error (types declared automatically, columns
/// kept as attributes, ids merged with `--lenient`).
///
/// On a terminal, a note longer than three lines is cut to two with a pointer to `ecomap
/// validate`, so the command's own output stays on the first screen; `fullNotes` (validate)
/// keeps every note whole.
func loadGraph(_ path: String, directed: Bool, lenient: Bool = false, at: PartialDate? = nil, files: RunFiles, fullNotes: Bool = false) throws -> EcosystemModel {
    let loaded = try GraphInput.read(path, directed: directed, lenient: lenient, at: at, files: files)
    for line in loaded.notes {
        let lines = PlainText.wrap("note: \(line)", width: Terminal.width, rest: "    ")
        if !fullNotes, isatty(STDERR_FILENO) == 1, lines.count > 3 {
            let cut = lines.prefix(2).joined(separator: "\n") + "\n    … (ecomap validate \(path) shows the whole note)\n"
            FileHandle.standardError.write(Data(cut.utf8))
        } else {
            note("note: \(line)")
        }
    }
    if let line = GraphInput.selfLoopNote(loaded.model) { note(line) }
    return loaded.model
}

/// `--ego ID [--radius k]`: work on one actor's ego network only.
struct EgoOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Work on this actor's ego network only: the actors within --radius steps (ties either way) and every tie among them; the measures (Burt's constraint and effective size among them) are computed inside it.",
        valueName: "ID"))
    var ego: String?

    @Option(name: .long, help: ArgumentHelp("Steps from --ego that the ego network reaches (default 1).", valueName: "k"))
    var radius: Int?

    func validate() throws {
        if radius != nil && ego == nil { throw ValidationError("--radius is only used with --ego ID") }
        if let radius, radius < 1 { throw ValidationError("--radius must be at least 1") }
    }

    /// `model`, or its ego network when `--ego` is given.
    func apply(to model: EcosystemModel) throws -> EcosystemModel {
        guard let ego else { return model }
        do {
            return try EgoNetwork.model(model, ego: ego, radius: radius ?? 1)
        } catch let error as EgoNetworkError {
            throw ValidationError("--ego: \(error.description)")
        }
    }
}

/// `--min-severity` and `--kind`: which gap findings are listed.
struct FindingFilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "List only findings at least this serious: low (hides info), medium or high.", valueName: "low|medium|high"))
    var minSeverity: String?

    @Option(name: .long, help: ArgumentHelp(
        "List only findings of these kinds (comma-separated): \(FindingKind.allCases.map(\.rawValue).joined(separator: ", ")).",
        valueName: "kind[,kind]"))
    var kind: String?

    static let severities: [Severity] = [.low, .medium, .high]

    func validate() throws { _ = try filter() }

    /// The filter the options name.
    func filter() throws -> FindingFilter {
        var filter = FindingFilter()
        if let minSeverity {
            guard let s = Severity(rawValue: minSeverity.lowercased()), Self.severities.contains(s) else {
                throw ValidationError("--min-severity '\(minSeverity)' is not a severity; valid: \(Self.severities.map(\.rawValue).joined(separator: ", "))")
            }
            filter.minimumSeverity = s
        }
        if let kind {
            do {
                filter.kinds = try FindingFilter.kinds(kind)
            } catch {
                throw ValidationError("--kind: \(error.description)")
            }
        }
        return filter
    }
}

/// Where standard output goes: a terminal (plain text wrapped to its width) or a file or pipe.
enum Terminal {
    /// Whether standard output is a terminal (`isatty`).
    static var isStandardOutput: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The width text is wrapped to: `COLUMNS` when it is a positive number (shells seldom
    /// export it), else the terminal's own width when standard output or standard error is a
    /// terminal (`TIOCGWINSZ`), else ``PlainText/defaultWidth`` (100).
    static var width: Int {
        if let value = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(value.trimmingCharacters(in: .whitespaces)), n > 0 { return n }
        for descriptor in [STDOUT_FILENO, STDERR_FILENO] where isatty(descriptor) == 1 {
            var size = winsize()
            if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        }
        return PlainText.defaultWidth
    }
}

/// `--layer TYPE[,TYPE…]`: work on the ties of some relation types only.
struct LayerOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Work on the ties of these relation types only (comma-separated relation type ids); every actor is kept.",
        valueName: "TYPE[,TYPE…]"))
    var layer: String?

    var types: [String] {
        (layer ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        if layer != nil && types.isEmpty { throw ValidationError("--layer needs one or more relation type ids, e.g. --layer funds,collaborates") }
    }

    /// `model` with only the relations of the chosen types, or `model` without `--layer`.
    func apply(to model: EcosystemModel) throws -> EcosystemModel {
        guard layer != nil else { return model }
        if let bad = RelationLayers.unknown(types, in: model).first {
            throw ValidationError("--layer: '\(bad)' is not a relation type of the model; declared: \(model.relationTypes.map(\.id).joined(separator: ", "))")
        }
        return RelationLayers.restrict(model, to: types)
    }
}

/// `--ties k`: how many new ties the tie portfolio (the recommended ties of the gap findings) holds.
struct TiesOption: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "How many new ties the tie portfolio holds: the best set of k plausible ties, chosen together (see `ecomap gaps --help`).",
        valueName: "k"))
    var ties: Int = 3

    func validate() throws {
        guard (0...WorkLimits.maxPortfolioTies).contains(ties) else {
            throw ValidationError("--ties must be in 0...\(WorkLimits.maxPortfolioTies)")
        }
    }
}

/// `--max-seconds S`: stop a long run (samples, permutations, random graphs, runs, sweeps)
/// with an error once S seconds have passed; nothing is written then. The library reads no
/// clock: this group reads it and hands the library a stop check.
struct MaxSecondsOption: ParsableArguments {
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp(
        "Stop a run that takes longer than S seconds, with an error; nothing is written.", valueName: "S"))
    var maxSeconds: Double?

    func validate() throws {
        if let maxSeconds, !(maxSeconds.isFinite && maxSeconds >= 0) {
            throw ValidationError("--max-seconds must be a number of seconds, 0 or more")
        }
    }

    /// The stop check: true once `--max-seconds` have passed since this call; nil without it.
    func shouldStop() -> (@Sendable () -> Bool)? {
        guard let maxSeconds else { return nil }
        let start = DispatchTime.now().uptimeNanoseconds
        let limit = UInt64(min(maxSeconds, 1e9) * 1e9)
        return { @Sendable () -> Bool in DispatchTime.now().uptimeNanoseconds - start >= limit }
    }

    /// Runs `body`; a run stopped by the stop check becomes a one-line error (nothing was
    /// written: outputs are written only after the computation).
    func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as GraphError {
            guard case let .stopped(algorithm, done, total) = error else { throw error }
            if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\n".utf8)) }
            throw JobError("\(algorithm) stopped by --max-seconds \(maxSeconds.map { NumberFormat.decimals($0, 3) } ?? "?") after \(done) of \(total); nothing was written")
        }
    }
}

/// `--progress` and `--max-seconds S` for long runs (`stats` permutations, random graphs and
/// runs; `analyze --samples`). The library reads no clock and prints nothing: this option group
/// reads the clock and hands the library a ``NetworkAnalysis/WorkMonitor`` whose `shouldStop`
/// says when the time is up, and prints the progress it reports on standard error.
struct RunControlOptions: ParsableArguments {
    @Flag(name: .long, help: "Show progress on standard error (shown anyway when standard error is a terminal).")
    var progress = false

    @OptionGroup var limit: MaxSecondsOption

    /// The monitor for a run of `what` (e.g. "permutations").
    func monitor(_ what: String) -> WorkMonitor {
        let terminal = isatty(STDERR_FILENO) == 1
        var monitor = WorkMonitor()
        let printed = Tenths()
        if progress || terminal {
            monitor.progress = { @Sendable (done: Int, total: Int) -> Void in
                // A terminal line rewritten in place; in a log, a line per tenth of the run.
                if !terminal && !printed.firstIn(tenth: done * 10 / max(1, total)) { return }
                let line = terminal ? "\r\(what): \(done) of \(total)" + (done >= total ? "\n" : "") : "\(what): \(done) of \(total)\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        monitor.shouldStop = limit.shouldStop()
        return monitor
    }

    /// Runs `body`, a stopped run becoming a one-line error (``MaxSecondsOption/run(_:)``).
    func run<T>(_ body: () throws -> T) throws -> T { try limit.run(body) }
}

extension RunControlOptions {
    /// The monitor for a run of named steps (`gaps`, `render`; `steps` as the job names them):
    /// on a terminal, once the run has taken a second, the step under way on one line rewritten
    /// in place and cleared at the end; with `--progress`, a line per step.
    func monitor(_ what: String, steps: [String]) -> WorkMonitor {
        let terminal = isatty(STDERR_FILENO) == 1, logged = progress
        let start = DispatchTime.now().uptimeNanoseconds
        let shown = Tenths()
        var monitor = WorkMonitor(shouldStop: limit.shouldStop())
        guard terminal || logged else { return monitor }
        monitor.progress = { @Sendable (done: Int, total: Int) -> Void in
            let text = "\(what): \(done < steps.count ? steps[done] : "done") (\(done) of \(total) steps done)"
            if logged && !terminal { return FileHandle.standardError.write(Data((text + "\n").utf8)) }
            let long = DispatchTime.now().uptimeNanoseconds - start >= 1_000_000_000
            if done >= total {
                if !shown.firstIn(tenth: -1) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            } else if logged || long {
                _ = shown.firstIn(tenth: -1)
                FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
            }
        }
        return monitor
    }

    /// A watchdog for a job whose steps can be long (`gaps`, `render` on a big graph, whose
    /// loading and measures are single steps): the stop check is asked only between steps,
    /// so once `--max-seconds` (plus a second) have passed while the job is still loading or
    /// computing, the watchdog ends the process with one error line. Disarm it before
    /// writing anything (``Watchdog/disarm()``); without `--max-seconds` it is never armed.
    /// - Parameter what: the job, for the message ("the gap analysis").
    func watch(_ what: String) -> Watchdog {
        let watch = Watchdog()
        guard let seconds = limit.maxSeconds else { watch.disarm(); return watch }
        DispatchQueue.global().asyncAfter(deadline: .now() + min(seconds, 1e6) + 1) {
            watch.fire {
                let line = (isatty(STDERR_FILENO) == 1 ? "\n" : "") + "Error: \(what) stopped by --max-seconds \(NumberFormat.decimals(seconds, 3)) during a step; nothing was written\n"
                FileHandle.standardError.write(Data(line.utf8))
                Foundation.exit(1)
            }
        }
        return watch
    }

    /// Bounds the Graphviz worker's CPU time by `--max-seconds` (a layout is one call into
    /// Graphviz, which the stop check cannot interrupt); nothing without it.
    func boundGraphviz() {
        guard let seconds = limit.maxSeconds, var worker = Graphviz.isolatedWorker else { return }
        worker.cpuSeconds = min(worker.cpuSeconds, max(1, Int(min(seconds, 1e6).rounded(.up))))
        Graphviz.isolate(in: worker)
    }
}

/// A watchdog armed while a computation runs: ``fire(_:)`` runs its action only while armed,
/// and ``disarm()`` waits for a firing action (which exits) to finish.
final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var armed = true
    func fire(_ action: () -> Void) { lock.lock(); defer { lock.unlock() }; if armed { action() } }
    func disarm() { lock.lock(); armed = false; lock.unlock() }
}

/// The tenths of a run already reported (progress into a log file).
final class Tenths: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: Set<Int> = []
    /// Whether `tenth` is reported for the first time.
    func firstIn(tenth: Int) -> Bool { lock.lock(); defer { lock.unlock() }; return seen.insert(tenth).inserted }
}

/// Refuses an output path for SVG whose extension names another image format (a `chart.png`
/// would get SVG bytes); any other name is left to the output checks.
/// - Parameters:
///   - path: the output path.
///   - option: the option's name, for the message.
func requireSVGPath(_ path: String?, option: String) throws {
    guard let path else { return }
    let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
    if ["png", "pdf", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "ps", "eps"].contains(ext) {
        throw ValidationError("\(option) writes SVG, but '\(path)' ends in .\(ext); name it .svg (convert it with rsvg-convert for PNG or PDF)")
    }
}
