import ArgumentParser
import EcoMapJobs
import Ecosystem
import EcosystemRendering
import Foundation
import Graphviz
#if canImport(Glibc)
import Glibc
#endif

/// The `ecomap` command: a thin root whose default subcommand is the main job.
public struct EcoMap: ParsableCommand {
    /// Name, abstract, discussion, version and the subcommands (`run`, the default, then
    /// `analyze`, `gaps`, `compare`, `sweep`, `render`, `report`, `explore`, `validate`,
    /// `convert`, `apply`, `stats`, `evolve`).
    public static let configuration = CommandConfiguration(
        commandName: "ecomap",
        abstract: "Map a regional innovation ecosystem as a graph, analyse it, and draw it with Graphviz.",
        discussion: """
            Run with no arguments from the repository root to analyse and draw the default model \
            (Datasets/zoetermeer/model.yaml) into Output/zoetermeer/.

            Models are YAML or JSON files (see Datasets/SCHEMA.md); most commands also take a plain \
            edge list (CSV with a header `source,target` and an optional `weight` column). \
            Weights are tie strengths; path measures use distance = 1/strength unless --weight says \
            otherwise. Conventions and references of every measure: `ecomap analyze --help` and README.md. \
            No command writes over a file it read (model, scenarios and what they extend, rules, \
            theme), whatever path names it.
            """,
        version: EcoMapVersion.string,
        subcommands: [Run.self, Analyze.self, Gaps.self, Compare.self, Sweep.self, Render.self, Report.self, Explore.self, Validate.self, Convert.self, Apply.self, Stats.self, Evolve.self],
        defaultSubcommand: Run.self
    )

    /// When the first argument looks like a mistyped command rather than a model (`analyse`,
    /// `gap`: no such file, no dot or slash, close to a command's name), what to say; else `nil`.
    static func unknownCommandMessage(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !first.contains("."), !first.contains("/"),
              !FileManager.default.fileExists(atPath: first) else { return nil }
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        guard !names.contains(first) else { return nil }
        let hint = Suggestions.likelyMeant(first, in: names).map { " (did you mean '\($0)'?)" } ?? ""
        return "unknown command '\(first)'\(hint). Commands: \(names.joined(separator: ", ")); or give a model file (with its extension) to run the main job on it"
    }

    /// The argument that starts the executable as a Graphviz worker (``Graphviz/GraphvizWorker``).
    static let workerArgument = "--graphviz-worker"

    /// The root command (argument-parser creates it when parsing).
    public init() {}

    /// Parses the command line and runs the command. Model errors are printed as the loader
    /// words them, one `file:line:column: error: …` line per problem, like a compiler; other
    /// errors as argument-parser prints them. Exit status: 1 for a model error or a failure of
    /// the command; argument-parser's own status for usage errors (64, e.g. a
    /// `ValidationError`) and 0 for `--help` and `--version`. Never returns on error.
    ///
    /// Graphviz runs in a worker process (the executable started again with
    /// ``workerArgument``), so that a crash inside libgvc is an error naming the input and the
    /// engine, not the end of ecomap. `ECOMAP_GRAPHVIZ_IN_PROCESS=1` in the environment keeps
    /// Graphviz in process (for debugging and for measuring the worker's cost).
    public static func runMain() {
        // The Graphviz worker: this same executable, started by `GraphvizWorker` to do one
        // render in its own process (an internal mode, not a command).
        if CommandLine.arguments.dropFirst() == [workerArgument] {
            Foundation.exit(GraphvizWorker.serve())
        }
        // A failure inside libgvc (an assertion, a memory error) ends the worker, not ecomap.
        signal(SIGPIPE, SIG_IGN)
        if ProcessInfo.processInfo.environment["ECOMAP_GRAPHVIZ_IN_PROCESS"] != "1", let executable = Bundle.main.executablePath {
            Graphviz.isolate(in: GraphvizWorker(executable: executable, arguments: [workerArgument]))
        }
        if let message = unknownCommandMessage(Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data(("Error: " + message + "\n").utf8))
            Foundation.exit(64)
        }
        Invocation.arguments = ["ecomap"] + CommandLine.arguments.dropFirst()
        var command: ParsableCommand
        do { command = try parseAsRoot() } catch { exit(withError: error) }
        do {
            try command.run()
        } catch let error as ValidationError {
            // A value found wrong only once the command ran (e.g. against the model): the
            // message and where to read more about this command, not the top-level usage.
            let name = type(of: command) == EcoMap.self ? nil : type(of: command)._commandName
            let help = ["ecomap", name].compactMap { $0 }.joined(separator: " ") + " --help"
            FileHandle.standardError.write(Data("Error: \(error.message)\n  See '\(help)' for more information.\n".utf8))
            Foundation.exit(64)
        } catch let error as ModelError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(1)
        } catch let error as ThemeError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

/// The command line of this run, as typed (the program named `ecomap`), for the report's
/// reproducibility block. Set once by ``EcoMap/runMain()`` before any command runs; `nil` when
/// a command is run without it (as the tests do).
enum Invocation {
    nonisolated(unsafe) static var arguments: [String]?
}
