// Live reload for `clustersite serve`; never part of a built site.
//
// The server tags every page with the version of the site it was rendered
// from (data-version on this script's tag) and sends the current version
// over Server-Sent Events: once on connecting ("hello") and after every
// reload of the site folder ("reload"). When the two differ the page is
// stale, or shows errors that are fixed now, and reloads, keeping its
// scroll position. EventSource reconnects by itself when the server
// restarts; a restarted server has new versions, so the page reloads then
// too.
//
// A browser opens at most six connections to one server over HTTP/1.1,
// and each open event stream holds one, so a page in a hidden tab closes
// its stream and opens it again when shown: the hello then tells it
// whether it missed a change.
(function () {
  "use strict";
  var script = document.currentScript;
  var version = script && script.getAttribute("data-version");
  var key = "clustersite-scroll:" + location.pathname;
  var source = null;

  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", function () {
      window.scrollTo(0, Number(saved));
    });
  }

  function onVersion(event) {
    if (event.data === version) {
      return;
    }
    disconnect();
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  }

  function connect() {
    if (source === null) {
      source = new EventSource("/_clustersite/events");
      source.addEventListener("hello", onVersion);
      source.addEventListener("reload", onVersion);
    }
  }

  function disconnect() {
    if (source !== null) {
      source.close();
      source = null;
    }
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      disconnect();
    } else {
      connect();
    }
  });
  if (document.visibilityState !== "hidden") {
    connect();
  }
})();
