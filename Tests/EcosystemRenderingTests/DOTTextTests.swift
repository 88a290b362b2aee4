import Testing
@testable import EcosystemRendering

@Suite("DOT escaping")
struct DOTTextTests {
    @Test("backslashes, quotes and ampersands are escaped for the lexer, escString and entities")
    func labelEscaping() {
        #expect(DOTText.label(#"C:\Node\Graph"#) == #""C:\\Node\\Graph""#)
        #expect(DOTText.label(#"ends in \"#) == #""ends in \\""#)
        #expect(DOTText.label(#"say "hi""#) == #""say \"hi\"""#)
        #expect(DOTText.label("Acme &amp; Co") == #""Acme &#38;amp; Co""#)
        #expect(DOTText.label("two\nlines") == #""two\nlines""#)
        #expect(DOTText.label("Zoë – Université") == "\"Zoë – Université\"")
    }

    @Test("HTML-like label text is XML-escaped")
    func htmlEscaping() {
        #expect(DOTText.html("<lambda> & \"q\" 'a'") == "&lt;lambda&gt; &amp; &quot;q&quot; &#39;a&#39;")
    }

    @Test("identifiers are ASCII, injective and start with the prefix")
    func identifiers() {
        #expect(DOTText.identifier("dip", prefix: "actor-") == "actor-dip")
        #expect(DOTText.identifier("yes_delft", prefix: "actor-") == "actor-yes_5Fdelft")
        #expect(DOTText.identifier("a b", prefix: "x-") == "x-a_20b")
        #expect(DOTText.identifier("ë", prefix: "x-") == "x-_C3_AB")
        #expect(DOTText.identifier("a_20b", prefix: "x-") != DOTText.identifier("a b", prefix: "x-"))
    }

    @Test("long names wrap at spaces; long words stay whole")
    func wrapping() {
        #expect(DOTText.wrapped("Gemeente Zoetermeer rekenkamercommissie", width: 20)
            == "Gemeente Zoetermeer\nrekenkamercommissie")
        #expect(DOTText.wrapped("short", width: 20) == "short")
        #expect(DOTText.wrapped("Supercalifragilistic", width: 5) == "Supercalifragilistic")
    }
}
