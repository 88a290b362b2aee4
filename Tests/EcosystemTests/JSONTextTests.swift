import Ecosystem
import Foundation
import NetworkAnalysis
import Testing

/// ``JSONText`` writes the bytes Foundation's `JSONSerialization` wrote with
/// `[.prettyPrinted, .sortedKeys]` (ecomap's JSON before the streaming writer): checked on
/// seeded random documents whose keys mix ASCII punctuation, digit runs with leading zeros and
/// both cases, and whose values are integers, fractions, tiny and huge doubles, strings with
/// escapes, nulls, nested objects (also empty) and arrays.
@Suite("The streaming JSON writer equals JSONSerialization's output")
struct JSONTextTests {
    static let alphabet = Array(" _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789aAbBzZ")

    static func key(_ rng: inout SplitMix64) -> String {
        String((0..<(1 + rng.nextInt(below: 6))).map { _ in alphabet[rng.nextInt(below: alphabet.count)] })
    }

    static func number(_ rng: inout SplitMix64) -> Double {
        switch rng.nextInt(below: 6) {
        case 0: return Double(rng.nextInt(below: 1000))
        case 1: return Double(rng.nextInt(below: 1_000_000)) / 7
        case 2: return 1e-7 * Double(rng.nextInt(below: 100))
        case 3: return 1e22 * Double(rng.nextInt(below: 9))
        case 4: return -Double(rng.nextInt(below: 50)) / 3
        default:
            let x = Double(bitPattern: rng.next() >> 2)
            return x.isFinite ? x : 1.5
        }
    }

    /// A random value, as Foundation sees it (`Any`) and written into `w`.
    static func value(_ rng: inout SplitMix64, depth: Int, into w: inout JSONText) -> Any {
        switch depth > 2 ? rng.nextInt(below: 3) : rng.nextInt(below: 6) {
        case 0:
            let x = number(&rng)
            w.measure(x)
            return x == x.rounded() && abs(x) < 1e15 ? Int64(x) as Any : x as Any
        case 1:
            let s = key(&rng) + (rng.nextInt(below: 3) == 0 ? "\n\t/é\u{1}" : "")
            w.string(s)
            return s
        case 2:
            w.null()
            return NSNull()
        case 3, 4:
            var keys = Set<String>()
            let count = rng.nextInt(below: 8)
            while keys.count < count { keys.insert(key(&rng)) }
            var dict: [String: Any] = [:]
            w.beginObject()
            for k in JSONText.sortedKeys(keys) { w.key(k); dict[k] = value(&rng, depth: depth + 1, into: &w) }
            w.endObject()
            return dict
        default:
            var items: [Any] = []
            w.beginArray()
            for _ in 0..<(1 + rng.nextInt(below: 4)) { items.append(value(&rng, depth: depth + 1, into: &w)) }
            w.endArray()
            return items
        }
    }

    @Test("random documents, byte for byte", arguments: 0..<40)
    func randomDocuments(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(5000 + seed))
        var keys = Set<String>()
        while keys.count < 2 + rng.nextInt(below: 60) { keys.insert(Self.key(&rng)) }
        var w = JSONText()
        var dict: [String: Any] = [:]
        w.beginObject()
        for k in JSONText.sortedKeys(keys) { w.key(k); dict[k] = Self.value(&rng, depth: 0, into: &w) }
        w.endObject()
        let foundation = try JSONSerialization.data(withJSONObject: dict, options: [.prettyPrinted, .sortedKeys])
        #expect(String(decoding: w.bytes, as: UTF8.self) == String(decoding: foundation, as: UTF8.self))
    }

    @Test("the key order: punctuation, then numbers by value, then letters; lower case first")
    func order() {
        #expect(JSONText.sortedKeys(["b", "a10", "a9", "A9", "a_", "a-", "a", "a 1", "B"])
                == ["a", "a 1", "a_", "a-", "a9", "A9", "a10", "b", "B"])
        #expect(JSONText.precedes("a2", "a10"))
        #expect(!JSONText.precedes("a10", "a2"))
    }
}
