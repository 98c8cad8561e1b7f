"""The acknowledgement of receipt of each send (issue 17): numbered per campaign year, with the
date, the sender, the number of projects and the fingerprint of the plan as sent; a bilingual
PDF for the department's officer and the ministry's staff, linked from the plan's timeline."""

import hashlib
import re
import subprocess

import pytest
import sqlalchemy as sa

from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanEventKind, PlanStatus
from digiweb.review.receipts import Receipt, canonical_content, fingerprint_of
from tests.factories import client_as, make_campaign, make_complete_project, make_plan

CONFIRM = {"confirm": "yes"}


def send(app, plan_id: int, username: str = "officer-da"):
    plan = db.session.get(Plan, plan_id)
    client = client_as(app, username)
    response = client.post(f"/plans/{plan_id}/submit", data={"version": plan.version, **CONFIRM})
    assert response.status_code == 303, response.get_data(as_text=True)[:2000]
    return response


def give_back(app, plan_id: int):
    db.session.expire_all()
    plan = db.session.get(Plan, plan_id)
    response = client_as(app, "reviewer").post(
        f"/plans/{plan_id}/return", data={"version": plan.version, "comment": "Les dates."}
    )
    assert response.status_code == 303


def receipts_of(plan_id: int) -> list[Receipt]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(Receipt).where(Receipt.plan_id == plan_id).order_by(Receipt.id)
        )
    )


def pdf_words(content: bytes) -> str:
    """pdftotext's text without bidi marks, on one line."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
    )
    text = re.sub("[\u200e\u200f\u2066-\u2069\u202a-\u202e]", "", result.stdout.decode())
    return " ".join(text.split())


def test_a_send_gets_a_numbered_receipt_of_what_was_sent(app, world):
    send(app, world.plan.id)
    [receipt] = receipts_of(world.plan.id)
    plan = db.session.get(Plan, world.plan.id)
    assert receipt.number == "AR-2030-0001"
    assert (receipt.year, receipt.sequence) == (2030, 1)
    assert receipt.projects_count == 2
    assert receipt.sender_id == world.owner.id
    assert receipt.sent_at == plan.submitted_at
    assert receipt.event.kind == PlanEventKind.SUBMITTED
    content = canonical_content(plan, list(plan.projects))
    assert receipt.fingerprint == hashlib.sha256(content.encode()).hexdigest()
    assert "Plateforme de l'acte de naissance" in content


def test_numbers_follow_each_other_within_a_year_and_restart_each_year(app, world):
    send(app, world.plan.id)
    give_back(app, world.plan.id)
    send(app, world.plan.id)  # the corrected plan: the next number
    send(app, world.other_plan.id, "officer-db")
    numbers = [r.number for r in receipts_of(world.plan.id)]
    assert numbers == ["AR-2030-0001", "AR-2030-0002"]
    assert [r.number for r in receipts_of(world.other_plan.id)] == ["AR-2030-0003"]
    campaign = make_campaign(2031, departments=[world.d1])
    plan_2031 = make_plan(campaign, world.d1, status=PlanStatus.DRAFT)
    make_complete_project(plan_2031)
    db.session.commit()
    send(app, plan_2031.id)
    assert [r.number for r in receipts_of(plan_2031.id)] == ["AR-2031-0001"]


def test_the_fingerprint_changes_with_the_content_and_only_with_it(app, world, rctx):
    plan = db.session.get(Plan, world.plan.id)
    projects = list(plan.projects)
    first = fingerprint_of(plan, projects)
    assert fingerprint_of(plan, list(reversed(projects))) != first or len(projects) == 1
    assert fingerprint_of(plan, sorted(projects, key=lambda p: p.sequence)) == first
    projects[0].title_fr += " (v2)"
    assert fingerprint_of(plan, projects) != first


def test_a_number_taken_in_the_meantime_gives_the_next_one(app, world, monkeypatch):
    from digiweb.review import receipts

    send(app, world.other_plan.id, "officer-db")  # AR-2030-0001
    real = receipts._next_sequence
    answers = iter([1])  # as if read before the other send was committed
    monkeypatch.setattr(receipts, "_next_sequence", lambda year: next(answers, None) or real(year))
    send(app, world.plan.id)
    assert [r.number for r in receipts_of(world.plan.id)] == ["AR-2030-0002"]
    plan = db.session.get(Plan, world.plan.id)
    assert plan.status == PlanStatus.SUBMITTED


def test_a_refused_send_writes_no_receipt(app, world):
    plan = db.session.get(Plan, world.plan.id)
    response = client_as(app, "officer-da").post(
        f"/plans/{plan.id}/submit", data={"version": plan.version + 7, **CONFIRM}
    )
    assert response.status_code == 409
    assert receipts_of(plan.id) == []


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_pdf_holds_the_number_the_count_and_the_fingerprint_in_both_languages(app, world, lang):
    send(app, world.plan.id)
    [receipt] = receipts_of(world.plan.id)
    client = client_as(app, "officer-da")
    response = client.get(f"/plans/{world.plan.id}/receipts/{receipt.number}.pdf?lang={lang}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert "receipt-AR-2030-0001.pdf" in response.headers["Content-Disposition"]
    words = pdf_words(response.data)
    assert words.count("AR-2030-0001") >= 2
    assert receipt.fingerprint in words
    assert words.count(receipt.fingerprint) == 2  # once per language
    assert "Nombre de projets 2" in words
    # pdftotext reads a right-to-left table's cells in either order
    assert "عدد المشاريع 2" in words or "2 عدد المشاريع" in words
    assert "Accusé de réception" in words
    assert "Ministère Alpha" in words and "وزارة ألف" in words
    french, arabic = words.index("Accusé de réception"), words.index("عدد المشاريع")
    assert (french < arabic) == (lang == "fr")  # the document's language first


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("officer-da", 200),
        ("officer-db", 404),
        ("reviewer", 200),
        ("viewer", 200),
        ("admin", 200),
    ],
)
def test_who_may_download_a_receipt(app, world, username, expected):
    send(app, world.plan.id)
    url = f"/plans/{world.plan.id}/receipts/AR-2030-0001.pdf"
    assert client_as(app, username).get(url).status_code == expected


def test_unknown_or_foreign_numbers_are_404_and_anonymous_visitors_log_in(app, world):
    send(app, world.plan.id)
    send(app, world.other_plan.id, "officer-db")  # AR-2030-0002 is DB's
    owner = client_as(app, "officer-da")
    assert owner.get(f"/plans/{world.plan.id}/receipts/AR-2030-0002.pdf").status_code == 404
    assert owner.get(f"/plans/{world.plan.id}/receipts/AR-2030-0099.pdf").status_code == 404
    assert owner.get("/plans/999999/receipts/AR-2030-0001.pdf").status_code == 404
    anonymous = client_as(app, None)
    response = anonymous.get(f"/plans/{world.plan.id}/receipts/AR-2030-0001.pdf")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_the_timeline_shows_each_receipt_with_its_link(app, world, lang):
    send(app, world.plan.id)
    give_back(app, world.plan.id)
    send(app, world.plan.id)
    page = client_as(app, "officer-da", lang).get(f"/plans/{world.plan.id}").get_data(as_text=True)
    for number in ("AR-2030-0001", "AR-2030-0002"):
        assert f'href="/plans/{world.plan.id}/receipts/{number}.pdf"' in page
    label = {
        "fr": "Accusé de réception AR-2030-0001 (PDF)",
        "ar": "وصل الاستلام AR-2030-0001 (PDF)",
    }
    assert label[lang] in page
