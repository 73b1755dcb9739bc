/* Wat Werkt: the site search's worker (issue 25), in place of Material's lunr worker.
 *
 * search-lazy.js starts it for Material's search box and speaks Material's worker messages:
 * 0 set-up ({config, docs, options}), 1 ready, 2 query (the text in the box), 3 result
 * ({items: [[article, section...]...], suggest}). Also {type: "ww-load", url, options}: fetch
 * the index at url first (the full index over http, read off the page's main thread), and
 * {type: "ww-failed"} back when that fails.
 *
 * The matching is ww-text.js, the finder's too. Ranking, per page: pages that have every query
 * word first; then the sum over the query words of the best field that has it (title, the
 * page's words from the vocabularies, its lead, a section heading, a section's text) times the
 * word's rarity; an intervention's or a dossier's own page above the overview pages that list
 * it. The article comes first in its group with its recognition badge and the first sentence
 * of its summary (or a dossier's lead); matching sections follow, folded away by Material.
 * A result message also carries `ww`: the words read as near ones ("Bedoelde u ...?"), which
 * search-lazy.js shows.
 */
(function () {
  "use strict";

  var ARTICLE = {title: 10, keywords: 5, lead: 3};
  var SECTION = {heading: 3, body: 1};
  var MAX_PAGES = 100;
  var index = null;
  var docs = [];      // per document: {location, page, title, text, badge, article}
  var pages = {};     // page location -> {article: doc number, docs: [numbers], weight}
  var themes = [];    // the theme pages: {label, words, location}
  var allThemes = ""; // the list of all themes
  var queue = [];
  var started = false;
  var THEME_PAGE = /^themas\/([a-z0-9-]+)(?:\/|\.html)$/;
  var THEME_LIST = /^themas\/(?:index\.html)?$/;

  function pageWeight(page) {
    if (/^(interventies|dossiers)\/[^/]+\/$/.test(page)) return 1.5;
    if (page === "") return 0.4;
    return 0.7;   // overviews, theme and target group pages, about pages
  }

  function setup(data) {
    var T = self.WatWerktText;
    index = new T.Index(Object.assign({}, ARTICLE, SECTION));
    docs = [];
    pages = {};
    themes = [];
    allThemes = "";
    // An entry's keywords are keys of the vocabularies' words, which the index holds once.
    var words = (data.config && data.config.ww_words) || {};
    function keywords(keys) {
      return String(keys || "").split(" ").map(function (key) {
        return Object.prototype.hasOwnProperty.call(words, key) ? words[key] : "";
      }).join(" · ");
    }
    (data.docs || []).forEach(function (doc) {
      var location = String(doc.location || "");
      var page = location.split("#")[0];
      var article = location.indexOf("#") < 0;
      var entry = pages[page];
      if (!entry) {
        pages[page] = entry = {article: -1, docs: [], weight: pageWeight(page)};
        var theme = THEME_PAGE.exec(page);
        if (theme) {
          // Its name and the words readers use for it (vocabularies.yml), as its entries have
          // them; a theme no entry names has only its page's title ("Thema: Eenzaamheid").
          var own = Object.prototype.hasOwnProperty.call(words, "thema:" + theme[1])
            ? words["thema:" + theme[1]].split(" · ") : [String(doc.title || "")
              .replace(/^[^:]*:\s*/, "")];
          themes.push({label: own[0], words: own.slice(1), location: page});
        }
        if (THEME_LIST.test(page)) allThemes = page;
      }
      // The page's title section (its h1 and the summary or lead under it) belongs to the
      // page's own entry: indexed as its lead, shown in its teaser, not as a section.
      var head = docs[entry.article];
      var merged = !article && entry.docs.length === 1 && head && head.title === doc.title;
      var fields = article
        ? {title: doc.title, keywords: keywords(doc.keywords), lead: doc.text}
        : merged ? {lead: doc.text} : {heading: doc.title, body: doc.text};
      var n = index.add(fields);
      docs[n] = {location: location, page: page, title: doc.title || "", text: doc.text || "",
        badge: doc.badge || "", css: String(doc.badge_css || "").replace(/[^a-z0-9-]/g, ""),
        article: article, merged: merged};
      if (merged) head.text += doc.text || "";
      if (article && entry.article < 0) entry.article = n;
      entry.docs.push(n);
    });
  }

  function escapeHtml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

  var PARAGRAPH = /<p>([\s\S]*?)<\/p>/g;

  /** An article's teaser: the badge, and the first sentence of its first real paragraph (the
   *  first one names the page's kind: "Interventie", "Wat werkt-dossier"). */
  function teaser(doc) {
    var paragraphs = [];
    var match;
    PARAGRAPH.lastIndex = 0;
    while ((match = PARAGRAPH.exec(doc.text)) && paragraphs.length < 2) paragraphs.push(match[1]);
    var lead = paragraphs.length > 1 && paragraphs[0].length < 40 ? paragraphs[1]
      : paragraphs[0] || "";
    var sentence = lead.match(/^[\s\S]{40,}?[.!?](?=\s|$)/);
    if (sentence) lead = sentence[0];
    var out = doc.badge
      ? '<p class="ww-search-badge"><span class="ww-badge ww-badge--' + doc.css + '">' +
        escapeHtml(doc.badge) +
        "</span></p>" : "";
    return out + (lead ? "<p>" + lead + "</p>" : "");
  }

  function search(query) {
    var T = self.WatWerktText;
    var found = index.search(query);
    var slots = found.slots;
    if (!slots.length) return {items: []};
    var byPage = {};
    found.results.forEach(function (result) {
      var doc = docs[result.doc];
      var entry = byPage[doc.page];
      if (!entry) byPage[doc.page] = entry = {page: doc.page, best: [], matched: [], hits: []};
      // Per query word, the best document of the page.
      entry.hits.push(result);
      for (var s = 0; s < slots.length; s++) {
        if (result.matched[s]) entry.matched[s] = true;
      }
    });
    // A page's score: per query word, its best document's score for that word.
    var perSlot = slots.map(index.slotScores, index);
    var ranked = Object.keys(byPage).map(function (page) {
      var entry = byPage[page];
      var info = pages[page];
      var score = 0;
      for (var s = 0; s < slots.length; s++) {
        entry.matched[s] = !!entry.matched[s];
        var best = 0;
        for (var k = 0; k < entry.hits.length; k++) {
          var value = perSlot[s][entry.hits[k].doc];
          if (value > best) best = value;
        }
        score += best;
      }
      entry.score = score * (info ? info.weight : 1);
      return entry;
    }).sort(T.rank).slice(0, MAX_PAGES);

    var items = ranked.map(function (entry) {
      var terms = {};
      slots.forEach(function (slot, s) { terms[slot.word] = entry.matched[s]; });
      var info = pages[entry.page];
      var article = docs[info.article >= 0 ? info.article : entry.hits[0].doc];
      var group = [{location: article.location, title: article.title, text: teaser(article),
        score: entry.score, terms: terms}];
      entry.hits.filter(function (hit) { return !docs[hit.doc].article && !docs[hit.doc].merged; })
        .sort(function (a, b) { return b.score - a.score; })
        .forEach(function (hit) {
          var doc = docs[hit.doc];
          var sectionTerms = {};
          slots.forEach(function (slot, s) { sectionTerms[slot.word] = hit.matched[s]; });
          // Below the article's score: Material folds them under "n meer op deze pagina".
          group.push({location: doc.location, title: doc.title, text: doc.text,
            score: Math.min(hit.score, entry.score * 0.99), terms: sectionTerms});
        });
      return group;
    });
    var ww = {replaced: found.replaced, nearest: [], themes: [], allThemes: ""};
    if (!items.length) nothingFound(query, ww);
    return {items: items, suggest: suggestion(query, found), ww: ww};
  }

  /** Without results: the site's nearest words, the themes nearest to the query (the
   *  finder's choice, ww-text.js nearThemes) and, when none is, the list of all themes. */
  function nothingFound(query, ww) {
    var T = self.WatWerktText;
    var typed = T.words(query).filter(function (w) { return !T.STOPWORDS[w]; });
    ww.nearest = index.nearest(typed, 3, 5);
    ww.themes = T.nearThemes(typed, themes, 3).map(function (theme) {
      return {title: theme.label, location: theme.location};
    });
    ww.allThemes = allThemes;
  }

  /** Material completes the last word in the box with the last word of `suggest`. */
  function suggestion(query, found) {
    if (/\s$/.test(query) || !found.slots.length) return [];
    var last = found.slots[found.slots.length - 1].word.split(" ").pop();
    if (last.length < 3) return [];
    var best = "", count = 0;
    var list = index.words();
    for (var i = 0; i < list.length; i++) {
      var word = list[i];
      if (word.length > last.length && word.lastIndexOf(last, 0) === 0) {
        var n = index.postings[index.surface[word]].docs.length;
        if (n > count) { best = word; count = n; }
      }
    }
    return best ? [best] : [];
  }

  function handle(message) {
    if (message.type === 0) {
      setup(message.data);
      self.postMessage({type: 1});
    } else if (message.type === 2) {
      var result;
      try {
        result = search(String(message.data || ""));
      } catch (error) {
        result = {items: []};
      }
      self.postMessage({type: 3, data: result});
    }
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === "ww-load") {
      fetch(message.url).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.statusText);
        return response.json();
      }).then(function (data) {
        receive({type: 0, data: {config: data.config, docs: data.docs,
          options: message.options}});
      }).catch(function (error) {
        self.postMessage({type: "ww-failed", message: String(error)});
      });
      return;
    }
    receive(message);
  });

  function receive(message) {
    if (started) handle(message);
    else queue.push(message);
  }

  // importScripts is synchronous in a worker; the offline export's stand-in returns a promise.
  Promise.resolve(self.importScripts("../ww-text.js")).then(function () {
    started = true;
    queue.splice(0).forEach(handle);
  });
})();
