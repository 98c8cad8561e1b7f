"""WCAG 2.2 AA in Chromium, in Arabic and in French: axe-core (WCAG 2.0/2.1/2.2 A and AA rules)
finds nothing on the main pages of each role, nor after the htmx swaps (a form opened, a 422, a
live search, a filter, an item added); every target is at least 24x24 px (unless it is a link
in a sentence); forms lead to their errors through a focused summary, for a plain post and for
an htmx 422; and an officer adds a project to the plan with the keyboard alone.

One test walks all the pages of one role in one language with one logged-in browser context,
and reports every problem it met at the end, so that a run says all that is to fix."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.a11y import audit, small_targets, unmarked_arabic
from tests.conftest import DEMO_PASSWORD, browser_login

pytestmark = pytest.mark.browser

MEETING = "MNS-2021-001"
SUBMITTED_PLAN = "MADR"  # sent by its officer in the demo: what a reviewer opens to review


@pytest.fixture
def audit_page(browser):
    """A context for the audit only: the app's CSP (script-src 'self') would refuse axe."""
    context = browser.new_context(bypass_csp=True, locale="ar-DZ")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def check(page, where: str, failures: list[str]) -> None:
    """axe, the target sizes and (on a French page) the language of Arabic parts, on the page as
    it is now; problems go to `failures`."""
    page.wait_for_load_state("networkidle")
    # htmx done, and no fade still running (an indicator fading out has, for 200 ms, a colour
    # that axe would measure); endless animations (a busy spinner) are not waited for
    page.wait_for_function(
        """() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')
             && document.getAnimations().every(a => a.playState !== 'running'
                  || a.effect.getComputedTiming().iterations === Infinity)"""
    )
    audit(page, where, failures)
    small = small_targets(page)
    if small:
        failures.append(f"{where}: {len(small)} target(s) under 24x24 px:\n  " + "\n  ".join(small))
    arabic = unmarked_arabic(page)
    if arabic:
        failures.append(f"{where}: Arabic text without lang=ar:\n  " + "\n  ".join(arabic))


def visit(page, base: str, path: str, where: str, failures: list[str]) -> None:
    page.goto(base + path)
    check(page, where, failures)


def assert_clean(failures: list[str]) -> None:
    assert not failures, "\n\n".join(failures)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_login_and_error_pages(audit_page, live_server, lang):
    page, failures = audit_page, []
    visit(page, live_server, f"/login?lang={lang}", f"{lang} login", failures)
    page.click("form button[type=submit]")  # empty: a 422 with the error summary
    expect(page.locator(".error-summary")).to_be_visible()
    check(page, f"{lang} login with errors", failures)
    browser_login(page, live_server, "viewer", lang)
    response = page.goto(f"{live_server}/no-such-page")
    assert response.status == 404
    check(page, f"{lang} 404", failures)
    assert_clean(failures)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_officer_pages(audit_page, live_server, lang):
    page, failures = audit_page, []
    browser_login(page, live_server, "officer-mme", lang)
    check(page, f"{lang} officer home", failures)
    # before the draft below loses its French title: the list does not yet mark a title shown in
    # the other language (projects/_results_body.html)
    visit(page, live_server, "/projects", f"{lang} officer projects", failures)
    visit(page, live_server, "/projects?q=zzzqqq", f"{lang} projects, empty search", failures)
    visit(page, live_server, "/my-plan", f"{lang} officer plan", failures)

    card = page.locator(".project-card.incomplete").first
    project_id = card.get_attribute("id").split("-")[1]
    card.locator(".card-actions a").first.click()  # edit, in place (htmx)
    form = page.locator(f"form#project-{project_id}")
    expect(form).to_be_visible()
    check(page, f"{lang} officer plan, project form open", failures)

    form.locator("[name$='title_ar']").fill("")
    form.locator("[name$='title_fr']").fill("")
    with page.expect_response(re.compile(rf"/projects/{project_id}/edit$")) as response:
        form.locator("button[type=submit]").click()
    assert response.value.status == 422
    expect(form.locator(".error-summary")).to_be_focused()
    check(page, f"{lang} officer plan, project form with a 422", failures)

    form.locator("[name$='title_ar']").fill("منصة رقمية لمتابعة المؤسسات المصغرة")
    form.locator("button[type=submit]").click()
    expect(form).to_have_count(0)
    expect(page.locator(f"#project-{project_id}-title")).to_be_focused()  # the saved card
    check(page, f"{lang} officer plan, project saved", failures)

    # its history now shows the Arabic title: in French, marked as Arabic
    visit(page, live_server, f"/projects/{project_id}", f"{lang} project page", failures)
    visit(page, live_server, "/notifications", f"{lang} officer notifications", failures)
    visit(page, live_server, "/decisions", f"{lang} officer decisions", failures)
    assert_clean(failures)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_reviewer_pages(audit_page, live_server, lang):
    page, failures = audit_page, []
    browser_login(page, live_server, "reviewer", lang)
    check(page, f"{lang} reviewer home", failures)
    visit(page, live_server, "/plans?year=2021", f"{lang} completeness board", failures)
    page.locator(f"tr[data-code={SUBMITTED_PLAN}] a").first.click()
    check(page, f"{lang} plan under review", failures)

    visit(page, live_server, "/dashboard?year=2021", f"{lang} dashboard", failures)
    before = page.locator("#kpi-projects").inner_text()
    page.select_option("#target", "economic_operators")
    expect(page.locator("#kpi-projects")).not_to_have_text(before)
    check(page, f"{lang} dashboard after a filter", failures)

    visit(page, live_server, "/projects?year=2021", f"{lang} projects", failures)
    page.locator("#filter-q").press_sequentially("numérique" if lang == "fr" else "رقمنة")
    expect(page).to_have_url(re.compile(r"[?&]q="))
    check(page, f"{lang} projects after a live search", failures)

    visit(page, live_server, "/meetings", f"{lang} meetings", failures)
    visit(page, live_server, f"/meetings/{MEETING}", f"{lang} meeting", failures)
    form = page.locator("#agenda-add")
    form.locator("input[name=title_ar]").fill("متابعة التوصيات")
    form.locator("input[name=title_fr]").fill("Suivi des recommandations")
    form.locator("button[type=submit]").click()
    expect(page.locator("#agenda .agenda-item", has_text="التوصيات")).to_have_count(1)
    check(page, f"{lang} meeting after adding an agenda item", failures)

    visit(page, live_server, "/decisions", f"{lang} decisions", failures)
    visit(page, live_server, "/notifications", f"{lang} reviewer notifications", failures)
    assert_clean(failures)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_admin_pages(audit_page, live_server, lang):
    page, failures = audit_page, []
    browser_login(page, live_server, "admin", lang)
    for path, where in [
        ("/admin/users", "users"),
        ("/admin/users/new", "new user"),
        ("/admin/departments", "departments"),
        ("/admin/departments/new", "new department"),
        ("/campaigns", "campaigns"),
        ("/campaigns/new", "new campaign"),
    ]:
        visit(page, live_server, path, f"{lang} {where}", failures)
    page.goto(f"{live_server}/campaigns")
    page.locator("main table a").first.click()
    check(page, f"{lang} a campaign", failures)
    assert_clean(failures)


# --- the error-summary pattern and focus ----------------------------------------------------


def assert_summary_leads_to_fields(page) -> None:
    """The summary has the focus; each of its links leads to a field that says what is wrong."""
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    links = summary.locator("a[href^='#']")
    assert links.count() > 0
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href")[1:]
        field = page.locator(f"[id='{target}']")
        expect(field).to_have_attribute("aria-invalid", "true")
        described = field.get_attribute("aria-describedby").split()
        messages = [page.locator(f"[id='{i}']").inner_text() for i in described]
        assert any(m.strip() and m.strip() in links.nth(index).inner_text() for m in messages)
    links.first.click()
    expect(page.locator(f"[id='{links.first.get_attribute('href')[1:]}']")).to_be_focused()


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_error_summary_after_a_plain_post(page, live_server, lang):
    browser_login(page, live_server, "admin", lang)
    page.goto(f"{live_server}/admin/departments/new")
    with page.expect_response(re.compile(r"/admin/departments/new")) as response:
        page.locator("main form button[type=submit]").first.click()
    assert response.value.status == 422
    page.wait_for_load_state("domcontentloaded")
    assert_summary_leads_to_fields(page)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_error_summary_after_an_htmx_422(page, live_server, lang):
    browser_login(page, live_server, "officer-mme", lang)
    page.goto(f"{live_server}/my-plan")
    page.evaluate("() => { window.__marker = 1; }")  # a page load would wipe it out
    page.click("#add-project")
    form = page.locator("form#project-new")
    expect(page.locator("#project-new-title")).to_be_focused()  # focus on the new content
    form.locator("[name$='progress']").fill("250")
    with page.expect_response(re.compile(r"/plans/\d+/projects$")) as response:
        form.locator("button[type=submit]").click()
    assert response.value.status == 422
    assert_summary_leads_to_fields(page)
    assert page.evaluate("() => window.__marker") == 1, "the page was reloaded"


# --- the keyboard alone ---------------------------------------------------------------------


def tab_to(page, selector: str, limit: int = 120) -> None:
    """Press Tab until the element `selector` has the focus (as a keyboard user would)."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never got the focus with Tab")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_officer_adds_a_project_with_the_keyboard_alone(page, live_server, lang):
    title = {"ar": "رقمنة أرشيف الطاقة", "fr": "Numérisation des archives de l'énergie"}[lang]
    page.goto(f"{live_server}/login?lang={lang}")
    tab_to(page, "input[name=username]")
    page.keyboard.type("officer-mme")
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    expect(page).not_to_have_url(re.compile(r"/login"))

    tab_to(page, "nav.main-nav a[href='/my-plan']")
    page.keyboard.press("Enter")
    page.wait_for_load_state("networkidle")
    expect(page.locator("#add-project")).to_be_visible()
    cards = page.locator(".project-card").count()

    tab_to(page, "#add-project")
    page.keyboard.press("Enter")
    expect(page.locator("#project-new-title")).to_be_focused()
    tab_to(page, f"form#project-new [name$='title_{lang}']")
    page.keyboard.type(title)
    tab_to(page, "form#project-new button[type=submit]")
    page.keyboard.press("Enter")

    expect(page.locator(".project-card")).to_have_count(cards + 1)
    expect(page.locator(".project-card", has_text=title)).to_be_visible()
    expect(page.locator("form#project-new")).to_have_count(0)
    # the keyboard user is not sent back to the top of the page
    assert page.evaluate("() => document.activeElement !== document.body")
