#!/usr/bin/env python3
"""`ecomap explore` in a real headless Chromium (Debian's chromium + chromium-driver), through
WebDriver (Selenium, pinned in Tests/Browser/requirements.txt).

Usage:
  python3 Tests/Browser/test_explore.py --ecomap PATH [--shots DIR]
  python3 Tests/Browser/test_explore.py --measure PAGE.html [--runs 5]

The test writes the Zoetermeer explorer (with two scenarios) and a small dated model into a
temporary folder with PATH, then types "DIP" in the search box and presses Enter, sets the
radius to 2 and checks exactly which nodes are dimmed (against its own breadth-first search
over the page's data), clicks an actor and reads the panel, opens a tie and reads its
evidence, toggles type filters and checks the counts, presses Esc, zooms and pans from the
keyboard, drags, wheels, pinches and pans by touch (DevTools touch events), toggles the overlays, moves the date slider, and checks that the console stays
empty, that the page loads no resource and that its Content-Security-Policy refuses anything
else. A screenshot of each state goes to --shots (default /tmp/ecomap-explore-shots).

--measure loads a page several times and prints the first paint (the browser's
first-contentful-paint), the end of the page's script and its first animation frame, in ms.

When the browser, the driver or Selenium is missing the test says so and exits 0 (skipped);
with ECOMAP_REQUIRE_BROWSER=1 it exits 1 instead.
"""
import argparse
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHROMIUM = os.environ.get("ECOMAP_CHROMIUM", "/usr/bin/chromium")
DRIVER = os.environ.get("ECOMAP_CHROMEDRIVER", "/usr/bin/chromedriver")


def skip(reason):
    if os.environ.get("ECOMAP_REQUIRE_BROWSER") == "1":
        print("explore browser test: FAILED (ECOMAP_REQUIRE_BROWSER=1): " + reason)
        sys.exit(1)
    print("explore browser test: SKIPPED: " + reason)
    sys.exit(0)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
except ImportError:
    webdriver = None


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1400,900", "--hide-scrollbars", "--no-first-run"]:
        options.add_argument(a)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=options)


class Check:
    def __init__(self):
        self.failures = 0
        self.passed = 0

    def __call__(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failures += 1
            print("  FAIL: " + what)


def page_data(path):
    html = open(path, encoding="utf-8").read()
    block = re.search(r'<script type="application/json" id="ecomap-data">(.*?)</script>', html, re.S).group(1)
    return html, json.loads(block)


def neighbourhood(data, start, radius, hidden_types=()):
    """Breadth-first search over the ties, direction ignored (the page's own rule, written again)."""
    types = {a["id"]: a["type"] for a in data["actors"]}
    adj = {a["id"]: set() for a in data["actors"]}
    for r in data["relations"]:
        if types[r["from"]] in hidden_types or types[r["to"]] in hidden_types:
            continue
        adj[r["from"]].add(r["to"])
        adj[r["to"]].add(r["from"])
    seen, frontier = {start}, [start]
    for _ in range(radius):
        frontier = [v for u in frontier for v in adj[u] if v not in seen and not seen.add(v)]
    return seen


def classes(d, element_id):
    return d.execute_script("const e = document.getElementById(arguments[0]); return e ? e.getAttribute('class') : null;", element_id) or ""


def shown(d, element_id):
    """Whether the element is drawn (not display: none), wherever the view is."""
    return d.execute_script("return getComputedStyle(document.getElementById(arguments[0])).display !== 'none'", element_id)


def contrast(a, b):
    """WCAG 2.1 contrast ratio of two #rrggbb colours (relative luminance, sRGB)."""
    def lum(h):
        c = [int(h.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    hi, lo = sorted([lum(a), lum(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def console(d):
    return [e for e in d.get_log("browser")]


def run_tests(ecomap, shots):
    check = Check()
    work = tempfile.mkdtemp(prefix="ecomap-explore-test-")
    os.makedirs(shots, exist_ok=True)
    model = os.path.join(ROOT, "Datasets/zoetermeer/model.yaml")
    scenarios = ["--scenario", os.path.join(ROOT, "Datasets/zoetermeer/scenarios/programme.yaml"),
                 "--scenario", os.path.join(ROOT, "Datasets/zoetermeer/scenarios/dip-loss.yaml")]
    page = os.path.join(work, "explore.html")
    again = os.path.join(work, "again.html")
    dated = os.path.join(work, "dated.html")
    write = lambda out: subprocess.run([ecomap, "explore", model, "-o", out] + scenarios, check=True, capture_output=True)
    same = False
    # Up to three pairs: Graphviz's Pango may measure a label 1 pt wider in a rare render (see
    # identicalInSomeAttempt in Tests/FixtureSupport); a difference of ecomap's own shows in every pair.
    for _ in range(3):
        write(page)
        write(again)
        if open(page, "rb").read() == open(again, "rb").read():
            same = True
            break
    check(same, "the same input gives the same bytes")
    subprocess.run([ecomap, "explore", os.path.join(ROOT, "Tests/Browser/dated.yaml"), "-o", dated], check=True, capture_output=True)
    html, data = page_data(page)
    names = {a["id"]: a["name"] for a in data["actors"]}
    els = {x["id"]: x["el"] for x in data["actors"] + data["relations"]}  # element ids (ids made safe)

    # The policy names the hashes of the page's own script and style, computed here again.
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    h = lambda s: "sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
    check("default-src 'none'" in csp, "CSP has default-src 'none': " + csp)
    check("script-src '%s'" % h(script) in csp, "CSP script hash matches the inline script")
    check("style-src '%s'" % h(style) in csp, "CSP style hash matches the inline style")
    check(html.count("<script") == 2 and html.count("<style") == 1, "one script, one data block, one style")
    check(not re.search(r'(src|href)="(https?:|//)', html), "no external reference in the HTML")

    d = browser()
    try:
        started = time.time()
        d.get("file://" + page)
        d.execute_script("window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));")
        logs = console(d)
        check(logs == [], "no console message on load: %s" % logs)
        dup = d.execute_script("const ids = Array.from(document.querySelectorAll('[id]'), (e) => e.id); return ids.filter((x, i) => ids.indexOf(x) !== i);")
        check(dup == [], "no element id is used twice (page and map): %s" % dup)
        d.save_screenshot(os.path.join(shots, "1-loaded.png"))
        status = d.find_element(By.ID, "status")
        check(status.text == "Showing 21 of 21 actors and 34 of 34 ties.", "status on load: " + status.text)

        # Search: type "DIP", see the match highlighted, Enter focuses it.
        search = d.find_element(By.ID, "search")
        search.click()
        search.send_keys("DIP")
        check("is-match" in classes(d, "actor-dip"), "typing DIP highlights the DIP node")
        check(len(d.find_elements(By.CSS_SELECTOR, "#suggestions option")) == len(data["actors"]), "one suggestion per actor")
        search.send_keys(Keys.ENTER)
        check("is-selected" in classes(d, "actor-dip"), "Enter selects DIP")
        heading = d.find_element(By.CSS_SELECTOR, "#panel-body h3").text
        check(heading == "Dutch Innovation Park (DIP)", "panel heading after Enter: " + heading)
        one = neighbourhood(data, "dip", 1)
        dimmed = {a["id"] for a in data["actors"] if "is-dim" in classes(d, a["el"])}
        check(dimmed == set(names) - one, "radius 1: dimmed %s, expected %s" % (sorted(dimmed), sorted(set(names) - one)))
        d.save_screenshot(os.path.join(shots, "2-search-dip.png"))

        # Radius 2: the two-step neighbourhood.
        Select(d.find_element(By.ID, "radius")).select_by_value("2")
        two = neighbourhood(data, "dip", 2)
        dimmed = {a["id"] for a in data["actors"] if "is-dim" in classes(d, a["el"])}
        check(dimmed == set(names) - two, "radius 2: dimmed %s, expected %s" % (sorted(dimmed), sorted(set(names) - two)))
        check(len(two) > len(one) and "red_plume" in two and "gemeenteraad" not in one, "radius 2 reaches further than 1")
        check(status.text.startswith("Dutch Innovation Park (DIP): %d actors within 2 steps" % (len(two) - 1)), "status: " + status.text)
        # The panel's ties with their evidence: why each tie is there.
        ties = d.find_elements(By.CSS_SELECTOR, "#panel-body li .tie-why")
        dip_ties = [r for r in data["relations"] if "dip" in (r["from"], r["to"])]
        check(len(ties) == len(dip_ties), "DIP's panel lists its %d ties" % len(dip_ties))
        texts = " ".join(t.text for t in ties)
        check("assumed: DIP facilitates projects (Conclusies 3); which ones the memo does not say" in texts, "a tie's assumption is in the panel")
        check("confidence 0.500" in texts, "a tie's confidence is in the panel")
        d.save_screenshot(os.path.join(shots, "3-radius-2.png"))

        # Click an actor on the map: its panel (type, place, attributes, measures with rank, findings).
        d.find_element(By.CSS_SELECTOR, "#" + els["yes_delft"] + " text").click()
        body = d.find_element(By.ID, "panel-body").text
        check(body.startswith("Yes!Delft"), "clicking Yes!Delft shows it: " + body[:40])
        check("Intermediary" in body and "Delft" in body, "the panel gives type and place")
        yes = data["measureIds"].index("yes_delft")
        bt = next(m for m in data["measures"] if m["name"] == "betweenness")
        row = [r.text for r in d.find_elements(By.CSS_SELECTOR, "#panel-body table tr") if r.text.startswith("betweenness")]
        check(row == ["betweenness %.3f %d of 21" % (bt["values"][yes], bt["ranks"][yes])], "betweenness row: %s" % row)
        named = [f for f in data["findings"] if "yes_delft" in f["actors"]]
        for f in named:
            check(f["sentence"] in body, "finding naming Yes!Delft in the panel: " + f["sentence"][:50])
        check(len(named) > 0, "some finding names Yes!Delft")
        check("is-dim" not in classes(d, els["yes_delft"]) and "is-selected" in classes(d, els["yes_delft"]), "clicked actor is focused")
        d.save_screenshot(os.path.join(shots, "4-clicked-actor.png"))

        # A tie's evidence, from the panel of Red Plume.
        d.execute_script("document.getElementById('search').value = '';")
        search.send_keys("red_plume", Keys.ENTER)
        button = [b for b in d.find_elements(By.CSS_SELECTOR, "#panel-body li button") if "consults" in b.text and
                  b.find_element(By.XPATH, "following-sibling::button").text == "Dutch Innovation Park (DIP)"]
        check(len(button) == 1, "Red Plume's panel has its tie to DIP")
        if button:
            button[0].click()
            body = d.find_element(By.ID, "panel-body").text
            check("Source\nBestuurlijke nota Smart City 2022, Rekenkameronderzoek" in body, "relation panel: source")
            check("yes: the memo mentions interviews without naming who; Conclusies 3 judges DIP's role" in body, "relation panel: assumed and why")
            check("Confidence\n0.500" in body, "relation panel: confidence")
            check("is-selected" in classes(d, "relation-r9"), "the tie is selected on the map")
        d.save_screenshot(os.path.join(shots, "5-relation.png"))

        # Esc: the whole map again.
        d.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        check(d.find_elements(By.CSS_SELECTOR, ".is-dim") == [], "Esc: nothing dimmed")
        check(status.text == "Showing 21 of 21 actors and 34 of 34 ties.", "Esc: status " + status.text)
        check(d.find_element(By.ID, "panel-body").text.startswith("Select an actor"), "Esc: panel cleared")

        # Filters: to intermediaries and start-ups (industry), with counts.
        for t in ["government", "civil_society", "project"]:
            d.find_element(By.CSS_SELECTOR, "#filters input[data-group=type][data-value=%s]" % t).click()
        kept = {a["id"] for a in data["actors"] if a["type"] in ("intermediary", "industry")}
        ties = [r for r in data["relations"] if r["from"] in kept and r["to"] in kept]
        counts = d.find_element(By.ID, "counts").text
        check(counts == "%d of 21 actors, %d of 34 ties shown" % (len(kept), len(ties)), "counts: " + counts)
        drawn = {a["id"] for a in data["actors"] if shown(d, a["el"])}
        check(drawn == kept, "shown actors are the intermediaries and industry: %s" % sorted(drawn))
        gov = d.find_element(By.XPATH, "//input[@data-value='government']/following-sibling::span[@class='count']").text
        check(gov == "0/8", "government filter count: " + gov)
        ind = d.find_element(By.XPATH, "//input[@data-value='industry']/following-sibling::span[@class='count']").text
        check(ind == "5/5", "industry filter count: " + ind)
        search.send_keys("DIP", Keys.ENTER)
        Select(d.find_element(By.ID, "radius")).select_by_value("2")
        two_f = neighbourhood(data, "dip", 2, hidden_types=("government", "civil_society", "project"))
        dimmed = {a["id"] for a in data["actors"] if "is-dim" in classes(d, a["el"])}
        check(dimmed == kept - two_f, "filtered neighbourhood: dimmed %s" % sorted(dimmed))
        d.save_screenshot(os.path.join(shots, "6-filtered.png"))
        d.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        d.find_element(By.ID, "filters-reset").click()
        check(d.find_element(By.ID, "counts").text == "21 of 21 actors, 34 of 34 ties shown", "Show all")

        # Keyboard: Tab order from the search box, zoom and pan on the map.
        search.click()
        order = []
        for _ in range(3):
            d.switch_to.active_element.send_keys(Keys.TAB)
            order.append(d.switch_to.active_element.get_attribute("id") or d.switch_to.active_element.get_attribute("data-value"))
        check(order[0] == "radius", "Tab from search goes to the radius: %s" % order)
        view = lambda: [float(x) for x in d.execute_script("return document.querySelector('#canvas svg').getAttribute('viewBox')").split()]
        home = [float(x) for x in re.search(r'<svg[^>]* viewBox="([^"]*)"', html).group(1).split()]
        d.execute_script("document.getElementById('map').focus();")
        m = d.switch_to.active_element
        m.send_keys("+")
        zoomed = view()
        check(zoomed[2] < home[2], "+ zooms in: %s -> %s" % (home, zoomed))
        m.send_keys(Keys.ARROW_RIGHT)
        check(view()[0] > zoomed[0], "ArrowRight pans")
        m.send_keys("-")
        check(view()[2] > zoomed[2], "- zooms out")
        # Mouse: a drag pans, the wheel zooms (shown by a transform, the viewBox follows).
        canvas = d.find_element(By.ID, "canvas")
        before = view()
        ActionChains(d).move_to_element_with_offset(canvas, 0, 250).click_and_hold().move_by_offset(-60, 0) \
            .move_by_offset(-60, 0).release().perform()
        time.sleep(0.1)
        check(view()[0] > before[0] and view()[2] == before[2], "a drag to the left pans right: %s -> %s" % (before, view()))
        before = view()
        ActionChains(d).scroll_from_origin(ScrollOrigin.from_element(canvas), 0, -300).perform()
        time.sleep(0.5)
        check(view()[2] < before[2], "the wheel zooms in: %s -> %s" % (before, view()))
        check(d.execute_script("return document.querySelector('#canvas svg').style.transform") == "", "the viewBox took over from the transform")
        # Touch (DevTools touch events): a pinch from 100 to 300 px apart zooms in 3 times; one finger pans.
        d.find_element(By.ID, "zoom-reset").click()
        d.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 2})
        x, y = d.execute_script("const r = document.getElementById('canvas').getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];")
        touch = lambda kind, points: d.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})
        touch("touchStart", [{"x": x - 50, "y": y, "id": 1}, {"x": x + 50, "y": y, "id": 2}])
        for k in range(1, 6):
            touch("touchMove", [{"x": x - 50 - 20 * k, "y": y, "id": 1}, {"x": x + 50 + 20 * k, "y": y, "id": 2}])
        touch("touchEnd", [])
        time.sleep(0.4)
        pinched = view()
        check(abs(pinched[2] - home[2] / 3) < 0.05, "a pinch zooms by the fingers' ratio: %s" % pinched)
        touch("touchStart", [{"x": x, "y": y, "id": 1}])
        for k in range(1, 6):
            touch("touchMove", [{"x": x - 20 * k, "y": y, "id": 1}])
        touch("touchEnd", [])
        time.sleep(0.4)
        check(view()[0] > pinched[0] and view()[2] == pinched[2], "one finger pans: %s" % view())
        d.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
        d.find_element(By.ID, "zoom-reset").click()
        check(view() == home, "Reset returns to the whole drawing")
        # Tab reaches the actors of a small map; Enter on one shows its neighbourhood.
        d.execute_script("document.getElementById('actor-dip').focus();")
        d.switch_to.active_element.send_keys(Keys.ENTER)
        check("is-selected" in classes(d, "actor-dip") and d.find_element(By.CSS_SELECTOR, "#panel-body h3").text.startswith("Dutch"),
              "Enter on a focused actor selects it")
        check(d.find_element(By.ID, "actor-dip").get_attribute("tabindex") == "0", "actors are Tab stops on a small map")
        d.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        d.find_element(By.ID, "zoom-reset").click()
        # The ARIA names a screen reader reads.
        check(d.find_element(By.ID, "actor-dip").get_attribute("aria-label") == "Dutch Innovation Park (DIP), Intermediary, Zoetermeer", "node name")
        check(d.find_element(By.ID, "actor-dip").get_attribute("role") == "button", "node role")
        check(d.find_element(By.ID, "status").get_attribute("role") == "status", "live status")
        # WCAG AA: text colours 4.5:1, borders, focus and marks 3:1, on the page's white and the panels' grey.
        colours = d.execute_script("const s = getComputedStyle(document.documentElement); return ['--text', '--muted', '--accent', '--match', '--added', '--changed', '--line', '--panel'].map((v) => s.getPropertyValue(v).trim());")
        panel = colours[-1]
        for name, colour in zip(["text", "muted", "accent", "match", "added", "changed"], colours):
            check(min(contrast(colour, "#ffffff"), contrast(colour, panel)) >= 4.5, "%s %s reaches 4.5:1" % (name, colour))
        check(min(contrast(colours[6], "#ffffff"), contrast(colours[6], panel)) >= 3, "control borders reach 3:1")

        # Overlays on the same positions.
        d.find_element(By.ID, "overlay-gaps").click()
        marks = data["gapMarks"]
        check(len(d.find_elements(By.CSS_SELECTOR, ".gap-cut")) == len(marks["cutPoints"]) and "gap-cut" in classes(d, els["project_data"]), "cut points marked")
        check(len(d.find_elements(By.CSS_SELECTOR, ".gap-bridge")) == len(marks["bridges"]), "bridges marked")
        check(len(d.find_elements(By.CSS_SELECTOR, "line.gap-tie")) == len(marks["recommended"]), "recommended ties drawn")
        d.save_screenshot(os.path.join(shots, "7-gaps.png"))
        d.find_element(By.ID, "overlay-gaps").click()
        check(d.find_elements(By.CSS_SELECTOR, ".gap-cut, line.gap-tie") == [], "gap marks off again")
        Select(d.find_element(By.ID, "overlay-scenario")).select_by_value("dip-loss")
        check("sc-removed" in classes(d, "actor-dip"), "dip-loss marks DIP removed")
        check("1 actor and 6 ties removed" in d.find_element(By.ID, "explorer-legend").text, "legend: " + d.find_element(By.ID, "explorer-legend").text[:80])
        d.save_screenshot(os.path.join(shots, "8-scenario-dip-loss.png"))
        Select(d.find_element(By.ID, "overlay-scenario")).select_by_value("programme")
        check("sc-removed" not in classes(d, "actor-dip"), "switching scenario clears the last one")
        added = [r for r in data["scenarios"][0]["addedRelations"] if r["from"] in names and r["to"] in names]
        check(len(d.find_elements(By.CSS_SELECTOR, "line.sc-added")) == len(added), "programme's added ties drawn")
        check("Programma Smart City" in d.find_element(By.ID, "explorer-legend").text, "added actor named in the legend")
        d.save_screenshot(os.path.join(shots, "8-scenario-programme.png"))
        Select(d.find_element(By.ID, "overlay-scenario")).select_by_value("")
        d.find_element(By.ID, "overlay-communities").click()
        fill = d.execute_script("return document.querySelector('#actor-dip polygon').style.fill")
        check(fill != "", "communities colour the nodes")
        Select(d.find_element(By.ID, "overlay-size")).select_by_value("degree")
        check(d.find_element(By.ID, "actor-dip").get_attribute("transform") is not None, "node size by degree scales nodes")
        d.save_screenshot(os.path.join(shots, "9-communities-degree.png"))

        # Nothing left the page; the policy refuses what a page might try.
        check(d.execute_script("return performance.getEntriesByType('resource').length") == 0, "no resource loaded")
        check(console(d) == [], "no console message after the interactions")
        d.execute_script("""
            const i = document.createElement('img'); i.src = 'https://example.invalid/x.png'; document.body.appendChild(i);
            const s = document.createElement('script'); s.textContent = 'window.__ran = 1;'; document.body.appendChild(s);
            fetch('https://example.invalid/y').catch(() => {});""")
        time.sleep(0.3)
        violations = d.execute_script("return window.__violations")
        check(set(violations) >= {"img-src", "script-src-elem", "connect-src"}, "CSP refuses image, script and fetch: %s" % violations)
        check(d.execute_script("return window.__ran === undefined"), "an injected inline script does not run")
        probes = console(d)
        check(len(probes) >= 3 and all("Content Security Policy" in e["message"] for e in probes),
              "the console check sees the refused probes: %s" % probes)

        # The date slider, on a dated model.
        d.get("file://" + dated)
        els = {a["id"]: a["el"] for a in page_data(dated)[1]["actors"]}
        slider = d.find_element(By.ID, "date")
        check(slider.is_displayed(), "dated model shows the slider")
        slider.send_keys(Keys.HOME)
        for _ in range(5):
            slider.send_keys(Keys.ARROW_RIGHT)
        check(d.find_element(By.ID, "date-value").text == "2015", "slider at 2015")
        visible = sorted(i for i in ["city", "old_firm", "new_firm", "lab"] if shown(d, els[i]))
        check(visible == ["city", "lab", "old_firm"], "2015: %s" % visible)
        for _ in range(5):
            slider.send_keys(Keys.ARROW_RIGHT)
        visible = sorted(i for i in ["city", "old_firm", "new_firm", "lab"] if shown(d, els[i]))
        check(visible == ["city", "lab", "new_firm"], "2020: %s" % visible)
        check(d.find_element(By.ID, "counts").text == "3 of 4 actors, 3 of 4 ties shown", "2020 counts")
        d.save_screenshot(os.path.join(shots, "10-date-2020.png"))
        slider.send_keys(Keys.END)
        check(d.find_element(By.ID, "date-value").text == "all dates", "slider end: all dates")
        # Zoetermeer carries the memo's dates now, so it has the slider; an undated model has none.
        d.get("file://" + page)
        check(d.find_element(By.ID, "date").is_displayed(), "Zoetermeer (dated from the memo): the slider")
        undated = os.path.join(os.path.dirname(page), "undated.html")
        subprocess.run([ecomap, "explore", os.path.join(ROOT, "Datasets/examples/tiny.json"), "-o", undated], check=True, capture_output=True)
        d.get("file://" + undated)
        check(not d.find_element(By.ID, "date").is_displayed(), "undated model: no slider")
        logs = console(d)
        check(logs == [], "no console message on the dated page: %s" % logs)
        elapsed = time.time() - started
    finally:
        d.quit()
        shutil.rmtree(work, ignore_errors=True)
    print("explore browser test: %d checks passed, %d failed (%.1f s in the browser); screenshots in %s"
          % (check.passed, check.failures, elapsed, shots))
    return check.failures == 0


def measure(page, runs):
    d = browser()
    try:
        results = []
        for _ in range(runs):
            d.get("file://" + os.path.abspath(page))
            time.sleep(0.3)
            results.append(d.execute_script("""
                const paint = performance.getEntriesByType('paint').find(e => e.name === 'first-contentful-paint');
                return [paint ? paint.startTime : null, window.ecomapExplorer.ready, window.ecomapExplorer.firstFrame,
                        performance.getEntriesByType('resource').length, window.ecomapExplorer.start];"""))
        # Interactions: a type filter and a neighbourhood (script time), a zoom step (to the next frame).
        step = d.execute_async_script("""
            const done = arguments[arguments.length - 1];
            let t = performance.now(); document.querySelector('#filters input').click(); const filter = performance.now() - t;
            const first = window.ecomapExplorer;
            const search = document.getElementById('search'); search.value = document.querySelector('#suggestions option').value;
            t = performance.now(); search.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
            const focus = performance.now() - t;
            t = performance.now(); document.getElementById('zoom-in').click();
            requestAnimationFrame(() => requestAnimationFrame(() => {
              const zoom = performance.now() - t;
              const svg = document.querySelector('#canvas svg'), r = svg.getBoundingClientRect();
              t = performance.now();
              svg.dispatchEvent(new WheelEvent('wheel', {deltaY: -100, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2, bubbles: true, cancelable: true}));
              requestAnimationFrame(() => requestAnimationFrame(() => done([filter, focus, zoom, performance.now() - t])));
            }));""")
        errors = console(d)
    finally:
        d.quit()
    for fcp, ready, frame, resources, begun in results:
        print("first-contentful-paint %.0f ms, script from %.0f to %.0f ms, first frame after it %.0f ms, resources %d"
              % (fcp, begun, ready, frame, resources))
    med = lambda i: sorted(r[i] for r in results)[len(results) // 2]
    print("median of %d: first-contentful-paint %.0f ms, first frame after the script %.0f ms; console: %s" % (runs, med(0), med(2), errors))
    print("interactions: type filter %.0f ms, neighbourhood (Enter in search) %.0f ms, zoom button to the next frames %.0f ms, "
          "wheel step (transform) to the next frames %.0f ms" % tuple(step))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ecomap")
    ap.add_argument("--shots", default="/tmp/ecomap-explore-shots")
    ap.add_argument("--measure")
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    if webdriver is None:
        skip("Selenium is not installed (python3 -m pip install -r Tests/Browser/requirements.txt; `make test` does it)")
    for path, package in ((CHROMIUM, "chromium"), (DRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            skip("%s not found (apt-get install %s; `make test` does it)" % (path, package))
    if a.measure:
        return measure(a.measure, a.runs)
    if not a.ecomap:
        ap.error("--ecomap PATH is needed")
    sys.exit(0 if run_tests(a.ecomap, a.shots) else 1)


if __name__ == "__main__":
    main()
