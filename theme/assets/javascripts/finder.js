/* Wat Werkt: the interventie-zoeker on /interventies/.
 *
 * Progressive enhancement of the server-rendered list: every card (li[data-intervention]) stays
 * in the page; this script adds the filters, hides the cards that do not match and keeps the
 * state in the URL query (thema, doelgroep, niveau, uitvoerder, status, q, sort). Our own code,
 * no library: a few thousand items and five facets with disjunctive counts are one linear pass.
 * The data comes from interventies/finder-data.js (a script tag, so it works from file://).
 * The vergelijk page loads this file too, before compare.js, for the helpers in WatWerkt.
 */
(function () {
  "use strict";

  var shared = window.WatWerkt = window.WatWerkt || {};
  shared.COMPARE_KEY = "watwerkt-vergelijk";   // sessionStorage: the picks for the compare page

  /** document.createElement with attributes ("text", "className" or any attribute) and
   *  children (nodes or strings; null is skipped). */
  shared.el = function (tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) {
        node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
      }
    });
    return node;
  };

  var el = shared.el;
  var data = window.WATWERKT_FINDER;
  var root = document.getElementById("ww-finder");
  var results = document.getElementById("ww-finder-results");
  if (!data || !root || !results) return;
  performance.mark("ww-finder-start");   // bench/finder_bench.py reports the start-up time

  var FACETS = data.facets;
  var LEVEL = FACETS.map(function (f) { return f.key; }).indexOf("niveau");
  // "relevantie" is the default: the best match first while a word is typed, A–Z otherwise.
  var SORTS = [["relevantie", "Beste treffer eerst"], ["titel", "Titel (A–Z)"],
    ["niveau", "Erkenning (sterkste eerst)"],
    ["gecontroleerd", "Laatst gecontroleerd (nieuwste eerst)"]];
  var MAX_COMPARE = 3;
  var STORE_KEY = shared.COMPARE_KEY;
  var ui = {};            // the controls, built once
  var items = [];         // one record per intervention with a card on this page
  var orders = {};        // sort key -> items in that order, computed when first asked for
  var URL_DELAY = 300;               // ms after the last change before the URL is written
  var PAGE = data.page_size || 50;   // cards drawn at once; "Toon meer" adds as many again
  var limit = PAGE;
  var picked = [];        // slugs chosen for the compare page
  var Text = window.WatWerktText;   // ww-text.js: the analyser the site search uses too
  var textIndex = null;   // built on the first word typed
  var lastSearch = null;  // {q, result}: the last text search, kept while facets change

  /* ---------- text ---------- */

  /* ---------- model ---------- */

  function buildItems() {
    var index = FACETS.map(function (f) {
      var map = {};
      f.values.forEach(function (v, i) { map[v.id] = i; });
      return map;
    });
    var cards = {};
    results.querySelectorAll("[data-intervention]").forEach(function (card, i) {
      cards[card.getAttribute("data-intervention")] = {card: card, position: i};
    });
    data.items.forEach(function (record) {
      var found = cards[record.slug];
      if (!found) return;
      var values = FACETS.map(function (f, i) {
        var raw = [].concat(record[f.key] || []);
        return raw.map(function (id) { return index[i][id]; })
          .filter(function (n) { return n !== undefined; });
      });
      var level = FACETS[LEVEL].values[values[LEVEL][0]];
      items.push({slug: record.slug, title: record.title, card: found.card,
        position: found.position, values: values, summary: record.summary || "",
        keywords: keywords(values),
        rank: level ? level.rank : 0, reviewed: record.reviewed || "",
        withdrawn: record.status === "ingetrokken", shown: true});
    });
  }

  /** A record's themes and target groups, with the words readers use for them. */
  function keywords(values) {
    var words = [];
    FACETS.forEach(function (f, i) {
      if (f.key !== "thema" && f.key !== "doelgroep") return;
      values[i].forEach(function (v) {
        var value = f.values[v];
        words.push(value.label);
        if (value.words) words = words.concat(value.words);
      });
    });
    return words.join(" · ");
  }

  /* ---------- text search ---------- */

  function getIndex() {
    if (!textIndex) {
      textIndex = new Text.Index({title: 10, keywords: 5, summary: 3});
      items.forEach(function (item) {
        textIndex.add({title: item.title, keywords: item.keywords, summary: item.summary});
      });
    }
    return textIndex;
  }

  /** Per item (by number) its text score, or null when it does not match; only the items with
   *  the most query words match (all of them when any item has all). */
  function textSearch(q) {
    if (lastSearch && lastSearch.q === q) return lastSearch.result;
    var found = getIndex().search(q);
    var best = 0;
    found.results.forEach(function (r) { best = Math.max(best, Text.covered(r.matched)); });
    var scores = new Array(items.length);
    found.results.forEach(function (r) {
      if (best > 0 && Text.covered(r.matched) === best) scores[r.doc] = r.score;
    });
    var result = {scores: scores, replaced: found.replaced, slots: found.slots, best: best};
    lastSearch = {q: q, result: result};
    return result;
  }

  /** For tests and bench/search_relevance.py: whether the matching cards hold every word. */
  shared.finderFirstHasAll = function (q) {
    var result = textSearch(String(q).trim());
    return result.slots.length > 0 && result.best === result.slots.length;
  };

  /* ---------- state <-> URL ---------- */

  function readState(search) {
    var params = new URLSearchParams(search);
    var state = {facets: {}, q: (params.get("q") || "").trim(), sort: SORTS[0][0]};
    FACETS.forEach(function (f) {
      var wanted = params.getAll(f.key);
      state.facets[f.key] = f.values.map(function (v) { return v.id; })
        .filter(function (id) { return wanted.indexOf(id) >= 0; });
    });
    var sort = params.get("sort");
    if (SORTS.some(function (s) { return s[0] === sort; })) state.sort = sort;
    return state;
  }

  function writeQuery(state) {
    var params = new URLSearchParams();
    FACETS.forEach(function (f) {
      state.facets[f.key].forEach(function (id) { params.append(f.key, id); });
    });
    if (state.q) params.set("q", state.q);
    if (state.sort !== SORTS[0][0]) params.set("sort", state.sort);
    var query = params.toString();
    return query ? "?" + query : "";
  }

  // The URL is written a moment after the last change, not on every click or keystroke:
  // history.pushState costs time in proportion to the page (thousands of cards), and a burst
  // of typing or ticking becomes one step for the back button. Leaving the page writes it now.
  var pending = null;
  var timer = 0;

  function remember(state, push, now) {
    pending = {state: state, push: push || (pending !== null && pending.push)};
    clearTimeout(timer);
    if (now) writeUrl(); else timer = setTimeout(writeUrl, URL_DELAY);
  }

  function writeUrl() {
    clearTimeout(timer);
    if (!pending) return;
    var push = pending.push, query = writeQuery(pending.state);
    pending = null;
    if (query === location.search) return;
    var url = location.pathname + query + location.hash;
    try {
      if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
    } catch (e) { /* a browser that refuses history on file:// still filters */ }
  }

  /* ---------- filtering ---------- */

  function selection(state) {
    // Per facet a flag per value, or null when nothing is chosen. Without a status choice only
    // active interventions are shown: withdrawn ones appear only when asked for.
    return FACETS.map(function (f) {
      var chosen = state.facets[f.key];
      if (!chosen.length && f.key === "status") chosen = ["actief"];
      if (!chosen.length) return null;
      var flags = new Uint8Array(f.values.length);
      f.values.forEach(function (v, i) { if (chosen.indexOf(v.id) >= 0) flags[i] = 1; });
      return flags;
    });
  }

  function evaluate(state) {
    var flags = selection(state);
    var text = state.q ? textSearch(state.q) : null;
    var counts = FACETS.map(function (f) { return new Int32Array(f.values.length); });
    var shown = 0;
    for (var n = 0; n < items.length; n++) {
      var item = items[n], failed = -1, misses = 0;
      item.match = false;
      item.relevance = text ? text.scores[n] : 0;
      if (text && item.relevance === undefined) continue;
      for (var f = 0; f < FACETS.length && misses < 2; f++) {
        if (flags[f] && !item.values[f].some(function (v) { return flags[f][v]; })) {
          misses++; failed = f;
        }
      }
      // Disjunctive counts: a value's count is what you would get by adding it to its facet,
      // so an item that fails only facet F still counts towards F's values.
      if (misses === 0) { item.match = true; shown++; }
      if (misses > 1) continue;
      for (f = 0; f < FACETS.length; f++) {
        if (misses === 0 || f === failed) item.values[f].forEach(tally(counts[f]));
      }
    }
    return {shown: shown, counts: counts, text: text};
  }

  function tally(counter) { return function (v) { counter[v]++; }; }

  function sorted(key, state) {
    if (key === "relevantie" && state && state.q) {
      // Recomputed for each query (a few thousand items: a sort of numbers).
      return items.slice().sort(function (a, b) {
        return (a.withdrawn - b.withdrawn) || (b.relevance || 0) - (a.relevance || 0) ||
          a.position - b.position;
      });
    }
    if (key === "relevantie") key = "titel";
    if (orders[key]) return orders[key];
    var byPosition = function (a, b) { return a.position - b.position; };
    var compare = {
      titel: byPosition,
      niveau: function (a, b) { return b.rank - a.rank || byPosition(a, b); },
      gecontroleerd: function (a, b) {
        return a.reviewed < b.reviewed ? 1 : a.reviewed > b.reviewed ? -1 : byPosition(a, b);
      }
    }[key];
    // Withdrawn interventions stay after the active ones, as in the list without script.
    orders[key] = items.slice().sort(function (a, b) {
      return (a.withdrawn - b.withdrawn) || compare(a, b);
    });
    return orders[key];
  }

  /* ---------- drawing ---------- */

  function number(n) { return n.toLocaleString("nl-NL"); }

  function draw(state) {
    var outcome = evaluate(state);
    // Only the first `limit` matches are drawn: a page with thousands of visible cards is slow
    // to lay out and to read; "Toon meer" adds the next batch.
    var drawn = [];
    sorted(state.sort, state).forEach(function (item) {
      var show = item.match && drawn.length < limit;
      if (show) drawn.push(item.card);
      if (item.shown !== show) { item.card.hidden = !show; item.shown = show; }
    });
    putInOrder(drawn);
    drawControls(state, outcome.counts);
    var text = outcome.shown ? number(outcome.shown) + " " + (outcome.shown === 1 ? "interventie"
      : "interventies") + " gevonden" : "Geen interventies gevonden";
    if (ui.count.textContent !== text) ui.count.textContent = text;
    ui.empty.hidden = outcome.shown > 0;
    drawEmpty(state, outcome);
    drawNear(outcome.text);
    ui.apply.textContent = outcome.shown ? "Toon " + text.replace(" gevonden", "")
      : "Geen interventies: maak uw keuze ruimer";
    var rest = outcome.shown - Math.min(limit, outcome.shown);
    ui.more.hidden = rest === 0;
    ui.more.textContent = "Toon er meer (nog " + number(rest) + " niet getoond)";
  }

  /** "Bedoelde u ...?" when a typed word was read as a near word of the site. */
  function drawNear(text) {
    var replaced = text ? text.replaced : [];
    ui.near.hidden = !replaced.length;
    ui.near.textContent = "";
    if (!replaced.length) return;
    var better = current ? current.q : "";
    replaced.forEach(function (pair) {
      better = better.split(/\s+/).map(function (w) {
        return Text.fold(w) === pair[0] ? pair[1] : w;
      }).join(" ");
    });
    ui.near.appendChild(document.createTextNode("Bedoelde u "));
    ui.near.appendChild(queryButton(better));
    ui.near.appendChild(document.createTextNode("? Daarop is gezocht."));
  }

  function queryButton(text) {
    var button = el("button", {type: "button", className: "ww-finder__word", text: text});
    button.addEventListener("click", function () {
      ui.query.value = text;
      update(true);
      ui.query.focus();
    });
    return button;
  }

  /** Without results for a text: the site's words nearest to it, and the themes it names. */
  function drawEmpty(state, outcome) {
    ui.emptyHelp.textContent = "";
    ui.emptyHelp.hidden = true;
    if (outcome.shown || !state.q) return;
    var index = getIndex();
    var typed = Text.words(state.q).filter(function (w) { return !Text.STOPWORDS[w]; });
    var near = index.nearest(typed, 3, 5);
    var themes = matchingThemes(typed);
    if (!near.length && !themes.length) return;
    if (near.length) {
      ui.emptyHelp.appendChild(document.createTextNode("Woorden die er wel in staan: "));
      near.forEach(function (word, i) {
        if (i) ui.emptyHelp.appendChild(document.createTextNode(", "));
        ui.emptyHelp.appendChild(queryButton(word));
      });
      ui.emptyHelp.appendChild(document.createTextNode(". "));
    }
    if (themes.length) {
      ui.emptyHelp.appendChild(document.createTextNode("Thema's die erbij passen: "));
      themes.forEach(function (value, i) {
        if (i) ui.emptyHelp.appendChild(document.createTextNode(", "));
        ui.emptyHelp.appendChild(el("a", {href: "?thema=" + encodeURIComponent(value.id),
          text: value.label}));
      });
      ui.emptyHelp.appendChild(document.createTextNode("."));
    }
    ui.emptyHelp.hidden = false;
  }

  function matchingThemes(typed) {
    var facet = FACETS.filter(function (f) { return f.key === "thema"; })[0];
    return facet ? Text.nearThemes(typed, facet.values, 5) : [];
  }

  function putInOrder(cards) {
    // Only the drawn cards stay in the list, in the chosen order; the others wait, hidden, in
    // a hidden box beside it. A list with thousands of hidden children still costs style and
    // layout time on every change; this way at most a few batches of cards move.
    var now = Array.prototype.slice.call(ui.list.children);   // a live list would slow down
    var same = now.length === cards.length;
    for (var n = 0; same && n < cards.length; n++) same = now[n] === cards[n];
    if (same) return;
    var parked = document.createDocumentFragment();
    now.forEach(function (card) { if (card.hidden) parked.appendChild(card); });
    ui.parked.appendChild(parked);
    var fragment = document.createDocumentFragment();
    cards.forEach(function (card) { fragment.appendChild(card); });
    ui.list.appendChild(fragment);
  }

  function showMore() {
    var first = sorted(current.sort, current).filter(function (item) { return item.match; })[limit];
    limit += PAGE;
    draw(current);
    // Keyboard and screen-reader users continue at the first card that was added.
    var link = first && first.card.querySelector("a");
    if (link) link.focus();
  }

  function drawControls(state, counts) {
    var chosen = 0;
    FACETS.forEach(function (f, i) {
      f.values.forEach(function (v, j) {
        var box = ui.boxes[i][j];
        box.checked = state.facets[f.key].indexOf(v.id) >= 0;
        box.disabled = !box.checked && counts[i][j] === 0;
        var label = "(" + counts[i][j] + ")";
        if (ui.counts[i][j].textContent !== label) ui.counts[i][j].textContent = label;
      });
      chosen += state.facets[f.key].length;
    });
    if (ui.query.value.trim() !== state.q) ui.query.value = state.q;
    ui.sort.value = state.sort;
    ui.toggleCount.textContent = chosen ? " (" + chosen + " gekozen)" : "";
    ui.clear.hidden = !chosen && !state.q;
  }

  /* ---------- building the controls ---------- */

  function facetControl(f, i) {
    var list = el("ul", {className: "ww-facet__values"});
    ui.boxes[i] = []; ui.counts[i] = [];
    f.values.forEach(function (v) {
      var id = "ww-f-" + f.key + "-" + v.id;
      var box = el("input", {type: "checkbox", id: id, name: f.key, value: v.id});
      var count = el("span", {className: "ww-facet__count"});
      ui.boxes[i].push(box); ui.counts[i].push(count);
      list.appendChild(el("li", {}, [box, el("label", {"for": id}, [
        document.createTextNode(v.label + " "), count])]));
    });
    var hint = f.key === "status" ? el("p", {className: "ww-facet__hint",
      text: "Zonder keuze: alleen actieve interventies."}) : null;
    return el("fieldset", {className: "ww-facet", "data-facet": f.key},
      [el("legend", {text: f.label}), hint, list]);
  }

  function buildControls() {
    ui.boxes = []; ui.counts = [];
    ui.query = el("input", {type: "search", id: "ww-finder-q", autocomplete: "off",
      enterkeyhint: "search", placeholder: "bijvoorbeeld schulden"});
    ui.toggleCount = el("span");
    ui.toggle = el("button", {type: "button", className: "ww-finder__toggle md-button",
      "aria-expanded": "false", "aria-controls": "ww-finder-filters"},
      [document.createTextNode("Filters"), ui.toggleCount]);
    ui.clear = el("button", {type: "button", className: "ww-finder__clear md-button",
      text: "Wis alle filters"});
    ui.apply = el("button", {type: "button", className: "ww-finder__apply md-button md-button--primary"});
    ui.panel = el("div", {id: "ww-finder-filters", className: "ww-finder__filters"},
      FACETS.map(facetControl).concat([ui.apply]));
    root.appendChild(el("div", {className: "ww-finder__search", role: "search"}, [
      el("label", {"for": "ww-finder-q", text: "Zoek op een woord"}), ui.query]));
    root.appendChild(el("div", {className: "ww-finder__actions"}, [ui.toggle, ui.clear]));
    root.appendChild(ui.panel);
    buildResultsHead();
  }

  function buildResultsHead() {
    ui.count = el("p", {id: "ww-finder-count", className: "ww-finder__count", role: "status",
      "aria-live": "polite", "aria-atomic": "true", tabindex: "-1"});
    ui.sort = el("select", {id: "ww-finder-sort"}, SORTS.map(function (s) {
      return el("option", {value: s[0], text: s[1]});
    }));
    var head = el("div", {className: "ww-finder__head"}, [ui.count,
      el("div", {className: "ww-finder__sort"}, [
        el("label", {"for": "ww-finder-sort", text: "Sorteer op"}), ui.sort])]);
    ui.empty = el("p", {className: "ww-finder__empty", hidden: ""}, [document.createTextNode(
      "Geen interventie past bij al deze keuzes. Haal een filter weg of ")]);
    var reset = el("button", {type: "button", className: "ww-finder__reset",
      text: "wis alle filters"});
    ui.empty.appendChild(reset);
    ui.empty.appendChild(document.createTextNode("."));
    ui.emptyHelp = el("p", {className: "ww-finder__help", hidden: ""});
    ui.near = el("p", {className: "ww-finder__near", hidden: ""});
    reset.addEventListener("click", clearAll);
    // One list for every card: the withdrawn ones join it and show only when asked for.
    ui.list = results.querySelector("ul.ww-cards") || el("ul", {className: "ww-cards"});
    results.insertBefore(head, results.firstChild);
    results.insertBefore(ui.empty, head.nextSibling);
    results.insertBefore(ui.emptyHelp, ui.empty.nextSibling);
    results.insertBefore(ui.near, ui.emptyHelp.nextSibling);
    if (!ui.list.parentNode) results.appendChild(ui.list);
    results.querySelectorAll("ul.ww-cards").forEach(function (other) {
      if (other === ui.list) return;
      while (other.firstChild) ui.list.appendChild(other.firstChild);
    });
    ui.more = el("button", {type: "button", className: "md-button ww-finder__more", hidden: ""});
    results.insertBefore(ui.more, ui.list.nextSibling);
    ui.parked = el("ul", {className: "ww-finder__parked", hidden: ""});
    results.appendChild(ui.parked);
    var withdrawn = results.querySelector(".ww-finder-withdrawn");
    if (withdrawn) withdrawn.hidden = true;
  }

  /* ---------- events ---------- */

  var current;

  function stateFromControls() {
    var state = {facets: {}, q: ui.query.value.trim(), sort: ui.sort.value};
    FACETS.forEach(function (f, i) {
      state.facets[f.key] = f.values.filter(function (v, j) { return ui.boxes[i][j].checked; })
        .map(function (v) { return v.id; });
    });
    return state;
  }

  function update(push) {
    limit = PAGE;
    current = stateFromControls();
    draw(current);
    remember(current, push);
  }

  function clearAll() {
    ui.boxes.forEach(function (boxes) { boxes.forEach(function (b) { b.checked = false; }); });
    ui.query.value = "";
    update(true);
    ui.query.focus();
  }

  function setOpen(open) {
    ui.toggle.setAttribute("aria-expanded", open ? "true" : "false");
    ui.panel.classList.toggle("is-open", open);
  }

  function listen() {
    ui.panel.addEventListener("change", function () { update(true); });
    ui.sort.addEventListener("change", function () { update(true); });
    ui.query.addEventListener("input", function () { update(true); });
    // A link followed within URL_DELAY still leaves the current choices in the history.
    document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a[href]")) writeUrl();
    }, true);
    window.addEventListener("pagehide", writeUrl);
    ui.clear.addEventListener("click", clearAll);
    ui.toggle.addEventListener("click", function () {
      setOpen(ui.toggle.getAttribute("aria-expanded") !== "true");
    });
    ui.apply.addEventListener("click", function () {
      setOpen(false);
      ui.count.focus();
    });
    ui.more.addEventListener("click", showMore);
    window.addEventListener("popstate", function () {
      pending = null;
      clearTimeout(timer);
      limit = PAGE;
      current = readState(location.search);
      draw(current);
    });
  }

  /* ---------- compare ---------- */

  function loadPicked() {
    try { picked = JSON.parse(sessionStorage.getItem(STORE_KEY) || "[]"); } catch (e) { picked = []; }
    var known = {};
    items.forEach(function (item) { known[item.slug] = true; });
    picked = (Array.isArray(picked) ? picked : []).filter(function (s) { return known[s]; })
      .slice(0, MAX_COMPARE);
  }

  function savePicked() {
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify(picked)); } catch (e) { /* private mode */ }
  }

  function buildCompare() {
    items.forEach(function (item) {
      var id = "ww-vergelijk-" + item.slug;
      item.pick = el("input", {type: "checkbox", id: id, value: item.slug,
        className: "ww-card__pick"});
      item.card.appendChild(el("p", {className: "ww-card__compare"}, [item.pick,
        el("label", {"for": id}, [document.createTextNode("Vergelijk"),
          el("span", {className: "ww-visually-hidden", text: " " + item.title})])]));
    });
    ui.compareText = el("p", {className: "ww-compare-bar__text"});
    // 4.1.3: the announcement lives outside the bar, which is hidden until the first pick (a
    // live region in a hidden box is not yet listened to, so the first pick went unsaid).
    ui.compareStatus = el("p", {className: "ww-visually-hidden ww-compare-status", role: "status",
      "aria-live": "polite"});
    results.appendChild(ui.compareStatus);
    ui.compareLink = el("a", {className: "md-button md-button--primary ww-compare-bar__go"});
    ui.compareClear = el("button", {type: "button", className: "md-button ww-compare-bar__clear",
      text: "Wis keuze"});
    ui.compareBar = el("div", {className: "ww-compare-bar", hidden: ""},
      [ui.compareText, el("div", {className: "ww-compare-bar__actions"},
        [ui.compareLink, ui.compareClear])]);
    results.appendChild(ui.compareBar);
    ui.list.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.classList || !box.classList.contains("ww-card__pick")) return;
      picked = picked.filter(function (s) { return s !== box.value; });
      if (box.checked && picked.length < MAX_COMPARE) picked.push(box.value);
      savePicked();
      drawCompare(true);
    });
    ui.compareClear.addEventListener("click", function () {
      picked = []; savePicked(); drawCompare(true); ui.query.focus();
    });
  }

  function drawCompare(announce) {
    var full = picked.length >= MAX_COMPARE;
    var titles = [];
    items.forEach(function (item) {
      var on = picked.indexOf(item.slug) >= 0;
      item.pick.checked = on;
      item.pick.disabled = full && !on;
      if (on) titles.push(item.title);
    });
    ui.compareBar.hidden = picked.length === 0;
    var params = picked.map(function (s) { return "i=" + encodeURIComponent(s); }).join("&");
    ui.compareLink.href = root.getAttribute("data-compare-url") + "?" + params;
    ui.compareLink.hidden = picked.length < 2;
    ui.compareLink.textContent = "Vergelijk " + picked.length + " interventies";
    ui.compareText.textContent = "Gekozen: " + titles.join(", ") + ". " + (picked.length < 2
      ? "Kies er nog één of twee om te vergelijken."
      : full ? "Dat is het maximum van drie." : "U kunt er nog één kiezen.");
    if (announce) {
      ui.compareStatus.textContent = picked.length ? ui.compareText.textContent : "Keuze gewist.";
    }
  }

  function keepFromSiteSearch(state) {
    // Material opens its site search for any ?q= in the URL, and drops q from the URL when
    // that search closes. Here q is the finder's text filter: close the site search again,
    // then write the canonical URL (which also drops unknown values from a hand-made link).
    var toggle = document.querySelector('input[data-md-toggle="search"]');
    if (state.q && toggle && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
      var input = document.querySelector('[data-md-component="search-query"]');
      if (input) { input.value = ""; input.blur(); }
    }
    remember(state, false, true);
  }

  /* ---------- start ---------- */

  buildItems();
  buildControls();
  buildCompare();
  current = readState(location.search);
  draw(current);
  keepFromSiteSearch(current);
  loadPicked();
  drawCompare();
  listen();
  root.hidden = false;
  document.documentElement.classList.add("ww-finder-ready");
  performance.mark("ww-finder-ready");
})();
