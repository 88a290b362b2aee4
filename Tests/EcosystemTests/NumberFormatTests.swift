import Testing
@testable import Ecosystem

@Suite("Number formatting: one style per use")
struct NumberFormatTests {
    @Test("exact: numbers round-trip, integers without a fraction, NaN empty")
    func exact() {
        #expect(NumberFormat.exact(0.1 + 0.2) == "0.30000000000000004")
        #expect(NumberFormat.exact(3) == "3")
        #expect(NumberFormat.exact(.nan) == nil)
        #expect(NumberFormat.exact(.infinity) == "inf")
        #expect(NumberFormat.exact(-.infinity) == "-inf")
        #expect(NumberFormat.exact(1e-20) == "1e-20")
        #expect(NumberFormat.exact(1e15) == "1000000000000000.0")
        #expect(NumberFormat.exact(123.5) == "123.5")
        #expect(Double(NumberFormat.exact(0.1 + 0.2)!) == 0.1 + 0.2)
    }

    @Test("table: fixed decimals for fractions, integers bare, a dash for NaN")
    func table() {
        #expect(NumberFormat.table(0.5678, 3) == "0.568")
        #expect(NumberFormat.table(6, 3) == "6")
        #expect(NumberFormat.table(.nan, 3) == "–")
        #expect(NumberFormat.table(-.infinity, 2) == "-inf")
        #expect(NumberFormat.table(1.5, 0) == "2")
    }

    @Test("decimals, signed and percent for sentences")
    func sentences() {
        #expect(NumberFormat.decimals(0.12345) == "0.123")
        #expect(NumberFormat.decimals(2, 2) == "2.00")
        #expect(NumberFormat.decimals(.nan) == "–")
        #expect(NumberFormat.signed(0.125) == "+0.125")
        #expect(NumberFormat.signed(-0.125) == "−0.125")
        #expect(NumberFormat.signed(0) == "+0.000")
        #expect(NumberFormat.percent(0.25) == "25%")
        #expect(NumberFormat.percent(.infinity) == "–")
    }

    @Test("brief drops trailing zeros and a bare point")
    func brief() {
        #expect(NumberFormat.brief(0.5) == "0.5")
        #expect(NumberFormat.brief(0.125) == "0.125")
        #expect(NumberFormat.brief(12) == "12")
        #expect(NumberFormat.brief(1.0000001) == "1")
        #expect(NumberFormat.brief(-0.0001) == "0")
        #expect(NumberFormat.brief(.nan) == "–")
    }

    @Test("attribute rounds to 3 decimals without a trailing .0")
    func attribute() {
        #expect(NumberFormat.attribute(1.25) == "1.25")
        #expect(NumberFormat.attribute(3.0) == "3")
        #expect(NumberFormat.attribute(0.12349) == "0.123")
        #expect(NumberFormat.attribute(2e12) == "2000000000000.0")
    }

    @Test("English lists")
    func lists() {
        #expect(EnglishList.joined([]) == "none")
        #expect(EnglishList.joined(["A"]) == "A")
        #expect(EnglishList.joined(["A", "B"]) == "A and B")
        #expect(EnglishList.joined(["A", "B", "C"], more: 2) == "A, B, C and 2 more")
    }
}
