"""JavaScript probes an accessibility auditor runs by hand, packaged for Playwright: each
returns a list of findings (empty when the page passes) so that tests and the audit script
report the same thing."""

from __future__ import annotations

from pathlib import Path

# 1.4.10 Reflow: the document must not scroll sideways, and no visible text may end outside
# the viewport or be clipped by its box, unless it sits in a scrollable region that says so
# (role=region with a name and a keyboard stop). Off-screen parts that Material hides on
# purpose (the closed drawer, the closed search layer, visually hidden text) do not count.
REFLOW = r"""() => {
  const found = [];
  const doc = document.scrollingElement;
  if (doc.scrollWidth > doc.clientWidth + 1)
    found.push(`document ${doc.scrollWidth}px breed bij ${doc.clientWidth}px`);
  const vw = document.documentElement.clientWidth;
  const hiddenByDesign = el => el.closest(
    '.md-sidebar, .md-search, .md-overlay, .md-tooltip, .md-skip, [hidden], .md-dialog, .md-top, .ww-visually-hidden, .md-visually-hidden');
  const inScroller = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (/(auto|scroll)/.test(s.overflowX) && p.scrollWidth > p.clientWidth)
        return p;
    }
    return null;
  };
  for (const el of document.body.querySelectorAll('*')) {
    if (!el.childNodes.length || hiddenByDesign(el)) continue;
    const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!ownText) continue;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.display === 'none') continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const name = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 30)}"`;
    const scroller = inScroller(el);
    if (scroller) {
      const named = scroller.getAttribute('role') === 'region' && scroller.getAttribute('aria-label')
        && scroller.tabIndex >= 0;
      if (!named) found.push(`schuift zonder aankondiging: ${name}`);
      continue;
    }
    if (r.right > vw + 1 || r.left < -1) found.push(`buiten beeld: ${name} (${Math.round(r.left)}-${Math.round(r.right)}px)`);
    else if (/(hidden|clip)/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1
             && s.textOverflow !== 'ellipsis')
      found.push(`afgekapt: ${name}`);
  }
  return [...new Set(found)];
}"""

# 1.4.12 Text spacing: the spacing a reader may set (WCAG's own test values); after it, the
# REFLOW probe must still find nothing cut off.
TEXT_SPACING = r"""() => {
  const style = document.createElement('style');
  style.textContent = `* { line-height: 1.5 !important; letter-spacing: .12em !important;
    word-spacing: .16em !important; } p { margin-bottom: 2em !important; }`;
  document.head.appendChild(style);
  // Scripts that react to the new layout (a11y.js's ResizeObserver) run before the next frames.
  return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""

# A word broken across two lines with no hyphen at the break: Range.getClientRects per word
# gives one rectangle per line it occupies. A break after a hyphen or at a soft hyphen (which
# the browser draws as a hyphen) is fine.
SPLIT_WORDS = r"""() => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  // Visually hidden text (a 1 px box for screen readers) wraps every letter: not read.
  const clipped = el => {
    for (let e = el; e; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.clipPath !== 'none' || cs.clip !== 'auto') return true;
    }
    return false;
  };
  const skip = el => !el || el.closest('.md-sidebar, .md-search, script, style, [hidden], pre, code, .md-skip, .md-tooltip');
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (skip(el) || !node.textContent.trim()) continue;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.display === 'none' || clipped(el)) continue;
    const text = node.textContent;
    for (const m of text.matchAll(/[^\s\u2011-]{2,}/g)) {
      // An address or file name may break anywhere: a hyphen there would change it.
      if (/[@\/_]|\.\w/.test(m[0])) continue;
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width).map(r => Math.round(r.top)));
      if (tops.size < 2) continue;  // on one line: the common case, checked cheaply
      const lines = new Set();
      let breakAt = -1, lastTop = null;
      for (let i = 0; i < m[0].length; i++) {
        range.setStart(node, m.index + i);
        range.setEnd(node, m.index + i + 1);
        // At a soft hyphen Chromium gives the next letter the drawn hyphen's box as well:
        // the letter's own box is the last one.
        const rect = [...range.getClientRects()].filter(r => r.width).pop();
        if (!rect) continue;
        const top = Math.round(rect.top);
        if (lastTop !== null && Math.abs(top - lastTop) > 2 && breakAt < 0) breakAt = i;
        lastTop = top;
        lines.add(top);
      }
      if (breakAt > 0 && m[0][breakAt - 1] !== '\u00ad')
        found.push(`${m[0].replace(/\u00ad/g, '')} (${m[0].slice(0, breakAt).replace(/\u00ad/g, '')}|${m[0].slice(breakAt).replace(/\u00ad/g, '')}) in ${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    }
  }
  return [...new Set(found)];
}"""

# 1.3.1 Headings: levels in document order (what a screen reader lists), from the
# accessibility semantics: aria-level wins over the tag. Visible headings only.
HEADINGS = r"""() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6,[role=heading]')]
  .filter(h => h.getClientRects().length || h.closest('.md-search'))
  .filter(h => !h.closest('[hidden], [aria-hidden=true]'))
  .map(h => ({level: Number(h.getAttribute('aria-level') || h.tagName.slice(1)),
              text: h.textContent.replace(/\s+/g, ' ').trim().slice(0, 60)}))"""


def skipped_levels(headings: list[dict]) -> list[str]:
    """Headings that jump more than one level down from the one before, or a page whose first
    heading is not its single h1."""
    problems = []
    ones = [h for h in headings if h["level"] == 1]
    if len(ones) != 1:
        problems.append(f"{len(ones)} koppen van niveau 1: {[h['text'] for h in ones]}")
    previous = 0
    for heading in headings:
        if heading["level"] > previous + 1:
            problems.append(f"h{previous} -> h{heading['level']} '{heading['text']}'")
        previous = heading["level"]
    return problems


def page_paths(site: Path) -> list[str]:
    """Every page of a built site, as URL paths ('' for the home page)."""
    paths = []
    for index in sorted(site.rglob("index.html")):
        rel = index.parent.relative_to(site).as_posix()
        paths.append("" if rel == "." else rel + "/")
    return paths

# 1.4.3 Contrast (minimum), from computed styles: each visible piece of text against the
# first background behind it that is painted (semi-transparent layers blended on the way).
# Text on an image or gradient is skipped (it cannot be computed); large text needs 3:1.
CONTRAST = r"""(root) => {
  const parse = c => { const m = c.match(/[\d.]+/g); if (!m) return null;
    return {r: +m[0], g: +m[1], b: +m[2], a: m.length > 3 ? +m[3] : 1}; };
  const blend = (top, below) => ({r: top.r * top.a + below.r * (1 - top.a),
    g: top.g * top.a + below.g * (1 - top.a), b: top.b * top.a + below.b * (1 - top.a), a: 1});
  const lum = c => { const f = v => { v /= 255; return v <= .03928 ? v / 12.92 : ((v + .055) / 1.055) ** 2.4; };
    return .2126 * f(c.r) + .7152 * f(c.g) + .0722 * f(c.b); };
  const cache = new Map();
  const background = el => {
    if (cache.has(el)) return cache.get(el);
    const result = paintedBehind(el);
    cache.set(el, result);
    return result;
  };
  const paintedBehind = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.backgroundImage !== 'none') return null;
      const c = parse(s.backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let result = {r: 255, g: 255, b: 255, a: 1};
    for (const layer of layers.reverse()) result = blend(layer, result);
    return result;
  };
  const opacities = new Map();
  const opacityOf = el => {
    if (!el) return 1;
    if (!opacities.has(el))
      opacities.set(el, +getComputedStyle(el).opacity * opacityOf(el.parentElement));
    return opacities.get(el);
  };
  const found = [];
  const scope = root || document.body;
  for (const el of scope.querySelectorAll('*')) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest('[aria-hidden=true], .ww-visually-hidden, .md-visually-hidden, script, style, svg')) continue;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden' || s.display === 'none' || !el.getClientRects().length) continue;
    const opacity = opacityOf(el);
    if (opacity === 0) continue;
    const bg = background(el);
    if (!bg) continue;
    const fg0 = parse(s.color);
    const fg = blend({...fg0, a: fg0.a * opacity}, bg);
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (l1 + .05) / (l2 + .05);
    const size = parseFloat(s.fontSize), bold = +s.fontWeight >= 700;
    const large = size >= 24 || (bold && size >= 18.66);
    if (ratio < (large ? 3 : 4.5) - 0.005)
      found.push(`${ratio.toFixed(2)}:1 ${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 30)}"`);
  }
  return [...new Set(found)];
}"""

# 4.1.2 / 1.1.1: the controls in the header as the accessibility tree shows them at phone
# width: each visible one a named control, and no unnamed image.
HEADER_CONTROLS = r"""() => [...document.querySelectorAll('.md-header *')]
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .filter(e => e.matches('a[href], button, input:not([type=hidden]), [role=button], label[for], svg, img'))
  .filter(e => !e.closest('[aria-hidden=true], .md-search__inner, .md-search'))
  .filter(e => !(e.matches('svg, img') && e.parentElement.closest('a[aria-label], button, [role=button]')))
  .map(e => ({tag: e.tagName.toLowerCase(), role: e.getAttribute('role') || '',
              name: (e.getAttribute('aria-label') || e.getAttribute('alt') || e.getAttribute('title')
                     || e.textContent || '').trim(),
              focusable: e.tabIndex >= 0}))"""

# 2.4.4 / 4.1.2: a heading permalink must not be read as its visible "¶".
PERMALINKS = r"""() => [...document.querySelectorAll('a.headerlink')]
  .filter(a => !(a.getAttribute('aria-label') || '').trim())
  .map(a => a.getAttribute('href'))"""


def unnamed_controls(controls: list[dict]) -> list[str]:
    """Header controls a screen reader cannot name: an image without a name (an svg that is
    not hidden from it), or a label or link without a name or without a keyboard stop."""
    problems = []
    for control in controls:
        if control["tag"] in ("svg", "img"):
            problems.append(f"afbeelding zonder naam ({control['tag']})")
        elif not control["name"]:
            problems.append(f"{control['tag']} zonder naam")
        elif control["tag"] == "label" and (control["role"] != "button"
                                            or not control["focusable"]):
            problems.append(f"'{control['name']}' is geen knop voor het toetsenbord")
    return problems
