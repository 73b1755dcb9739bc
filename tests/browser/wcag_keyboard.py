"""What an auditor does with the keyboard, packaged for Playwright: tab forward and backward
through a page and look at every element that takes the focus (2.4.7: is it visible, inside
the viewport, not covered by a sticky header, bar or column; 1.4.11: does its focus indicator
contrast 3:1 with what is behind it, in normal and forced-colours mode), open the drawer and
the search layer with the keyboard and check that the focus stays inside (2.4.3, 2.1.1), and
read the browser's accessibility tree for the name of every link and control (4.1.2, 2.4.4).
Each function returns a list of Dutch findings, empty when the page passes; wcag_audit.py runs
them on every page and tests/browser/test_wcag_keyboard.py shows that they find the old
failures."""

from __future__ import annotations

from tests.browser.conftest import type_query

# The element that has the focus, as a reader sees it. Returns {key, where, problems}:
# `key` tells one stop from another (to see when the walk has gone round), `where` is a short
# description for the findings. Checked:
# - invisible: no box, visibility hidden, opacity 0 on it or an ancestor, clipped to nothing;
# - outside the viewport: no part of its box inside the window (after the browser scrolled);
# - covered: at most half of its box (the part inside the window) shows; what lies on top is
#   found with elementsFromPoint on a grid of points, counting only layers that paint;
# - focus indicator: an outline (or, failing that, a box-shadow) with 3:1 contrast against
#   the colour behind the element; in forced-colours mode the browser drops box-shadows and
#   backgrounds, so the same probe then finds a missing indicator.
# - a closed drawer's link: at phone width the drawer's links must not take the focus while
#   the menu button says it is closed.
FOCUS = r"""() => {
  const el = document.activeElement;
  // Let what the focus set off end first (the skip link fades in, a drawer slides).
  // (jump to their end: a reader sees the end state a moment later).
  if (el) getComputedStyle(el).opacity;
  for (const a of document.getAnimations())
    if (a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime))
      a.finish();
  if (!el || el === document.body || el === document.documentElement)
    return {key: 'body', where: 'body', problems: []};
  const path = [];
  for (let e = el; e && e !== document.body && path.length < 4; e = e.parentElement) {
    path.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
      [...e.classList].slice(0, 2).map(c => '.' + c).join(''));
  }
  const label = (el.getAttribute('aria-label') || el.textContent || el.value || '')
    .replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim().slice(0, 40);
  const where = `${path.join(' > ')} "${label}"`;
  const key = path.join('>') + '|' + (el.getAttribute('href') || '') + '|' + label + '|' +
    [...document.querySelectorAll(el.tagName)].indexOf(el);
  const problems = [];
  const parse = text => { const c = text && (text.match(/rgba?\([^)]*\)/) || [])[0];
    const m = c && c.match(/[\d.]+/g); if (!m || m.length < 3) return null;
    return {r: +m[0], g: +m[1], b: +m[2], a: m.length > 3 ? +m[3] : 1}; };
  const lum = c => { const f = v => { v /= 255; return v <= .03928 ? v / 12.92 : ((v + .055) / 1.055) ** 2.4; };
    return .2126 * f(c.r) + .7152 * f(c.g) + .0722 * f(c.b); };
  const blend = (top, below) => ({r: top.r * top.a + below.r * (1 - top.a),
    g: top.g * top.a + below.g * (1 - top.a), b: top.b * top.a + below.b * (1 - top.a), a: 1});
  const ratio = (a, b) => { const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
    return (l1 + .05) / (l2 + .05); };
  const behind = start => {
    const layers = [];
    for (let e = start; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let result = {r: 255, g: 255, b: 255, a: 1};
    if (matchMedia('(forced-colors: active)').matches) {
      const probe = document.createElement('div');
      probe.style.cssText = 'background: Canvas; position: absolute';
      document.body.appendChild(probe);
      result = parse(getComputedStyle(probe).backgroundColor) || result;
      probe.remove();
    }
    for (const layer of layers.reverse()) result = blend(layer, result);
    return result;
  };

  // Visible at all?
  const s = getComputedStyle(el);
  let opacity = 1;
  for (let e = el; e; e = e.parentElement) opacity *= +getComputedStyle(e).opacity;
  const rect = el.getBoundingClientRect();
  let clipped = false;
  for (let e = el; e; e = e.parentElement) {
    const cs = getComputedStyle(e);
    if (cs.clipPath.startsWith('inset(50%') || (cs.clip !== 'auto' && /rect\(0(px)?,? 0(px)?/.test(cs.clip)))
      clipped = true;
  }
  if (!el.getClientRects().length || rect.width < 1 || rect.height < 1 || s.visibility === 'hidden'
      || opacity < 0.1 || clipped) {
    problems.push(`onzichtbaar element krijgt de focus: ${where}`);
    return {key, where, problems};
  }
  const vw = document.documentElement.clientWidth, vh = window.innerHeight;
  const left = Math.max(rect.left, 0), right = Math.min(rect.right, vw);
  const top = Math.max(rect.top, 0), bottom = Math.min(rect.bottom, vh);
  if (right - left < 1 || bottom - top < 1) {
    problems.push(`focus buiten beeld (${Math.round(rect.left)},${Math.round(rect.top)}): ${where}`);
    return {key, where, problems};
  }

  // Covered? Sample a 5 x 3 grid of the visible part; only painting layers count.
  const paints = e => {
    const cs = getComputedStyle(e);
    if (cs.visibility === 'hidden') return false;
    let o = 1;
    for (let p = e; p; p = p.parentElement) o *= +getComputedStyle(p).opacity;
    if (o < 0.1) return false;
    const bg = parse(cs.backgroundColor);
    return (bg && bg.a > 0.5) || cs.backgroundImage !== 'none' || e.matches('img, svg, video, canvas');
  };
  let covered = 0, total = 0;
  const coverers = new Set();
  for (let i = 0; i < 5; i++) for (let j = 0; j < 3; j++) {
    const x = left + (right - left) * (i + .5) / 5, y = top + (bottom - top) * (j + .5) / 3;
    total++;
    for (const hit of document.elementsFromPoint(x, y)) {
      if (hit === el || el.contains(hit) || hit.contains(el)) break;
      if (hit.closest('label') && hit.closest('label').control === el) break;
      if (paints(hit)) {
        covered++;
        coverers.add(hit.tagName.toLowerCase() + [...hit.classList].slice(0, 2).map(c => '.' + c).join(''));
        break;
      }
    }
  }
  const ownArea = rect.width * rect.height, shown = (right - left) * (bottom - top);
  const hiddenShare = 1 - (shown / ownArea) * (1 - covered / total);
  if (covered && hiddenShare > 0.5)
    problems.push(`focus bedekt door ${[...coverers].join(', ')}: ${where}`);

  // The focus indicator and its contrast (3:1) with what is behind the element.
  const bg = behind(el.parentElement || el);
  const ownBg = behind(el);
  let best = 0, kind = 'geen';
  if (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) {
    const c = parse(s.outlineColor);
    if (c && c.a > 0) {
      const offset = parseFloat(s.outlineOffset) || 0;
      const against = offset < 0 ? ownBg : bg;
      best = Math.max(best, ratio(blend(c, against), against)); kind = 'outline';
    }
  }
  if (best < 3 && s.boxShadow && s.boxShadow !== 'none') {
    for (const part of s.boxShadow.split(/,(?![^(]*\))/)) {
      const c = parse(part);
      const widths = (part.replace(/rgba?\([^)]*\)/, '').match(/-?[\d.]+px/g) || []).map(parseFloat);
      if (c && c.a > 0 && widths.some(w => Math.abs(w) >= 1)) {
        best = Math.max(best, ratio(blend(c, bg), bg)); kind = 'schaduw';
      }
    }
  }
  if (best < 3) {
    const forced = matchMedia('(forced-colors: active)').matches ? ' (geforceerde kleuren)' : '';
    problems.push(kind === 'geen' ? `geen focusrand${forced}: ${where}`
      : `focusrand ${best.toFixed(2)}:1${forced}: ${where}`);
  }

  // A closed drawer's link at phone width.
  const drawer = document.getElementById('__drawer');
  if (drawer && !drawer.checked && el.closest('.md-sidebar--primary')
      && matchMedia('(max-width: 76.234375em)').matches)
    problems.push(`link in het gesloten menu krijgt de focus: ${where}`);
  return {key, where, problems};
}"""


stops: list[int] = []  # stops per walk, for the audit's record


def focus_state(page) -> dict:
    """FOCUS on the element that has the focus; a stop with a finding is looked at again once
    the page has settled (scripts that react to scrolling, such as Material's tabs, run a
    frame or two later), so that only what stays wrong is reported."""
    state = page.evaluate(FOCUS)
    if state["problems"]:
        page.wait_for_timeout(150)
        state = page.evaluate(FOCUS)
    return state


def walk(page, backward: bool = False, limit: int = 400) -> list[str]:
    """Tab (or Shift+Tab) from the top of the page until the focus has gone round once;
    the findings of every stop."""
    key = "Shift+Tab" if backward else "Tab"
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); "
                  "window.scrollTo(0, 0); }")
    found: list[str] = []
    seen: set[str] = set()
    first = ""
    for _ in range(limit):
        page.keyboard.press(key)
        state = focus_state(page)
        if state["key"] == "body" and seen:
            break
        if state["key"] in seen:
            if state["key"] != first:
                found.append(f"{key} gaat terug naar een eerdere stop in plaats van verder: "
                             f"{state['where']}")
            break
        first = first or state["key"]
        seen.add(state["key"])
        found += state["problems"]
    else:
        found.append(f"na {limit} tabs nog niet rond")
    stops.append(len(seen))
    return list(dict.fromkeys(found))


def _inside(page, selector: str) -> bool:
    return page.evaluate("s => !!(document.activeElement && document.activeElement.closest(s))",
                         selector)


def drawer_focus(page, tabs: int = 60) -> list[str]:
    """Open the navigation drawer with the menu button and the keyboard (phone width), then
    Tab forward and backward: the focus must stay in the drawer, and every stop be visible."""
    button = page.locator(".md-header__button[for='__drawer']")
    if not button.count() or not button.is_visible():
        return []
    button.focus()
    page.keyboard.press("Enter")
    try:
        page.wait_for_function("document.getElementById('__drawer').checked", timeout=2000)
    except Exception:  # noqa: BLE001 - Playwright's TimeoutError; a finding, not a crash
        return ["het menu gaat niet open met Enter op de menuknop"]
    page.wait_for_timeout(300)  # the drawer slides in
    found: list[str] = []
    for key in ("Tab", "Shift+Tab"):
        for _ in range(tabs):
            page.keyboard.press(key)
            state = focus_state(page)
            if not _inside(page, ".md-sidebar--primary, .md-header label[for='__drawer']"):
                found.append(f"focus verlaat het open menu ({key}) naar {state['where']}")
                break
            found += [p for p in state["problems"] if "gesloten menu" not in p]
    page.keyboard.press("Escape")
    return list(dict.fromkeys(found))


# What a control in the search layer is: its result's address, its own, its name.
IDENT = r"""e => [(e.closest('li') && e.closest('li').querySelector('a') || {}).href || '',
  e.tagName, e.getAttribute('href') || '',
  (e.getAttribute('aria-label') || e.textContent).replace(/\s+/g, ' ').trim().slice(0, 40)].join('|')"""


def search_focus(page, query: str, wide: bool, attempts: int = 30) -> list[str]:
    """Open the search layer with the keyboard (the search field at desktop width, the search
    button on a phone), type a query, and Tab forward and backward: the focus must stay in the
    layer and reach every control in it (the share control, the results, each result's "more"
    toggle), and each stop be visible with a focus indicator."""
    if wide:
        page.locator("input.md-search__input").focus()
    else:
        page.locator(".md-header__button[for='__search']").focus()
        page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__search').checked", timeout=2000)
    box = page.locator("input.md-search__input")
    type_query(page, query, attempts)
    # The results are drawn again when the full index arrives (search-lazy.js): wait until
    # they hold still.
    page.wait_for_function("""() => {
        const now = document.querySelector('.md-search-result__list').innerHTML;
        window.__auditStill = window.__auditResults === now ? (window.__auditStill || 0) + 1 : 0;
        window.__auditResults = now;
        return window.__auditStill >= 3;
    }""", polling=500, timeout=20000)
    # Every control the layer shows, by what it is (Material may draw the list again).
    targets = page.evaluate(f"""() => [...document.querySelectorAll(
        '.md-search [href], .md-search summary, .md-search button, .md-search input')]
        .filter(e => e.checkVisibility({{opacityProperty: true, visibilityProperty: true}})
                     && e.getClientRects().length)
        .map({IDENT})""")
    found: list[str] = []
    for key in ("Tab", "Shift+Tab"):
        box.focus()
        reached: set[str] = set()
        # Material draws more results as the focus nears the end of the list: go round once,
        # however long the list becomes.
        for _ in range(200):
            page.keyboard.press(key)
            if not page.evaluate("document.getElementById('__search').checked"):
                found.append(f"{key} sluit de zoeklaag")
                break
            state = focus_state(page)
            if not _inside(page, ".md-search"):
                found.append(f"focus verlaat de zoeklaag ({key}) naar {state['where']}")
                break
            found += state["problems"]
            reached.add(page.evaluate(f"() => ({IDENT})(document.activeElement)"))
            if page.evaluate("document.activeElement.matches('input.md-search__input')"):
                break  # round once
        missing = [t.split("|")[-1] for t in targets if t not in reached]
        if missing and key == "Tab":
            found.append(f"met Tab niet bereikbaar in de zoeklaag: {missing[:3]} (de focus "
                         f"bleef op {page.evaluate(FOCUS)['where']})")
    page.keyboard.press("Escape")
    return list(dict.fromkeys(found))


CONTROL_ROLES = {"link", "button", "checkbox", "radio", "textbox", "searchbox", "combobox",
                 "menuitem", "tab", "switch", "slider", "spinbutton", "listbox", "option",
                 "DisclosureTriangle", "region", "columnheader", "rowheader"}


def tree_names(page) -> list[str]:
    """The browser's own accessibility tree (Chrome DevTools protocol): every link and
    control that a screen reader meets must have a name, and no name may carry a soft
    hyphen (the build's hyphenation is for the eye)."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    found = []
    for node in nodes:
        if node.get("ignored"):
            continue
        role = (node.get("role") or {}).get("value", "")
        if role not in CONTROL_ROLES:
            continue
        name = str((node.get("name") or {}).get("value", ""))
        if role in ("region", "columnheader", "rowheader") and not name:
            continue  # an unnamed region is no landmark; an empty header cell is checked below
        if not name.strip():
            found.append(f"{role} zonder naam")
        elif "\u00ad" in name:
            found.append(f"zacht afbreekstreepje in de naam van {role} "
                         f"\"{name.replace(chr(0xad), '|')[:50]}\"")
    return sorted(set(found))


def table_rows(page) -> list[str]:
    """1.3.1 in the accessibility tree: every row of a table has as many cells (and header
    cells) as its first row; a cell hidden with display: none on a phone (the compare table's
    corner) moves every column header one place."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    by_id = {node["nodeId"]: node for node in nodes}

    def role(node) -> str:
        return (node.get("role") or {}).get("value", "")

    def children(node, roles: set[str]) -> list[dict]:
        found = []
        for child_id in node.get("childIds", []):
            child = by_id.get(child_id)
            if not child:
                continue
            if role(child) in roles:
                found.append(child)
            elif role(child) not in ("table", "grid"):
                found += children(child, roles)  # through row groups and ignored wrappers
        return found

    cells = {"cell", "gridcell", "columnheader", "rowheader"}
    found = []
    for table in (n for n in nodes if role(n) in ("table", "grid") and not n.get("ignored")):
        rows = children(table, {"row"})
        widths = [len(children(row, cells)) for row in rows]
        if widths and any(w != widths[0] for w in widths):
            name = str((table.get("name") or {}).get("value", ""))[:40]
            found.append(f"tabel \"{name}\": rijen met {sorted(set(widths))} cellen")
    return found
