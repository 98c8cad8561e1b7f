// digiweb: the little behaviour htmx does not give. No inline scripts (strict CSP).
(function () {
  "use strict";

  // After a swap, move the focus to the error summary if one arrived, else to the new content
  // when it asks for it (data-focus), so that keyboard and screen-reader users follow.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    var summary = target.querySelector && target.querySelector(".error-summary");
    var focusable = summary || (target.querySelector && target.querySelector("[data-focus]"));
    if (focusable) {
      if (!focusable.hasAttribute("tabindex")) focusable.setAttribute("tabindex", "-1");
      focusable.focus();
    }
  });

  // Focus the error summary of a page rendered by the server after a failed post.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
  });

  // A button with data-print-href opens its document and shows a busy state meanwhile.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-busy-on-click]");
    if (!button) return;
    button.setAttribute("aria-busy", "true");
    window.setTimeout(function () { button.removeAttribute("aria-busy"); }, 8000);
  });
})();
