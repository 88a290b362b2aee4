"""Writes the interchange fixtures of Tests/Fixtures/formats with the other tools themselves,
and (with --readback) checks that NetworkX reads ecomap's GEXF and GraphML with every attribute.

    python3 make_formats.py              # write the fixtures (networkx, igraph, openpyxl)
    python3 make_formats.py --readback   # read ecomap-out/* back (NetworkX, openpyxl), write readback.json

ecomap-out/ is written by ecomap itself, from the Dutch pair, before --readback:
    ecomap convert dutch ecomap-out/ecomap.gexf --with-measures degree,betweenness   (also .graphml,
    .nodelink.json, .xlsx)

Pinned versions: ../requirements.txt. One graph, "science park", 8 actors, 11 weighted ties, is
written in every format; reference.csv is the same graph as a plain edge list, which the Swift
tests load to compare measures.
"""
import csv, json, sys, os
import networkx as nx

HERE = os.path.dirname(os.path.abspath(__file__))
ACTORS = [  # id, name, type, place
    ("lumc", "LUMC", "knowledge", "Leiden"),
    ("ul", "Universiteit Leiden", "knowledge", "Leiden"),
    ("bsp", "Bio Science Park", "intermediary", "Leiden"),
    ("gem", "Gemeente Leiden", "government", "Leiden"),
    ("pz", "Provincie Zuid-Holland", "government", "Den Haag"),
    ("biotech", "BioTech BV", "industry", "Leiden"),
    ("pharma", "Pharma NV", "industry", "Oegstgeest"),
    ("patients", "Patiëntenvereniging", "civil_society", "Leiden"),
]
TIES = [  # from, to, type, weight
    ("lumc", "ul", "collaborates", 3), ("lumc", "bsp", "collaborates", 1.5), ("ul", "bsp", "collaborates", 2),
    ("gem", "bsp", "funds", 2.5), ("pz", "bsp", "funds", 1), ("pz", "gem", "collaborates", 1),
    ("bsp", "biotech", "supports", 2), ("bsp", "pharma", "supports", 0.5), ("biotech", "lumc", "collaborates", 1),
    ("pharma", "ul", "collaborates", 1), ("patients", "lumc", "collaborates", 0.5),
]


def label_of(actor_id):
    return {a[0]: a[1] for a in ACTORS}[actor_id]


def graph():
    g = nx.Graph(name="sciencepark")
    for i, name, t, place in ACTORS:
        g.add_node(i, label=name, type=t, place=place)
    for a, b, t, w in TIES:
        g.add_edge(a, b, relation=t, weight=float(w))
    return g


def write():
    g = graph()
    nx.write_gexf(g, os.path.join(HERE, "networkx.gexf"))
    nx.write_graphml(g, os.path.join(HERE, "networkx.graphml"))
    with open(os.path.join(HERE, "networkx-nodelink.json"), "w") as f:
        json.dump(nx.node_link_data(g, edges="links"), f, indent=1, ensure_ascii=False)
    import igraph as ig
    h = ig.Graph()
    h.add_vertices(len(ACTORS))
    h.vs["name"] = [a[0] for a in ACTORS]
    h.vs["label"] = [a[1] for a in ACTORS]
    h.vs["type"] = [a[2] for a in ACTORS]
    index = {a[0]: k for k, a in enumerate(ACTORS)}
    h.add_edges([(index[a], index[b]) for a, b, _, _ in TIES])
    h.es["relation"] = [t for _, _, t, _ in TIES]
    h.es["weight"] = [float(w) for _, _, _, w in TIES]
    h.write_graphml(os.path.join(HERE, "igraph.graphml"))
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Actors"
    ws.append(["Id", "Name", "Type", "Place"])
    for a in ACTORS:
        ws.append(list(a))
    ws = wb.create_sheet("Relations")
    ws.append(["From", "To", "Type", "Weight", "Note"])
    for a, b, t, w in TIES:
        ws.append([a, b, t, w, "from the 2024 survey"])
    wb.save(os.path.join(HERE, "openpyxl.xlsx"))
    # A zip bomb dressed as a workbook: one part of 64 MiB of spaces, deflated to ~64 KB.
    import zipfile
    with zipfile.ZipFile(os.path.join(HERE, "bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet>" + " " * (64 << 20) + "</worksheet>")
    # Kumu's spreadsheet layout (docs.kumu.io/guides/import/excel): Elements and Connections
    # sheets, elements named by Label, connections From/To by label.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Elements"
    ws.append(["Label", "Type", "Description", "Tags"])
    for _, n, t, p in ACTORS:
        ws.append([n, t, "based in " + p, "%s|%s" % (t, p)])
    ws = wb.create_sheet("Connections")
    ws.append(["From", "To", "Connection Type", "Direction", "Strength"])
    for a, b, t, w in TIES:
        ws.append([label_of(a), label_of(b), t, "undirected", w])
    wb.save(os.path.join(HERE, "kumu-spreadsheet.xlsx"))
    # Kumu blueprint, following docs.kumu.io/guides/import/blueprints: from/to by label.
    label = {a[0]: a[1] for a in ACTORS}
    kumu = {"elements": [{"label": n, "type": t, "description": f"based in {p}", "tags": [t, p]} for _, n, t, p in ACTORS],
            "connections": [{"from": label[a], "to": label[b], "type": t, "direction": "undirected", "strength": w} for a, b, t, w in TIES]}
    with open(os.path.join(HERE, "kumu-blueprint.json"), "w") as f:
        json.dump(kumu, f, indent=1, ensure_ascii=False)
    # Dutch Excel: ';' separator, decimal comma, UTF-8 BOM, CRLF line ends.
    with open(os.path.join(HERE, "dutch", "actors.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(["Naam", "Soort", "Plaats"])
        for i, n, t, p in ACTORS:
            w.writerow([i, t, p])
    with open(os.path.join(HERE, "dutch", "relations.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(["Van", "Naar", "Type", "Gewicht", "Bron", "Aanname", "Zekerheid", "Opmerking"])
        for k, (a, b, t, wt) in enumerate(TIES):
            assumed = "genoemd in het jaarverslag, niet bevestigd" if k % 4 == 3 else ""
            confidence = "0,75" if assumed else ""
            w.writerow([a, b, t, str(wt).replace(".", ","), "Jaarverslag BSP 2024; p. %d" % (k + 1), assumed, confidence, "enquête 2024"])
    with open(os.path.join(HERE, "reference.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "weight"])
        for a, b, _, wt in TIES:
            w.writerow([a, b, wt])


def readback():
    """What NetworkX sees in ecomap's GEXF and GraphML: every node and edge attribute."""
    out = {"networkx": nx.__version__}
    for name, reader in [("ecomap.gexf", nx.read_gexf), ("ecomap.graphml", nx.read_graphml)]:
        g = reader(os.path.join(HERE, "ecomap-out", name))
        out[name] = {
            "directed": g.is_directed(),
            "nodes": {str(n): {k: v for k, v in sorted(d.items())} for n, d in sorted(g.nodes(data=True))},
            "edges": sorted([[str(a), str(b), {k: v for k, v in sorted(d.items())}] for a, b, d in g.edges(data=True)], key=lambda e: (e[0], e[1])),
        }
    g = nx.node_link_graph(json.load(open(os.path.join(HERE, "ecomap-out", "ecomap.nodelink.json"))), edges="edges")
    out["ecomap.nodelink.json"] = {
        "directed": g.is_directed(),
        "nodes": {str(n): {k: v for k, v in sorted(d.items())} for n, d in sorted(g.nodes(data=True))},
        "edges": sorted([[str(a), str(b), {k: v for k, v in sorted(d.items())}] for a, b, d in g.edges(data=True)], key=lambda e: (e[0], e[1])),
    }
    import openpyxl
    wb = openpyxl.load_workbook(os.path.join(HERE, "ecomap-out", "ecomap.xlsx"))
    out["ecomap.xlsx"] = {"openpyxl": openpyxl.__version__,
                          "sheets": {ws.title: [[c if c is not None else "" for c in row] for row in ws.iter_rows(values_only=True)] for ws in wb.worksheets}}
    with open(os.path.join(HERE, "readback.json"), "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False, sort_keys=True, default=str)


if __name__ == "__main__":
    os.makedirs(os.path.join(HERE, "dutch"), exist_ok=True)
    readback() if "--readback" in sys.argv else write()
