import Ecosystem
import Testing
@testable import EcosystemRendering

@Suite("Themes")
struct DiagramThemeTests {
    let model = TestModels.model(ids: ["a", "b", "c"])

    @Test("the default theme keeps the model's declared colours and shapes")
    func defaults() {
        let theme = DiagramTheme.default
        #expect(theme.nodeStyle(forActorType: "government", in: model) == ("#0072B2", "box"))
        #expect(theme.nodeStyle(forActorType: "undeclared", in: model) == ("#BBBBBB", "ellipse"))
        #expect(theme.edgeStyle(forRelationType: "funds", in: model) == ("#E69F00", "bold"))
        #expect(theme.palette.count == 8 && theme.palette.allSatisfy(DrawingVocabulary.isColour))
        #expect(Set(theme.shapes).count == theme.shapes.count)
    }

    @Test("precedence: per-type entry, then palette when it overrides, then the model")
    func precedence() throws {
        let theme = try DiagramTheme.load(yaml: """
            palette: ["#111111", "#222222"]
            shapes: [triangle, house]
            palette_overrides_model: true
            actor_types:
              industry: {color: "#abcdef"}
            relation_types:
              funds: {style: dotted}
            font: Liberation Sans
            font_sizes: {title: 24, label: 9}
            node_width: [0.5, 3]
            pen_width: [0.5, 4]
            background: "#ffffff"
            """, file: "theme.yaml")
        #expect(theme.nodeStyle(forActorType: "government", in: model) == ("#111111", "triangle"))
        #expect(theme.nodeStyle(forActorType: "industry", in: model) == ("#ABCDEF", "house"))
        #expect(theme.edgeStyle(forRelationType: "funds", in: model) == ("#E69F00", "dotted"))
        #expect(theme.fontName == "Liberation Sans")
        #expect(theme.titleFontSize == 24 && theme.labelFontSize == 9 && theme.captionFontSize == 11)
        #expect(theme.minNodeWidth == 0.5 && theme.maxNodeWidth == 3)
        #expect(theme.minPenWidth == 0.5 && theme.maxPenWidth == 4)

        let dot = EcosystemDiagram.dot(for: model, options: DiagramOptions(engine: .neato, theme: theme))
        #expect(dot.contains("fontname=\"Liberation Sans\""))
        #expect(dot.contains("shape=\"triangle\", fillcolor=\"#111111\""))
        #expect(dot.contains("style=\"dotted\""))
        #expect(dot.contains("bgcolor=\"#FFFFFF\""))
    }

    @Test("lines that would vanish into an opaque background are drawn in a grey that reads on it and in the legend")
    func linesOnDarkBackground() throws {
        var dark = DiagramTheme.default
        dark.background = "#202020"
        // Black (contrast 1.2 : 1 with #202020) becomes #AAAAAA; the Okabe–Ito blue (3.2 : 1) stays.
        #expect(EcosystemDiagram.lineColour("#000000", theme: dark) == "#AAAAAA")
        #expect(EcosystemDiagram.lineColour("#0072B2", theme: dark) == "#0072B2")
        var light = DiagramTheme.default
        light.background = "#FFFFFF"
        #expect(EcosystemDiagram.lineColour("#F0F0F0", theme: light) == "#666666")
        #expect(EcosystemDiagram.lineColour("#000000", theme: light) == "#000000")
        // Transparent (the default): every colour as declared.
        #expect(EcosystemDiagram.lineColour("#000000", theme: .default) == "#000000")
        let theme = try DiagramTheme.load(yaml: "background: \"#202020\"\nrelation_types: {funds: {color: \"#000000\", style: solid}}", file: "theme.yaml")
        let dot = EcosystemDiagram.dot(for: model, options: DiagramOptions(engine: .neato, theme: theme))
        #expect(dot.contains("color=\"#AAAAAA\", style=\"solid\"") && dot.contains("<FONT COLOR=\"#AAAAAA\">───▶</FONT>"), "\(dot)")
        #expect(!dot.contains("color=\"#000000\", style"))
    }

    @Test("without palette_overrides_model the palette does not replace declared colours")
    func paletteDoesNotOverrideByDefault() throws {
        let theme = try DiagramTheme.load(yaml: "palette: [\"#111111\"]\n")
        #expect(theme.nodeStyle(forActorType: "government", in: model) == ("#0072B2", "box"))
    }

    @Test("invalid themes name the key and what is valid", arguments: [
        ("font: \"Evil\\\"<&\"", "font: 'Evil\"<&' is not a usable font name"),
        ("palette: [red]", "palette: 'red' is not a colour"),
        ("shapes: [blob]", "shapes: 'blob' is not a Graphviz node shape"),
        ("colour: \"#000000\"", "unknown key 'colour' in the theme; valid keys: palette"),
        ("actor_types: {x: {fill: \"#000000\"}}", "unknown key 'fill' in actor_types.x; valid keys: color, shape"),
        ("relation_types: {x: {style: wavy}}", "relation_types.x.style: 'wavy' is not one of solid, dashed, dotted, bold"),
        ("font_sizes: {title: -3}", "font_sizes.title: expected a positive number"),
        ("node_width: [2, 1]", "node_width: the first value must not exceed the second"),
        ("palette: [\"#12345\"]", "palette: '#12345' is not a colour"),
        ("- just a list", "the theme must be a mapping"),
        ("palette: [", "malformed YAML"),
        ("pen_width: [1, 1e308]", "pen_width: expected a positive number up to 20 (points)"),
        ("node_width: [500, 500]", "node_width: expected a positive number up to 20 (inches)"),
        ("node_height: [0.5, 21]", "node_height: expected a positive number up to 20 (inches)"),
    ])
    func invalid(yaml: String, expected: String) {
        do {
            _ = try DiagramTheme.load(yaml: yaml, file: "t.yaml")
            Issue.record("accepted \(yaml)")
        } catch {
            // file:line:column: error: … (the one-line themes here put every problem on line 1);
            // a YAML syntax error is reported by the parser with its own position text.
            #expect(error.description.hasPrefix(expected == "malformed YAML" ? "t.yaml:2:1: error: " : "t.yaml:1:"), "\(error.description)")
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test("errors point at the offending value's line and column")
    func positions() {
        do {
            _ = try DiagramTheme.load(yaml: "font: DejaVu Sans\nactor_types:\n  government: {color: \"#00\"}\n", file: "t.yaml")
            Issue.record("accepted a bad colour")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 23)
            #expect(error.description.hasPrefix("t.yaml:3:23: error: actor_types.government.color: '#00' is not a colour"))
        }
    }

    @Test("a theme reports every problem at once, each with its position")
    func severalProblems() {
        do {
            _ = try DiagramTheme.load(yaml: "palette: [red, \"#00\"]\nfont_sizes: {title: -1}\ncolour: x\n", file: "t.yaml")
            Issue.record("accepted a bad theme")
        } catch {
            #expect(error.issues.map(\.description) == [
                "t.yaml:1:11: error: palette: 'red' is not a colour; write \"#RRGGBB\" or \"#RRGGBBAA\" (quoted)",
                "t.yaml:1:16: error: palette: '#00' is not a colour; write \"#RRGGBB\" or \"#RRGGBBAA\" (quoted)",
                "t.yaml:2:21: error: font_sizes.title: expected a positive number up to 200 (points)",
                "t.yaml:3:1: error: unknown key 'colour' in the theme; valid keys: \(DiagramTheme.topLevelKeys.joined(separator: ", "))",
            ])
            #expect(error.line == 1 && error.column == 11)
        }
    }

    @Test("theme and model follow the same colour rule")
    func colourRuleAgrees() throws {
        for colour in ["#0072B2", "#0072b280", "red", "#FFF", "#123456789"] {
            let model = """
                actor_types: [{id: t, color: "\(colour)"}]
                relation_types: [{id: r, directed: false}]
                actors: [{id: a, type: t}]
                """
            let modelAccepts = (try? ModelLoader.load(yaml: model, file: "m.yaml")) != nil
            let themeAccepts = (try? DiagramTheme.load(yaml: "outline: \"\(colour)\"\n", file: "t.yaml")) != nil
            #expect(modelAccepts == themeAccepts, "\(colour)")
            #expect(modelAccepts == DrawingVocabulary.isColour(colour), "\(colour)")
        }
    }

    @Test("an empty theme file is the default theme")
    func empty() throws {
        #expect(try DiagramTheme.load(yaml: "") == .default)
        #expect(try DiagramTheme.load(yaml: "# only a comment\n") == .default)
    }
}

/// Issue 16: theme syntax errors in the format of every other error, at their position.
struct ThemeErrorLocationTests {
    @Test func syntaxErrorsAndDuplicateKeysAreLocated() {
        for (text, line) in [("node_width: [0.1, 2\nshapes: [box\n", 2), ("palette_overrides_model: true\npalette_overrides_model: false\n", 2)] {
            do {
                _ = try DiagramTheme.load(yaml: text, file: "theme.yaml")
                Issue.record("\(text) loads")
            } catch {
                #expect(error.issues.count == 1)
                #expect(error.issues.first?.line == line)
                #expect(error.description.hasPrefix("theme.yaml:\(line):"))
                #expect(!error.description.contains("not valid YAML"))
            }
        }
    }
}
