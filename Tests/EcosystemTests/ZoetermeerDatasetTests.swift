import FixtureSupport
import Foundation
import Testing
import Yams
@testable import Ecosystem

/// `Datasets/zoetermeer/model.yaml`, built from the Bestuurlijke nota Smart City (Zoetermeer, 2022).
@Suite("Dataset: zoetermeer")
struct ZoetermeerDatasetTests {
    static let url = Fixtures.repositoryRoot.appendingPathComponent("Datasets/zoetermeer/model.yaml")

    let model: EcosystemModel

    init() throws { model = try ModelLoader.load(contentsOf: Self.url) }

    func relations(_ type: String, from: String? = nil, to: String? = nil) -> [Relation] {
        model.relations.filter { $0.type == type && (from == nil || $0.from == from) && (to == nil || $0.to == to) }
    }

    @Test func loadsWithNameTitleAndSize() {
        #expect(model.name == "zoetermeer")
        #expect(model.title == "Smart City Zoetermeer — innovatie-ecosysteem (Bestuurlijke nota, okt. 2022)")
        #expect(model.actors.count >= 15)
        #expect(model.relations.count >= 25)
        #expect(model.actors.count == 21)
        #expect(model.relations.count == 34)
    }

    @Test func namesKeepDutchSpellingAndDiacritics() throws {
        let names = Dictionary(uniqueKeysWithValues: model.actors.map { ($0.id, $0.name) })
        #expect(names["gemeenteraad"] == "Gemeenteraad Zoetermeer")
        #expect(names["inwoners"] == "Inwoners van Zoetermeer")
        #expect(names["college"] == "College van B&W Zoetermeer")
        #expect(names["yes_delft"] == "Yes!Delft")
        #expect(names["raadsleden"] == "Raads- en commissieleden")
        let dip = try #require(model.actors.first { $0.id == "dip" })
        #expect(dip.attribute("rol") == "speelt een belangrijke rol in het initiëren en faciliteren van projecten (Conclusies 3)")
        #expect(model.actors.first { $0.id == "project_or_b" }?.attribute("toelichting") == "illustratief: een door DIP geïnitieerd project")
        #expect(model.actors.first { $0.id == "red_plume" }?.attribute("rol")?.contains("oktober 2021 – juni 2022") == true)
    }

    @Test func actorTypesFollowTheQuadrupleHelixPalette() {
        let expected: [(String, String, String, String)] = [
            ("government", "#0072B2", "box", "government"), ("industry", "#E69F00", "ellipse", "industry"),
            ("knowledge", "#009E73", "diamond", "knowledge"), ("civil_society", "#CC79A7", "octagon", "civil_society"),
            ("intermediary", "#D55E00", "hexagon", "intermediary"), ("project", "#F0E442", "note", ""),
        ]
        #expect(model.actorTypes.map(\.id) == expected.map(\.0))
        for (type, e) in zip(model.actorTypes, expected) {
            #expect(type.color == e.1 && type.shape == e.2 && type.helix == e.3, "\(type)")
        }
        #expect(Set(model.actorTypes.map(\.shape)).count == model.actorTypes.count, "shapes distinguish types in greyscale")
        #expect(model.relationType("collaborates")?.directed == false)
        #expect(model.relationTypes.filter { $0.id != "collaborates" }.allSatisfy { $0.directed })
    }

    @Test func everyRelationCitesASectionOfTheMemo() {
        let sections = ["Achtergrond", "Rekenkameronderzoek", "Conclusies 1", "Conclusies 2", "Conclusies 3",
                        "Aanbevelingen 1", "Aanbevelingen 2", "voetnoot 1"]
        for r in model.relations {
            let prefix = "Bestuurlijke nota Smart City 2022, "
            #expect(r.source.hasPrefix(prefix) && sections.contains(String(r.source.dropFirst(prefix.count))),
                    "relation \(r.id): '\(r.source)'")
            #expect([1.0, 2.0, 3.0].contains(r.weight), "relation \(r.id) weight \(r.weight)")
            if let reason = r.assumed { #expect(reason.count > 20, "relation \(r.id) gives a reason") }
        }
        let assumed = model.relations.filter(\.isAssumed).count
        #expect(assumed > 0 && assumed < model.relations.count)
    }

    /// The memo's dates (issue 12): each dated actor or tie cites where the date is written;
    /// every tie the memo does not date says so, with the reason.
    @Test func datesAreTheMemosAndCited() {
        #expect(model.observed?.description == "2022-10")
        func actor(_ id: String) -> Actor? { model.actors.first { $0.id == id } }
        #expect(actor("yes_delft")?.since?.description == "2005" && actor("yes_delft")?.attribute("source")?.contains("voetnoot 1") == true)
        #expect(actor("red_plume")?.lifespan == Lifespan(since: PartialDate("2021-10"), until: PartialDate("2022-06")))
        #expect(actor("red_plume")?.attribute("source")?.contains("Rekenkameronderzoek") == true)
        #expect(actor("gemeenteraad")?.attribute("omgevingsvisie")?.contains("21 juni 2021") == true)
        let byID = Dictionary(uniqueKeysWithValues: model.relations.map { ($0.id, $0) })
        #expect(byID["motie_2017"]?.since?.description == "2017-10" && byID["motie_2017"]?.source.hasSuffix("Achtergrond") == true)
        #expect(byID["vragen_2021"]?.since?.description == "2021-08")
        let research = model.relations.filter { $0.from == "red_plume" || $0.to == "red_plume" }
        #expect(research.count == 5 && research.allSatisfy { $0.lifespan == Lifespan(since: PartialDate("2021-10"), until: PartialDate("2022-06")) && $0.source.hasSuffix("Rekenkameronderzoek") })
        let memo = model.relations.filter { $0.since?.description == "2022-10" }
        #expect(memo.map(\.to) == ["college", "gemeenteraad"] && memo.allSatisfy { $0.attribute("dates_source")?.contains("oktober 2022") == true })
        for r in model.relations where r.since == nil && r.until == nil {
            #expect((r.attribute("dates_assumed")?.count ?? 0) > 30, "relation \(r.id) says why it is undated")
        }
        #expect(model.dateProblems.isEmpty)
    }

    @Test func placesAreTheMemosPlaces() {
        #expect(Set(model.actors.map(\.place)).isSubset(of: ["Zoetermeer", "Delft", "Rotterdam", "MRDH-regio", ""]))
    }

    @Test func everyActorIsTied() {
        let tied = Set(model.relations.flatMap { [$0.from, $0.to] })
        #expect(model.actors.filter { !tied.contains($0.id) }.map(\.id) == [])
    }

    @Test func faithfulToTheMemo() {
        // Conclusies 1: many small projects, no overarching programme — no single actor runs them all.
        let projects = Set(model.actors.filter { $0.type == "project" }.map(\.id))
        #expect(projects.count >= 4)
        let owners = Set(model.relations.filter { projects.contains($0.to) && ["initiates", "executes"].contains($0.type) }.map(\.from))
        #expect(owners.count >= 2)
        for owner in owners {
            let owned = Set(model.relations.filter { $0.from == owner && projects.contains($0.to) }.map(\.to))
            #expect(owned != projects, "\(owner) should not coordinate every project")
        }
        #expect(model.relations.filter { $0.from == "college" && projects.contains($0.to) }.isEmpty)
        // Conclusies 3: DIP initiates and facilitates projects.
        #expect(relations("initiates", from: "dip").count >= 2)
        #expect(relations("facilitates", from: "dip").count >= 1)
        // Conclusies 3: start-ups settle in Delft or Rotterdam.
        #expect(relations("settles_in", from: "startups_delft", to: "gemeente_delft").count == 1)
        #expect(relations("settles_in", from: "startups_rotterdam", to: "gemeente_rotterdam").count == 1)
        // Voetnoot 1: MRDH subsidises Yes!Delft to support start-ups in the whole region, Zoetermeer included.
        #expect(relations("funds", from: "mrdh", to: "yes_delft").first?.isAssumed == false)
        #expect(relations("supports", from: "yes_delft", to: "startups_zoetermeer").first?.isAssumed == false)
        // Achtergrond: the 2017 motion asked the executive for a vision and action plan.
        #expect(model.relations.first { $0.id == "motie_2017" }.map { ($0.from, $0.to, $0.type) } ?? ("", "", "")
            == ("gemeenteraad", "college", "requests"))
        // Rekenkameronderzoek: the committee commissioned Red Plume, who surveyed the council members
        // (three responded: a weak tie).
        #expect(relations("commissions", from: "rekenkamercommissie", to: "red_plume").first?.weight == 3)
        #expect(relations("consults", from: "red_plume", to: "raadsleden").first?.weight == 1)
    }

    /// One source of truth: the YAML file, converted in memory to the same schema's JSON form,
    /// loads to an equal model through the JSON path.
    @Test func jsonFormLoadsToTheSameModel() throws {
        let yaml = try String(contentsOf: Self.url, encoding: .utf8)
        let root = try #require(try Yams.compose(yaml: yaml))
        let json = JSONForm.write(root)
        #expect(json.hasPrefix("{\n  \"language\": \"nl\",\n  \"title\": \"Smart City Zoetermeer \\u2014 innovatie-ecosysteem"))
        #expect(!json.unicodeScalars.contains { $0.value > 127 }, "non-ASCII is written as \\u escapes")
        let fromJSON = try ModelLoader.load(yaml: json, file: "Datasets/zoetermeer/model.json")
        #expect(fromJSON == model)
        #expect(fromJSON.actors.first { $0.id == "dip" }?.attribute("rol")?.contains("initiëren") == true)
    }
}

/// Writes a YAML node tree as JSON text, key order kept, non-ASCII as `\uXXXX` escapes (only
/// for the tests: the project keeps one source of truth per dataset).
enum JSONForm {
    static func write(_ node: Node, indent: String = "") -> String {
        let inner = indent + "  "
        switch node {
        case let .mapping(m):
            if m.isEmpty { return "{}" }
            let body = m.map { "\(inner)\(string($0.key.string ?? "")): \(write($0.value, indent: inner))" }
            return "{\n" + body.joined(separator: ",\n") + "\n\(indent)}"
        case let .sequence(s):
            if s.isEmpty { return "[]" }
            return "[\n" + s.map { inner + write($0, indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case let .scalar(s):
            switch node.tag.rawValue {
            case Tag.Name.int.rawValue, Tag.Name.float.rawValue: return s.string
            case Tag.Name.bool.rawValue: return node.bool == true ? "true" : "false"
            case Tag.Name.null.rawValue: return "null"
            default: return string(s.string)
            }
        case .alias:
            return "null"
        }
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value > 0x7E {
                    precondition(u.value <= 0xFFFF, "BMP only")
                    out += "\\u" + String(format: "%04x", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
