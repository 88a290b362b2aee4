import Ecosystem
import EcosystemAnalysis
import NetworkAnalysis
import Testing
@testable import EcosystemReport

@Suite("Plain text for the terminal")
struct PlainTextTests {
    @Test("wrapping breaks at spaces, hangs under the prefix and cuts only words longer than a line")
    func wrap() {
        #expect(PlainText.wrap("one two three four five six seven eight nine ten eleven", width: 20)
            == ["one two three four", "five six seven eight", "nine ten eleven"])
        #expect(PlainText.wrap("alpha beta gamma delta epsilon", width: 20, first: " 1. ")
            == [" 1. alpha beta gamma", "    delta epsilon"])
        #expect(PlainText.wrap(String(repeating: "x", count: 45), width: 20) == [String(repeating: "x", count: 20), String(repeating: "x", count: 20), "xxxxx"])
        #expect(PlainText.wrap("first\nsecond", width: 30) == ["first", "second"])
        #expect(PlainText.wrap("", width: 30) == [""])
    }

    @Test("no wrapped line is ever longer than the width (seeded random texts and widths)")
    func neverWider() {
        var random = SplitMix64(seed: 11)
        let words = ["a", "Gemeente", "Metropoolregio", "Rotterdam", "Den", "Haag", "(MRDH)", "–", "Yes!Delft",
                     "Ambtelijke-organisatie-incl.-ICT-en-meer-dan-veertig-tekens-lang"]
        for _ in 0..<300 {
            let width = 20 + Int(random.next() % 100)
            let text = (0..<Int(random.next() % 60)).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
            let prefix = random.next() % 2 == 0 ? "" : " 12. "
            let lines = PlainText.wrap(text, width: width, first: prefix)
            #expect(lines.allSatisfy { $0.count <= width }, "width \(width): \(lines)")
            // Nothing is lost: the words come back in order.
            #expect(lines.joined(separator: " ").split(separator: " ").joined() == (prefix + text).split(separator: " ").joined())
        }
    }

    @Test("a table fits by wrapping its widest column, or folds into one block per row")
    func table() {
        let rows = [["kind", "severity", "finding"],
                    ["missing_tie", "high", "Rule \"one actor coordinates all smart-city projects\" is not met: no single actor is tied to all 5."],
                    ["brokerage", "low", "No direct tie."]]
        let fitted = PlainText.table(rows, width: 60)
        let lines = fitted.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines[0] == "kind         severity  finding")
        #expect(lines[1].hasPrefix("missing_tie  high      Rule \"one actor"))
        #expect(lines[2].hasPrefix("                       "))
        #expect(lines.last == "brokerage    low       No direct tie.")
        // Natural width when it fits.
        #expect(PlainText.table([["a", "n"], ["x", "1"], ["yy", "22"]], width: 40, rightAligned: [1]) == "a    n\nx    1\nyy  22\n")
        // Too narrow for aligned columns: header: value blocks.
        let folded = PlainText.table([["first column", "second column", "third column"], ["aaaaaaaaa", "bbbbbbbbb", "ccccccccc"]], width: 24)
        #expect(folded == "first column:  aaaaaaaaa\nsecond column: bbbbbbbbb\nthird column:  ccccccccc\n")
    }
}
