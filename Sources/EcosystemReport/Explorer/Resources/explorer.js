// ecomap explorer: pan, zoom, search, neighbourhoods, filters, details and overlays on the
// Graphviz SVG that `ecomap explore` puts in this page. No framework, no network: the data
// is the JSON block #ecomap-data, the map the inline <svg>. Read top to bottom: data and
// indexes, the view (pan and zoom), what is shown (filters, focus), the panel, overlays,
// then the controls' wiring.
(function () {
  "use strict";
  const scriptStart = performance.now();

  const data = JSON.parse(document.getElementById("ecomap-data").textContent);
  const svg = document.querySelector("#canvas > svg");
  const graph = svg.querySelector("g.graph");
  const $ = (id) => document.getElementById(id);
  const SVGNS = "http://www.w3.org/2000/svg";

  // ---- Data and indexes ---------------------------------------------------------------

  const actors = data.actors;
  const relations = data.relations;
  const actorById = new Map(actors.map((a) => [a.id, a]));
  const relationById = new Map(relations.map((r) => [r.id, r]));
  const typeLabel = new Map(data.actorTypes.map((t) => [t.id, t.label]));
  const relationLabel = new Map(data.relationTypes.map((t) => [t.id, t.label]));
  const directed = new Map(data.relationTypes.map((t) => [t.id, t.directed]));
  const row = new Map(data.measureIds.map((id, i) => [id, i]));
  const measureByName = new Map(data.measures.map((m) => [m.name, m]));

  actors.forEach((a) => { a.node = document.getElementById(a.el); a.ties = []; });
  relations.forEach((r) => {
    r.edge = document.getElementById(r.el);
    const from = actorById.get(r.from), to = actorById.get(r.to);
    if (from) from.ties.push(r);
    if (to && to !== from) to.ties.push(r);
  });

  const findingsOf = new Map();
  (data.findings || []).forEach((f) => {
    f.actors.map((id) => "a:" + id).concat(f.relations.map((id) => "r:" + id)).forEach((key) => {
      if (!findingsOf.has(key)) findingsOf.set(key, []);
      if (!findingsOf.get(key).includes(f)) findingsOf.get(key).push(f);
    });
  });

  // Dates: the first four digits of `since` / `until` attributes, read as a year.
  const year = (text) => {
    const m = /^\s*(-?\d{4})/.exec(text || "");
    return m ? parseInt(m[1], 10) : null;
  };
  actors.forEach((a) => { a.sinceYear = year(a.since); a.untilYear = year(a.until); });
  const years = actors.flatMap((a) => [a.sinceYear, a.untilYear]).filter((y) => y !== null);
  const dated = years.length > 0;

  // ---- State --------------------------------------------------------------------------

  const state = {
    hidden: { type: new Set(), place: new Set(), helix: new Set(), relation: new Set() },
    date: null,          // a year, or null for every date
    focus: null,         // actor id whose neighbourhood is shown
    radius: 1,
    selected: null,      // { kind: "actor" | "relation", id }
    matches: new Set(),  // actor ids matching the search text
  };

  // ---- The view: pan and zoom by the SVG's viewBox --------------------------------------

  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", "Network map of " + data.title);
  const start = svg.viewBox.baseVal;
  const home = { x: start.x, y: start.y, w: start.width, h: start.height };
  let view = Object.assign({}, home);
  const graphMatrix = graph.transform.baseVal.consolidate();
  const gm = graphMatrix ? graphMatrix.matrix : { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };

  const canvas = $("canvas");
  let shown = null;       // the view a gesture shows by a CSS transform, until it is committed
  let commitTimer = 0;
  const current = () => shown || view;

  function setView(v) {
    shown = null;
    clearTimeout(commitTimer);
    svg.style.transform = "";
    view = v;
    svg.setAttribute("viewBox", [v.x, v.y, v.w, v.h].map((n) => n.toFixed(2)).join(" "));
  }

  // During a drag, a wheel or a pinch the drawing is moved by a CSS transform (the compositor
  // moves the picture, fast even with thousands of elements); the viewBox follows when the
  // gesture pauses, and the map is drawn sharp again. The transform maps the drawn view onto
  // `v`, both letterboxed as preserveAspectRatio="xMidYMid meet" does.
  function preview(v) {
    const W = canvas.clientWidth, H = canvas.clientHeight;
    const s = Math.min(W / view.w, H / view.h), s2 = Math.min(W / v.w, H / v.h), k = s2 / s;
    const ox = (W - s * view.w) / 2, oy = (H - s * view.h) / 2;
    svg.style.transformOrigin = "0 0";
    svg.style.transform = "translate(" + (ox * (1 - k) + s2 * (view.x - v.x)).toFixed(2) + "px, " +
      (oy * (1 - k) + s2 * (view.y - v.y)).toFixed(2) + "px) scale(" + k.toFixed(5) + ")";
    shown = v;
    clearTimeout(commitTimer);
    commitTimer = setTimeout(commit, 250);
  }
  function commit() { if (shown) setView(shown); }

  // A point of the page (client pixels) in viewBox units of the view shown.
  function toMap(clientX, clientY) {
    const v = current(), r = canvas.getBoundingClientRect();
    const W = canvas.clientWidth, H = canvas.clientHeight, s = Math.min(W / v.w, H / v.h);
    return { x: v.x + (clientX - r.left - (W - s * v.w) / 2) / s, y: v.y + (clientY - r.top - (H - s * v.h) / 2) / s };
  }

  function zoomed(factor, centre) {
    const v = current();
    const c = centre || { x: v.x + v.w / 2, y: v.y + v.h / 2 };
    const w = Math.min(Math.max(v.w / factor, home.w / 60), home.w * 4);
    const k = w / v.w;
    return { x: c.x - (c.x - v.x) * k, y: c.y - (c.y - v.y) * k, w: w, h: v.h * k };
  }
  function zoom(factor, centre) { setView(zoomed(factor, centre)); }

  function panned(dx, dy) { const v = current(); return { x: v.x + dx, y: v.y + dy, w: v.w, h: v.h }; }
  function pan(dx, dy) { setView(panned(dx, dy)); }

  // Centre of an actor's node in viewBox units (its box in the graph's coordinates, moved by
  // the graph's transform).
  function centreOf(actor) {
    const b = actor.node.getBBox();
    const x = b.x + b.width / 2, y = b.y + b.height / 2;
    return { x: gm.a * x + gm.c * y + gm.e, y: gm.b * x + gm.d * y + gm.f, w: b.width, h: b.height };
  }

  function boxOf(list) {
    if (list.length === 0) return null;
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    list.forEach((a) => {
      const c = centreOf(a);
      x0 = Math.min(x0, c.x - c.w / 2); x1 = Math.max(x1, c.x + c.w / 2);
      y0 = Math.min(y0, c.y - c.h / 2); y1 = Math.max(y1, c.y + c.h / 2);
    });
    const pad = 30;
    return { x: x0 - pad, y: y0 - pad, w: x1 - x0 + 2 * pad, h: y1 - y0 + 2 * pad };
  }

  // Fit: the shown actors (the neighbourhood when one is focused), else the whole drawing.
  function fit() {
    const shown = actors.filter((a) => a.node && isVisible(a) && (!state.focus || a.inFocus));
    setView(boxOf(shown) || Object.assign({}, home));
  }

  function centreOn(actor) {
    const c = centreOf(actor);
    const w = Math.min(view.w, home.w / 2), h = view.h * (w / view.w);
    setView({ x: c.x - w / 2, y: c.y - h / 2, w: w, h: h });
  }

  // ---- What is shown: filters, the date, the focused neighbourhood ----------------------

  function isVisible(a) {
    if (state.hidden.type.has(a.type) || state.hidden.place.has(a.place) || state.hidden.helix.has(a.helix)) return false;
    if (state.date !== null) {
      if (a.sinceYear !== null && a.sinceYear > state.date) return false;
      if (a.untilYear !== null && a.untilYear < state.date) return false;
    }
    return true;
  }

  function relationVisible(r) {
    const from = actorById.get(r.from), to = actorById.get(r.to);
    return !state.hidden.relation.has(r.type) && from && to && isVisible(from) && isVisible(to);
  }

  // Actors within `radius` steps of the focus, over the ties shown (direction ignored).
  function neighbourhood(id, radius) {
    const seen = new Set([id]);
    let frontier = [id];
    for (let step = 0; step < radius; step++) {
      const next = [];
      frontier.forEach((u) => {
        actorById.get(u).ties.forEach((r) => {
          if (!relationVisible(r)) return;
          const v = r.from === u ? r.to : r.from;
          if (!seen.has(v)) { seen.add(v); next.push(v); }
        });
      });
      frontier = next;
    }
    return seen;
  }

  function apply() {
    const near = state.focus ? neighbourhood(state.focus, state.radius) : null;
    let shownActors = 0, shownRelations = 0, dimmed = 0;
    actors.forEach((a) => {
      const visible = isVisible(a);
      a.inFocus = near ? near.has(a.id) : true;
      if (visible) shownActors++;
      if (visible && !a.inFocus) dimmed++;
      if (!a.node) return;
      a.node.classList.toggle("is-hidden", !visible);
      a.node.classList.toggle("is-dim", visible && !a.inFocus);
      a.node.classList.toggle("is-match", state.matches.has(a.id));
      a.node.classList.toggle("is-selected", !!state.selected && state.selected.kind === "actor" && state.selected.id === a.id);
      a.node.setAttribute("aria-hidden", visible ? "false" : "true");
    });
    relations.forEach((r) => {
      const visible = relationVisible(r);
      if (visible) shownRelations++;
      if (!r.edge) return;
      const inFocus = !near || (near.has(r.from) && near.has(r.to));
      r.edge.classList.toggle("is-hidden", !visible);
      r.edge.classList.toggle("is-dim", visible && !inFocus);
      r.edge.classList.toggle("is-selected", !!state.selected && state.selected.kind === "relation" && state.selected.id === r.id);
    });
    document.querySelectorAll(".overlay-line").forEach((line) => {
      const a = actorById.get(line.dataset.from), b = actorById.get(line.dataset.to);
      const visible = a && b && isVisible(a) && isVisible(b);
      line.classList.toggle("is-hidden", !visible);
      line.classList.toggle("is-dim", visible && !!near && !(near.has(a.id) && near.has(b.id)));
    });
    updateCounts(shownActors, shownRelations);
    let text = "Showing " + shownActors + " of " + actors.length + " actors and " + shownRelations + " of " + relations.length + " ties.";
    if (state.focus) {
      const a = actorById.get(state.focus);
      text = a.name + ": " + (near.size - 1) + " actors within " + state.radius + (state.radius === 1 ? " step" : " steps") +
        " (" + dimmed + " others dimmed). Esc shows the whole map.";
    }
    $("status").textContent = text;
    document.body.dataset.dimmed = String(dimmed);
  }

  // ---- Filters --------------------------------------------------------------------------

  const filterGroups = [
    { key: "type", title: "Actor type", values: data.actorTypes.map((t) => [t.id, t.label, t.color]), of: (a) => a.type },
    { key: "helix", title: "Helix", values: unique(actors.map((a) => a.helix)).map((h) => [h, h ? h.replace(/_/g, " ") : "(not stated)"]), of: (a) => a.helix },
    { key: "place", title: "Place", values: unique(actors.map((a) => a.place)).sort().map((p) => [p, p || "(unknown)"]), of: (a) => a.place },
    { key: "relation", title: "Relation type", values: data.relationTypes.map((t) => [t.id, t.label, t.color]), of: null },
  ];
  const countCells = [];

  function unique(list) { return Array.from(new Set(list)); }

  function buildFilters() {
    const box = $("filters");
    filterGroups.forEach((group) => {
      const present = group.of ? new Set(actors.map(group.of)) : new Set(relations.map((r) => r.type));
      const values = group.values.filter((v) => present.has(v[0]));
      if (values.length < 2) return;
      const fieldset = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = group.title;
      fieldset.appendChild(legend);
      values.forEach(([value, label, colour]) => {
        const line = document.createElement("label");
        line.className = "check";
        const box = document.createElement("input");
        box.type = "checkbox";
        box.checked = true;
        box.dataset.group = group.key;
        box.dataset.value = value;
        box.addEventListener("change", () => {
          if (box.checked) state.hidden[group.key].delete(value); else state.hidden[group.key].add(value);
          apply();
        });
        line.appendChild(box);
        if (colour) {
          const swatch = document.createElement("span");
          swatch.className = "swatch";
          swatch.style.background = colour;
          line.appendChild(swatch);
        }
        line.appendChild(document.createTextNode(label));
        const count = document.createElement("span");
        count.className = "count";
        line.appendChild(count);
        countCells.push({ group: group, value: value, cell: count });
        fieldset.appendChild(line);
      });
      box.appendChild(fieldset);
    });
  }

  // Each filter line says how many of its actors (or ties) are shown, of how many.
  function updateCounts(shownActors, shownRelations) {
    countCells.forEach(({ group, value, cell }) => {
      let shown = 0, all = 0;
      if (group.of) {
        actors.forEach((a) => { if (group.of(a) === value) { all++; if (isVisible(a)) shown++; } });
      } else {
        relations.forEach((r) => { if (r.type === value) { all++; if (relationVisible(r)) shown++; } });
      }
      cell.textContent = shown + "/" + all;
    });
    $("counts").textContent = shownActors + " of " + actors.length + " actors, " + shownRelations + " of " + relations.length + " ties shown";
  }

  function buildDateFilter() {
    if (!dated) return;
    const slider = $("date");
    const lo = Math.min.apply(null, years), hi = Math.max.apply(null, years);
    slider.min = String(lo);
    slider.max = String(hi + 1);          // the last position: every date
    slider.value = slider.max;
    const show = () => {
      const y = parseInt(slider.value, 10);
      state.date = y > hi ? null : y;
      $("date-value").textContent = state.date === null ? "all dates" : String(state.date);
      slider.setAttribute("aria-valuetext", $("date-value").textContent);
      apply();
    };
    slider.addEventListener("input", show);
    $("date-filter").hidden = false;
    show();
  }

  // ---- Search ---------------------------------------------------------------------------

  const folded = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  actors.forEach((a) => { a.key = folded(a.name); a.idKey = folded(a.id); });

  // Best match first: exact id, exact name, name starting with the text, then containing it.
  function search(text) {
    const q = folded(text.trim());
    if (!q) return [];
    const score = (a) => a.idKey === q ? 0 : a.key === q ? 1 : a.key.startsWith(q) ? 2 : a.idKey.startsWith(q) ? 3 :
      (a.key.includes(q) || a.idKey.includes(q)) ? 4 : 9;
    return actors.map((a, i) => [score(a), i, a]).filter((s) => s[0] < 9)
      .sort((x, y) => x[0] - y[0] || x[1] - y[1]).map((s) => s[2]);
  }

  function buildSuggestions() {
    const list = $("suggestions");
    actors.forEach((a) => {
      const option = document.createElement("option");
      option.value = a.name;
      option.label = a.id + " · " + (typeLabel.get(a.type) || a.type);
      list.appendChild(option);
    });
  }

  // ---- Selection and focus --------------------------------------------------------------

  function focusActor(id, options) {
    const a = actorById.get(id);
    if (!a) return;
    state.focus = id;
    state.selected = { kind: "actor", id: id };
    if (!isVisible(a)) { showAll(); }
    apply();
    showActor(a);
    if (!options || options.centre !== false) { if (a.node) centreOn(a); }
  }

  function selectRelation(id) {
    state.selected = { kind: "relation", id: id };
    apply();
    showRelation(relationById.get(id));
  }

  function clear() {
    state.focus = null;
    state.selected = null;
    state.matches = new Set();
    apply();
    about();
  }

  // The empty panel: what to do, and how the map and its numbers were made.
  function about() {
    const body = $("panel-body");
    body.replaceChildren(paragraph("Select an actor or a tie to see its details.", "help"));
    body.appendChild(el("h3", "About this map"));
    body.appendChild(listOf(data.notes.concat([actors.length + " actors, " + relations.length + " ties" +
      (data.findings ? ", " + data.findings.length + " gap findings." : "; no gap analysis.")])));
  }

  function showAll() {
    Object.values(state.hidden).forEach((s) => s.clear());
    document.querySelectorAll("#filters input[type=checkbox]").forEach((box) => { box.checked = true; });
    if (dated) { $("date").value = $("date").max; state.date = null; $("date-value").textContent = "all dates"; }
  }

  // ---- The detail panel -----------------------------------------------------------------

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }
  function paragraph(text, className) { return el("p", text, className); }
  function count(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function definitions(pairs) {
    const dl = el("dl");
    pairs.filter((p) => p[1] !== null && p[1] !== undefined && p[1] !== "").forEach(([term, value]) => {
      dl.appendChild(el("dt", term));
      const dd = el("dd");
      if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
      dl.appendChild(dd);
    });
    return dl;
  }

  function actorButton(id) {
    const a = actorById.get(id);
    const b = el("button", a ? a.name : id, "linklike");
    b.type = "button";
    b.addEventListener("click", () => focusActor(id));
    return b;
  }

  function relationButton(r, text) {
    const b = el("button", text, "linklike");
    b.type = "button";
    b.addEventListener("click", () => selectRelation(r.id));
    return b;
  }

  function number(x) {
    if (x === null || x === undefined) return "–";
    if (Number.isInteger(x)) return String(x);
    return x.toFixed(3);
  }

  function findingList(key) {
    const list = findingsOf.get(key) || [];
    if (!data.findings) return paragraph("No gap analysis in this page.", "help");
    if (list.length === 0) return paragraph("No gap finding names it.", "help");
    const ul = el("ul");
    list.forEach((f) => {
      const li = el("li");
      li.appendChild(el("strong", f.title + " (" + f.severity + "): "));
      li.appendChild(document.createTextNode(f.sentence));
      ul.appendChild(li);
    });
    return ul;
  }

  function why(r) {
    const parts = [];
    parts.push(r.source ? "Source: " + r.source : "No source given");
    if (r.assumed !== null) parts.push("assumed: " + r.assumed);
    if (r.confidence !== null) parts.push("confidence " + number(r.confidence));
    return parts.join("; ");
  }

  function showActor(a) {
    const body = $("panel-body");
    body.replaceChildren();
    body.appendChild(el("h3", a.name));
    body.appendChild(definitions([
      ["Id", a.id], ["Type", typeLabel.get(a.type) || a.type], ["Place", a.place || "(unknown)"],
      ["Helix", a.helix ? a.helix.replace(/_/g, " ") : ""],
    ].concat(a.attributes.map((kv) => [kv[0], kv[1]]))));

    body.appendChild(el("h3", "Key measures"));
    const i = row.get(a.id);
    const table = el("table");
    const head = el("tr");
    ["Measure", "Value", "Rank (1 = highest)"].forEach((t) => head.appendChild(el("th", t)));
    table.appendChild(head);
    data.measures.forEach((m) => {
      const tr = el("tr");
      const community = m.name === "leiden";  // a label, not an amount: no rank
      tr.appendChild(el("td", community ? "community (Leiden)" : m.name.replace(/_/g, " ")));
      tr.appendChild(el("td", community ? (m.values[i] === null ? "–" : String(m.values[i] + 1)) : number(m.values[i]), "num"));
      tr.appendChild(el("td", community || m.ranks[i] === null ? "–" : m.ranks[i] + " of " + actors.length, "num"));
      table.appendChild(tr);
    });
    body.appendChild(table);

    body.appendChild(el("h3", "Gap findings"));
    body.appendChild(findingList("a:" + a.id));

    body.appendChild(el("h3", "Ties (" + a.ties.length + ")"));
    const ul = el("ul");
    a.ties.forEach((r) => {
      const other = r.from === a.id ? r.to : r.from;
      const arrow = directed.get(r.type) ? (r.from === a.id ? " → " : " ← ") : " – ";
      const li = el("li");
      li.appendChild(relationButton(r, (relationLabel.get(r.type) || r.type) + arrow));
      li.appendChild(actorButton(other));
      if (r.assumed !== null) { li.appendChild(document.createTextNode(" ")); li.appendChild(el("span", "assumed", "tag")); }
      li.appendChild(el("span", why(r), "tie-why"));
      ul.appendChild(li);
    });
    body.appendChild(ul);
  }

  function showRelation(r) {
    const body = $("panel-body");
    body.replaceChildren();
    const arrow = directed.get(r.type) ? " → " : " – ";
    const from = actorById.get(r.from), to = actorById.get(r.to);
    body.appendChild(el("h3", (from ? from.name : r.from) + arrow + (to ? to.name : r.to)));
    body.appendChild(definitions([
      ["Id", r.id], ["Type", relationLabel.get(r.type) || r.type], ["From", actorButton(r.from)], ["To", actorButton(r.to)],
      ["Strength", number(r.weight)],
    ]));
    body.appendChild(el("h3", "Evidence"));
    body.appendChild(definitions([
      ["Source", r.source || "(none given)"],
      ["Assumed", r.assumed === null ? "no: stated in the source" : "yes: " + r.assumed],
      ["Confidence", r.confidence === null ? "certain (not stated)" : number(r.confidence)],
    ]));
    body.appendChild(el("h3", "Gap findings"));
    body.appendChild(findingList("r:" + r.id));
  }

  // ---- Overlays -------------------------------------------------------------------------

  const overlayLayer = document.createElementNS(SVGNS, "g");
  overlayLayer.setAttribute("id", "explorer-overlay");
  graph.insertBefore(overlayLayer, graph.querySelector(".edge, .node"));  // under ties and actors

  // A straight line between two actors' centres, in the graph's coordinates.
  function line(fromId, toId, className, note) {
    const a = actorById.get(fromId), b = actorById.get(toId);
    if (!a || !b || !a.node || !b.node) return;
    const p = a.node.getBBox(), q = b.node.getBBox();
    const l = document.createElementNS(SVGNS, "line");
    l.setAttribute("x1", p.x + p.width / 2); l.setAttribute("y1", p.y + p.height / 2);
    l.setAttribute("x2", q.x + q.width / 2); l.setAttribute("y2", q.y + q.height / 2);
    l.setAttribute("class", "overlay-line " + className);
    l.dataset.from = fromId; l.dataset.to = toId;
    const title = document.createElementNS(SVGNS, "title");
    title.textContent = note;
    l.appendChild(title);
    overlayLayer.appendChild(l);
  }

  function mark(actorIds, relationIds, className, on) {
    actorIds.forEach((id) => { const a = actorById.get(id); if (a && a.node) a.node.classList.toggle(className, on); });
    relationIds.forEach((id) => { const r = relationById.get(id); if (r && r.edge) r.edge.classList.toggle(className, on); });
  }

  function clearLines(className) { overlayLayer.querySelectorAll("." + className).forEach((l) => l.remove()); }

  const legends = {};
  function setLegend(key, nodes) {
    legends[key] = nodes;
    const box = $("explorer-legend");
    box.replaceChildren();
    Object.keys(legends).sort().forEach((k) => (legends[k] || []).forEach((n) => box.appendChild(n)));
    box.hidden = box.childNodes.length === 0;
  }

  function gapsOverlay(on) {
    const g = data.gapMarks;
    if (!g) return;
    mark(g.cutPoints, [], "gap-cut", on);
    mark(g.isolates, [], "gap-isolate", on);
    mark([], g.bridges, "gap-bridge", on);
    clearLines("gap-tie");
    if (on) g.recommended.forEach((t) => line(t.from, t.to, "gap-tie", t.note));
    setLegend("1-gaps", on ? [
      paragraph("Gap marks: " + count(g.cutPoints.length, "cut point", "cut points") + " (red dashed outline), " +
        count(g.bridges.length, "bridge", "bridges") + " (red ties), " + count(g.isolates.length, "isolate", "isolates") +
        " (red dotted outline), " + count(g.recommended.length, "recommended tie", "recommended ties") + " (purple dashed lines).")] : null);
    apply();
  }

  // Twelve light fills, readable with black labels (ColorBrewer Set3, Brewer 2002).
  const communityColours = ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462",
    "#b3de69", "#fccde5", "#d9d9d9", "#bc80bd", "#ccebc5", "#ffed6f"];

  function shapesOf(node) { return node.querySelectorAll("polygon, ellipse, path"); }

  function communitiesOverlay(on) {
    const m = measureByName.get("leiden");
    if (!m) return;
    const seen = new Map();
    actors.forEach((a) => {
      if (!a.node) return;
      const c = m.values[row.get(a.id)];
      shapesOf(a.node).forEach((s) => { s.style.fill = on && c !== null ? communityColours[c % communityColours.length] : ""; });
      a.node.querySelectorAll("text").forEach((t) => { t.style.fill = on ? "#000000" : ""; });
      if (c !== null) seen.set(c, (seen.get(c) || 0) + 1);
    });
    let nodes = null;
    if (on) {
      const ul = el("ul");
      Array.from(seen.keys()).sort((x, y) => x - y).forEach((c) => {
        const li = el("li");
        const sw = el("span", null, "swatch");
        sw.style.background = communityColours[c % communityColours.length];
        li.appendChild(sw);
        li.appendChild(document.createTextNode(" Community " + (c + 1) + " (" + seen.get(c) + " actors)"));
        ul.appendChild(li);
      });
      nodes = [paragraph("Communities (Leiden" + (seen.size > communityColours.length ? "; colours repeat after 12" : "") + "):"), ul];
    }
    setLegend("2-communities", nodes);
  }

  let scenarioShown = null;
  function scenarioOverlay(name) {
    if (scenarioShown) {
      const s = scenarioShown;
      mark(s.removedActors, s.removedRelations, "sc-removed", false);
      mark(s.changedActors, s.changedRelations, "sc-changed", false);
      clearLines("sc-added");
    }
    scenarioShown = data.scenarios.find((s) => s.name === name) || null;
    const s = scenarioShown;
    if (!s) { setLegend("3-scenario", null); apply(); return; }
    mark(s.removedActors, s.removedRelations, "sc-removed", true);
    mark(s.changedActors, s.changedRelations, "sc-changed", true);
    const unplaced = [];
    s.addedRelations.forEach((r) => {
      if (actorById.has(r.from) && actorById.has(r.to)) line(r.from, r.to, "sc-added", "Added: " + (relationLabel.get(r.type) || r.type));
      else unplaced.push(r);
    });
    const nodes = [paragraph(s.title + ": " + count(s.removedActors.length, "actor", "actors") + " and " +
      count(s.removedRelations.length, "tie", "ties") + " removed (red dashed), " + count(s.changedActors.length, "actor", "actors") +
      " and " + count(s.changedRelations.length, "tie", "ties") + " changed (brown outline), " +
      count(s.addedRelations.length - unplaced.length, "tie", "ties") + " added between mapped actors (green dashed).")];
    if (s.addedActors.length > 0) {
      nodes.push(paragraph("Added actors, not on this map: " + s.addedActors.map((a) => a.name).join(", ") +
        (unplaced.length ? " (with " + unplaced.length + " ties)." : ".")));
    }
    if (s.findingsAppear.length) { nodes.push(paragraph("Findings that appear:")); nodes.push(listOf(s.findingsAppear)); }
    if (s.findingsDisappear.length) { nodes.push(paragraph("Findings that disappear:")); nodes.push(listOf(s.findingsDisappear)); }
    setLegend("3-scenario", nodes);
    apply();
  }

  function listOf(items) {
    const ul = el("ul");
    items.forEach((t) => ul.appendChild(el("li", t)));
    return ul;
  }

  // Node size by a measure: each node scaled about its centre from the width it was drawn
  // with to the width the same rule (min + (max − min) · (x − lo) / (hi − lo)) gives.
  function widthFor(measure, i) {
    const s = data.sizing;
    if (!measure) return s.minWidth;
    const values = measure.values.filter((v) => v !== null);
    const lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    const v = measure.values[i];
    const t = hi > lo && v !== null ? (v - lo) / (hi - lo) : 0;
    return s.minWidth + (s.maxWidth - s.minWidth) * t;
  }

  function sizeOverlay(name) {
    const drawn = measureByName.get(data.sizing.measure) || null;
    const target = measureByName.get(name) || null;
    actors.forEach((a) => {
      if (!a.node) return;
      if (!name || name === data.sizing.measure) { a.node.removeAttribute("transform"); return; }
      const i = row.get(a.id);
      const k = widthFor(target, i) / widthFor(drawn, i);
      const b = a.node.getBBox(), cx = b.x + b.width / 2, cy = b.y + b.height / 2;
      a.node.setAttribute("transform", "translate(" + cx + " " + cy + ") scale(" + k.toFixed(3) + ") translate(" + (-cx) + " " + (-cy) + ")");
    });
    setLegend("4-size", name && name !== data.sizing.measure
      ? [paragraph("Node size: " + name.replace(/_/g, " ") + " (labels scale with the nodes).")] : null);
  }

  function buildOverlays() {
    const gaps = $("overlay-gaps");
    if (!data.gapMarks) { gaps.disabled = true; gaps.parentNode.appendChild(el("span", "(no gap analysis)", "count")); }
    gaps.addEventListener("change", () => gapsOverlay(gaps.checked));
    const comm = $("overlay-communities");
    if (!measureByName.has("leiden")) comm.disabled = true;
    comm.addEventListener("change", () => communitiesOverlay(comm.checked));
    const scen = $("overlay-scenario");
    data.scenarios.forEach((s) => { const o = el("option", s.title); o.value = s.name; scen.appendChild(o); });
    if (data.scenarios.length === 0) { scen.disabled = true; scen.firstChild.textContent = "None (give --scenario)"; }
    scen.addEventListener("change", () => scenarioOverlay(scen.value));
    const size = $("overlay-size");
    const asDrawn = el("option", data.sizing.measure ? "As drawn: " + data.sizing.measure.replace(/_/g, " ") : "As drawn: equal");
    asDrawn.value = "";
    size.appendChild(asDrawn);
    data.measures.filter((m) => m.name !== "leiden" && m.name !== data.sizing.measure).forEach((m) => {
      const o = el("option", m.name.replace(/_/g, " "));
      o.value = m.name;
      size.appendChild(o);
    });
    size.addEventListener("change", () => sizeOverlay(size.value));
  }

  // ---- Wiring ---------------------------------------------------------------------------

  const keyboardNodes = actors.length <= 300;  // a Tab stop per actor only on small maps
  actors.forEach((a) => {
    if (!a.node) return;
    a.node.setAttribute("role", "button");
    a.node.setAttribute("aria-label", a.name + ", " + (typeLabel.get(a.type) || a.type) + (a.place ? ", " + a.place : ""));
    a.node.setAttribute("tabindex", keyboardNodes ? "0" : "-1");
    a.node.dataset.actor = a.id;
  });
  relations.forEach((r) => { if (r.edge) r.edge.dataset.relation = r.id; });

  // Pointer: drag to pan (one pointer), pinch to zoom (two); a click that did not move selects.
  const pointers = new Map();
  let moved = false, pinch = null;
  svg.addEventListener("pointerdown", (e) => {
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    moved = false;
    if (pointers.size === 2) {
      const [p, q] = Array.from(pointers.values());
      pinch = Math.hypot(p.x - q.x, p.y - q.y);
    }
    svg.classList.add("dragging");
  });
  svg.addEventListener("pointermove", (e) => {
    const last = pointers.get(e.pointerId);
    if (!last) return;
    if (Math.abs(e.clientX - last.x) + Math.abs(e.clientY - last.y) > 3) { moved = true; svg.setPointerCapture(e.pointerId); }
    if (pointers.size === 1) {
      const a = toMap(last.x, last.y), b = toMap(e.clientX, e.clientY);
      preview(panned(a.x - b.x, a.y - b.y));
    }
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 2 && pinch) {
      const [p, q] = Array.from(pointers.values());
      const d = Math.hypot(p.x - q.x, p.y - q.y);
      preview(zoomed(d / pinch, toMap((p.x + q.x) / 2, (p.y + q.y) / 2)));
      pinch = d;
    }
  });
  const release = (e) => {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = null;
    if (pointers.size === 0) { svg.classList.remove("dragging"); commit(); }
  };
  svg.addEventListener("pointerup", release);
  svg.addEventListener("pointercancel", release);
  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    preview(zoomed(e.deltaY < 0 ? 1.2 : 1 / 1.2, toMap(e.clientX, e.clientY)));
  }, { passive: false });
  svg.addEventListener("click", (e) => {
    if (moved) return;
    const node = e.target.closest("[data-actor]");
    if (node) { focusActor(node.dataset.actor, { centre: false }); return; }
    const edge = e.target.closest("[data-relation]");
    if (edge) selectRelation(edge.dataset.relation);
  });

  $("map").addEventListener("keydown", (e) => {
    const step = 0.1;
    const node = e.target.closest && e.target.closest("[data-actor]");
    if (node && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); focusActor(node.dataset.actor); return; }
    if (e.target.tagName === "BUTTON") return;
    switch (e.key) {
      case "ArrowLeft": pan(-view.w * step, 0); break;
      case "ArrowRight": pan(view.w * step, 0); break;
      case "ArrowUp": pan(0, -view.h * step); break;
      case "ArrowDown": pan(0, view.h * step); break;
      case "+": case "=": zoom(1.25); break;
      case "-": case "_": zoom(1 / 1.25); break;
      case "0": fit(); break;
      default: return;
    }
    e.preventDefault();
  });

  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { clear(); $("search").value = ""; }
  });

  $("zoom-in").addEventListener("click", () => zoom(1.25));
  $("zoom-out").addEventListener("click", () => zoom(1 / 1.25));
  $("zoom-fit").addEventListener("click", fit);
  $("zoom-reset").addEventListener("click", () => setView(Object.assign({}, home)));
  $("filters-reset").addEventListener("click", () => { showAll(); apply(); });

  const input = $("search");
  input.addEventListener("input", () => {
    const found = search(input.value);
    state.matches = new Set(found.map((a) => a.id));
    apply();
    if (input.value.trim()) {
      $("status").textContent = found.length === 0 ? "No actor matches “" + input.value.trim() + "”."
        : found.length + (found.length === 1 ? " actor matches" : " actors match") + "; Enter shows " + found[0].name + ".";
    }
  });
  input.addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    const found = search(input.value);
    if (found.length === 0) { $("status").textContent = "No actor matches “" + input.value.trim() + "”."; return; }
    state.matches = new Set([found[0].id]);
    focusActor(found[0].id);
  });
  $("radius").addEventListener("change", () => {
    state.radius = parseInt($("radius").value, 10);
    apply();
    if (state.focus) fit();
  });

  buildFilters();
  buildDateFilter();
  buildSuggestions();
  buildOverlays();
  about();
  apply();

  // For the page's own measurements (and its tests): when the script finished, and the first
  // frame after it.
  window.ecomapExplorer = { start: scriptStart, ready: performance.now(), firstFrame: null };
  requestAnimationFrame(() => { window.ecomapExplorer.firstFrame = performance.now(); });
})();
