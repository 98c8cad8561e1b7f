"""The review flow in Chromium, on the demo data: the officer of MME completes and sends its
plan in Arabic, the reviewer returns it with remarks in French, the officer answers, corrects
and sends it again, the reviewer sees what changed and approves, and the officer can no longer
edit the plan (only the follow-up of its projects)."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import browser_login

pytestmark = pytest.mark.browser


def new_page(browser, locale: str):
    context = browser.new_context(locale=locale)
    context.set_default_timeout(10_000)
    return context.new_page()


def plan_id_of(page) -> int:
    return int(re.search(r"/plans/(\d+)", page.url).group(1))


def status_is(page, text: str) -> None:
    expect(page.locator("#review-plan-status")).to_have_text(text)


def test_send_return_correct_resend_approve(browser, live_server):
    # --- the officer (Arabic) completes the missing budget and sends
    officer = new_page(browser, "ar-DZ")
    browser_login(officer, live_server, "officer-mme", "ar")
    officer.goto(f"{live_server}/my-plan")
    officer.wait_for_load_state("networkidle")
    plan_id = plan_id_of(officer)
    expect(officer.locator("html")).to_have_attribute("dir", "rtl")
    missing = officer.locator("#missing-before-sending")
    expect(missing).to_contain_text("2021-MME-002")
    card = officer.locator(".project-card.incomplete").first
    project_id = int(card.get_attribute("id").split("-")[1])
    card.locator(".card-actions a").first.click()  # edit, in place (htmx)
    form = officer.locator(f"form#project-{project_id}")
    form.locator("[name$='-budget_dzd']").fill("45000000")
    form.locator("button[type=submit]").click()
    # The project card comes back complete and the review panel refreshes itself (planChanged).
    expect(officer.locator(f"form#project-{project_id}")).to_have_count(0)
    expect(officer.locator("#missing-before-sending")).to_have_count(0)
    officer.locator("#confirm-submit").check()
    officer.locator("#submit-plan").click()
    officer.wait_for_load_state("networkidle")
    status_is(officer, "مرسل")
    expect(officer.locator("#submit-plan")).to_have_count(0)

    # --- the reviewer (French) returns it with a remark on one project
    reviewer = new_page(browser, "fr-FR")
    browser_login(reviewer, live_server, "reviewer", "fr")
    reviewer.goto(f"{live_server}/plans?year=2021&status=submitted")
    expect(reviewer.locator("tr[data-code=MME]")).to_have_attribute("data-status", "submitted")
    reviewer.goto(f"{live_server}/plans/{plan_id}")
    status_is(reviewer, "Envoyé")
    reviewer.fill(
        "#return-comment", "Merci de préciser l'intitulé français du projet 2021-MME-001."
    )
    reviewer.locator("#action-return details summary").click()
    first_project = reviewer.locator(".project-card").first
    first_id = int(first_project.get_attribute("id").split("-")[1])
    reviewer.fill(f"#remark-{first_id}", "L'intitulé français est trop vague.")
    reviewer.locator("#return-plan").click()
    reviewer.wait_for_load_state("networkidle")
    status_is(reviewer, "Renvoyé pour révision")
    expect(reviewer.locator("#remarks")).to_contain_text("L'intitulé français est trop vague.")
    expect(reviewer.locator("#plan-timeline")).to_contain_text("Merci de préciser")

    # --- the officer reads the remark, answers it, corrects the project and sends again
    officer.goto(f"{live_server}/plans/{plan_id}")
    status_is(officer, "معاد للمراجعة")
    remark = officer.locator("#remarks li.remark").first
    expect(remark).to_contain_text("L'intitulé français est trop vague.")
    remark.locator("textarea").fill("تم توضيح العنوان بالفرنسية.")
    remark.locator("button[type=submit]").click()
    expect(officer.locator("#remarks .answer")).to_contain_text("تم توضيح العنوان بالفرنسية.")
    officer.locator(f"#project-{first_id} .card-actions a").first.click()
    form = officer.locator(f"form#project-{first_id}")
    form.locator("[name$='-title_fr']").fill(
        "Plateforme de dépôt en ligne et de suivi des demandes de financement des micro-entreprises"
    )
    form.locator("button[type=submit]").click()
    expect(officer.locator(f"form#project-{first_id}")).to_have_count(0)
    officer.locator("#confirm-submit").check()
    officer.locator("#submit-plan").click()
    officer.wait_for_load_state("networkidle")
    status_is(officer, "مرسل")

    # --- the reviewer sees what changed since the return and approves
    reviewer.goto(f"{live_server}/plans/{plan_id}")
    changes = reviewer.locator(f"#change-project-{first_id}")
    expect(changes).to_contain_text("Plateforme de dépôt en ligne et de suivi")
    # Approving needs every project decided: the reviewer accepts each one (the panel swaps).
    ids = [
        card.get_attribute("id").split("-")[1] for card in reviewer.locator(".project-card").all()
    ]
    for project_id in ids:
        reviewer.locator(f"#accept-{project_id}").click()
        expect(reviewer.locator(f"#decision-{project_id}")).to_contain_text("Projet accepté")
    reviewer.locator("#confirm-approve").check()
    reviewer.locator("#approve-plan").click()
    reviewer.wait_for_load_state("networkidle")
    status_is(reviewer, "Approuvé")
    for step in ("Plan envoyé", "Renvoyé pour révision", "Plan approuvé"):
        expect(reviewer.locator("#plan-timeline")).to_contain_text(step)

    # --- the officer can no longer edit; only the follow-up remains
    officer.goto(f"{live_server}/plans/{plan_id}")
    status_is(officer, "مصادق عليه")
    expect(officer.locator("#project-list .card-actions")).to_have_count(0)
    expect(officer.locator("#submit-plan")).to_have_count(0)
    expect(officer.locator("#new-project")).to_have_count(0)
    expect(officer.locator(f"#progress-{first_id}")).to_be_visible()
    response = officer.request.get(f"{live_server}/projects/{first_id}/edit")
    assert response.status >= 400
