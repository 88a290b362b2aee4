import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import Graphviz

/// The wrapper gives the layout fixed generator states and the host its own state back.
@Suite(.serialized) struct HostRandomTests {
    /// A graph that makes neato and sfdp draw from both generators: random initial positions
    /// (drand48), and overlap removal and sfdp's own random choices (rand).
    static let dot = """
        graph g { overlap=false; a -- b; b -- c; c -- a; c -- d; d -- e; e -- c; f; g -- h }
        """

    /// `count` numbers from the host's generators, drawn under the Graphviz lock so that no
    /// layout running in a parallel test is in progress meanwhile.
    static func draw(_ count: Int) throws -> (drand: [Double], rand: [Int32]) {
        try GraphvizRuntime.shared.withLock { _ throws(GraphvizError) in
            ((0..<count).map { _ in drand48() }, (0..<count).map { _ in rand() })
        }
    }

    @Test("a layout does not disturb the host's drand48() and rand() sequences", arguments: [LayoutEngine.neato, .sfdp, .fdp])
    func hostSequencesUnaffected(engine: LayoutEngine) throws {
        // The sequences a host seeding with 42 and 7 expects.
        try GraphvizRuntime.shared.withLock { _ throws(GraphvizError) in srand48(42); srand(7) }
        let expected = try Self.draw(6)

        try GraphvizRuntime.shared.withLock { _ throws(GraphvizError) in srand48(42); srand(7) }
        let before = try Self.draw(3)
        _ = try Graphviz.render(dot: Self.dot, engine: engine, format: .svg)
        let after = try Self.draw(3)
        #expect(before.drand + after.drand == expected.drand)
        #if canImport(Glibc)
        #expect(before.rand + after.rand == expected.rand)
        #endif
    }

    @Test("every layout starts from the same generator state, whatever the host did", arguments: [LayoutEngine.neato, .twopi])
    func layoutIsIndependentOfHostState(engine: LayoutEngine) throws {
        let first = try Graphviz.render(dot: Self.dot, engine: engine, format: .svg)
        try GraphvizRuntime.shared.withLock { _ throws(GraphvizError) in srand48(99); srand(99); _ = drand48(); _ = rand() }
        let second = try Graphviz.render(dot: Self.dot, engine: engine, format: .svg)
        #expect(first.data == second.data)
    }
}
