/* Wat Werkt: the vergelijk page, /vergelijk/?i=<slug>&i=<slug>[&i=<slug>].
 *
 * Draws two or three interventions side by side from the finder's data script
 * (interventies/finder-data.js, loaded with a script tag so that it works from file://).
 */
(function () {
  "use strict";

  var data = window.WATWERKT_FINDER;
  var box = document.getElementById("ww-compare");
  var shared = window.WatWerkt;    // from finder.js, loaded before this file
  if (!data || !box || !shared) return;

  var MAX = 3;
  var STORE_KEY = shared.COMPARE_KEY;   // the finder shows the same picks
  var el = shared.el;
  var rootUrl = box.getAttribute("data-root") || "";
  var finderUrl = box.getAttribute("data-finder-url") || "";
  var bySlug = {};
  data.items.forEach(function (item) { bySlug[item.slug] = item; });

  function requested() {
    var seen = {}, known = [], unknown = [];
    new URLSearchParams(location.search).getAll("i").forEach(function (slug) {
      slug = slug.trim();
      if (!slug || seen[slug]) return;
      seen[slug] = true;
      (bySlug[slug] ? known : unknown).push(slug);
    });
    return {known: known, unknown: unknown};
  }

  /* ---------- cells ---------- */

  function none() { return el("span", {className: "ww-compare__none", text: "Niet vermeld"}); }

  function textList(values) { return values.length ? values.join(", ") : none(); }

  function bulletList(values) {
    return values.length ? el("ul", {}, values.map(function (v) { return el("li", {text: v}); }))
      : none();
  }

  function recognition(item) {
    var b = item.compare.badge;
    return el("div", {}, [el("span", {className: "ww-badge ww-badge--" + b.css, text: b.label}),
      el("span", {className: "ww-compare__recognition", text: item.compare.recognition})]);
  }

  /* The owner with the ways to reach them, as on the intervention's fact card. */
  function contact(item) {
    var c = item.compare;
    if (!c.owner) return none();
    var parts = [el("span", {text: c.owner})];
    if (c.website) parts.push(el("br"), el("a", {href: c.website, text: c.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}));
    if (c.email) parts.push(el("br"), el("a", {href: "mailto:" + c.email, text: c.email}));
    return el("div", {}, parts);
  }

  var ROWS = [
    ["Samenvatting", function (item) { return item.compare.summary || item.summary; }],
    ["Erkenning en geldigheid", recognition],
    ["Thema's", function (item) { return textList(item.compare.themes); }],
    ["Doelgroep", function (item) { return bulletList(item.compare.target_groups); }],
    ["Intermediaire doelgroep", function (item) { return bulletList(item.compare.intermediate); },
      function (items) { return items.some(function (i) { return i.compare.intermediate.length; }); }],
    ["Uitgevoerd door", function (item) { return textList(item.compare.delivered_by); }],
    ["Kosten", function (item) { return item.compare.costs || none(); }],
    ["Beoogde resultaten", function (item) { return bulletList(item.compare.outcomes); }],
    ["Werkzame elementen", function (item) { return bulletList(item.compare.working_elements || []); }],
    ["Eigenaar en contact", contact],
    ["Laatst gecontroleerd door de eigenaar", function (item) { return item.compare.reviewed || none(); }]
  ];

  /* ---------- drawing ---------- */

  function heading(item) {
    var cell = el("th", {scope: "col"}, [el("a", {href: rootUrl + item.url, text: item.compare.title || item.title})]);
    if (item.status === "ingetrokken") {
      cell.appendChild(document.createTextNode(" "));
      cell.appendChild(el("span", {className: "ww-tag ww-tag--withdrawn", text: "ingetrokken"}));
    }
    var remove = el("button", {type: "button", className: "ww-compare__remove"}, ["Weghalen",
      el("span", {className: "ww-visually-hidden", text: " uit de vergelijking: " + item.title})]);
    remove.addEventListener("click", function () { drop(item.slug); });
    cell.appendChild(el("br"));
    cell.appendChild(remove);
    return cell;
  }

  function table(items) {
    var head = el("tr", {}, [el("td")].concat(items.map(heading)));
    var rows = ROWS.filter(function (row) { return !row[2] || row[2](items); }).map(function (row) {
      return el("tr", {}, [el("th", {scope: "row", text: row[0]})].concat(items.map(function (item) {
        return el("td", {}, [row[1](item)]);
      })));
    });
    var result = el("table", {className: "ww-compare-table", tabindex: "-1"}, [
      el("caption", {className: "ww-visually-hidden",
        text: "Vergelijking van " + items.length + " interventies"}),
      el("thead", {}, [head]), el("tbody", {}, rows)]);
    result.style.setProperty("--ww-columns", String(items.length));
    return result;   // no scrolling wrapper: it would stop the sticky header row
  }

  function message(parts) { return el("p", {className: "ww-compare__message"}, parts); }

  function finderLink(text) { return el("a", {href: finderUrl, text: text}); }

  /* The reader picks the others here: a list of every intervention not yet in the table. */
  function picker(slugs) {
    var options = data.items.filter(function (item) {
      return slugs.indexOf(item.slug) < 0 && item.status !== "ingetrokken";
    }).sort(function (a, b) {
      return a.title.localeCompare(b.title, "nl");
    }).map(function (item) {
      // An option's text is its accessible name: without the soft hyphens of the card data.
      return el("option", {value: item.slug,
        text: (item.title + " (" + item.compare.badge.label + ")").replace(/\u00AD/g, "")});
    });
    if (!options.length) return null;
    var select = el("select", {id: "ww-compare-pick", name: "i"},
      [el("option", {value: "", text: "Kies een interventie…"})].concat(options));
    var label = el("label", {"for": "ww-compare-pick", text: slugs.length
      ? "Zet er een interventie naast (" + slugs.length + " van " + MAX + " gekozen)"
      : "Kies de eerste interventie"});
    var button = el("button", {type: "submit", className: "md-button md-button--primary",
      text: "Toevoegen"});
    var form = el("form", {className: "ww-compare__pick", action: ""},
      [label, el("span", {className: "ww-compare__pick-row"}, [select, button])]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!select.value) { select.focus(); return; }
      add(select.value);
    });
    return form;
  }

  function draw() {
    var wanted = requested();
    var slugs = wanted.known.slice(0, MAX);
    var items = slugs.map(function (s) { return bySlug[s]; });
    box.textContent = "";
    if (wanted.unknown.length) {
      box.appendChild(message(["Niet gevonden: " + wanted.unknown.join(", ") + ". Deze " +
        "interventie staat niet (meer) in de databank, of het adres is niet compleet."]));
    }
    if (wanted.known.length > MAX) {
      box.appendChild(message(["U kunt hoogstens drie interventies vergelijken. " +
        "Hieronder staan de eerste drie."]));
    }
    if (items.length < 2) {
      var chosen = items.length ? "U hebt nu alleen " + items[0].title + " gekozen. " : "";
      box.appendChild(message([chosen + (items.length ? "Kies er nog een of twee" :
        "Kies twee of drie interventies") + " om ze naast elkaar te zien: in de lijst " +
        "hieronder, of met een vinkje bij ‘Vergelijk’ in ", finderLink("de interventie-zoeker"),
        "."]));
    } else {
      box.appendChild(table(items));
    }
    if (items.length < MAX) {
      var form = picker(slugs);
      if (form) box.appendChild(form);
    }
    box.appendChild(el("p", {className: "ww-compare__back"},
      [finderLink("← Terug naar de interventie-zoeker")]));
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify(slugs)); } catch (e) { /* ignore */ }
  }

  function add(slug) {
    var params = new URLSearchParams(location.search);
    params.append("i", slug);
    try {
      history.pushState(null, "", location.pathname + "?" + params.toString());
    } catch (e) { /* without history the page still redraws */ }
    draw();
    // Where the reader goes on: the table when there is one, else the list for the next pick.
    var target = box.querySelector("table") || box.querySelector("#ww-compare-pick");
    if (target) target.focus();
  }

  function drop(slug) {
    var params = new URLSearchParams(location.search);
    var kept = params.getAll("i").filter(function (s) { return s !== slug; });
    params.delete("i");
    kept.forEach(function (s) { params.append("i", s); });
    var query = params.toString();
    try {
      history.pushState(null, "", location.pathname + (query ? "?" + query : ""));
    } catch (e) { /* without history the page still redraws */ }
    draw();
    var target = box.querySelector("table") || box.querySelector(".ww-compare__message");
    if (target) { target.setAttribute("tabindex", "-1"); target.focus(); }
  }

  window.addEventListener("popstate", draw);
  draw();
})();
