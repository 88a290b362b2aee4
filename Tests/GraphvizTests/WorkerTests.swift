import Foundation
import Testing
@testable import Graphviz

/// The host's side of ``GraphvizWorker``: what a worker that dies, or answers nonsense, becomes.
/// The worker here is a shell script, so the tests need no ecomap executable (the end-to-end
/// test with the real worker is in EcoMapCLITests).
@Suite struct WorkerTests {
    static let dot = "digraph g { a -> b }"

    func worker(_ script: String) -> GraphvizWorker {
        GraphvizWorker(executable: "/bin/sh", arguments: ["-c", script])
    }

    @Test("a worker killed by a signal is an error naming the engine, the signal and its last words")
    func signal() {
        let error = #expect(throws: GraphvizError.self) {
            try worker("cat >/dev/null; echo 'x.c:1: f: Assertion `p` failed.' >&2; kill -ABRT $$")
                .render(dot: Self.dot, engineName: "neato", formatNames: ["svg"])
        }
        #expect(error == .aborted(engine: "neato", reason: "it aborted (SIGABRT): x.c:1: f: Assertion `p` failed."))
        #expect(error?.description == "Graphviz failed while laying out with engine 'neato' and was stopped: it aborted (SIGABRT): x.c:1: f: Assertion `p` failed.")
        let segv = #expect(throws: GraphvizError.self) {
            try worker("cat >/dev/null; kill -SEGV $$").render(dot: Self.dot, engineName: "fdp", formatNames: ["svg"])
        }
        #expect(segv == .aborted(engine: "fdp", reason: "it crashed (SIGSEGV, a memory error)"))
        let cpu = #expect(throws: GraphvizError.self) {
            try worker("cat >/dev/null; kill -XCPU $$").render(dot: Self.dot, engineName: "dot", formatNames: ["svg"])
        }
        #expect(cpu == .aborted(engine: "dot", reason: "it ran out of time (more than its CPU limit)"))
    }

    @Test("a worker that exits without an answer, or answers nonsense, is an error too")
    func noAnswer() {
        let exited = #expect(throws: GraphvizError.self) {
            try worker("cat >/dev/null; echo 'out of memory' >&2; exit 1").render(dot: Self.dot, engineName: "neato", formatNames: ["svg"])
        }
        #expect(exited == .aborted(engine: "neato", reason: "it exited with status 1 without an answer (out of memory?): out of memory"))
        let nonsense = #expect(throws: GraphvizError.self) {
            try worker("cat >/dev/null; echo '{\"results\": []}'").render(dot: Self.dot, engineName: "neato", formatNames: ["svg"])
        }
        #expect(nonsense == .aborted(engine: "neato", reason: "it exited with status 0 without an answer (out of memory?)"))
        let missing = #expect(throws: GraphvizError.self) {
            try GraphvizWorker(executable: "/no/such/worker", arguments: []).render(dot: Self.dot, engineName: "neato", formatNames: ["svg"])
        }
        if case let .aborted(engine, reason)? = missing {
            #expect(engine == "neato" && reason.hasPrefix("the Graphviz worker /no/such/worker could not be started"))
        } else {
            Issue.record("expected .aborted, got \(String(describing: missing))")
        }
    }

    @Test("a Graphviz error reported by the worker arrives as the same error")
    func reportedErrors() throws {
        for error in [GraphvizError.parse(message: "syntax error in line 3 near '}'", line: 3),
                      .layout(engine: "dot", message: "m"), .render(format: "pdf", message: "no plugin"), .context(message: "c")] {
            let answer = try JSONEncoder().encode(GraphvizWorker.Answer(results: nil, failure: .init(error)))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("answer-\(UUID().uuidString).json")
            try answer.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let reported = #expect(throws: GraphvizError.self) {
                try worker("cat >/dev/null; cat '\(file.path)'").render(dot: Self.dot, engineName: "dot", formatNames: ["svg"])
            }
            #expect(reported == error)
        }
    }

    @Test("the worker's own side: a request in, the in-process result out")
    func serve() throws {
        let request = try JSONEncoder().encode(GraphvizWorker.Request(
            dot: Self.dot, engine: "dot", formats: ["svg", "plain"], cpuSeconds: 1_000_000_000, memoryBytes: 1 << 44))
        let input = Pipe(), output = Pipe()
        try input.fileHandleForWriting.write(contentsOf: request)
        try input.fileHandleForWriting.close()
        // serve() sets limits on this process: generous ones, so the test process is unaffected.
        #expect(GraphvizWorker.serve(input: input.fileHandleForReading, output: output.fileHandleForWriting) == 0)
        try output.fileHandleForWriting.close()
        let answer = try JSONDecoder().decode(GraphvizWorker.Answer.self, from: output.fileHandleForReading.readToEnd() ?? Data())
        let direct = try Graphviz.renderInProcess(dot: Self.dot, engineName: "dot", formatNames: ["svg", "plain"])
        #expect(answer.results?.map { [UInt8]($0.data) } == direct.map(\.data))
        #expect(answer.failure == nil)
    }
}
