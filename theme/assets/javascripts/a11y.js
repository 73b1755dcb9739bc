/* Wat Werkt: accessibility additions to Material's header, search and tables (WCAG 2.1 AA).
 * Material's own bundle builds these parts; this script only adds names, roles, states and
 * focus handling, so that Material's templates need not be copied. Checked in Chromium by
 * tests/browser/test_wcag.py. */
(function () {
  "use strict";

  var drawer = document.getElementById("__drawer");
  var search = document.getElementById("__search");
  var query = document.querySelector(".md-search__input");
  var phone = window.matchMedia("(max-width: 59.984375em)");

  /* 4.1.2: the menu and search buttons are <label>s of hidden checkboxes; a screen reader
   * met two unnamed images. Make them named buttons that say whether they are open. */
  function asButton(label, toggle, name) {
    if (!label || !toggle) return;
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.setAttribute("aria-label", name);
    label.setAttribute("aria-expanded", String(toggle.checked));
    label.querySelectorAll("svg").forEach(function (svg) {
      svg.setAttribute("aria-hidden", "true");
      svg.setAttribute("focusable", "false");
    });
    // Material's own keyboard handler clicks a focused label on Enter; Space is ours.
    label.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  }
  var menuButton = document.querySelector(".md-header label[for='__drawer']");
  var searchButton = document.querySelector(".md-header > nav > label[for='__search']");
  asButton(menuButton, drawer, "Menu");
  asButton(searchButton, search, "Zoeken");

  function visible(el) {
    // checkVisibility also sees content of a closed <details>, which has boxes but no focus.
    if (el.checkVisibility && !el.checkVisibility({opacityProperty: true, visibilityProperty: true})) {
      return false;
    }
    var style = getComputedStyle(el);
    return el.getClientRects().length > 0 && style.visibility !== "hidden" && style.opacity !== "0";
  }

  /* 1.1.1: every icon in the header and the search layer sits in a named control (or is
   * decoration): hide the images themselves. The search layer's back arrow closes it. */
  document.querySelectorAll(".md-header svg").forEach(function (svg) {
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
  });
  var back = document.querySelector(".md-search__icon[for='__search']");
  if (back) {
    back.setAttribute("role", "button");
    back.setAttribute("aria-label", "Zoeken sluiten");
  }

  /* Material flips the checkboxes without a change event: watch their state instead. */
  function watchToggle(toggle, onChange) {
    if (!toggle) return;
    var last = toggle.checked;
    function check() {
      if (toggle.checked !== last) { last = toggle.checked; onChange(last); }
    }
    toggle.addEventListener("change", check);
    document.addEventListener("click", function () { setTimeout(check, 0); }, true);
    document.addEventListener("keyup", function () { setTimeout(check, 0); }, true);
  }

  /* 2.4.3: focus goes back where the reader came from when the search layer closes (Escape,
   * Tab, the back arrow): to the search button on a phone, else to the element before the
   * search field. Material left it on <body>. */
  var beforeSearch = null;
  document.addEventListener("focusin", function (event) {
    var inSearch = event.target.closest && event.target.closest(".md-search");
    if (!inSearch) beforeSearch = event.target;
  });
  /* 2.4.3 on phones: Material opens its full-screen search layer when the search field takes
   * the focus, so tabbing past it opened the layer by itself. Closed, the field is no Tab
   * stop there (the search button opens it; Material then focuses the field by script). */
  var layer = document.querySelector(".md-search");
  function searchStop() {
    var hidden = phone.matches && !search.checked;
    if (query) query.tabIndex = hidden ? -1 : 0;
    // Closed on a phone, the layer is off screen: out of the accessibility tree as well.
    if (layer) {
      if (hidden) layer.setAttribute("aria-hidden", "true");
      else layer.removeAttribute("aria-hidden");
    }
  }
  searchStop();
  if (phone.addEventListener) phone.addEventListener("change", searchStop);

  /* 2.1.1 and 2.4.3 in the search layer. Material closed it on any Tab, so its share
   * ("Delen") and clear controls could not be reached, and its results only with the arrow
   * keys. Now Tab and Shift+Tab go round the field, its controls and the results while the
   * layer shows something (Escape closes it); on a wide screen with an empty field the layer
   * is only the field's drop-down, and Tab moves on through the page as from any field. */
  window.addEventListener("keydown", function (event) {
    if (event.key !== "Tab" || !search || !search.checked || !layer) return;
    // Material keeps the share and clear controls and the results out of the Tab order
    // (tabindex -1, arrow keys); here they are stops, when they show.
    var list = stops(layer, ".md-search__options .md-icon, .md-search-result__link, " +
      ".md-search-result__more > summary");
    if (!phone.matches && query && !query.value.trim()) {
      // Leave the field as a field: to the next (previous) stop outside the layer.
      var all = stops(document.body).filter(function (el) { return !layer.contains(el); });
      var here = list.length ? list[event.shiftKey ? 0 : list.length - 1] : query;
      var after = all.filter(function (el) {
        var order = here.compareDocumentPosition(el);
        return event.shiftKey ? order & Node.DOCUMENT_POSITION_PRECEDING
          : order & Node.DOCUMENT_POSITION_FOLLOWING;
      });
      var target = event.shiftKey ? after[after.length - 1] : after[0];
      if (!target) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      search.checked = false;
      search.dispatchEvent(new Event("change"));
      target.focus();
      return;
    }
    cycle(event, list);
  }, true);

  watchToggle(search, function (open) {
    searchStop();
    if (searchButton) searchButton.setAttribute("aria-expanded", String(open));
    if (open) return;
    var lost = document.activeElement === document.body ||
      (document.activeElement && document.activeElement.closest(".md-search"));
    if (!lost) return;
    var target = phone.matches && searchButton ? searchButton : beforeSearch;
    if (!target || target === query || !target.isConnected || !visible(target)) {
      target = document.querySelector(".md-header .md-logo");  // a click, not a Tab, opened it
    }
    if (target) target.focus();
  });

  /* 2.4.3: the drawer takes the focus when it opens and gives it back to the menu button
   * when it closes (Escape, the overlay, the button). */
  watchToggle(drawer, function (open) {
    if (menuButton) menuButton.setAttribute("aria-expanded", String(open));
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (open && sidebar) {
      setTimeout(function () {
        var first = Array.prototype.find.call(sidebar.querySelectorAll("a[href]"), visible);
        if (first) first.focus();
      }, 50);
    } else if (!open && menuButton && (document.activeElement === document.body ||
               (sidebar && sidebar.contains(document.activeElement)))) {
      menuButton.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer && drawer.checked) {
      drawer.checked = false;
      drawer.dispatchEvent(new Event("change"));
    }
  });

  /* The keyboard stops inside `box`, in document order: what Tab would visit. */
  var FOCUSABLE = "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), " +
    "select, textarea, summary, [tabindex]";
  function stops(box, extra) {
    return Array.prototype.filter.call(box.querySelectorAll(FOCUSABLE), function (el) {
      return (el.tabIndex >= 0 || (extra && el.matches(extra))) && visible(el) &&
        !el.closest("[inert]") && !(el.type === "checkbox" && el.classList.contains("md-toggle"));
    });
  }
  /* Tab and Shift+Tab go round `list`; true when it moved the focus. */
  function cycle(event, list) {
    if (!list.length) return false;
    var at = list.indexOf(document.activeElement);
    var step = event.shiftKey ? -1 : 1;
    var next = at < 0 ? (event.shiftKey ? list.length - 1 : 0) : at + step;
    event.preventDefault();
    event.stopImmediatePropagation();
    // The next stop that really takes the focus (one that cannot is passed over).
    for (var tries = 0; tries < list.length; tries++, next += step) {
      var target = list[(next + list.length) % list.length];
      target.focus();
      if (document.activeElement === target) break;
    }
    return true;
  }

  /* 2.4.3 on phones: the open drawer is a dialog over the page; Tab and Shift+Tab stay in it
   * (and on the menu button that closes it) instead of walking the page it covers. */
  window.addEventListener("keydown", function (event) {
    if (event.key !== "Tab" || !drawer || !drawer.checked || !phone.matches) return;
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!sidebar) return;
    cycle(event, stops(sidebar));  // the drawer lies over the header: Escape closes it
  }, true);

  /* 1.3.1: Material marks every search result title as a level-1 heading, beside the page's
   * own title. In the search dialog a page result is level 2, a section of it level 3. */
  var results = document.querySelector(".md-search-result__list");
  function levelResults() {
    results.querySelectorAll("h1:not([aria-level])").forEach(function (h) {
      h.setAttribute("aria-level", "2");
    });
    results.querySelectorAll("h2:not([aria-level])").forEach(function (h) {
      h.setAttribute("aria-level", "3");
    });
  }
  if (results) new MutationObserver(levelResults).observe(results, {childList: true, subtree: true});

  /* 4.1.2 / 2.4.4: a search result is a link around an <article>, which gives the link no
   * name in the accessibility tree. Name it by its title (a section: "section – page"). */
  function nameResults() {
    results.querySelectorAll(".md-search-result__item").forEach(function (item) {
      var page = item.querySelector("h1");
      item.querySelectorAll("a.md-search-result__link").forEach(function (link) {
        var title = link.querySelector("h1, h2");
        if (!title) return;
        var name = clean(title.textContent);
        if (title.tagName === "H2" && page) name += " – " + clean(page.textContent);
        if (link.getAttribute("aria-label") !== name) link.setAttribute("aria-label", name);
      });
    });
  }
  if (results) new MutationObserver(nameResults).observe(results, {childList: true, subtree: true});

  /* Soft hyphens (generator/postprocess/finish_html.py) are for the eye: a name in the
   * accessibility tree is read (and matched by voice control) without them. A header cell
   * gets a plain aria-label; a link or button keeps its visible text, hidden from the tree,
   * beside the same text without soft hyphens for the tree only (an aria-label would no
   * longer contain the visible text as written, 2.5.3). */
  function clean(text) { return text.replace(/\u00ad/g, "").replace(/\s+/g, " ").trim(); }
  function plainNames(root) {
    root.querySelectorAll("th, a[href], button, summary, [role=button]").forEach(function (el) {
      if (el.textContent.indexOf("\u00ad") < 0 || el.hasAttribute("aria-labelledby")) return;
      if (el.tagName === "TH") {
        if (!el.hasAttribute("aria-label")) el.setAttribute("aria-label", clean(el.textContent));
        return;
      }
      if (el.hasAttribute("aria-label")) return;
      var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      var nodes = [];
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeValue.indexOf("\u00ad") >= 0 && !node.parentElement.closest("[aria-hidden=true]")) {
          nodes.push(node);
        }
      }
      nodes.forEach(function (text) {
        var shown = document.createElement("span");
        shown.setAttribute("aria-hidden", "true");
        shown.textContent = text.nodeValue;
        var said = document.createElement("span");
        said.className = "ww-visually-hidden ww-said";
        said.textContent = text.nodeValue.replace(/\u00ad/g, "");
        text.parentNode.insertBefore(shown, text);
        text.parentNode.insertBefore(said, text);
        text.remove();
      });
    });
  }
  plainNames(document);
  // finder.js and compare.js draw after this script: name what they add as well.
  var content = document.querySelector(".md-content");
  if (content) {
    var naming = null;
    new MutationObserver(function () {
      if (naming) return;
      naming = setTimeout(function () { naming = null; plainNames(content); }, 0);
    }).observe(content, {childList: true, subtree: true});
  }

  /* 1.4.10: a table wider than the screen scrolls inside its box. Say so, and let the
   * keyboard scroll it: a named region with a stop in the tab order, and a visible hint. */
  function tableName(table) {
    var caption = table.querySelector("caption");
    if (caption) return caption.textContent.trim();
    for (var el = table.closest(".ww-table-wrap") || table.closest(".md-typeset__scrollwrap") || table;
         el; el = el.previousElementSibling) {
      if (/^H[2-6]$/.test(el.tagName)) return el.textContent.replace("¶", "").trim();
    }
    var h1 = document.querySelector("h1");
    return h1 ? h1.textContent.trim() : "Tabel";
  }
  function markScrollers() {
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      // Material wraps tables without a class in its own scrolling box; ours have theirs.
      var scroller = table.closest(".md-typeset__scrollwrap") || table.closest(".ww-table-wrap");
      if (!scroller) return;
      var scrolls = scroller.scrollWidth > scroller.clientWidth + 1;
      var hint = scroller.previousElementSibling;
      var hasHint = hint && hint.classList.contains("ww-scroll-hint");
      if (scrolls) {
        scroller.setAttribute("role", "region");
        scroller.setAttribute("tabindex", "0");
        scroller.setAttribute("aria-label", "Tabel: " + tableName(table).replace(/\u00ad/g, "") +
          " (schuift opzij)");
        if (!hasHint) {
          hint = document.createElement("p");
          hint.className = "ww-scroll-hint";
          hint.setAttribute("aria-hidden", "true");
          hint.textContent = "De tabel is breder dan het scherm: schuif opzij voor meer kolommen.";
          scroller.parentNode.insertBefore(hint, scroller);
        }
      } else {
        ["role", "tabindex", "aria-label"].forEach(function (a) { scroller.removeAttribute(a); });
        if (hasHint) hint.remove();
      }
    });
  }
  markScrollers();
  window.addEventListener("load", markScrollers);
  window.addEventListener("resize", markScrollers);
  // A table also outgrows its box when the reader widens the text spacing (1.4.12).
  if (window.ResizeObserver) {
    var observer = new ResizeObserver(function () { markScrollers(); });
    document.querySelectorAll(".md-typeset table").forEach(function (t) { observer.observe(t); });
  }

  /* 2.4.7: the focus is never under a sticky bar at the bottom (the finder's compare bar)
   * or a sticky first column: the browser scrolls it clear of them (scroll-padding, a11y.css). */
  function measureCovers() {
    var bars = Array.prototype.filter.call(document.querySelectorAll(".ww-compare-bar"), visible);
    var bottom = bars.reduce(function (most, bar) { return Math.max(most, bar.offsetHeight); }, 0);
    document.documentElement.style.setProperty("--ww-bottom-bar", bottom + "px");
    // At the top: the header, and a table head that sticks under it (the compare table).
    var header = document.querySelector(".md-header");
    var heads = Array.prototype.filter.call(document.querySelectorAll(".md-content thead"), function (h) {
      return getComputedStyle(h).position === "sticky" && visible(h);
    });
    var top = (header ? header.offsetHeight : 0) +
      heads.reduce(function (most, h) { return Math.max(most, h.offsetHeight); }, 0);
    document.documentElement.style.setProperty("--ww-top-cover", (top + 8) + "px");
    document.querySelectorAll(".ww-map-wrap, .ww-table-wrap, .md-typeset__scrollwrap").forEach(function (box) {
      var sticky = Array.prototype.find.call(box.querySelectorAll("th, td"), function (cell) {
        return getComputedStyle(cell).position === "sticky" && visible(cell);
      });
      box.style.scrollPaddingLeft = sticky ? (sticky.offsetWidth + 4) + "px" : "";
    });
  }
  measureCovers();
  window.addEventListener("load", measureCovers);
  window.addEventListener("resize", measureCovers);
  if (window.ResizeObserver) {
    var coverWatch = new ResizeObserver(measureCovers);
    document.querySelectorAll(".md-typeset").forEach(function (t) { coverWatch.observe(t); });
  }
  new MutationObserver(measureCovers).observe(document.querySelector(".md-content") || document.body,
    {attributes: true, attributeFilter: ["hidden"], subtree: true});

  /* Soft hyphens (generator/postprocess/finish_html.py) help the eye, not the clipboard: copy without. */
  document.addEventListener("copy", function (event) {
    var text = String(window.getSelection());
    if (text.indexOf("\u00ad") < 0 || !event.clipboardData) return;
    event.clipboardData.setData("text/plain", text.replace(/\u00ad/g, ""));
    event.preventDefault();
  });
})();
