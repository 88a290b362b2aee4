import Foundation
import Testing
@testable import Ecosystem

/// Dates in the model (issue 12): partial dates and their semantics, located errors in every
/// form, round trips through every format, GEXF's start/end and spells, snapshots.
@Suite("Dates")
struct DatesTests {
    static let dated = """
    name: dated
    observed: 2022-10
    actor_types:
      - {id: org, label: Org, color: "#0072B2", shape: box}
    relation_types:
      - {id: tie, label: tie, color: "#000000", style: solid, directed: false}
    actors:
      - {id: a, name: A, type: org}
      - {id: b, name: B, type: org, since: 2005}
      - {id: c, name: C, type: org, since: 2010-03, until: 2016}
      - {id: d, name: D, type: org, since: "2021-06-21"}
    relations:
      - {id: ab, from: a, to: b, type: tie, since: 2005-06}
      - {id: ac, from: a, to: c, type: tie}
      - {id: bc, from: b, to: c, type: tie, since: 2012, until: 2014-05}
      - {id: bd, from: b, to: d, type: tie, since: 2021-10, until: 2022-06}
      - {id: ad, from: a, to: d, type: tie}
    """

    static func scratch(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        return dir
    }

    func issues(_ body: () throws -> Void) -> [ModelIssue] {
        do { try body(); Issue.record("expected errors"); return [] } catch let e as ModelError { return e.issues } catch { Issue.record("\(error)"); return [] }
    }

    // MARK: - Partial dates

    @Test func partialDatesParseAndMeanPeriods() throws {
        let y = try #require(PartialDate("2017"))
        #expect(y.precision == .year && y.description == "2017")
        #expect(y.firstDate.description == "2017-01-01" && y.lastDate.description == "2017-12-31")
        // 1970-01-01 is day 0; 2017-01-01 is day 17167 (Python: date(2017,1,1) - date(1970,1,1)).
        #expect(PartialDate("1970-01-01")!.firstDay == 0 && y.firstDay == 17167 && y.lastDay == 17531)
        #expect(PartialDate("2020-02")!.lastDate.description == "2020-02-29")   // leap year
        #expect(PartialDate("1900-02")!.lastDate.description == "1900-02-28")   // not a leap year
        #expect(PartialDate("2000-02")!.lastDate.description == "2000-02-29")   // divisible by 400
        #expect(PartialDate(" 2017-10-05 ")!.precision == .day)
        #expect(PartialDate("2017-10-05T12:00:00")!.description == "2017-10-05")
        #expect(PartialDate("2005.0")!.description == "2005")
        for bad in ["17", "2017-13", "2017-02-30", "2017/10", "2017-1", "", "x", "2017-10-05-01", "0000", "２０１７"] {
            #expect(PartialDate(bad) == nil, "\(bad)")
        }
        #expect(PartialDate("2017")! < PartialDate("2017-01-05")! && PartialDate("2017-01-05")! < PartialDate("2017-02")!)
        #expect(PartialDate("2017") != PartialDate("2017-01"))
        #expect(PartialDate("2020-01-31")!.adding(1, .month)!.description == "2020-02-29")
        #expect(PartialDate("2016-02-29")!.adding(1, .year)!.description == "2017-02-28")
        #expect(PartialDate("2021-12")!.adding(6, .month)!.description == "2022-06")
        #expect(PartialDate("2021-12-31")!.adding(1, .day)!.description == "2022-01-01")
        // Round trip of every day number of 2000–2030 through the civil date.
        for n in PartialDate("2000-01-01")!.firstDay...PartialDate("2030-12-31")!.firstDay {
            let (yy, mm, dd) = PartialDate.civil(fromDayNumber: n)
            #expect(PartialDate.dayNumber(yy, mm, dd) == n)
        }
    }

    @Test func lifespanOverlapAndProblems() {
        let life = Lifespan(since: PartialDate("2017"), until: PartialDate("2017"))
        #expect(life.problem == nil)   // the year 2017
        #expect(life.overlaps(PartialDate("2017-12-31")!) && !life.overlaps(PartialDate("2018-01-01")!) && !life.overlaps(PartialDate("2016")!))
        #expect(Lifespan(since: PartialDate("2018"), until: PartialDate("2017-12")).problem == "'until: 2017-12' is before 'since: 2018'")
        #expect(Lifespan().overlaps(PartialDate("1900")!))
        let tie = Lifespan(since: PartialDate("2003"))
        #expect(tie.outside(Lifespan(since: PartialDate("2005")), actorID: "x") == "'since: 2003' is outside the life of actor 'x' (since 2005)")
        #expect(Lifespan(since: PartialDate("2005-06")).outside(Lifespan(since: PartialDate("2005")), actorID: "x") == nil)
    }

    // MARK: - The model file

    @Test func modelFileCarriesDates() throws {
        let m = try ModelLoader.load(yaml: Self.dated, file: "dated.yaml")
        #expect(m.observed?.description == "2022-10")
        #expect(m.actors.map { $0.since?.description ?? "-" } == ["-", "2005", "2010-03", "2021-06-21"])
        #expect(m.actors[2].until?.description == "2016")
        #expect(m.relations[2].lifespan == Lifespan(since: PartialDate("2012"), until: PartialDate("2014-05")))
        #expect(m.isDated)
        #expect(m.dateRange.map { "\($0.first)…\($0.last)" } == "2005…2022-10")
    }

    @Test func modelFileDateErrorsAreLocated() {
        let text = """
        actor_types: [{id: org}]
        relation_types: [{id: tie, directed: false}]
        observed: last year
        actors:
          - {id: a, type: org, since: 2017-13}
          - {id: b, type: org, since: 2010, until: 2008}
          - {id: c, type: org, since: 2005}
        relations:
          - {id: r1, from: a, to: c, type: tie, until: soon}
          - {id: r2, from: b, to: c, type: tie, since: 2003}
        """
        let found = issues { _ = try ModelLoader.load(yaml: text, file: "bad.yaml") }
        let shown = found.map { "\($0.line):\($0.column) \($0.id ?? "-") \($0.message)" }
        // Every problem at once, each at the date at fault.
        #expect(shown == [
            "3:11 - the model has 'observed: last year', which is not a date",
            "5:31 a actor 'a' has 'since: 2017-13', which is not a date",
            "6:44 b actor 'b': 'until: 2008' is before 'since: 2010'",
            "9:48 r1 relation 'r1' has 'until: soon', which is not a date",
            "10:48 r2 relation 'r2': 'since: 2003' is outside the life of actor 'b' (since 2010, until 2008)",
        ], "\(shown)")
        #expect(found.filter { $0.message.hasSuffix("not a date") }.allSatisfy { $0.valid == PartialDate.rule })
        #expect(found[2].valid?.contains("on or after since") == true)
        // With the unparseable dates fixed, the contradictions remain.
        let fixed = text.replacingOccurrences(of: "last year", with: "2022").replacingOccurrences(of: "2017-13", with: "2017")
            .replacingOccurrences(of: "until: soon", with: "until: 2020")
        let more = issues { _ = try ModelLoader.load(yaml: fixed, file: "bad.yaml") }
        #expect(more.map { "\($0.line):\($0.column) \($0.id ?? "-")" } == ["6:44 b", "10:48 r2"])
    }

    // MARK: - The spreadsheet form

    @Test func spreadsheetDatesAndLocatedErrors() throws {
        let dir = try Self.scratch([
            "actors.csv": "id,name,since,until\na,A,2005,\nb,B,2010-03,2016\n",
            "relations.csv": "from,to,since,until\na,b,2011,2012-02-30\na,b,2001,\n",
            "types.csv": "for,id,label,observed\nmodel,m,M,2022-10\n",
        ])
        let found = issues { _ = try ModelFormats.load(dir.path) }
        let rel = dir.appendingPathComponent("relations.csv").path
        #expect(found.map { "\($0.file):\($0.line):\($0.column) \($0.message)" } == [
            "\(rel):2:10 relation 'r1' has until '2012-02-30', which is not a date",
        ])
        try Data("from,to,since,until\na,b,2011,2012-02\na,b,2001,\n".utf8).write(to: dir.appendingPathComponent("relations.csv"))
        let outside = issues { _ = try ModelFormats.load(dir.path) }
        #expect(outside.map { "\($0.line):\($0.column) \($0.id ?? "") \($0.message)" } == [
            "3:5 r2 relation 'r2': 'since: 2001' is outside the life of actor 'a' (since 2005)",
        ])
        try Data("from,to,since,until\na,b,2011,2012-02\n".utf8).write(to: dir.appendingPathComponent("relations.csv"))
        let m = try ModelFormats.load(dir.path).model
        #expect(m.observed?.description == "2022-10" && m.actors[1].until?.description == "2016")
        #expect(m.relations[0].since?.description == "2011" && m.relations[0].attributes.isEmpty)
    }

    // MARK: - Round trips

    @Test(arguments: [ModelFormat.yaml, .json, .csv, .xlsx, .graphml, .nodelink, .gexf, .kumu])
    func everyFormatCarriesTheDates(_ format: ModelFormat) throws {
        let m = try ModelLoader.load(yaml: Self.dated, file: "dated.yaml")
        let dir = try Self.scratch([:])
        let ext = ["yaml": "yaml", "json": "json", "csv": "csv", "xlsx": "xlsx", "graphml": "graphml", "nodelink": "nodelink.json",
                   "gexf": "gexf", "kumu": "kumu.json"][format.rawValue]!
        let path = dir.appendingPathComponent("dated.\(ext)").path
        let written = try ModelFormats.write(m, as: format, to: path)
        for o in written.outputs { try o.data.write(to: URL(fileURLWithPath: o.path)) }
        let back = try ModelFormats.load(format == .csv ? written.outputs[1].path : path).model
        #expect(back.actors.map(\.lifespan) == m.actors.map(\.lifespan))
        #expect(back.relations.map(\.lifespan) == m.relations.map(\.lifespan))
        if [.gexf, .kumu].contains(format) {
            #expect(back.observed == nil && written.dropped.contains { $0.contains("observed") })
        } else {
            #expect(back.observed == m.observed)
        }
        if format == .gexf {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            #expect(text.contains("mode=\"dynamic\" timeformat=\"date\""))
            #expect(text.contains("<node id=\"c\" label=\"C\" start=\"2010-03-01\" end=\"2016-12-31\">"))
            #expect(text.contains("id=\"bc\" source=\"b\" target=\"c\" weight=\"1\" start=\"2012-01-01\" end=\"2014-05-31\""))
        }
    }

    @Test func undatedModelsWriteAsBefore() throws {
        var m = try ModelLoader.load(yaml: Self.dated, file: "dated.yaml")
        m.observed = nil
        for k in m.actors.indices { m.actors[k].since = nil; m.actors[k].until = nil }
        for k in m.relations.indices { m.relations[k].since = nil; m.relations[k].until = nil }
        let t = ModelWriter.tables(m)
        #expect(t.actors[0] == ["id", "name", "type", "place"] && t.relations[0].count == 8 && t.types[0].count == 9)
        let gexf = String(decoding: GEXF.write(FlatGraph(m)), as: UTF8.self)
        #expect(gexf.contains("mode=\"static\"") && !gexf.contains("since"))
    }

    /// A dynamic GEXF as Gephi writes it: `start`/`end` on nodes, `<spells>` on edges,
    /// integer and date time formats.
    @Test func gexfStartEndAndSpellsFromOtherTools() throws {
        let gexf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
          <graph mode="dynamic" defaultedgetype="undirected" timeformat="date">
            <nodes>
              <node id="x" label="X" start="2005-01-01"/>
              <node id="y" label="Y" start="2008-03-01" end="2019-12-31"/>
              <node id="z" label="Z"><spells><spell start="2010-01-01" end="2012-12-31"/><spell start="2015-01-01"/></spells></node>
            </nodes>
            <edges>
              <edge id="e1" source="x" target="y"><spells><spell start="2009-01-01" end="2010-06-30"/></spells></edge>
              <edge id="e2" source="x" target="z" start="2011"/>
              <edge id="e3" source="y" target="z" start="2001-01-01"/>
            </edges>
          </graph>
        </gexf>
        """
        let dir = try Self.scratch(["dyn.gexf": gexf])
        let path = dir.appendingPathComponent("dyn.gexf").path
        let found = issues { _ = try ModelFormats.load(path) }
        #expect(found.map { "\($0.line):\($0.column) \($0.id ?? "") \($0.message)" } == [
            "12:61 e3 relation 'e3': 'since: 2001-01-01' is outside the life of actor 'y' (since 2008-03-01, until 2019-12-31)",
        ], "\(found)")
        try Data(gexf.replacingOccurrences(of: "start=\"2001-01-01\"", with: "").utf8).write(to: URL(fileURLWithPath: path))
        let m = try ModelFormats.load(path).model
        #expect(m.actors.map { "\($0.since?.description ?? "-")/\($0.until?.description ?? "-")" } == ["2005-01-01/-", "2008-03-01/2019-12-31", "2010-01-01/-"])
        #expect(m.actors[2].attribute("gexf_spells") == "2010-01-01/2012-12-31;2015-01-01/")
        #expect(m.relations.map { "\($0.since?.description ?? "-")/\($0.until?.description ?? "-")" } == ["2009-01-01/2010-06-30", "2011/-", "-/-"])
    }

    // MARK: - Snapshots

    /// Hand-checked snapshots of ``dated``: who is there in each period.
    @Test func snapshotsKnownByHand() throws {
        let m = try ModelLoader.load(yaml: Self.dated, file: "dated.yaml")
        func at(_ d: String) -> String {
            let s = m.snapshot(at: PartialDate(d)!)
            return s.actors.map(\.id).joined() + " " + s.relations.map(\.id).joined(separator: ",")
        }
        #expect(at("2004") == "a ")
        #expect(at("2005") == "ab ab")            // b founded 2005, tie ab since 2005-06
        #expect(at("2005-05") == "ab ")           // before the tie began
        #expect(at("2010") == "abc ab,ac")
        #expect(at("2013") == "abc ab,ac,bc")
        #expect(at("2016-12-31") == "abc ab,ac")  // bc ended 2014-05; c's last day
        #expect(at("2017") == "ab ab")
        #expect(at("2021") == "abd ab,bd,ad")     // d since 2021-06-21, bd since 2021-10
        #expect(at("2021-06-20") == "ab ab")
        #expect(at("2022-07") == "abd ab,ad")     // bd ended 2022-06
        // The snapshot is the model rebuilt from a file holding only those lines.
        let rebuilt = try ModelLoader.load(yaml: Self.dated.split(separator: "\n").filter { !$0.contains("id: c,") && !$0.contains("to: c,") && !$0.contains("id: bd,") }
            .joined(separator: "\n"), file: "dated.yaml")
        #expect(m.snapshot(at: PartialDate("2022-07")!) == rebuilt)
    }
}
