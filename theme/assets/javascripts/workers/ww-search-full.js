/* Wat Werkt: Material's search worker that fetches and reads its (full) index itself.
 *
 * search-lazy.js starts this worker for the full index (every section, megabytes at 1,000
 * interventions) once the small primary index answers. Fetching and parsing it here keeps
 * that work off the page's main thread, which would otherwise parse the JSON and copy it into
 * the worker. It lives beside Material's worker, so that Material's worker, loaded into it,
 * finds lunr's language files at the same relative address (../lunr). Over http only: a page
 * from file:// cannot fetch, and loads the full index as a script instead.
 *
 * Messages: {type: "ww-load", url, options} makes it fetch the index at url and hand it to
 * Material's worker as its set-up message (type 0); Material's worker then answers as usual
 * (1 ready, 3 results). {type: "ww-failed"} tells the page that the index did not come.
 */
(function () {
  "use strict";
  var name = new URL(self.location.href).searchParams.get("worker") || "";
  // Only Material's worker from this folder (its name carries a hash of its content).
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(name)) {
    throw new Error("onbekende zoekworker: " + name);
  }

  // Before Material's worker adds its own listener, so that ours sees "ww-load" first.
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message || message.type !== "ww-load") return;
    event.stopImmediatePropagation();
    fetch(message.url).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    }).then(function (index) {
      self.dispatchEvent(new MessageEvent("message", { data: { type: 0, data: {
        config: index.config, docs: index.docs, options: message.options } } }));
    }).catch(function (error) {
      self.postMessage({ type: "ww-failed", message: String(error) });
    });
  });

  self.importScripts(name);
})();
