"""Phones (issue 17, point 7): at 390 × 844 px, no page an officer or a reviewer reaches scrolls
sideways, in Arabic or in French (wide tables scroll inside their own box), and the header with
the navigation leaves the screen to the page: the navigation folds into a menu button that works
without JavaScript (<details>).

The pages are crawled: the links of the home, plan, projects, meetings and dashboard pages, each
kind of URL (its numbers replaced) opened once."""

import re
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import browser_login

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PHONE = {"width": 390, "height": 844}
MAX_PAGES = 25  # per account and language
HEADER_BUDGET = 160  # px of the 844 px screen for the header and the folded navigation
STARTS = {
    "officer-mf": ["/", "/my-plan", "/projects", "/meetings", "/dashboard"],
    # a plan returned for revision: editable, with the reviewer's remarks and project forms
    "officer-mca": ["/", "/my-plan", "/projects", "/meetings", "/dashboard"],
    "reviewer": ["/", "/review", "/projects", "/meetings", "/dashboard"],
}
# Downloads, actions and other languages' copies of a page are not pages to look at.
SKIPPED = re.compile(
    r"\.(pdf|xlsx|csv|ics|json|zip)$|/logout|/download|/export|/api/|/static/|/jobs/"
)

WIDEST = """() => {
  // the outermost elements that stick out of the screen (for the failure message)
  const limit = document.documentElement.clientWidth;
  const out = (el) => { const b = el.getBoundingClientRect();
    return b.width > 0 && (b.right > limit + 1 || b.left < -1); };
  const found = [];
  for (const el of document.querySelectorAll('main *, header *, nav *, footer *')) {
    if (el.closest('.skip-link') || !out(el)) continue;
    if (el.parentElement && out(el.parentElement)) continue;
    const b = el.getBoundingClientRect();
    found.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
      + (typeof el.className === 'string' && el.className
         ? '.' + el.className.trim().split(/ +/).join('.') : '')
      + ' [' + Math.round(b.left) + ', ' + Math.round(b.right) + '] in '
      + el.parentElement.tagName.toLowerCase() + '.' + el.parentElement.className);
  }
  return found.slice(0, 6);
}"""


def _kind(path: str) -> str:
    return re.sub(r"\d+", "N", path)


def _links(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all(
        "main a[href], nav a[href], header a[href]", "els => els.map(e => e.getAttribute('href'))"
    )
    found = []
    for href in hrefs:
        url = urljoin(page.url, href)
        parts = urlsplit(url)
        if not url.startswith(base) or (parts.fragment and parts.path == urlsplit(page.url).path):
            continue
        if SKIPPED.search(parts.path) or "lang=" in parts.query:
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _crawl(page, base: str, starts: list[str]) -> list[str]:
    """The start pages and the pages they link to, then those pages' links (two steps), each
    kind of URL once, at most MAX_PAGES."""
    seen_kinds, pages = set(), []
    frontier = list(starts)
    for _step in range(2):
        found = []
        for path in frontier:
            kind = _kind(urlsplit(path).path)
            if kind in seen_kinds or len(pages) >= MAX_PAGES:
                continue
            seen_kinds.add(kind)
            response = page.goto(base + path)
            assert response is not None and response.status < 500, (path, response)
            if response.status >= 400:
                continue
            pages.append(path)
            found.extend(_links(page, base))
        frontier = found
    return pages


@pytest.mark.parametrize("lang", ["ar", "fr"])
@pytest.mark.parametrize("username", ["officer-mf", "officer-mca", "reviewer"])
def test_no_page_scrolls_sideways_on_a_phone(live_server, browser, username, lang):
    context = browser.new_context(viewport=PHONE, locale="ar-DZ" if lang == "ar" else "fr-FR")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        browser_login(page, live_server, username, lang)
        paths = _crawl(page, live_server, STARTS[username])
        assert len(paths) >= 10, paths
        print(f"\n{username} {lang}: {len(paths)} pages: {paths}")
        too_wide = {}
        for path in paths:
            page.goto(live_server + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide[path] = (width, page.evaluate(WIDEST))
    finally:
        context.close()
    if too_wide:
        pytest.fail(
            "wider than the phone:\n"
            + "\n".join(
                f"{path}: {w} px\n    " + "\n    ".join(why) for path, (w, why) in too_wide.items()
            )
        )


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_navigation_folds_on_a_phone_and_opens_without_javascript(live_server, browser, lang):
    for javascript in (True, False):
        context = browser.new_context(
            viewport=PHONE,
            java_script_enabled=javascript,
            locale="ar-DZ" if lang == "ar" else "fr-FR",
        )
        context.set_default_timeout(15_000)
        page = context.new_page()
        try:
            browser_login(page, live_server, "reviewer", lang)
            page.goto(f"{live_server}/projects")
            main_top = page.evaluate("document.querySelector('main').getBoundingClientRect().top")
            assert main_top <= HEADER_BUDGET, main_top
            links = page.locator("nav.main-nav a[href='/meetings']")
            assert not links.is_visible()
            page.locator("nav.main-nav summary").click()
            assert links.is_visible()
            links.click()
            page.wait_for_url(re.compile(r"/meetings$"))
            assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        finally:
            context.close()


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_navigation_stays_open_on_a_wide_screen(live_server, browser, lang):
    context = browser.new_context(viewport={"width": 1366, "height": 800})
    page = context.new_page()
    try:
        browser_login(page, live_server, "reviewer", lang)
        assert page.locator("nav.main-nav a[href='/meetings']").is_visible()
        assert not page.locator("nav.main-nav summary").is_visible()
    finally:
        context.close()
