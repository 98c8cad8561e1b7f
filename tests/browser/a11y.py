"""Accessibility checks for the browser tests: axe-core (vendored, see vendor/README.md) injected
into the page, run with the WCAG 2.0/2.1/2.2 A and AA rules, and a target-size measurement.

The app's CSP (script-src 'self') blocks a script tag that is not served by the app, so the audit
contexts are opened with `bypass_csp=True` (an audit-only context: the CSP itself is tested
elsewhere); `page.evaluate(source)` then defines `window.axe`.
"""

from pathlib import Path

AXE_PATH = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
_AXE_SOURCE: str | None = None


def axe_source() -> str:
    global _AXE_SOURCE
    if _AXE_SOURCE is None:
        _AXE_SOURCE = AXE_PATH.read_text(encoding="utf-8")
    return _AXE_SOURCE


def inject_axe(page) -> None:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())


def axe_violations(
    page, context: str | None = None, tags: list[str] = WCAG_TAGS, kind: str = "violations"
) -> list[dict]:
    """The WCAG A/AA violations axe finds in the page (or in the element `context` selects);
    kind="incomplete" gives what axe could not decide instead."""
    inject_axe(page)
    return page.evaluate(
        """async ([context, tags, kind]) => {
             const result = await axe.run(context ? document.querySelector(context) : document,
               {runOnly: {type: 'tag', values: tags}, resultTypes: [kind]});
             return result[kind].map(v => ({
               id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
               nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                         summary: n.failureSummary,
                                         html: n.html.slice(0, 160)}))}));
           }""",
        [context, tags, kind],
    )


def describe(violations: list[dict], where: str) -> str:
    """One readable block per violation: rule, impact, help, then each target and why."""
    lines = [f"{where}: {len(violations)} axe violation(s)"]
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:8]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"      {node['target']}  {node['html']}\n        -> {summary}")
        if len(v["nodes"]) > 8:
            lines.append(f"      ... and {len(v['nodes']) - 8} more")
    return "\n".join(lines)


def audit(page, where: str, failures: list[str], context: str | None = None) -> None:
    """Run axe on the page as it is now; add an actionable message to `failures` if not clean."""
    violations = axe_violations(page, context)
    if violations:
        failures.append(describe(violations, where))


SMALL_TARGETS_JS = """
() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
                 + '[role=button], [tabindex]:not([tabindex="-1"])';
  // Exception of SC 2.5.8: a link inside a sentence (its height is set by the line of text).
  const inSentence = el => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    return Array.from(el.parentElement.childNodes)
      .some(n => n !== el && n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
  };
  const found = [];
  for (const el of document.querySelectorAll(selector)) {
    if (el.closest('[hidden], .visually-hidden') || getComputedStyle(el).visibility === 'hidden') {
      continue;
    }
    let box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;  // not rendered
    // a checkbox or radio is activated through its label too: the label is the target
    const label = (el.type === 'checkbox' || el.type === 'radio') && el.closest('label');
    if (label) box = label.getBoundingClientRect();
    if ((box.width < 23.99 || box.height < 23.99) && !inSentence(el)) {
      const size = `${box.width.toFixed(1)}x${box.height.toFixed(1)}`;
      found.push(`${el.outerHTML.slice(0, 140)} (${size})`);
    }
  }
  return found;
}
"""


def small_targets(page) -> list[str]:
    """Visible interactive elements smaller than 24x24 CSS px (WCAG 2.2 SC 2.5.8), links inside
    a sentence excepted. Stricter than the criterion: its spacing exception (a small target with
    room around it) is not used, every target that stands on its own is measured."""
    return page.evaluate(SMALL_TARGETS_JS)


UNMARKED_ARABIC_JS = """
() => {
  if (document.documentElement.lang !== 'fr') return [];
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, parent = node.parentElement;
    if (!/[\\u0600-\\u06FF]/.test(node.textContent) || parent.closest('script, style, template')) {
      continue;
    }
    if (parent.closest('[lang]').getAttribute('lang') !== 'ar') {
      found.push(`${parent.outerHTML.slice(0, 140)}`);
    }
  }
  return found;
}
"""


def unmarked_arabic(page) -> list[str]:
    """On a French page, the elements holding Arabic text without lang="ar" around it (SC 3.1.2,
    language of parts: a screen reader would read it with a French voice)."""
    return page.evaluate(UNMARKED_ARABIC_JS)
