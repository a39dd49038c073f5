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
(function () {
  "use strict";
  var script = document.currentScript;
  var version = script && script.getAttribute("data-version");
  var key = "clustersite-scroll:" + location.pathname;

  var saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    window.addEventListener("load", function () {
      window.scrollTo(0, Number(saved));
    });
  }

  var source = new EventSource("/_clustersite/events");
  function onVersion(event) {
    if (event.data === version) {
      return;
    }
    source.close();
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  }
  source.addEventListener("hello", onVersion);
  source.addEventListener("reload", onVersion);
})();
