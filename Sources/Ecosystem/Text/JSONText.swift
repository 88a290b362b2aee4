/// A streaming writer of pretty-printed JSON with a fixed, locale-free key order, into one
/// UTF-8 byte buffer (no intermediate dictionaries, no `Any`, no Foundation).
///
/// **Layout** (the bytes of Foundation's `JSONSerialization` with `[.prettyPrinted,
/// .sortedKeys]` on Linux, which ecomap wrote before; the tests compare the two on random
/// documents): two spaces per level, `"key" : value`, `,\n` between members, an empty object
/// as `{\n\n}` at its indentation; strings escape `"`, `\`, `/` (as `\/`), `\b`, `\f`, `\n`, `\r`,
/// `\t` and other controls below U+0020 as `\u00xx` (lower-case hex), everything else as UTF-8;
/// numbers as Swift's shortest round-tripping `description` with a trailing `.0` removed,
/// integers in decimal.
///
/// **Key order** (``precedes(_:_:)``): the members of an object are written in the order the
/// caller gives; ``sortedKeys(_:)`` sorts keys in the order Foundation's `sortedKeys` gives for
/// ASCII keys (an ICU root collation with numeric digit runs, case folded, ties lower case
/// first), computed from the characters alone, so it does not depend on a locale.
///
/// Complexity: `O(bytes written)`; one buffer, grown geometrically.
public struct JSONText {
    /// The UTF-8 text written so far.
    public private(set) var bytes: [UInt8] = []
    private var level = 0
    /// Per open container: whether it has no member yet.
    private var empty: [Bool] = []
    /// A key was just written; the next value follows it on the same line.
    private var afterKey = false

    /// Whether `/` is written as `\/` (Foundation's default) or as itself (its
    /// `.withoutEscapingSlashes`).
    public let escapesSlashes: Bool

    /// An empty writer; `capacity` bytes are reserved.
    /// - Parameters:
    ///   - capacity: bytes reserved.
    ///   - escapesSlashes: `false` writes `/` unescaped, as `JSONSerialization`'s
    ///     `.withoutEscapingSlashes` does.
    public init(capacity: Int = 4096, escapesSlashes: Bool = true) {
        self.escapesSlashes = escapesSlashes
        bytes.reserveCapacity(capacity)
    }

    /// The text as a `String`, with the newline ecomap's writers end with.
    public var text: String { String(decoding: bytes, as: UTF8.self) + "\n" }

    private mutating func indent() {
        for _ in 0..<(2 * level) { bytes.append(0x20) }
    }

    /// Before a value (or a key): the separator and the indentation of a new member.
    private mutating func member() {
        if afterKey { afterKey = false; return }
        guard !empty.isEmpty else { return }
        if empty[empty.count - 1] {
            empty[empty.count - 1] = false
        } else {
            bytes.append(0x2C)  // ,
            bytes.append(0x0A)
        }
        indent()
    }

    /// Opens an object (as a value: after ``key(_:)``, in an array, or at the top).
    public mutating func beginObject() { open(0x7B) }
    /// Closes the innermost object.
    public mutating func endObject() { close(0x7D) }
    /// Opens an array.
    public mutating func beginArray() { open(0x5B) }
    /// Closes the innermost array.
    public mutating func endArray() { close(0x5D) }

    private mutating func open(_ bracket: UInt8) {
        member()
        bytes.append(bracket)
        bytes.append(0x0A)
        level += 1
        empty.append(true)
    }

    private mutating func close(_ bracket: UInt8) {
        let wasEmpty = empty.removeLast()
        level -= 1
        bytes.append(0x0A)
        _ = wasEmpty
        indent()
        bytes.append(bracket)
    }

    /// Writes a member name; the value written next belongs to it.
    public mutating func key(_ name: String) {
        member()
        string(name, asValue: false)
        bytes.append(contentsOf: [0x20, 0x3A, 0x20])  // " : "
        afterKey = true
    }

    /// Writes a string value.
    public mutating func string(_ value: String) { string(value, asValue: true) }

    private mutating func string(_ value: String, asValue: Bool) {
        if asValue { member() }
        bytes.append(0x22)
        for unit in value.utf8 {
            switch unit {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x2F:
                if escapesSlashes { bytes.append(0x5C) }
                bytes.append(0x2F)
            case 0x08: bytes.append(0x5C); bytes.append(0x62)
            case 0x0C: bytes.append(0x5C); bytes.append(0x66)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(unit >> 4)], hex[Int(unit & 15)]])
            default: bytes.append(unit)
            }
        }
        bytes.append(0x22)
    }

    /// Writes an integer.
    public mutating func integer<T: BinaryInteger>(_ value: T) {
        member()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes `null`.
    public mutating func null() {
        member()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        member()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Writes a finite double as Swift's shortest round-tripping form without a trailing `.0`
    /// (`null` for NaN and ±∞, which JSON cannot carry).
    public mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        member()
        var s = value.description
        if s.hasSuffix(".0") { s.removeLast(2) }
        bytes.append(contentsOf: s.utf8)
    }

    /// Writes a measure value as ecomap's JSON writers always have: NaN and ±∞ as `null`,
    /// integral values below 10^15 in magnitude as integers, others as ``double(_:)``.
    public mutating func measure(_ value: Double) {
        guard value.isFinite else { return null() }
        if value == value.rounded(), abs(value) < 1e15 { return integer(Int64(value)) }
        double(value)
    }

    // MARK: - Key order

    /// The keys in the writer's fixed order (see ``precedes(_:_:)``).
    /// - Complexity: `O(k log k)` comparisons.
    public static func sortedKeys<S: Sequence>(_ keys: S) -> [String] where S.Element == String {
        keys.map { (key: $0, weights: CollationKey($0)) }.sorted { $0.weights < $1.weights }.map(\.key)
    }

    /// Whether key `a` comes before key `b`: first by the primary weights of their characters
    /// (white space and punctuation in the ICU root order ` _-,;:!?.'"()[]{}@*/\&#%`^+<=>|~$`,
    /// then digit runs by numeric value, then letters without regard to case, then other
    /// characters by code point), then — when those are equal — by case (lower case first) and
    /// finally by code points.
    /// - Complexity: `O(|a| + |b|)`.
    public static func precedes(_ a: String, _ b: String) -> Bool { CollationKey(a) < CollationKey(b) }
}

/// The comparison key of ``JSONText/precedes(_:_:)``: primary weights (digit runs as one weight
/// each, compared by value), then case flags, then the code points.
struct CollationKey: Comparable {
    /// Primary weights; a digit run is `[digitClass, length, digits…]` without leading zeros.
    var primary: [UInt32] = []
    /// Per letter: 0 lower case, 1 upper case (the tie-break).
    var tertiary: [UInt8] = []
    var scalars: [UInt32] = []

    static let punctuation: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [:]
        for (i, c) in " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars.enumerated() { table[c.value] = UInt32(1 + i) }
        return table
    }()
    static let digitClass: UInt32 = 100
    static let letterBase: UInt32 = 200
    static let otherBase: UInt32 = 1000

    init(_ s: String) {
        let u = Array(s.unicodeScalars)
        scalars = u.map(\.value)
        var i = 0
        while i < u.count {
            let c = u[i].value
            if c >= 0x30 && c <= 0x39 {
                var j = i
                while j < u.count && u[j].value >= 0x30 && u[j].value <= 0x39 { j += 1 }
                var k = i
                while k < j - 1 && u[k].value == 0x30 { k += 1 }
                primary.append(Self.digitClass)
                primary.append(UInt32(j - k))
                for d in k..<j { primary.append(u[d].value) }
                i = j
                continue
            }
            if c >= 0x61 && c <= 0x7A {
                primary.append(Self.letterBase + c - 0x61); tertiary.append(0)
            } else if c >= 0x41 && c <= 0x5A {
                primary.append(Self.letterBase + c - 0x41); tertiary.append(1)
            } else if let p = Self.punctuation[c] {
                primary.append(p)
            } else {
                primary.append(Self.otherBase + c)
            }
            i += 1
        }
    }

    static func < (x: CollationKey, y: CollationKey) -> Bool {
        if x.primary != y.primary { return x.primary.lexicographicallyPrecedes(y.primary) }
        if x.tertiary != y.tertiary { return x.tertiary.lexicographicallyPrecedes(y.tertiary) }
        return x.scalars.lexicographicallyPrecedes(y.scalars)
    }
}
