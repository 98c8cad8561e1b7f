// digiweb: the little behaviour htmx does not give. No inline scripts (strict CSP).
(function () {
  "use strict";

  // The element itself or the first one inside it that matches the selector.
  function find(root, selector) {
    if (!root || !root.querySelector) return null;
    return root.matches(selector) ? root : root.querySelector(selector);
  }

  function moveFocus(element) {
    if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
    element.removeAttribute("data-focus");  // once: a later swap nearby must not focus it again
    element.focus();
  }

  // After a swap, move the focus to the error summary if one arrived, else to the new content
  // when it asks for it (data-focus), so that keyboard and screen-reader users follow.
  // htmx fires afterSwap on each element it put in the page: event.target is the new content
  // (detail.target is the old element, already out of the page, after an outerHTML swap).
  document.addEventListener("htmx:afterSwap", function (event) {
    var root = event.target;
    var focusable = find(root, ".error-summary") || find(root, "[data-focus]");
    if (focusable && document.contains(focusable)) moveFocus(focusable);
  });

  // When the element that had the focus left the page with the swap (a form replaced by its
  // card, a cancel link), the focus falls back to the body: screen readers restart from the top
  // of the page and Tab from the first link. Put it on the new content instead.
  document.addEventListener("htmx:afterSettle", function (event) {
    var active = document.activeElement;
    if (active && active !== document.body) return;
    var root = event.target;
    if (!root || !root.querySelector || !document.contains(root) || root === document.body) return;
    moveFocus(find(root, "h1, h2, h3, h4") || root);
  });

  // The messages of an htmx answer go into the live region even if their block was replaced
  // meanwhile (session.js shows a refused upload's page there).
  document.addEventListener("htmx:oobErrorNoTarget", function (event) {
    var content = event.detail.content;
    var area = document.getElementById("flash-area");
    if (area && content && content.id === "flash-messages") {
      content.removeAttribute("hx-swap-oob");
      area.replaceChildren(content);
    }
  });

  // Focus the error summary of a page rendered by the server after a failed post.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".error-summary");
    if (summary) moveFocus(summary);
  });

  // A wide table scrolls inside its box (.table-wrap, phones): the box joins the Tab order
  // while it scrolls, so that a keyboard can scroll it too (arrow keys), and leaves it after.
  function markScrollingTables() {
    document.querySelectorAll(".table-wrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", markScrollingTables);
  document.addEventListener("htmx:afterSettle", markScrollingTables);
  window.addEventListener("resize", markScrollingTables);

  // A limited text field (100 characters or more) shows "n / limit" beside it. Its maxlength,
  // which cut a longer paste without a word, becomes data-limit: the text stays whole, the
  // counter marks the excess, and the server refuses it with its message (issue 17).
  function length(text) { return Array.from(text).length; }  // characters, as the server counts

  function addCounters(root) {
    var scope = root && root.querySelectorAll ? root : document;
    scope.querySelectorAll(
      "input[maxlength]:not([type=search]):not([type=hidden]):not([type=password]), textarea[maxlength]"
    ).forEach(function (field) {
      var limit = parseInt(field.getAttribute("maxlength"), 10);
      if (!(limit >= 100) || field.hasAttribute("data-limit")) return;
      field.setAttribute("data-limit", String(limit));
      field.removeAttribute("maxlength");
      var counter = document.createElement("span");
      counter.className = "char-count";
      counter.id = (field.id || field.name) + "-count";
      field.insertAdjacentElement("afterend", counter);
      var described = field.getAttribute("aria-describedby");
      field.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);
      function update() {
        var used = length(field.value);
        counter.textContent = used + " / " + limit;
        counter.classList.toggle("over", used > limit);
      }
      field.addEventListener("input", update);
      update();
    });
  }
  document.addEventListener("DOMContentLoaded", function () { addCounters(document); });
  document.addEventListener("htmx:afterSettle", function (event) { addCounters(event.target); });

  // A button with data-print-href opens its document and shows a busy state meanwhile.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-busy-on-click]");
    if (!button) return;
    button.setAttribute("aria-busy", "true");
    window.setTimeout(function () { button.removeAttribute("aria-busy"); }, 8000);
  });
})();
