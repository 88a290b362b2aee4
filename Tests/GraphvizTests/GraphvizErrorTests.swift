import Dispatch
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Graphviz

@Suite struct GraphvizErrorTests {
    @Test("A DOT syntax error throws Graphviz's message and line, and prints nothing to stderr")
    func syntaxError() throws {
        let broken = "digraph {\n  a -> b;\n  b -> ;\n}\n"
        var caught: GraphvizError?
        let written = try capturingStandardError {
            do throws(GraphvizError) {
                _ = try Graphviz.render(dot: broken, engine: .dot, format: .svg)
            } catch {
                caught = error
            }
            // Warnings are captured too, not printed.
            _ = try? Graphviz.render(dot: "digraph { a [shape=stderrtestshape, color=nosuchcolour] }", engine: .dot, format: .svg)
        }
        let error = try #require(caught)
        guard case let .parse(message, line) = error else {
            Issue.record("expected a parse error, got \(error)")
            return
        }
        #expect(message == "syntax error in line 3 near ';'")
        #expect(line == 3)
        #expect(error.description.contains("syntax error in line 3"))
        // Other tests run in parallel and may write to the (process-wide) stderr meanwhile, so
        // look only for this test's own messages.
        #expect(!written.contains("syntax error"), "Graphviz wrote to stderr: \(written)")
        #expect(!written.contains("stderrtestshape"), "Graphviz wrote to stderr: \(written)")
        #expect(!written.contains("nosuchcolour"), "Graphviz wrote to stderr: \(written)")
    }

    @Test("After a syntax error the parser recovers")
    func recoversAfterSyntaxError() throws {
        #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "graph { a -- \"unterminated }", engine: .neato, format: .svg)
        }
        let ok = try Graphviz.render(dot: "graph { a -- b }", engine: .neato, format: .plain)
        #expect(ok.warnings.isEmpty)
        #expect(String(decoding: ok.data, as: UTF8.self).hasSuffix("stop\n"))
    }

    @Test("A failed parse leaves nothing behind: the next input's line numbers and graph are its own")
    func noLeftoverAfterSyntaxError() throws {
        // The error is at ';' in the middle of line 2; the rest of that line ("x -> y; ...")
        // stayed in cgraph's lexer buffer and was read as the start of the next input.
        #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "digraph {\n  a -> ; x -> y; z -> w;\n}\n", engine: .dot, format: .plain)
        }
        #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "digraph { a [label=\"x]; }", engine: .dot, format: .svg)
        }
        #expect(throws: GraphvizError.self) {
            try Graphviz.render(dot: "graph { a -- \"unterminated }", engine: .neato, format: .svg)
        }
        do {
            _ = try Graphviz.render(dot: "digraph {\n  a -> b;\n  b -> ;\n}\n", engine: .dot, format: .svg)
            Issue.record("expected a parse error")
        } catch {
            #expect(error == .parse(message: "syntax error in line 3 near ';'", line: 3))
        }
        let plain = try Graphviz.render(dot: "digraph { p -> q }", engine: .dot, format: .plain)
        let text = String(decoding: plain.data, as: UTF8.self)
        #expect(text.contains("node p ") && text.contains("node q "))
        #expect(!text.contains("node x ") && !text.contains("node z "))
    }

    @Test("An unterminated string reports Graphviz's multi-line message")
    func unterminatedString() {
        #expect {
            try Graphviz.render(dot: "digraph { a [label=\"x]; }", engine: .dot, format: .svg)
        } throws: { error in
            guard case let .parse(message, line) = error as? GraphvizError else { return false }
            return line == 1 && message.hasPrefix("syntax error in line 1 scanning a quoted string")
                && message.contains("\nString starting:\"x]; }")
        }
    }

    @Test("Empty input and NUL characters are parse errors without a line")
    func emptyAndNUL() {
        #expect(throws: GraphvizError.parse(message: "no graph in the DOT input", line: nil)) {
            try Graphviz.render(dot: "", engine: .dot, format: .svg)
        }
        #expect(throws: GraphvizError.parse(message: "the DOT input contains a NUL character", line: nil)) {
            try Graphviz.render(dot: "digraph { a\u{0} }", engine: .dot, format: .svg)
        }
    }

    @Test("An unknown output format throws a render error with Graphviz's message")
    func unknownFormat() throws {
        #expect(throws: GraphvizError.render(format: "nosuchformat", message: "renderer for nosuchformat is unavailable")) {
            try Graphviz.render(dot: sampleDOT, engineName: "dot", formatNames: ["svg", "nosuchformat"])
        }
        // The context is still usable afterwards.
        #expect(try Graphviz.render(dot: sampleDOT, engineName: "dot", formatNames: ["svg"]).count == 1)
    }

    @Test("An unknown layout engine throws a layout error listing the engines Graphviz has")
    func unknownEngine() {
        #expect {
            try Graphviz.render(dot: sampleDOT, engineName: "nosuchengine", formatNames: ["svg"])
        } throws: { error in
            guard case let .layout(engine, message) = error as? GraphvizError else { return false }
            return engine == "nosuchengine"
                && message.hasPrefix("Layout type: \"nosuchengine\" not recognized. Use one of:")
                && LayoutEngine.allCases.allSatisfy { message.contains($0.rawValue) }
        }
    }

    @Test("Warnings are returned per render, with Graphviz's text, and do not carry over")
    func warnings() throws {
        // Graphviz warns about an unknown shape or colour name once per process (it caches
        // them), so these names are used by no other test.
        let dot = "digraph { a [shape=warningtestshape]; a -> b [arrowhead=zzz, color=warningtestcolour] }"
        let results = try Graphviz.render(dot: dot, engine: .dot, formats: [.svg, .plain])
        let layoutWarnings = [
            "Warning: using box for unknown shape warningtestshape",
            "Warning: Arrow type \"zzz\" unknown - ignoring",
        ]
        // Colours are resolved when drawing: the SVG renderer warns, plain copies the name.
        #expect(results[.svg]?.warnings == layoutWarnings + ["Warning: warningtestcolour is not a known color."])
        #expect(results[.plain]?.warnings == layoutWarnings)
        let clean = try Graphviz.render(dot: "digraph { a -> b }", engine: .dot, format: .svg)
        #expect(clean.warnings.isEmpty)
    }

    @Test("Error descriptions name the stage and Graphviz's message")
    func descriptions() {
        #expect(GraphvizError.parse(message: "m", line: 2).description
            == "Graphviz could not parse the DOT input (line 2): m")
        #expect(GraphvizError.layout(engine: "dot", message: "m").description
            == "Graphviz layout with engine 'dot' failed: m")
        #expect(GraphvizError.render(format: "png", message: "m").description
            == "Graphviz rendering to format 'png' failed: m")
    }
}
