/* Wat Werkt: one Dutch text analyser and matcher for both search surfaces (issue 25): the site
 * search (workers/ww-search.js, in a worker) and the finder's text box (finder.js, on the page).
 *
 * - fold: lower case, accents and diaereses off ("geïsoleerde" = "geisoleerde", "één" = "een").
 * - words: a text's words; a hyphenated word gives its parts and the joined word
 *   ("re-integratie": re, integratie, reintegratie), and "dak- en thuisloze" also "dakloze".
 * - stem: Snowball's Dutch stemmer (the classic algorithm, written here from its published
 *   description) plus what readers treat as the same word and it does not join: -jes plurals
 *   (maatjes, maatje), z/s and v/f at the end (huizen, huis), an agent's -er/-aar (kwartiermaker,
 *   kwartiermaken; bemiddelaar, bemiddeling; vrijwilliger, vrijwillige), doubled letters at the
 *   end (vlaggen, vlag; financieel, financiële), -sen plurals (huisartsen, huisarts).
 * - Index: documents with weighted fields; search() joins query words that the site writes as
 *   one compound ("schuld hulp" finds "schuldhulp"), splits a compound the site writes in parts
 *   against the site's own words, matches compound heads and tails ("maatje" in
 *   "schuldhulpmaatje"), and, for a word the site does not have, tries the site's words one
 *   edit away (5+ letters) and says which ("Bedoelde u ...?"). Documents that have every
 *   query word come first, then by field weight and rarity of the word.
 *
 * Plain ES5-style code without dependencies: it runs in a worker, in the offline export's
 * iframe stand-in and on the page. Exposed as self.WatWerktText.
 */
(function (root) {
  "use strict";

  var STOPWORDS = {};
  ("aan al alle als bij dan dat de deze die dit door een en er geen het hoe hun in is je " +
   "jij maar met na naar niet nog of om onder op over per te tot u uit van voor wat we wel " +
   "wie zij zijn zo ze zich tussen").split(" ").forEach(function (w) { STOPWORDS[w] = true; });

  var MIN_TYPO = 5;       // words this long may have one typing error
  var MIN_PART = 3;       // the shortest part of a compound
  var MIN_AFFIX = 4;      // the shortest query word matched as a compound's head or tail

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var ELISION = /([a-z]{2,})- (?:en|of) ([a-z]{6,})/g;

  /** The words of a text, folded; hyphenated words give their parts and the joined word. */
  function words(text) {
    var folded = fold(text).replace(/<[^>]*>/g, " ").replace(/&[a-z]+;|&#[0-9]+;/g, " ");
    var out = [];
    var pieces = folded.split(/[^a-z0-9-]+/);
    for (var n = 0; n < pieces.length; n++) {
      var word = pieces[n];
      if (!word) continue;
      if (word.indexOf("-") < 0) { out.push(word); continue; }
      var parts = word.split("-").filter(Boolean);
      for (var i = 0; i < parts.length; i++) out.push(parts[i]);
      if (parts.length > 1) out.push(parts.join(""));
    }
    var match;
    // "dak- en thuisloze": also "dakloze" (each possible tail of the second word). The test
    // first: the pattern is slow to fail on every word.
    if (folded.indexOf("- en ") < 0 && folded.indexOf("- of ") < 0) return out;
    ELISION.lastIndex = 0;
    while ((match = ELISION.exec(folded))) {
      for (var cut = MIN_PART; cut <= match[2].length - MIN_PART; cut++) {
        out.push(match[1] + match[2].slice(cut));
      }
    }
    return out;
  }

  /* ---------- the stemmer ---------- */

  function isVowel(c) { return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" ||
    c === "y"; }
  function nonVowel(c) { return c !== undefined && c !== "" && !isVowel(c); }

  function snowball(word) {
    var s = word.split("");
    // y at the start or after a vowel, and i between vowels, are consonants: Y and I.
    for (var i = 0; i < s.length; i++) {
      if (s[i] === "y" && (i === 0 || isVowel(s[i - 1]))) s[i] = "Y";
      else if (s[i] === "i" && i > 0 && isVowel(s[i - 1]) && isVowel(s[i + 1])) s[i] = "I";
    }
    var w = s.join("");
    var r1 = w.length, r2 = w.length;
    if (w.length >= 3) {
      for (i = 1; i < w.length; i++) {
        if (nonVowel(w[i]) && isVowel(w[i - 1])) { r1 = i + 1; break; }
      }
      // R2 is sought from where R1 was found, before R1 is moved to leave three letters.
      for (i = r1 + 1; i < w.length; i++) {
        if (nonVowel(w[i]) && isVowel(w[i - 1])) { r2 = i + 1; break; }
      }
      if (r1 < 3) r1 = 3;
    }
    var eFound = false;

    function ends(suffix) { return w.length >= suffix.length && w.slice(-suffix.length) === suffix; }
    function undouble() { if (/(kk|dd|tt)$/.test(w)) w = w.slice(0, -1); }
    function enEnding(start) {
      if (start < r1 || !nonVowel(w[start - 1]) || w.slice(start - 3, start) === "gem") return;
      w = w.slice(0, start);
      undouble();
    }
    function sEnding(start) {
      if (start >= r1 && nonVowel(w[start - 1]) && w[start - 1] !== "j") w = w.slice(0, start);
    }
    function eEnding() {
      eFound = false;
      if (ends("e") && w.length - 1 >= r1 && nonVowel(w[w.length - 2])) {
        w = w.slice(0, -1);
        eFound = true;
        undouble();
      }
    }

    // Step 1
    if (ends("heden")) { if (w.length - 5 >= r1) w = w.slice(0, -5) + "heid"; }
    else if (ends("ene")) enEnding(w.length - 3);
    else if (ends("en")) enEnding(w.length - 2);
    else if (ends("se")) sEnding(w.length - 2);
    else if (ends("s")) sEnding(w.length - 1);
    // Step 2
    eEnding();
    // Step 3a
    if (ends("heid") && w.length - 4 >= r2 && w[w.length - 5] !== "c") {
      w = w.slice(0, -4);
      if (ends("en")) enEnding(w.length - 2);
    }
    // Step 3b
    var start;
    if (ends("lijk")) {
      if (w.length - 4 >= r2) { w = w.slice(0, -4); eEnding(); }
    } else if (ends("baar")) {
      if (w.length - 4 >= r2) w = w.slice(0, -4);
    } else if (ends("end") || ends("ing")) {
      start = w.length - 3;
      if (start >= r2) {
        w = w.slice(0, start);
        if (ends("ig") && w.length - 2 >= r2 && w[w.length - 3] !== "e") w = w.slice(0, -2);
        else undouble();
      }
    } else if (ends("bar")) {
      if (w.length - 3 >= r2 && eFound) w = w.slice(0, -3);
    } else if (ends("ig")) {
      if (w.length - 2 >= r2 && w[w.length - 3] !== "e") w = w.slice(0, -2);
    }
    // Step 4: undouble a vowel before a final consonant (maan: man).
    w = undoubleVowel(w);
    return w.replace(/I/g, "i").replace(/Y/g, "y");
  }

  function undoubleVowel(w) {
    var n = w.length;
    if (n >= 4 && nonVowel(w[n - 1]) && w[n - 1] !== "I" && nonVowel(w[n - 4]) &&
        w[n - 2] === w[n - 3] && "aeou".indexOf(w[n - 2]) >= 0) {
      return w.slice(0, n - 2) + w.slice(n - 1);
    }
    return w;
  }

  var memo = Object.create(null);
  var memoSize = 0;

  /** A word's stem: Snowball's Dutch stemmer and the extra rules above. */
  function stem(word) {
    var known = memo[word];
    if (known !== undefined) return known;
    var w = word;
    if (/^[0-9]+$/.test(w) || w.length < 3) {
      known = w;
    } else {
      if (w.length > 5 && /[^aeiou]jes$/.test(w)) w = w.slice(0, -1);   // maatjes: maatje
      // An agent's -er and -aar (kwartiermaker, bemiddelaars, vrijwilliger) join the verb, the
      // -ing noun and the adjective (kwartiermaken, bemiddeling, vrijwillige).
      var agent = w.match(/[^aeiouy](ers?|aars?)$/);
      if (agent && w.length - agent[1].length >= 6) w = w.slice(0, w.length - agent[1].length);
      var plural = /[^aeiouyj]s(en|e)$/.test(w);
      w = snowball(w);
      // huisartsen: huisarts, as huisarts: huisart (Snowball takes the s off the singular).
      if (plural && /[^aeiouyj]s$/.test(w)) w = w.slice(0, -1);
      // Any doubled final consonant (vlaggen: vlag; Snowball undoubles only kk, dd, tt), and a
      // doubled vowel before it also after a vowel (financieel, financiële).
      w = w.replace(/([^aeiouy])\1$/, "$1").replace(/(aa|ee|oo|uu)([^aeiouy])$/, function (m) {
        return m.slice(1);
      });
      // Consonants that voice before a vowel: huizen/huis, brieven/brief.
      if (/z$/.test(w)) w = w.slice(0, -1) + "s";
      else if (/v$/.test(w)) w = w.slice(0, -1) + "f";
      known = w;
    }
    if (memoSize > 200000) { memo = Object.create(null); memoSize = 0; }
    memo[word] = known;
    memoSize++;
    return known;
  }

  /** Damerau-Levenshtein distance at most one (a letter added, dropped, changed or two swapped). */
  function oneEdit(a, b) {
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1 || a === b) return false;
    var i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* ---------- the index ---------- */

  /**
   * An inverted index over documents with weighted fields.
   * fields: {name: weight}; add(fields) with {name: text} returns the document's number.
   */
  function Index(fields) {
    this.weights = fields;
    this.count = 0;
    this.postings = Object.create(null);   // stem -> {docs: [n...], scores: [w...]}
    this.surface = Object.create(null);    // folded word -> stem
    this.stemList = null;
    this.wordList = null;
  }

  Index.prototype.add = function (fields) {
    var doc = this.count++;
    var local = Object.create(null);
    var names = Object.keys(fields);
    for (var f = 0; f < names.length; f++) {
      var weight = this.weights[names[f]];
      if (!weight || !fields[names[f]]) continue;
      var list = words(fields[names[f]]);
      for (var i = 0; i < list.length; i++) {
        var word = list[i];
        if (STOPWORDS[word]) continue;
        var root = stem(word);
        if (this.surface[word] === undefined) this.surface[word] = root;
        var seen = local[root];
        if (!seen) local[root] = seen = {best: 0, hits: 0};
        if (weight > seen.best) seen.best = weight;
        seen.hits++;
      }
    }
    for (var key in local) {
      var posting = this.postings[key];
      if (!posting) this.postings[key] = posting = {docs: [], scores: []};
      posting.docs.push(doc);
      posting.scores.push(local[key].best * (1 + 0.15 * Math.min(local[key].hits - 1, 6)));
    }
    this.stemList = this.wordList = null;
    return doc;
  };

  Index.prototype.stems = function () {
    if (!this.stemList) this.stemList = Object.keys(this.postings);
    return this.stemList;
  };

  Index.prototype.words = function () {
    if (!this.wordList) this.wordList = Object.keys(this.surface);
    return this.wordList;
  };

  Index.prototype.has = function (root) { return !!this.postings[root]; };

  /** The stems a query word may stand for: [stem, factor] pairs, [] when none. */
  Index.prototype.alternatives = function (word, last) {
    var root = stem(word);
    var out = [];
    if (this.postings[root]) out.push([root, 1]);
    var list = this.stems();
    if (root.length >= MIN_AFFIX || (last && root.length >= 3)) {
      for (var i = 0; i < list.length; i++) {
        var other = list[i];
        if (other === root || other.length <= root.length) continue;
        if (other.lastIndexOf(root, 0) === 0) out.push([other, 0.7]);   // head: schuld|hulp
        else if (root.length >= MIN_AFFIX && other.length - root.length >= MIN_PART &&
                 other.slice(-root.length) === root) out.push([other, 0.6]);   // tail: |maatje
      }
    }
    return out;
  };

  /** A word the site writes in parts: its parts, each a word of the site, or null. */
  Index.prototype.split = function (word) {
    var self = this;
    var best = null;
    function known(part) {
      return part.length >= MIN_PART && !STOPWORDS[part] &&
        (self.surface[part] !== undefined || self.postings[stem(part)]);
    }
    function walk(rest, parts) {
      if (best && parts.length >= best.length) return;
      if (!rest) { if (parts.length > 1) best = parts.slice(); return; }
      for (var cut = rest.length; cut >= MIN_PART; cut--) {
        var part = rest.slice(0, cut);
        if (!known(part)) continue;
        var after = rest.slice(cut);
        parts.push(part);
        walk(after, parts);
        // A linking s or e (dorps|ondersteuner, geld|zorgen has none).
        if (after[0] === "s" || after[0] === "e") walk(after.slice(1), parts);
        parts.pop();
      }
    }
    if (word.length >= 2 * MIN_PART) walk(word, []);
    return best;
  };

  /** A word with its doubled letters single: readers often double one letter too few or
   *  too many (buurtbemidelling). */
  function single(word) { return word.replace(/(.)\1+/g, "$1"); }

  /** The site's words one edit away from a word (5+ letters), or the same but for doubled
   *  letters, most used first. */
  Index.prototype.near = function (word) {
    if (word.length < MIN_TYPO) return [];
    var list = this.words();
    if (!this.singles || this.singles.length !== list.length) this.singles = list.map(single);
    var plain = single(word);
    var found = [];
    for (var i = 0; i < list.length; i++) {
      if (oneEdit(word, list[i]) || (list[i] !== word && this.singles[i] === plain)) {
        found.push(list[i]);
      }
    }
    var self = this;
    found.sort(function (a, b) {
      return self.postings[self.surface[b]].docs.length - self.postings[self.surface[a]].docs.length;
    });
    return found;
  };

  /** The site's words nearest to the typed ones (at most `most` edits, not the typed words
   *  themselves), nearest and most used first: what a search without results offers. */
  Index.prototype.nearest = function (typed, most, limit) {
    var self = this;
    var own = typed.map(stem);
    var scored = [];
    this.words().forEach(function (word) {
      if (word.length < 4 || /[0-9]/.test(word) || own.indexOf(stem(word)) >= 0) return;
      var best = Infinity;
      typed.forEach(function (t) {
        if (t.length >= 4 && Math.abs(t.length - word.length) <= most) {
          best = Math.min(best, distance(t, word, most));
        }
      });
      if (best <= most) scored.push([best, -self.postings[self.surface[word]].docs.length, word]);
    });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : 1); });
    return scored.slice(0, limit).map(function (entry) { return entry[2]; });
  };

  /**
   * The themes nearest to the typed words, what a search without results offers (the site
   * search and the finder alike). themes: [{label, words: [...]}, ...]; a theme is near when a
   * typed word and a word of its name or of its `words` (vocabularies.yml) have the same stem,
   * when one stem or word begins the other (4+ letters: "eenzaamheidsbeleid", "schuld"), or they
   * are one edit apart (5+ letters; two from 8 letters on). Nearest first, then in the given
   * order; at most `limit`.
   */
  function nearThemes(typed, themes, limit) {
    var mine = typed.filter(function (w) { return !STOPWORDS[w]; })
      .map(function (w) { return {word: w, stem: stem(w)}; });
    var scored = [];
    themes.forEach(function (theme, order) {
      var own = words([theme.label].concat(theme.words || []).join(" "))
        .filter(function (w) { return !STOPWORDS[w]; });
      var best = Infinity;
      mine.forEach(function (t) {
        var most = t.word.length >= 8 ? 2 : t.word.length >= MIN_TYPO ? 1 : 0;
        own.forEach(function (word) {
          var root = stem(word);
          if (root === t.stem || (t.stem.length >= MIN_AFFIX && root.indexOf(t.stem) === 0) ||
              (root.length >= MIN_AFFIX && t.stem.indexOf(root) === 0) ||
              (word.length >= MIN_AFFIX && t.word.indexOf(word) === 0)) {
            best = 0;
          } else if (most && best > 0) {
            var apart = Math.min(distance(t.word, word, most), distance(t.stem, root, most));
            if (apart <= most && apart < best) best = apart;
          }
        });
      });
      if (best < Infinity) scored.push([best, order, theme]);
    });
    scored.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return scored.slice(0, limit).map(function (entry) { return entry[2]; });
  }

  /** Levenshtein distance, or more than `most` once it is sure to be. */
  function distance(a, b, most) {
    var row = [];
    for (var j = 0; j <= b.length; j++) row[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var diagonal = row[0];
      var low = row[0] = i;
      for (j = 1; j <= b.length; j++) {
        var above = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
        if (row[j] < low) low = row[j];
      }
      if (low > most) return most + 1;
    }
    return row[b.length];
  }

  /**
   * The query as slots, one per word the reader means (words the site writes as one compound
   * are one slot). A slot is a list of ways to match: {stems: [[stem, factor]...]} (any) or
   * {all: [[...], [...]]} (each part somewhere). Also the words replaced by near ones.
   */
  Index.prototype.parse = function (query) {
    var raw = words(query).filter(function (w) { return w.indexOf("-") < 0; });
    var list = raw.filter(function (w) { return !STOPWORDS[w]; });
    if (!list.length) list = raw;
    var open = !/\s$/.test(query);   // the reader may still be typing the last word
    var slots = [];
    var replaced = [];
    for (var i = 0; i < list.length; i++) {
      var slot = {word: list[i], ways: []};
      // Words the site writes as one: schuld hulp maatje -> schuldhulpmaatje.
      for (var j = Math.min(list.length, i + 3); j > i + 1; j--) {
        var joined = list.slice(i, j).join("");
        var ways = this.alternatives(joined, open && j === list.length);
        if (ways.length && ways[0][1] === 1) {
          slot = {word: list.slice(i, j).join(" "), ways: [{stems: ways}]};
          var parts = list.slice(i, j).map(function (w) {
            return this.alternatives(w, false);
          }, this);
          if (parts.every(function (p) { return p.length; })) slot.ways.push({all: parts});
          i = j - 1;
          break;
        }
      }
      if (!slot.ways.length) {
        var word = list[i];
        var direct = this.alternatives(word, open && i === list.length - 1);
        if (direct.length) slot.ways.push({stems: direct});
        var split = this.split(word);
        if (split) {
          slot.ways.push({all: split.map(function (part) { return [[stem(part), 0.8]]; })});
        }
        if (slot.ways.length && !Object.keys(this.slotScores(slot)).length) slot.ways = [];
        // A word the site does not have as such: also the site's words one edit away; said
        // ("Bedoelde u ...?") when nothing else matched.
        if (!direct.length || direct[0][1] < 1) {
          var near = this.near(word);
          if (near.length) {
            if (!slot.ways.length) replaced.push([word, near[0]]);
            var self = this;
            slot.ways.push({stems: near.map(function (w) { return [self.surface[w], 0.5]; })});
          }
        }
      }
      slots.push(slot);
    }
    return {slots: slots, replaced: replaced};
  };

  /** Per document the best score of one slot: {doc: score}. */
  Index.prototype.slotScores = function (slot) {
    var total = this.count || 1;
    var self = this;
    var out = Object.create(null);
    function posting(root, factor, into) {
      var p = self.postings[root];
      if (!p) return;
      var idf = Math.log(1 + total / p.docs.length);
      for (var k = 0; k < p.docs.length; k++) {
        var value = p.scores[k] * factor * idf;
        if (!(into[p.docs[k]] >= value)) into[p.docs[k]] = value;
      }
    }
    slot.ways.forEach(function (way) {
      if (way.stems) {
        way.stems.forEach(function (pair) { posting(pair[0], pair[1], out); });
        return;
      }
      // Every part somewhere in the document: the weakest part counts.
      var parts = way.all.map(function (alternatives) {
        var part = Object.create(null);
        alternatives.forEach(function (pair) { posting(pair[0], pair[1], part); });
        return part;
      });
      Object.keys(parts[0]).forEach(function (doc) {
        var value = Infinity;
        for (var n = 0; n < parts.length; n++) {
          if (!(parts[n][doc] > 0)) return;
          value = Math.min(value, parts[n][doc]);
        }
        value *= 0.9;
        if (!(out[doc] >= value)) out[doc] = value;
      });
    });
    return out;
  };

  /**
   * Search: {slots, replaced, scores: [{doc, score, matched: [bool per slot]}]}, unordered;
   * callers group and order (see rank).
   */
  Index.prototype.search = function (query) {
    var parsed = this.parse(query);
    var perSlot = parsed.slots.map(this.slotScores, this);
    var docs = Object.create(null);
    perSlot.forEach(function (scores, s) {
      for (var doc in scores) {
        var entry = docs[doc];
        if (!entry) docs[doc] = entry = {doc: +doc, score: 0, matched: []};
        entry.score += scores[doc];
        entry.matched[s] = true;
      }
    });
    var results = [];
    for (var key in docs) {
      var entry = docs[key];
      for (var s = 0; s < parsed.slots.length; s++) entry.matched[s] = !!entry.matched[s];
      results.push(entry);
    }
    parsed.results = results;
    return parsed;
  };

  /** Order: more query words first, then the higher score. */
  function rank(a, b) {
    return covered(b.matched) - covered(a.matched) || b.score - a.score;
  }

  function covered(matched) {
    var n = 0;
    for (var i = 0; i < matched.length; i++) if (matched[i]) n++;
    return n;
  }

  root.WatWerktText = {fold: fold, words: words, stem: stem, snowball: snowball,
    oneEdit: oneEdit, Index: Index, rank: rank, covered: covered, nearThemes: nearThemes,
    STOPWORDS: STOPWORDS};
})(typeof self !== "undefined" ? self : this);
