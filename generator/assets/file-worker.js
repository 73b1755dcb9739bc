/* Wat Werkt: Web Workers for pages opened from file:// (the offline export).
 *
 * Chromium refuses `new Worker(url)` on a page opened from file://, and Material for MkDocs
 * runs its search in a worker. On file:// this stand-in runs the worker's script in a hidden
 * iframe of the same page instead, and passes messages both ways as a worker would: later (never
 * within the sender's call) and as copies.
 *
 * What Material's search worker expects of such a stand-in: the page has a global named
 * `IFrameWorker` (the worker then loads its language files next to its own script, the first
 * <script src> of its document), and `importScripts` may return a promise, which the worker
 * awaits. Written for this project; only the offline export loads it (generator/export/offline.py).
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  function copy(data) {
    return typeof structuredClone === "function" ? structuredClone(data)
      : JSON.parse(JSON.stringify(data));
  }

  function later(callback) {
    setTimeout(callback, 0);
  }

  function loadScript(doc, url) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = url;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("kon " + url + " niet laden")); };
      doc.head.appendChild(script);
    });
  }

  class FileWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.url = new URL(String(url), location.href).href;
      this.inbox = [];  // messages sent before the worker's script has run
      this.running = false;
      this.frame = document.createElement("iframe");
      this.frame.hidden = true;
      this.frame.tabIndex = -1;
      this.frame.setAttribute("aria-hidden", "true");
      (document.body || document.documentElement).appendChild(this.frame);
      this.scope = this.frame.contentWindow;
      this.prepareScope();
      loadScript(this.scope.document, this.url).then(
        () => { this.running = true; this.inbox.splice(0).forEach((m) => this.deliver(m)); },
        (error) => this.emit(new ErrorEvent("error", { message: error.message })));
    }

    /* The worker's global scope: postMessage answers the page, importScripts loads in order. */
    prepareScope() {
      var worker = this;
      var scope = this.scope;
      scope.postMessage = function (data) {
        var message = copy(data);
        later(function () { worker.emit(new MessageEvent("message", { data: message })); });
      };
      scope.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (done, url) {
          return done.then(function () {
            return loadScript(scope.document, new URL(url, worker.url).href);
          });
        }, Promise.resolve());
      };
      scope.close = function () { worker.terminate(); };
      scope.addEventListener("error", function (event) {
        worker.emit(new ErrorEvent("error", { message: event.message }));
      });
    }

    postMessage(data) {
      var message = copy(data);
      if (this.running) this.deliver(message);
      else this.inbox.push(message);
    }

    deliver(message) {
      var scope = this.scope;
      later(function () {
        if (scope) scope.dispatchEvent(new scope.MessageEvent("message", { data: message }));
      });
    }

    emit(event) {
      if (!this.scope) return;
      var handler = this["on" + event.type];
      if (typeof handler === "function") handler.call(this, event);
      this.dispatchEvent(event);
    }

    terminate() {
      if (this.frame) this.frame.remove();
      this.frame = this.scope = null;
      this.inbox = [];
    }
  }

  window.IFrameWorker = FileWorker;
  window.Worker = FileWorker;
})();
