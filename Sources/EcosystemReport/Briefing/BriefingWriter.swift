import Ecosystem
import EcosystemAnalysis

/// The words of a ``Briefing``: one or two plain sentences per item, naming actors by name and
/// each measure in words first with its technical term in brackets ("lie on the most shortest
/// paths (betweenness)"), and the kind of finding it rests on (the value `ecomap gaps --kind`
/// takes to show the details). Plain text for the terminal, Markdown, and an HTML fragment for
/// the top of the report.
public enum BriefingWriter {
    /// The heading of the briefing.
    public static let title = "Where to start"

    /// Each item's sentence and the kinds of the findings behind it, in briefing order.
    /// - Parameters:
    ///   - briefing: the items.
    ///   - report: the gap report they come from (names, rules, objective).
    /// - Returns: `(text, kinds)` per item; `kinds` are ``FindingKind`` raw values.
    /// - Complexity: `O(f · a)` over the items' findings and their actors.
    public static func sentences(_ briefing: Briefing, report: GapReport) -> [(text: String, kinds: [String])] {
        briefing.items.map { item in
            var kinds: [String] = []
            for f in item.findings where !kinds.contains(f.kind.rawValue) { kinds.append(f.kind.rawValue) }
            let text = sentence(item, report)
            return (text.prefix(1).uppercased() + text.dropFirst(), kinds)
        }
    }

    /// The briefing as wrapped plain text: the title, then numbered items, each ending with its
    /// kinds in square brackets; every line at most `width` characters.
    /// - Parameters:
    ///   - briefing: the items.
    ///   - report: the gap report.
    ///   - width: the terminal width.
    /// - Returns: the lines joined by `\n` with a final newline; empty for no items.
    public static func text(_ briefing: Briefing, report: GapReport, width: Int) -> String {
        let items = sentences(briefing, report: report)
        guard !items.isEmpty else { return "" }
        var lines = ["\(title):"]
        for (i, item) in items.enumerated() {
            lines += PlainText.wrap(item.text + " [\(item.kinds.joined(separator: ", "))]", width: width, first: "\(i + 1). ")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The briefing as Markdown: a heading of `headingLevel` and a numbered list, each item
    /// ending with its kinds in italics. Empty for no items.
    public static func markdown(_ briefing: Briefing, report: GapReport, headingLevel: Int = 2) -> String {
        let items = sentences(briefing, report: report)
        guard !items.isEmpty else { return "" }
        var m = String(repeating: "#", count: min(max(headingLevel, 1), 6)) + " \(title)\n\n"
        for (i, item) in items.enumerated() {
            m += "\(i + 1). \(Markup.escapeMarkdown(item.text)) *(\(Markup.escapeMarkdown(item.kinds.joined(separator: ", "))))*\n"
        }
        return m + "\n"
    }

    /// The briefing as an HTML fragment, `<section id="briefing" class="briefing">` with a
    /// heading and an ordered list; each `<li>` has `data-findings` (the keys of its findings,
    /// ``key(_:)``, space-separated) and ends with its kinds. User text escaped. Empty for no
    /// items.
    public static func html(_ briefing: Briefing, report: GapReport, headingLevel: Int = 2) -> String {
        let items = sentences(briefing, report: report)
        guard !items.isEmpty else { return "" }
        let level = min(max(headingLevel, 1), 6)
        var h = "<section id=\"briefing\" class=\"briefing\">\n<h\(level)>\(title)</h\(level)>\n<ol>\n"
        for (item, words) in zip(briefing.items, items) {
            let keys = item.keys.map(key(_:)).joined(separator: " ")
            h += "<li data-findings=\"\(Markup.escapeHTML(keys))\">\(Markup.escapeHTML(words.text)) "
                + "<span class=\"finding-kind\">(\(Markup.escapeHTML(words.kinds.joined(separator: ", "))))</span></li>\n"
        }
        return h + "</ol>\n</section>\n"
    }

    /// A finding key as one token: `kind/check[/rule][:subject,…]` (subject: actor ids, then
    /// relation ids, then groups with `_` for spaces).
    /// - Parameter key: the key.
    /// - Returns: the token (no spaces).
    public static func key(_ key: FindingKey) -> String {
        var s = key.kind.rawValue + "/" + key.check + (key.rule.map { "/" + $0 } ?? "")
        let subject = key.actors + key.relations + key.groups.map { $0.replacingOccurrences(of: " ", with: "_") }
        if !subject.isEmpty { s += ":" + subject.joined(separator: ",") }
        return s
    }

    // MARK: - Sentences

    static func sentence(_ item: Briefing.Item, _ report: GapReport) -> String {
        func names(_ ids: [String], limit: Int = 4) -> String { nameList(ids.map(report.name), limit: limit) }
        func number(_ x: Double) -> String { NumberFormat.decimals(x, 2) }
        let f = item.findings
        switch item.topic {
        case .holdsTogether:
            let removals = f.filter { $0.kind == .singlePointOfFailure }
            let brokers = f.filter { $0.key.check == "broker" }
            var s = ""
            if !removals.isEmpty {
                let values = removals.map { finding in
                    NumberFormat.signed(report.removal.first { $0.actor == finding.actors.first }?.distanceWeightedFragmentationChange ?? .nan)
                }
                s = "Talk first to \(names(removals.compactMap(\.actors.first))): \(removals.count == 1 ? "it holds" : "they hold") the network together "
                    + "(removing \(removals.count == 1 ? "it" : "either") lengthens paths most: distance-weighted fragmentation \(values.joined(separator: ", ")))."
            }
            let central = removals.isEmpty ? Array(brokers.prefix(2)) : []
            if !central.isEmpty {
                let values = central.map { number(Briefing.value("betweenness", $0)) }
                s = "Talk first to \(names(central.compactMap(\.actors.first))): \(central.count == 1 ? "it holds" : "they hold") the network together "
                    + "(\(central.count == 1 ? "it lies" : "they lie") on the most shortest paths: betweenness \(values.joined(separator: ", ")))."
            }
            if let widest = brokers.dropFirst(central.count).first, let actor = widest.actors.first {
                s += " \(report.name(actor)) links most unlinked contacts "
                    + "(effective size \(number(Briefing.value("effective_size", widest))))."
            }
            return s
        case .singlePointOfFailure:
            return f.map { cut in
                let ap = cut.actors.first.map(report.name) ?? ""
                let off = Array(cut.actors.dropFirst())
                return "\(ap) is a single point of failure (articulation point): without it, \(names(off)) \(off.count == 1 ? "is" : "are") cut off."
            }.joined(separator: " ")
        case .cutOffGroups:
            var parts: [String] = []
            for g in f {
                switch g.key.check {
                case "split":
                    parts.append("The network falls apart: \(names(g.actors)) cannot reach the largest part (\(Int(Briefing.value("components", g))) components).")
                case "isolate":
                    parts.append("\(names(g.actors)) has no tie at all (isolate).")
                default:
                    let grouping = ActorGrouping(rawValue: Briefing.grouping(of: g) ?? "type") ?? .type
                    let ranked = Briefing.mostCutOff(g)
                    let pairs = max(1, g.members.count)
                    guard let worst = ranked.first else { continue }
                    var s = "\(label(worst.group, grouping, report)) has no direct tie to "
                        + EnglishList.joined(worst.from.prefix(4).map { label($0, grouping, report) }, more: max(0, worst.from.count - 4))
                    if pairs > worst.from.count {
                        s += " (structural holes: \(pairs) pairs of \(plural(grouping)) have no tie)."
                    } else {
                        s += " (structural hole\(pairs == 1 ? "" : "s"))."
                    }
                    parts.append(s)
                }
            }
            return parts.joined(separator: " ")
        case .expectations:
            let rules = f.map { v -> String in
                let rule = report.rules.expectedTies.first { $0.id == v.rule }
                let what = rule.map { $0.description.isEmpty ? $0.id : $0.description } ?? (v.rule ?? "")
                switch v.key.check {
                case "coordinator":
                    let best = Int(Briefing.value("most_subjects_tied_to_one_partner", v))
                    let all = Int(Briefing.value("subjects", v))
                    return "\"\(what)\" (none reaches more than \(best) of \(all))"
                case "groups_connected":
                    let share = Briefing.failingShare(v, in: report)
                    return "\"\(what)\" (\(share.failing) of \(share.of) pairs)"
                default:
                    let actors = (v.members.isEmpty ? [v] : v.members).compactMap(\.actors.first)
                    let share = Briefing.failingShare(v, in: report)
                    return "\"\(what)\" (\(names(actors, limit: 3)): \(share.failing) of \(share.of))"
                }
            }
            return "Expectations that fail (rules file): " + rules.joined(separator: "; ") + "."
        case .ties:
            let list = tieList(f.map { ($0.actors.first ?? "", $0.actors.last ?? "") }, report)
                + ((report.portfolio?.ties.count ?? 0) > f.count ? " and \((report.portfolio?.ties.count ?? 0) - f.count) more" : "")
            guard let p = report.portfolio else { return "New ties that help most (tie portfolio): \(list)." }
            let percent = p.relativeChange.isFinite ? ", \(p.relativeChange < 0 ? "−" : "+")\(NumberFormat.decimals(abs(p.relativeChange) * 100, 1))%" : ""
            let effect = "\(objective(report)) \(NumberFormat.decimals(p.baseValue, 3)) → \(NumberFormat.decimals(p.value, 3)) \(p.ties.count == 1 ? "with it" : "with all \(p.ties.count)")\(percent)"
            return (p.ties.count == 1 ? "The new tie that helps most (tie portfolio): " : "The \(p.ties.count) new ties that help most together (tie portfolio): ")
                + "\(list) (\(effect))"
                + (p.isTiny ? "; a small gain: the network's shape does not hinge on a new tie." : ".")
        }
    }

    /// Names as an English list, each name in full (a reader must recognise every actor), at
    /// most `limit` then "and k more".
    static func nameList(_ names: [String], limit: Int = 4) -> String {
        EnglishList.joined(Array(names.prefix(limit)), more: max(0, names.count - limit))
    }

    /// Ties as "A – B and C", ties that share an end said once.
    static func tieList(_ ties: [(String, String)], _ report: GapReport) -> String {
        var groups: [(end: String, others: [String])] = []
        for (u, v) in ties {
            if let i = groups.firstIndex(where: { $0.end == u }) { groups[i].others.append(v) }
            else if let i = groups.firstIndex(where: { $0.end == v }) { groups[i].others.append(u) }
            else {
                let shared = ties.filter { $0.0 == v || $0.1 == v }.count > 1
                groups.append(shared ? (v, [u]) : (u, [v]))
            }
        }
        return groups.map { "\(report.name($0.end)) – \(nameList($0.others.map(report.name)))" }.joined(separator: "; ")
    }

    /// The objective of the recommended ties in words, with its term in brackets.
    static func objective(_ report: GapReport) -> String {
        switch report.options.objective {
        case .globalEfficiency: return "global efficiency"
        case .fragmentation: return "fragmentation"
        case .components: return "components"
        case .weakestGroup: return "reach of the least-connected type"
        case let .constraint(actor): return "constraint of \(report.name(actor))"
        }
    }

    static func label(_ group: String, _ grouping: ActorGrouping, _ report: GapReport) -> String {
        let value = group.hasPrefix(grouping.rawValue + " ") ? String(group.dropFirst(grouping.rawValue.count + 1)) : group
        return grouping.attribute.label(of: value, in: report.model)
    }

    static func plural(_ grouping: ActorGrouping) -> String {
        switch grouping {
        case .type: return "actor types"
        case .place: return "places"
        case .helix: return "helix spheres"
        }
    }
}
