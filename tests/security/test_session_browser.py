"""The session warning as a person meets it, in Chromium, with timeouts of a few seconds: the
dialog (role=alertdialog, focus on its button, usable with the keyboard) appears before the
idle end, "Stay signed in" extends the session, and without an answer the login page comes
with the reason; near the absolute limit it says that the session cannot be extended."""

import threading

import pytest
from playwright.sync_api import expect

from tests.conftest import _make_app, browser_login

pytestmark = pytest.mark.browser


@pytest.fixture
def serve(request):
    """serve(config) -> the URL of the demo app with that configuration (the shared
    live_server fixture takes no configuration)."""
    from werkzeug.serving import make_server

    servers = []

    def start(config: dict) -> str:
        app = _make_app(request, "demo", {"RATELIMIT_ENABLED": False, **config})
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        servers.append((server, thread))
        return f"http://127.0.0.1:{server.server_port}"

    yield start
    for server, thread in servers:
        server.shutdown()
        thread.join(timeout=5)


def _server_times(page, base_url) -> dict:
    """What the server says is left (GET /session/status does not count as activity)."""
    return page.request.get(f"{base_url}/session/status").json()


def test_the_warning_appears_and_staying_signed_in_extends_the_session(serve, page):
    base_url = serve({"SESSION_IDLE_TIMEOUT": 14, "SESSION_WARNING_BEFORE": 10})
    browser_login(page, base_url, "reviewer", "fr")
    dialog = page.locator("#session-dialog")
    expect(dialog).to_be_visible(timeout=15_000)
    assert dialog.get_attribute("role") == "alertdialog"
    assert dialog.evaluate("d => d.matches(':modal')")  # the page behind is inert
    expect(dialog.locator("h2")).to_have_text("Votre session va bientôt prendre fin")
    expect(dialog).to_contain_text("Sans activité de votre part")
    extend = dialog.get_by_role("button", name="Rester connecté")
    expect(extend).to_be_focused()
    before = _server_times(page, base_url)["idle_remaining"]
    page.keyboard.press("Enter")  # the keyboard alone
    expect(dialog).to_be_hidden()
    after = _server_times(page, base_url)["idle_remaining"]
    assert after > before
    assert "/login" not in page.url
    # without an answer the session ends: the login page, with the reason
    expect(dialog).to_be_visible(timeout=15_000)
    page.wait_for_url("**/login**", timeout=30_000)
    expect(page.locator("#flash-area")).to_contain_text("Votre session a expiré")


def test_near_the_absolute_limit_the_warning_says_it_cannot_be_extended(serve, page):
    base_url = serve(
        {"SESSION_IDLE_TIMEOUT": 600, "SESSION_ABSOLUTE_TIMEOUT": 14, "SESSION_WARNING_BEFORE": 10}
    )
    browser_login(page, base_url, "viewer", "ar")
    dialog = page.locator("#session-dialog")
    expect(dialog).to_be_visible(timeout=15_000)
    expect(dialog).to_contain_text("لا يمكن تمديدها")
    expect(dialog.get_by_role("button", name="البقاء متصلا")).to_be_hidden()
    close = dialog.get_by_role("button", name="إغلاق")
    expect(close).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    page.wait_for_url("**/login**", timeout=30_000)
    expect(page.locator("#flash-area")).to_contain_text("انتهت صلاحية جلستك")
