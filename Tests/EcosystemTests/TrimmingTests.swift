import Ecosystem
import Foundation
import NetworkAnalysis
import Testing

/// The loaders' fast trimming equals Foundation's `trimmingCharacters(in:)` on seeded random
/// strings mixing ASCII, tabs, line ends, no-break and other Unicode spaces, NEL and letters.
@Suite("Fast trimming equals Foundation's")
struct TrimmingTests {
    static let pieces = [" ", "\t", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{A0}", "\u{2003}", "\u{85}", "\u{2028}",
                         "a", "Z", "é", "1", ",", "\"", "日"]

    @Test("random strings")
    func random() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<3000 {
            let s = (0..<rng.nextInt(below: 6)).map { _ in Self.pieces[rng.nextInt(below: Self.pieces.count)] }.joined()
            #expect(s.trimmedWhitespace() == s.trimmingCharacters(in: .whitespaces), "\(s.debugDescription)")
            #expect(s.trimmedWhitespaceAndNewlines() == s.trimmingCharacters(in: .whitespacesAndNewlines), "\(s.debugDescription)")
            let sub = s.dropFirst()
            #expect(sub.trimmedWhitespace() == sub.trimmingCharacters(in: .whitespaces))
        }
    }
}
