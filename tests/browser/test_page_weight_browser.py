"""What a person's browser downloads (issue 17, point 9), counted by Chromium itself: the bytes
received on the wire (headers and body as sent, compressed or not) for each request.

- first visit: a fresh browser opens the login page, logs in and gets its home (≤ 300 KB);
- next page: /projects opened from the home in the same browser (≤ 60 KB);
- an htmx swap: the project list sorted differently (≤ 30 KB).

Run with `-s` to print the figures kept in docs/benchmarks.md ("Page weight")."""

import pytest

from tests.conftest import DEMO_PASSWORD

pytestmark = pytest.mark.browser

KB = 1000
FIRST_VISIT_BUDGET = 300 * KB
NEXT_PAGE_BUDGET = 60 * KB
HTMX_SWAP_BUDGET = 30 * KB


class Wire:
    """Bytes received per request, from the DevTools protocol (Network.loadingFinished)."""

    def __init__(self, page):
        self.urls: dict[str, str] = {}
        self.received: dict[str, int] = {}
        self.session = page.context.new_cdp_session(page)
        self.session.on("Network.requestWillBeSent", self._sent)
        self.session.on("Network.loadingFinished", self._finished)
        self.session.send("Network.enable")

    def _sent(self, event):
        self.urls[event["requestId"]] = event["request"]["url"]

    def _finished(self, event):
        self.received[event["requestId"]] = int(event["encodedDataLength"])

    def mark(self) -> int:
        return len(self.received)

    def since(self, mark: int) -> list[tuple[str, int]]:
        ids = list(self.received)[mark:]
        return [(self.urls.get(i, "?"), self.received[i]) for i in ids]


def _total(rows) -> int:
    return sum(size for _, size in rows)


def _report(label: str, rows) -> None:
    print(f"\n{label}: {_total(rows) / KB:.1f} KB in {len(rows)} requests")
    for url, size in rows:
        print(f"  {size / KB:8.1f} KB  {url}")


@pytest.mark.parametrize("lang", ["ar", "fr"])
@pytest.mark.parametrize("username", ["officer-mf", "reviewer"])
def test_first_visit_next_page_and_htmx_swap_stay_light(live_server, browser, username, lang):
    context = browser.new_context(locale="ar-DZ" if lang == "ar" else "fr-FR")
    context.set_default_timeout(15_000)
    page = context.new_page()
    wire = Wire(page)
    try:
        start = wire.mark()
        page.goto(f"{live_server}/login?lang={lang}")
        page.wait_for_load_state("networkidle")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", DEMO_PASSWORD)
        page.click("form button[type=submit]")
        page.wait_for_load_state("networkidle")
        page.evaluate("document.fonts.ready")
        page.wait_for_load_state("networkidle")
        first = wire.since(start)

        start = wire.mark()
        page.click("nav.main-nav a[href='/projects']")
        page.wait_for_load_state("networkidle")
        next_page = wire.since(start)

        with page.expect_response(lambda r: "sort=" in r.url) as answer:
            page.select_option("#filter-sort", index=1)
        response = answer.value
        response.finished()
        assert response.request.headers.get("hx-request") == "true"
        sizes = response.request.sizes()
        swap = [(response.url, sizes["responseHeadersSize"] + sizes["responseBodySize"])]
    finally:
        context.close()

    _report(f"[{username} {lang}] first visit", first)
    _report(f"[{username} {lang}] next page", next_page)
    _report(f"[{username} {lang}] htmx swap", swap)
    assert _total(first) <= FIRST_VISIT_BUDGET, first
    fonts = [url for url, _ in first if "/fonts/" in url]
    assert not any(url.split("?")[0].endswith(".ttf") for url in fonts), fonts
    if lang == "fr":  # the system's fonts, and the ministry's Arabic name from its own file
        assert not any("amiri-arabic" in url or "amiri-latin" in url for url in fonts), fonts
    # every static file of the next page comes from the browser's cache, unasked
    assert [url for url, size in next_page if size] == [f"{live_server}/projects"], next_page
    assert _total(next_page) <= NEXT_PAGE_BUDGET, next_page
    assert 0 < _total(swap) <= HTMX_SWAP_BUDGET, swap
