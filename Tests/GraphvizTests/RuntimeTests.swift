import Dispatch
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Graphviz

@Suite struct GraphvizConcurrencyTests {
    @Test("16 concurrent renders on threads all succeed with identical output")
    func concurrentThreads() throws {
        let count = 16
        let outputs = ResultBox(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let engine: LayoutEngine = i.isMultiple(of: 2) ? .neato : .dot
            let result = Result { () throws(GraphvizError) in
                try Graphviz.render(dot: sampleDOT, engine: engine, formats: [.svg, .png])
            }
            outputs.set(i, result)
        }
        let results = outputs.values
        var firstByEngine: [Int: [RenderFormat: RenderResult]] = [:]
        for (i, result) in results.enumerated() {
            let rendered = try #require(try result?.get(), "render \(i) failed")
            #expect(rendered[.svg].flatMap { svgTexts($0.data) } != nil)
            #expect(rendered[.png]?.data.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
            if let first = firstByEngine[i % 2] {
                #expect(first == rendered, "render \(i) differs from the first of its engine")
            } else {
                firstByEngine[i % 2] = rendered
            }
        }
    }

    @Test("16 concurrent tasks all succeed")
    func concurrentTasks() async throws {
        let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
            for i in 0..<16 {
                group.addTask {
                    let engine = LayoutEngine.allCases[i % LayoutEngine.allCases.count]
                    let dot = "graph { a\(i) -- b -- c -- a\(i); c -- d }"
                    return try Graphviz.render(dot: dot, engine: engine, format: .plain).data.count
                }
            }
            var sizes: [Int] = []
            for try await size in group { sizes.append(size) }
            return sizes
        }
        #expect(sizes.count == 16)
        #expect(sizes.allSatisfy { $0 > 50 })
    }
}

/// Per-iteration result slots written from `concurrentPerform` workers.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Result<[RenderFormat: RenderResult], GraphvizError>?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<[RenderFormat: RenderResult], GraphvizError>) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Result<[RenderFormat: RenderResult], GraphvizError>?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

@Suite struct GraphvizMessageTests {
    @Test("Messages are reassembled from cgraph's pieces, continuations included")
    func messageSplitting() {
        let captured = "Warning" + ": " + "first\n" + "Error" + ": " + "syntax error in line 1 scanning\n"
            + "String starting:\"x\n" + "\n" + "Warning: second\n"
        let messages = GraphvizMessage.split(captured)
        #expect(messages == [
            GraphvizMessage(isError: false, text: "Warning: first"),
            GraphvizMessage(isError: true, text: "Error: syntax error in line 1 scanning\nString starting:\"x"),
            GraphvizMessage(isError: false, text: "Warning: second"),
        ])
        #expect(messages.errorText(fallback: "none") == "syntax error in line 1 scanning\nString starting:\"x")
        #expect(Array(messages.prefix(1)).errorText(fallback: "none") == "first")
        #expect([GraphvizMessage]().errorText(fallback: "none") == "none")
        #expect(Graphviz.lineNumber(in: "syntax error in line 12 near 'x'") == 12)
        #expect(Graphviz.lineNumber(in: "no graph") == nil)
    }
}
