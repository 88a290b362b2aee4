import Foundation
import NetworkAnalysis

/// Committed test fixtures under `Tests/Fixtures/`, found relative to this source file so that
/// tests run from any working directory on a clean clone, without Python.
public enum Fixtures {
    /// `Tests/Fixtures/`.
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// The repository root (for `Datasets/`).
    public static let repositoryRoot: URL = directory
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A shared input graph written by `Tests/Fixtures/make_graphs.py`.
    public static func graph(_ name: String) throws -> FixtureGraph {
        let url = directory.appendingPathComponent("graphs/\(name).json")
        return try JSONDecoder().decode(FixtureGraph.self, from: Data(contentsOf: url))
    }

    /// A reference file `Tests/Fixtures/<relativePath>` parsed as loose JSON.
    public static func reference(_ relativePath: String) throws -> JSONValue {
        let url = directory.appendingPathComponent(relativePath)
        return try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
    }
}

/// An input graph as written by `make_graphs.py`.
public struct FixtureGraph: Decodable, Sendable {
    public let name: String
    public let directed: Bool
    public let nodes: [String]
    /// `[source, target, weight]` triples.
    public let edges: [[Double]]

    /// The graph core built from this fixture; `directed` overrides the file's own flag.
    public func makeGraph(directed: Bool? = nil) throws -> Graph {
        try Graph(
            nodeCount: nodes.count,
            edges: edges.map { (Int($0[0]), Int($0[1])) },
            weights: edges.map { $0[2] },
            directed: directed ?? self.directed)
    }
}

/// Loosely typed JSON for reference values; `null` reads as NaN through ``doubles``.
public enum JSONValue: Decodable, Sendable {
    case number(Double), string(String), bool(Bool), null
    case array([JSONValue]), object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public subscript(key: String) -> JSONValue? {
        if case let .object(o) = self { return o[key] }
        return nil
    }

    public var double: Double? {
        switch self {
        case let .number(d): return d
        case .null: return .nan
        default: return nil
        }
    }

    /// An array of numbers (null → NaN), or nil when this is not an array of numbers.
    public var doubles: [Double]? {
        guard case let .array(a) = self else { return nil }
        let ds = a.compactMap(\.double)
        return ds.count == a.count ? ds : nil
    }

    public var keys: [String] {
        if case let .object(o) = self { return o.keys.sorted() }
        return []
    }
}

/// `a` and `b` agree to `tolerance` (absolute, or relative for values above 1); NaN equals NaN.
public func agree(_ a: Double, _ b: Double, tolerance: Double) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    if a.isInfinite || b.isInfinite { return a == b }
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// The first index where the two arrays disagree, with both values, or nil when all agree.
public func firstDisagreement(_ a: [Double], _ b: [Double], tolerance: Double) -> (Int, Double, Double)? {
    if a.count != b.count { return (-1, Double(a.count), Double(b.count)) }
    for i in a.indices where !agree(a[i], b[i], tolerance: tolerance) { return (i, a[i], b[i]) }
    return nil
}

/// Whether `make` gives equal results twice in a row, in one of up to `attempts` tries.
///
/// For byte-identity tests of rendered output. Graphviz measures text through Pango, and
/// Pango 1.50 takes the first font of a new font description from whichever of fontconfig's
/// match and sort finishes first in its worker thread; on a loaded machine a label then comes
/// out 1 pt wider in a few renders in a hundred (seen here with Graphviz's own `neato`
/// program too). A difference that comes from our code (a clock, a random choice, an unordered
/// iteration) shows in every attempt, so the test still fails for it.
public func identicalInSomeAttempt<T: Equatable>(attempts: Int = 3, _ make: () throws -> T) rethrows -> Bool {
    for _ in 0..<max(1, attempts) where try make() == make() { return true }
    return false
}
