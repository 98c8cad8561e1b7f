// digiweb: the session warning. A few minutes before the idle timeout (30 min) a dialog says
// that the session will end and offers "Stay signed in" (POST /session/extend with the CSRF
// token); near the absolute limit (12 h) it says that the session cannot be extended. The
// timeouts come from data attributes of #session-dialog (no inline script: strict CSP).
(function () {
  "use strict";

  var dialog, data, idleEnd, absoluteEnd, checkTimer, tickTimer, mode, returnFocus;
  var checking = false; // a question to the server is under way
  var absoluteSeen = false; // the "cannot be extended" warning was read: not shown again

  function now() { return Date.now(); }

  function seconds(name) { return parseInt(data[name], 10) * 1000; }

  function schedule() {
    window.clearTimeout(checkTimer);
    var warnAt = Math.min(idleEnd, absoluteEnd) - seconds("warnBefore");
    checkTimer = window.setTimeout(check, Math.max(warnAt - now(), 0));
  }

  // Any request to the server renews the idle time: restart the countdown.
  function activity() {
    idleEnd = now() + seconds("idleTimeout");
    if (mode === "absolute") return;
    if (mode === "idle") {
      mode = null;
      close();
    }
    if (absoluteSeen) endAt(absoluteEnd);
    else schedule();
  }

  // Ask the server how long is left (another tab may have kept the session alive); the
  // question itself does not count as activity.
  function check() {
    if (checking) return;
    checking = true;
    fetch(data.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        checking = false;
        if (response.status === 401) return expired();
        return response.json().then(function (times) {
          idleEnd = now() + times.idle_remaining * 1000;
          absoluteEnd = now() + times.absolute_remaining * 1000;
          var warnBefore = seconds("warnBefore");
          if (Math.min(idleEnd, absoluteEnd) <= now()) {
            // the server has not ended it yet (clocks round to the second): ask again
            window.clearTimeout(checkTimer);
            checkTimer = window.setTimeout(check, 1000);
          } else if (absoluteEnd - now() <= warnBefore && absoluteEnd <= idleEnd) {
            if (absoluteSeen) endAt(absoluteEnd);
            else open("absolute");
          } else if (idleEnd - now() <= warnBefore) open("idle");
          else {
            mode = null;
            close();
            schedule();
          }
        });
      })
      .catch(function () {
        checking = false;
        open("idle");
      });
  }

  function endAt(end) {
    window.clearTimeout(checkTimer);
    checkTimer = window.setTimeout(check, Math.max(end - now(), 0) + 500);
  }

  function show(selector, visible) {
    dialog.querySelectorAll(selector).forEach(function (el) { el.hidden = !visible; });
  }

  function open(newMode) {
    if (dialog.open && mode === newMode) return;
    mode = newMode;
    show(".session-idle-text", mode === "idle");
    show(".session-absolute-text", mode === "absolute");
    show(".session-extend", mode === "idle");
    show(".session-close", mode === "absolute");
    show(".session-error", false);
    tick();
    window.clearInterval(tickTimer);
    tickTimer = window.setInterval(tick, 1000);
    if (!dialog.open) {
      returnFocus = document.activeElement;
      dialog.showModal();
    }
    dialog.querySelector(mode === "idle" ? ".session-extend" : ".session-close").focus();
  }

  function close() {
    window.clearInterval(tickTimer);
    if (dialog.open) dialog.close();
    if (returnFocus && returnFocus.focus) returnFocus.focus();
    returnFocus = null;
  }

  function tick() {
    var end = mode === "absolute" ? absoluteEnd : Math.min(idleEnd, absoluteEnd);
    var left = Math.max(Math.round((end - now()) / 1000), 0);
    var minutes = Math.floor(left / 60);
    var rest = left % 60;
    dialog.querySelector(".session-countdown").textContent =
      minutes + ":" + (rest < 10 ? "0" : "") + rest;
    if (left <= 0) check(); // the server says whether it is over
  }

  // The session is over (the server said so): the login page, which says why, then back here.
  function expired() {
    window.clearInterval(tickTimer);
    window.clearTimeout(checkTimer);
    var here = window.location.pathname + window.location.search;
    window.location.assign(data.loginUrl + "?next=" + encodeURIComponent(here));
  }

  function extend(event) {
    event.preventDefault();
    fetch(data.extendUrl, {
      method: "POST",
      headers: { Accept: "application/json", "X-CSRFToken": data.csrf },
      credentials: "same-origin"
    })
      .then(function (response) {
        if (response.status === 401) return expired();
        if (!response.ok) throw new Error(String(response.status));
        return response.json().then(function (times) {
          idleEnd = now() + times.idle_remaining * 1000;
          absoluteEnd = now() + times.absolute_remaining * 1000;
          mode = null;
          close();
          schedule();
        });
      })
      .catch(function () { show(".session-error", true); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    dialog = document.getElementById("session-dialog");
    if (!dialog || typeof dialog.showModal !== "function") return;
    data = dialog.dataset;
    idleEnd = now() + seconds("idleRemaining");
    absoluteEnd = now() + seconds("absoluteRemaining");
    dialog.querySelector("form").addEventListener("submit", extend);
    dialog.querySelector(".session-close").addEventListener("click", function () {
      absoluteSeen = true;
      mode = null;
      close();
      endAt(absoluteEnd);
    });
    // Escape closes the warning without extending; it comes back before the end.
    dialog.addEventListener("cancel", function (event) {
      event.preventDefault();
      var wasMode = mode;
      mode = null;
      close();
      if (wasMode === "absolute") {
        absoluteSeen = true;
        endAt(absoluteEnd);
      } else {
        window.clearTimeout(checkTimer);
        checkTimer = window.setTimeout(check, Math.max(idleEnd - now() - 60000, 1000));
      }
    });
    document.addEventListener("htmx:afterRequest", function (event) {
      var xhr = event.detail.xhr;
      if (xhr && xhr.status && xhr.status !== 401) activity();
    });
    schedule();
  });

  // htmx does not swap 4xx answers: show the translated page of a refused upload (413) or of
  // too many requests (429) where the messages appear, instead of nothing.
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var area = document.getElementById("flash-area");
    if (!area || !xhr || (xhr.status !== 413 && xhr.status !== 429)) return;
    var fragment = new DOMParser().parseFromString(xhr.responseText, "text/html");
    var box = fragment.querySelector(".error-box");
    if (!box) return;
    area.replaceChildren(document.importNode(box, true));
  });
})();
