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
    label.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  }
  var menuButton = document.querySelector(".md-header label[for='__drawer']");
  var searchButton = document.querySelector(".md-header > nav > label[for='__search']");
  asButton(menuButton, drawer, "Menu");
  asButton(searchButton, search, "Zoeken");

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
  watchToggle(search, function (open) {
    if (searchButton) searchButton.setAttribute("aria-expanded", String(open));
    if (open) return;
    var lost = document.activeElement === document.body ||
      (document.activeElement && document.activeElement.closest(".md-search"));
    if (!lost) return;
    var target = phone.matches && searchButton ? searchButton : beforeSearch;
    if (target && target !== query && target.isConnected) target.focus();
  });

  /* 2.4.3: the drawer takes the focus when it opens and gives it back to the menu button
   * when it closes (Escape, the overlay, the button). */
  watchToggle(drawer, function (open) {
    if (menuButton) menuButton.setAttribute("aria-expanded", String(open));
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (open && sidebar) {
      var first = sidebar.querySelector("a[href], label[tabindex], input:not(.md-toggle)");
      if (first) setTimeout(function () { first.focus(); }, 50);
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
    for (var el = table.closest(".ww-table-wrap, .md-typeset__scrollwrap") || table;
         el; el = el.previousElementSibling) {
      if (/^H[2-6]$/.test(el.tagName)) return el.textContent.replace("¶", "").trim();
    }
    var h1 = document.querySelector("h1");
    return h1 ? h1.textContent.trim() : "Tabel";
  }
  function markScrollers() {
    document.querySelectorAll(".ww-table-wrap, .md-typeset__table").forEach(function (box) {
      var table = box.querySelector("table");
      var scroller = box.classList.contains("md-typeset__table") ? box.parentElement : box;
      if (!table || !scroller) return;
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

  /* Soft hyphens (generator/finish_html.py) help the eye, not the clipboard: copy without. */
  document.addEventListener("copy", function (event) {
    var text = String(window.getSelection());
    if (text.indexOf("\u00ad") < 0 || !event.clipboardData) return;
    event.clipboardData.setData("text/plain", text.replace(/\u00ad/g, ""));
    event.preventDefault();
  });
})();
