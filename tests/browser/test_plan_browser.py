"""In Chromium: officer-mf fills its plan in place (htmx), in Arabic and in French, without a page
reload: a JavaScript marker set before the first click is still there at the end."""

import pytest
from playwright.sync_api import expect

from digiweb import create_app
from digiweb.campaigns.services import create_campaign, open_campaign
from digiweb.departments.models import Department
from digiweb.extensions import db
from tests.conftest import ON_POSTGRES, browser_login

pytestmark = pytest.mark.browser

TITLES = {
    "ar": ("منصة رقمية لطلب شهادة الميلاد عن بعد", "Plateforme de demande de l'acte de naissance"),
    "fr": ("بوابة التصريح الجبائي عن بعد", "Portail de télédéclaration fiscale"),
}


@pytest.fixture
def plan_2022(live_server, request, tmp_path):
    """The demo's MF plan of 2021 is approved: open a 2022 campaign so that officer-mf has a
    plan to fill (in the live server's own database)."""
    if ON_POSTGRES:
        url = request.getfixturevalue("postgres_database")
    else:
        url = f"sqlite:///{tmp_path / 'digiweb.db'}"
    setup = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with setup.test_request_context():
        mf = db.session.scalar(db.select(Department).where(Department.code == "MF"))
        campaign = create_campaign(
            year=2022,
            title_ar="استبيان المخططات العملية القطاعية للرقمنة لسنة 2022",
            title_fr="Questionnaire des plans d'action sectoriels de numérisation 2022",
            departments=[mf],
        )
        open_campaign(campaign)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return live_server


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_officer_adds_then_edits_a_project_in_place(page, plan_2022, lang):
    browser_login(page, plan_2022, "officer-mf", lang)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    # the officer's home lists the open years' plans (issue 17): open the 2022 one
    page.locator("#open-plan-2022 a").click()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#add-project")).to_be_visible()
    plan_url = page.url
    assert "/plans/" in plan_url
    page.evaluate("window.__digiwebMarker = 'no reload'")

    # add: the form appears in place, the new card joins the list
    page.click("#add-project")
    form = page.locator("form#project-new")
    expect(form).to_be_visible()
    expect(page.locator("#new-title_ar")).to_have_attribute("dir", "rtl")
    expect(page.locator("#new-title_fr")).to_have_attribute("dir", "ltr")
    title_ar, title_fr = TITLES[lang]
    page.fill("#new-title_ar", title_ar)
    page.fill("#new-title_fr", title_fr)
    page.select_option("#new-target", "citizens")
    page.fill("#new-budget_dzd", "1 250 000")
    form.locator("button[type=submit]").click()
    card = page.locator("#project-list article").filter(has_text=title_fr)
    expect(card).to_be_visible()
    expect(card).to_contain_text(title_ar)
    expect(card).to_contain_text("2022-MF-001")
    expect(card).to_contain_text("1\u202f250\u202f000")
    expect(form).to_have_count(0)
    expect(page.locator("#add-project")).to_be_visible()
    expect(page.locator("#plan-status")).to_have_class("badge big status-draft")
    assert page.evaluate("window.__digiwebMarker") == "no reload"
    assert page.url == plan_url

    # edit inline: the card turns into its form, saving turns it back into the card
    card_id = card.get_attribute("id")
    card.locator("a[hx-get$='/edit']").click()
    edit_form = page.locator(f"form#{card_id}")
    expect(edit_form).to_be_visible()
    expect(edit_form.locator("[name$='-title_fr']")).to_have_value(title_fr)
    expect(edit_form.locator("[name$='-budget_dzd']")).to_have_value("1\u202f250\u202f000")
    edit_form.locator("[name$='-title_fr']").fill(title_fr + " (v2)")
    edit_form.locator("[name$='-progress']").fill("150")
    edit_form.locator("button[type=submit]").click()
    expect(edit_form.locator(".field-error")).to_be_visible()  # 422 swapped in, input kept
    expect(edit_form.locator("[name$='-title_fr']")).to_have_value(title_fr + " (v2)")
    edit_form.locator("[name$='-progress']").fill("40")
    edit_form.locator("button[type=submit]").click()
    saved = page.locator(f"article#{card_id}")
    expect(saved).to_contain_text(title_fr + " (v2)")
    expect(saved).to_contain_text("40\u202f%")
    expect(page.locator(f"form#{card_id}")).to_have_count(0)
    assert page.evaluate("window.__digiwebMarker") == "no reload"

    # and it is really saved: a fresh load shows it
    page.reload()
    expect(page.locator(f"article#{card_id}")).to_contain_text(title_fr + " (v2)")
