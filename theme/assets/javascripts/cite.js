/* Wat Werkt: the copy button under "Zo citeert u deze beschrijving" (intervention and dossier
   pages). Made here, not in the HTML, so that a reader without JavaScript sees no button that
   does nothing. It copies the APA reference as plain text with today's date in place of
   [datum], and says in a status message what it copied. */
(function () {
  "use strict";

  function todayNl() {
    return new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric" })
      .format(new Date());
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    document.body.removeChild(area);
    return done ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }

  function setUp(ref) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button ww-cite__copy";
    button.textContent = "Kopieer de verwijzing";
    var status = document.createElement("span");
    status.className = "ww-cite__status";
    status.setAttribute("role", "status");
    var row = document.createElement("p");
    row.className = "ww-cite__actions";
    row.appendChild(button);
    row.appendChild(document.createTextNode(" "));
    row.appendChild(status);
    ref.parentNode.insertBefore(row, ref.nextSibling);
    button.addEventListener("click", function () {
      var date = todayNl();
      var text = ref.textContent.replace(/\s+/g, " ").trim().replace("[datum]", date);
      copy(text).then(function () {
        status.textContent = "Gekopieerd, met " + date + " als datum van raadplegen.";
      }, function () {
        status.textContent = "Kopiëren lukte niet: selecteer de verwijzing hierboven en " +
          "kopieer die met Ctrl+C (of Cmd+C).";
      });
    });
  }

  var ref = document.getElementById("ww-cite-ref");
  if (ref) setUp(ref);
})();
