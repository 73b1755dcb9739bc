/* Wat Werkt: the search index on demand, in two steps (issue 18), ready before the first
 * keystroke (issue 25).
 *
 * Material's bundle downloads search/search_index.json on every page view and builds its lunr
 * index in a worker. At 1,000 interventions the full index is megabytes, most of a first
 * visit, and lunr needs seconds to read it. This script, loaded before the bundle:
 *
 * 1. holds the bundle's request for search/search_index.json until the page is idle (its load
 *    done and then the browser's first idle moment), or until the reader turns to search
 *    before that. That file is a small primary index: one document per page
 *    (generator/postprocess/search_index.py). Our worker reads it then, so that the reader's
 *    first keystroke finds it ready.
 * 2. stands in for Material's search worker: our own worker (workers/ww-search.js, the Dutch
 *    analyser of ww-text.js, issue 25) answers from the primary index; once that one is ready
 *    and the reader shows intent (focus or tap on the search field or its header button,
 *    which Material's / s f shortcuts also give, or a ?q= share or ?h= highlight address), a
 *    second one reads the full index (every section): over http it fetches
 *    search/search_index_full.json itself, off the main thread; from file:// the page loads its
 *    script twin and hands it over. When the second one is ready, queries go to it, and the
 *    current query is asked again: Material's UI only listens to the first ready message, so
 *    the fuller results come as a result message.
 * 3. shows what the worker adds to a result: "Bedoelde u ...?" when a word was read as a
 *    near one of the site's words, with a button that searches for it; without results the
 *    nearest words and the themes nearest to the query.
 *
 * The worker messages are Material's: 0 set-up, 1 ready, 2 query, 3 result.
 */
(function () {
  "use strict";
  var element = document.getElementById("__config");
  if (!element || typeof window.Worker !== "function") return;
  var config = JSON.parse(element.textContent);
  if (!config.search) return;

  var base = new URL(config.base, location.href);
  var PRIMARY = new URL("search/search_index.json", base).href;
  var FULL_JSON = new URL("search/search_index_full.json", base).href;
  var FULL_SCRIPT = new URL("search/search_index_full.js", base).href;
  var WORKER = new URL(config.search, location.href).href;  // Material's, replaced by ours
  var OUR_WORKER = new URL("ww-search.js", WORKER).href;
  var FROM_FILE = location.protocol === "file:";
  var NativeWorker = window.Worker;  // on file://, our iframe stand-in (file-worker.js)

  /* Two moments: the page is idle (the primary index may come), and the reader turns to
     search (the full index may come; the primary one too, if the page was not idle yet). */
  function Moment() {
    this.reached = false;
    this.waiting = [];
  }
  Moment.prototype.reach = function () {
    if (this.reached) return;
    this.reached = true;
    this.waiting.splice(0).forEach(function (go) { go(); });
  };
  Moment.prototype.then = function (go) {
    if (this.reached) go();
    else this.waiting.push(go);
  };
  var idle = new Moment();
  var intent = new Moment();

  function showIntent() {
    idle.reach();
    intent.reach();
  }

  var params = new URLSearchParams(location.search);
  if (params.has("q") || params.has("h")) showIntent();
  window.addEventListener("load", function () {
    var reach = idle.reach.bind(idle);
    if (typeof window.requestIdleCallback === "function") {
      window.requestIdleCallback(reach, { timeout: 2000 });
    } else {
      setTimeout(reach, 200);
    }
  });
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest(".md-search")) showIntent();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) showIntent();
  }, true);
  ["pointerdown", "touchstart"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      var target = event.target;
      if (target && target.closest && target.closest(".md-search, label[for='__search']")) {
        showIntent();
      }
    }, { capture: true, passive: true });
  });

  function isPrimary(url) {
    try {
      return new URL(String(url), location.href).href === PRIMARY;
    } catch (error) {
      return false;
    }
  }

  /* The bundle fetches the index with XMLHttpRequest: its send waits for the idle page. */
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.wwHold = isPrimary(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.wwHold || idle.reached) return send.apply(request, args);
    idle.then(function () { send.apply(request, args); });
  };
  if (typeof window.fetch === "function") {
    var nativeFetch = window.fetch;
    window.fetch = function (input) {
      var args = arguments;
      var url = input && typeof input === "object" && "url" in input ? input.url : input;
      if (idle.reached || !isPrimary(url)) return nativeFetch.apply(window, args);
      return new Promise(idle.then.bind(idle)).then(function () {
        return nativeFetch.apply(window, args);
      });
    };
  }

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url;
      script.onload = function () { script.remove(); resolve(); };
      script.onerror = function () { script.remove(); reject(new Error(url)); };
      document.head.appendChild(script);
    });
  }

  function loadFullScript() {
    return loadScript(FULL_SCRIPT).then(function () { return window.__index_full; });
  }

  /* Material's search worker, in two steps. */
  class TwoStepSearch extends EventTarget {
    constructor(url) {
      super();
      this.url = url;
      this.onmessage = null;
      this.onerror = null;
      this.active = null;  // the worker that answers queries
      this.full = null;    // the worker reading the full index
      this.setup = null;
      this.query = undefined;
      // Start the worker (its scripts) with the index request.
      idle.then(this.ensure.bind(this));
    }

    ensure() {
      if (!this.active) this.active = this.spawn();
      return this.active;
    }

    spawn() {
      var worker = new NativeWorker(OUR_WORKER);
      worker.addEventListener("message", (event) => this.receive(worker, event.data));
      worker.addEventListener("error", (event) => {
        if (worker === this.active) this.emit(new ErrorEvent("error", { message: event.message }));
      });
      return worker;
    }

    postMessage(message) {
      if (message && message.type === 0) this.setup = message;
      if (message && message.type === 2) this.query = message.data;
      this.ensure().postMessage(message);
    }

    receive(worker, data) {
      if (data && data.type === 1) {
        // What is ready, for whoever looks (tests, bench): "primary", then "full".
        document.documentElement.dataset.wwSearch = worker === this.full ? "full" : "primary";
      }
      if (worker === this.full && data && data.type === 1) return this.switchOver();
      if (worker === this.full && data && data.type === "ww-failed") return this.dropFull();
      if (worker !== this.active) return;  // the primary worker, once replaced
      this.emit(new MessageEvent("message", { data: data }));
      if (data && data.type === 3) showNear(data.data && data.data.ww);
      if (data && data.type === 1) intent.then(this.loadFull.bind(this));
    }

    loadFull() {
      if (this.full || !this.active) return;
      var options = this.setup.data.options;
      if (!FROM_FILE) {
        this.full = this.spawn();
        this.full.postMessage({ type: "ww-load", url: FULL_JSON, options: options });
        return;
      }
      this.full = this.spawn();
      loadFullScript().then((index) => {
        if (this.full) {
          this.full.postMessage({ type: 0, data: {
            config: index.config, docs: index.docs, options: options } });
        }
      }).catch(() => this.dropFull());
    }

    /* Without the full index, the primary one keeps answering. */
    dropFull() {
      if (this.full && this.full !== this.active) this.full.terminate();
    }

    switchOver() {
      var primary = this.active;
      this.active = this.full;
      primary.terminate();
      if (this.query !== undefined) this.active.postMessage({ type: 2, data: this.query });
    }

    emit(event) {
      var handler = this["on" + event.type];
      if (typeof handler === "function") handler.call(this, event);
      this.dispatchEvent(event);
    }

    terminate() {
      [this.active, this.full].forEach(function (worker) { if (worker) worker.terminate(); });
      this.active = this.full = null;
    }
  }

  /* Under the result count: "Bedoelde u ...?" when a word was read as a near one of the
     site's words; without results the site's nearest words (each a link that searches) and
     the themes nearest to the query (links to their pages), or else the list of all themes.
     The box sits in a live region of its own (theme/partials/search.html), announced as the
     result count above it is. */
  function showNear(info) {
    var meta = document.querySelector(".md-search-result__meta");
    var input = document.querySelector("input.md-search__input");
    if (!meta || !input) return;
    var box = document.getElementById("ww-search-near");
    var replaced = (info && info.replaced) || [];
    var nearest = (info && info.nearest) || [];
    var themes = (info && info.themes) || [];
    var allThemes = (info && info.allThemes) || "";
    if (!replaced.length && !nearest.length && !themes.length && !allThemes) {
      if (box) box.hidden = true;
      return;
    }
    if (!box) {
      var live = document.getElementById("ww-search-help") || meta.parentNode;
      box = document.createElement("p");
      box.id = "ww-search-near";
      box.className = "ww-search-near";
      live.insertBefore(box, live === meta.parentNode ? meta.nextSibling : null);
    }
    box.textContent = "";
    if (replaced.length) {
      var better = input.value.split(/(\s+)/).map(function (word) {
        var fold = word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
        var pair = replaced.filter(function (p) { return p[0] === fold; })[0];
        return pair ? pair[1] : word;
      }).join("");
      append(box, ["Bedoelde u ", searchButton(input, better), "? Daarop is gezocht."]);
    } else {
      if (nearest.length) {
        append(box, ["Woorden die wel op de site staan: "].concat(commaList(
          nearest.map(function (word) { return searchButton(input, word); })), [". "]));
      }
      if (themes.length) {
        append(box, ["Thema's die erbij passen: "].concat(commaList(
          themes.map(function (theme) { return pageLink(theme.location, theme.title); })),
          ["."]));
      } else if (allThemes) {
        append(box, [nearest.length ? "Of bekijk de " : "Bekijk de ",
          pageLink(allThemes, "lijst van alle thema's"), "."]);
      }
    }
    box.hidden = false;
  }

  /* Texts (as text) and elements, in order, at the end of `box`. */
  function append(box, parts) {
    parts.forEach(function (part) {
      box.appendChild(typeof part === "string" ? document.createTextNode(part) : part);
    });
  }

  /* The elements with ", " between them. */
  function commaList(elements) {
    return elements.reduce(function (all, element, i) {
      return all.concat(i ? [", ", element] : [element]);
    }, []);
  }

  /* A link to a page of the site (a location of the index, relative to the site's base). */
  function pageLink(location, text) {
    var link = document.createElement("a");
    link.href = new URL(location, base).href;
    link.className = "ww-search-near__page";
    link.textContent = text;
    return link;
  }

  /* A link (?q=, Material's shared search), so that Material's arrow keys reach it as they
     reach the results; followed here by searching in place. */
  function searchButton(input, text) {
    var link = document.createElement("a");
    link.href = "?q=" + encodeURIComponent(text);
    link.className = "ww-search-near__word";
    link.textContent = text;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      event.stopPropagation();  // Material closes its search on a click on a link
      input.value = text;
      input.focus();
      input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });
    return link;
  }

  window.Worker = function (url, options) {
    if (new URL(String(url), location.href).href === WORKER) return new TwoStepSearch(url);
    return new NativeWorker(url, options);
  };
  window.Worker.prototype = NativeWorker.prototype;
})();
