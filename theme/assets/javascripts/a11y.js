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
    return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
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

  /* Soft hyphens (generator/postprocess/finish_html.py) help the eye, not the clipboard: copy without. */
  document.addEventListener("copy", function (event) {
    var text = String(window.getSelection());
    if (text.indexOf("\u00ad") < 0 || !event.clipboardData) return;
    event.clipboardData.setData("text/plain", text.replace(/\u00ad/g, ""));
    event.preventDefault();
  });
})();
