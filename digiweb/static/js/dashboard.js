// digiweb dashboard: "copy the summary" buttons. Loaded by the dashboard page only; no inline
// script (strict CSP). Without JavaScript the buttons stay hidden and the text can be selected.
(function () {
  "use strict";

  function reveal(root) {
    var buttons = (root || document).querySelectorAll("button[data-copy-target][hidden]");
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
  }

  // Selecting the text and copying works on plain http intranets too, where
  // navigator.clipboard is not available (it needs a secure context).
  function copyBySelection(element) {
    var selection = window.getSelection();
    var range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    return done;
  }

  function announce(button, ok) {
    var status = button.parentNode.querySelector(".copy-status");
    if (!status) return;
    status.textContent = ok ? button.getAttribute("data-copied-text") : "";
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy-target]");
    if (!button) return;
    var element = document.getElementById(button.getAttribute("data-copy-target"));
    if (!element) return;
    var text = element.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { announce(button, true); },
        function () { announce(button, copyBySelection(element)); }
      );
    } else {
      announce(button, copyBySelection(element));
    }
  });

  document.addEventListener("DOMContentLoaded", function () { reveal(document); });
  document.addEventListener("htmx:afterSwap", function (event) { reveal(event.detail.target); });
})();
