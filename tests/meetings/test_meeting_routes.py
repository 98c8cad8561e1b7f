"""The meetings pages through HTTP: htmx fragments and their plain-form fallbacks, validation
in both languages, stale saves, the lock, the decisions list and its follow-up."""

import re
from datetime import UTC, datetime

import pytest

from digiweb.audit.models import AuditLog
from digiweb.extensions import db
from digiweb.meetings import services
from digiweb.meetings.models import (
    AgendaItem,
    Attendee,
    Decision,
    DecisionStatus,
    Meeting,
    MeetingDocument,
    MeetingStatus,
)
from tests.meetings.conftest import lock

CONFIRMED = {"confirm": "yes"}  # what htmx sends after hx-confirm; the no-JS page posts it too

HTMX = {"HX-Request": "true"}


def text(response) -> str:
    return response.get_data(as_text=True)


def agenda_titles(meeting_id: int) -> list[str]:
    return list(
        db.session.scalars(
            db.select(AgendaItem.title_fr)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position)
        )
    )


def ids_in_order(html: str, prefix: str) -> list[int]:
    return [int(i) for i in re.findall(rf'id="{prefix}-(\d+)"', html)]


# --- agenda: htmx and plain posts ------------------------------------------------------------


def test_agenda_add_as_fragment_then_move_up_then_delete(world, client_for):
    client = client_for("reviewer", "fr")
    url = f"/meetings/{world.reference}/agenda"
    added = client.post(url, data={"title_ar": "نقاش", "title_fr": "Débat général"}, headers=HTMX)
    assert added.status_code == 200
    html = text(added)
    assert "<html" not in html
    assert html.count('<section id="agenda"') == 1
    assert "Débat général" in html
    assert 'hx-swap-oob="true"' in html and "Point ajouté à l&#39;ordre du jour." in html
    assert agenda_titles(world.meeting.id) == [
        "Ouverture",
        "Résultats du questionnaire",
        "Débat général",
    ]
    new_id = db.session.scalar(
        db.select(AgendaItem.id).where(AgendaItem.title_fr == "Débat général")
    )

    moved = client.post(f"{url}/{new_id}/move", data={"direction": "up"}, headers=HTMX)
    assert moved.status_code == 200
    assert "<html" not in text(moved)
    assert ids_in_order(text(moved), "agenda-item") == [
        world.agenda[0].id,
        new_id,
        world.agenda[1].id,
    ]
    assert agenda_titles(world.meeting.id) == [
        "Ouverture",
        "Débat général",
        "Résultats du questionnaire",
    ]

    deleted = client.post(f"{url}/{new_id}/delete", data=CONFIRMED, headers=HTMX)
    assert deleted.status_code == 200
    assert "Débat général" not in text(deleted)
    assert agenda_titles(world.meeting.id) == ["Ouverture", "Résultats du questionnaire"]
    actions = db.session.scalars(
        db.select(AuditLog.action)
        .where(AuditLog.action.like("agenda_item_%"))
        .order_by(AuditLog.id)
    ).all()
    assert actions[-3:] == ["agenda_item_added", "agenda_item_moved", "agenda_item_deleted"]


def test_agenda_plain_posts_redirect_to_the_section(world, client_for):
    client = client_for("reviewer")
    url = f"/meetings/{world.reference}/agenda"
    added = client.post(url, data={"title_ar": "نقاش", "title_fr": "Débat"})
    assert added.status_code == 302
    assert added.headers["Location"].endswith(f"/meetings/{world.reference}#agenda")
    second = world.agenda[1].id
    moved = client.post(f"{url}/{second}/move", data={"direction": "up"})
    assert moved.status_code == 302
    assert moved.headers["Location"].endswith(f"#agenda-item-{second}")
    assert agenda_titles(world.meeting.id) == ["Résultats du questionnaire", "Ouverture", "Débat"]
    page = client.get(f"/meetings/{world.reference}")
    assert "<html" in text(page)
    assert ids_in_order(text(page), "agenda-item")[:2] == [second, world.agenda[0].id]


def test_agenda_edit_in_place_and_without_javascript(world, client_for):
    client = client_for("reviewer", "fr")
    item = world.agenda[0]
    edit_url = f"/meetings/{world.reference}/agenda/{item.id}/edit"
    fragment = client.get(edit_url, headers=HTMX)
    page = client.get(edit_url)
    for response in (fragment, page):
        assert response.status_code == 200
        assert 'value="Ouverture"' in text(response)
        assert f'action="/meetings/{world.reference}/agenda/{item.id}"' in text(response)
    assert "<html" not in text(fragment) and "<html" in text(page)
    token = re.search(r'name="version" type="hidden" value="(\w+)"', text(fragment)).group(1)
    saved = client.post(
        f"/meetings/{world.reference}/agenda/{item.id}",
        data={"title_ar": "افتتاح الأشغال", "title_fr": "Ouverture des travaux", "version": token},
        headers=HTMX,
    )
    assert saved.status_code == 200
    assert "Ouverture des travaux" in text(saved)
    # The same form posted again is stale: the row changed since it was opened.
    stale = client.post(
        f"/meetings/{world.reference}/agenda/{item.id}",
        data={"title_ar": "افتتاح", "title_fr": "Mon intitulé", "version": token},
        headers=HTMX,
    )
    assert stale.status_code == 409
    body = text(stale)
    assert "Ouverture des travaux" in body  # the current value
    assert 'value="Mon intitulé"' in body  # the user's own, kept in the form
    assert agenda_titles(world.meeting.id)[0] == "Ouverture des travaux"


# --- attendees -------------------------------------------------------------------------------


def test_attendee_added_through_htmx_and_deleted(world, client_for):
    client = client_for("admin", "fr")
    url = f"/meetings/{world.reference}/attendees"
    added = client.post(
        url,
        data={"user_id": str(world.users["officer-mj"].id), "attendance": "represented"},
        headers=HTMX,
    )
    assert added.status_code == 200
    html = text(added)
    assert "<html" not in html and 'id="attendees"' in html
    assert "<td><bdi>Nadia Saidi</bdi></td>" in html and "Représenté" in html
    attendee = db.session.scalar(db.select(Attendee).where(Attendee.name == "Nadia Saidi"))
    assert attendee.department_id == world.mj.id
    # The MJ officer now sees the meeting.
    assert client_for("officer-mj").get(f"/meetings/{world.reference}").status_code == 200
    deleted = client.post(f"{url}/{attendee.id}/delete", data=CONFIRMED, headers=HTMX)
    assert deleted.status_code == 200
    section = text(deleted).split('<section id="attendees"', 1)[1]
    assert "<td><bdi>Nadia Saidi</bdi></td>" not in section
    assert "Nadia Saidi retiré(e) de la liste de présence." in text(deleted)
    # without JavaScript the post first gets the page that asks, whose button confirms
    asked = client.post(f"{url}/{world.guest_attendee.id}/delete")
    assert asked.status_code == 200 and 'name="confirm" value="yes"' in text(asked)
    assert db.session.scalar(db.select(db.func.count(Attendee.id))) == 2
    plain = client.post(f"{url}/{world.guest_attendee.id}/delete", data=CONFIRMED)
    assert plain.status_code == 302
    assert db.session.scalar(db.select(db.func.count(Attendee.id))) == 1


def test_attendee_edit_changes_attendance(world, client_for):
    client = client_for("reviewer", "fr")
    guest = world.guest_attendee
    form = client.get(f"/meetings/{world.reference}/attendees/{guest.id}/edit", headers=HTMX)
    token = re.search(r'name="version" type="hidden" value="(\w+)"', text(form)).group(1)
    saved = client.post(
        f"/meetings/{world.reference}/attendees/{guest.id}",
        data={
            "name": "Yacine Amrani",
            "function_ar": "مدير",
            "function_fr": "Directeur des systèmes d'information",
            "department_id": str(world.mf.id),
            "attendance": "present",
            "version": token,
        },
    )
    assert saved.status_code == 302
    guest = db.session.get(Attendee, guest.id)
    assert guest.attendance.value == "present"
    assert guest.department_id == world.mf.id


# --- validation in both languages ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "message"),
    [("fr", "Saisissez le point en arabe."), ("ar", "أدخل البند بالعربية.")],
)
@pytest.mark.parametrize("htmx", [True, False])
def test_agenda_validation_keeps_the_input(world, client_for, lang, message, htmx):
    client = client_for("reviewer", lang)
    response = client.post(
        f"/meetings/{world.reference}/agenda",
        data={"title_ar": "", "title_fr": "Point sans arabe"},
        headers=HTMX if htmx else {},
    )
    assert response.status_code == 422
    body = text(response)
    assert message in body
    assert 'value="Point sans arabe"' in body
    assert 'class="error-summary"' in body
    assert ("<html" in body) is not htmx
    assert agenda_titles(world.meeting.id) == ["Ouverture", "Résultats du questionnaire"]


@pytest.mark.parametrize(
    ("lang", "messages"),
    [
        ("fr", ["Saisissez le titre en français.", "Saisissez une date valide, par exemple"]),
        ("ar", ["أدخل العنوان بالفرنسية.", "أدخل تاريخا صحيحا"]),
    ],
)
def test_meeting_form_validation_in_both_languages(world, client_for, lang, messages):
    client = client_for("reviewer", lang)
    response = client.post(
        "/meetings/new",
        data={
            "title_ar": "اجتماع اللجنة",
            "title_fr": "",
            "kind": "steering_committee",
            "date": "31/02/2021",
            "time": "10:00",
            "status": "planned",
            "campaign_id": "",
        },
    )
    assert response.status_code == 422
    body = text(response)
    for message in messages:
        assert message in body
    assert 'value="اجتماع اللجنة"' in body
    assert 'selected value="steering_committee"' in body
    assert db.session.scalar(db.select(db.func.count(Meeting.id))) == 1


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fr", "Aucun projet ne porte la référence 2021-MF-999."),
        ("ar", "لا يوجد مشروع يحمل المرجع"),
    ],
)
def test_decision_with_unknown_project_is_refused(world, client_for, lang, message):
    client = client_for("reviewer", lang)
    response = client.post(
        f"/meetings/{world.reference}/decisions",
        data={
            "text_ar": "قرار",
            "text_fr": "Décision",
            "owner_department_id": str(world.mf.id),
            "due_date": "2021-05-01",
            "projects": "2021-MF-001, 2021-MF-999",
        },
        headers=HTMX,
    )
    assert response.status_code == 422
    assert message in text(response)
    assert 'value="2021-MF-001, 2021-MF-999"' in text(response)
    assert db.session.scalar(db.select(db.func.count(Decision.id))) == 2


def test_decision_added_with_linked_projects(world, client_for):
    client = client_for("reviewer", "fr")
    response = client.post(
        f"/meetings/{world.reference}/decisions",
        data={
            "text_ar": "قرار",
            "text_fr": "Nouvelle décision",
            "owner_department_id": str(world.mj.id),
            "due_date": "2021-05-01",
            "projects": "2021-mj-001",
        },
        headers=HTMX,
    )
    assert response.status_code == 200
    assert "Nouvelle décision" in text(response)
    assert "<bdi>2021-MJ-001</bdi>" in text(response)


# --- meeting create and edit: local time, versions -------------------------------------------


def test_meeting_created_in_algiers_time_is_stored_in_utc(world, client_for):
    client = client_for("reviewer", "fr")
    response = client.post(
        "/meetings/new",
        data={
            "title_ar": "لجنة التوجيه",
            "title_fr": "Comité de pilotage",
            "kind": "steering_committee",
            "date": "2021-07-01",
            "time": "10:00",
            "place_ar": "",
            "place_fr": "Alger",
            "chair_ar": "",
            "chair_fr": "",
            "campaign_id": str(world.campaign.id),
            "status": "planned",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/meetings/MNS-2021-002")
    meeting = db.session.scalar(db.select(Meeting).where(Meeting.reference == "MNS-2021-002"))
    assert meeting.starts_at == datetime(2021, 7, 1, 9, 0, tzinfo=UTC)
    edit = text(client.get("/meetings/MNS-2021-002/edit"))
    assert 'value="01/07/2021"' in edit and 'value="10:00"' in edit
    assert "01/07/2021 10:00" in text(client.get("/meetings/MNS-2021-002"))


def test_stale_meeting_edit_shows_current_and_entered_values(world, client_for):
    first, second = client_for("reviewer", "fr"), client_for("admin", "fr")
    form = text(first.get(f"/meetings/{world.reference}/edit"))
    version = re.search(r'name="version" type="hidden" value="(\d+)"', form).group(1)
    data = {
        "title_ar": "جلسة عمل",
        "kind": "working_session",
        "date": "2021-03-25",
        "time": "09:30",
        "campaign_id": "",
        "status": "held",
        "version": version,
    }
    assert (
        first.post(
            f"/meetings/{world.reference}/edit", data={**data, "title_fr": "Titre du premier"}
        ).status_code
        == 302
    )
    refused = second.post(
        f"/meetings/{world.reference}/edit", data={**data, "title_fr": "Titre du second"}
    )
    assert refused.status_code == 409
    body = text(refused)
    assert "Titre du premier" in body  # current value
    assert 'value="Titre du second"' in body  # the user's input, kept
    assert "Rien n&#39;a été écrasé" in body
    assert db.session.get(Meeting, world.meeting.id).title_fr == "Titre du premier"


def test_stale_minutes_save_is_refused(world, client_for):
    client = client_for("reviewer", "fr")
    meeting = db.session.get(Meeting, world.meeting.id)
    seen = meeting.version
    url = f"/meetings/{world.reference}/minutes"
    ok = client.post(url, data={"minutes_ar": "محضر", "minutes_fr": "Version A", "version": seen})
    assert ok.status_code == 302
    refused = client.post(
        url,
        data={"minutes_ar": "محضر", "minutes_fr": "Version B", "version": seen},
        headers=HTMX,
    )
    assert refused.status_code == 409
    assert "Version A" in text(refused) and "Version B" in text(refused)
    assert "<html" not in text(refused)
    assert db.session.get(Meeting, world.meeting.id).minutes_fr == "Version A"


# --- the lock --------------------------------------------------------------------------------


def _locked_state():
    return (
        tuple(db.session.execute(db.select(Meeting.id, Meeting.version, Meeting.minutes_fr))),
        tuple(db.session.execute(db.select(Attendee.id, Attendee.name, Attendee.attendance))),
        tuple(
            db.session.execute(db.select(AgendaItem.id, AgendaItem.position, AgendaItem.title_fr))
        ),
        tuple(db.session.execute(db.select(Decision.id, Decision.text_fr, Decision.due_date))),
        db.session.scalar(
            db.select(db.func.count(AuditLog.id)).where(
                AuditLog.entity_type.in_(("meeting", "decision"))
            )
        ),
    )


def test_locked_minutes_refuse_every_change_but_follow_up(world, client_for):
    lock(world.meeting.id)
    client = client_for("reviewer", "fr")
    ref, item, guest = world.reference, world.agenda[1].id, world.guest_attendee.id
    decision = world.decision_mf.id
    version = db.session.get(Meeting, world.meeting.id).version
    decision_data = {"text_ar": "ن", "text_fr": "t", "owner_department_id": "", "projects": ""}
    posts = [
        (f"/meetings/{ref}/edit", {"title_ar": "ا", "title_fr": "b", "version": version}),
        (f"/meetings/{ref}/minutes", {"minutes_ar": "ا", "minutes_fr": "b", "version": version}),
        (f"/meetings/{ref}/approve-minutes", {"version": version, "confirm": "yes"}),
        (f"/meetings/{ref}/attendees", {"name": "Intrus", "attendance": "present"}),
        (f"/meetings/{ref}/attendees/{guest}", {"name": "Intrus", "attendance": "present"}),
        (f"/meetings/{ref}/attendees/{guest}/delete", {}),
        (f"/meetings/{ref}/agenda", {"title_ar": "ا", "title_fr": "b"}),
        (f"/meetings/{ref}/agenda/{item}", {"title_ar": "ا", "title_fr": "b"}),
        (f"/meetings/{ref}/agenda/{item}/move", {"direction": "up"}),
        (f"/meetings/{ref}/agenda/{item}/delete", {}),
        (f"/meetings/{ref}/decisions", decision_data),
        (f"/meetings/{ref}/decisions/{decision}", decision_data),
        (f"/meetings/{ref}/decisions/{decision}/delete", {}),
    ]
    gets = [
        f"/meetings/{ref}/edit",
        f"/meetings/{ref}/attendees/{guest}/edit",
        f"/meetings/{ref}/agenda/{item}/edit",
        f"/meetings/{ref}/decisions/{decision}/edit",
    ]
    before = _locked_state()
    for url, data in posts:
        for headers in ({}, HTMX):
            response = client.post(url, data=data, headers=headers)
            assert response.status_code == 409, (url, response.status_code)
            assert "la réunion est verrouillée" in text(response), url
            assert ("<html" in text(response)) is not bool(headers), url
            db.session.expire_all()
            assert _locked_state() == before, url
    for url in gets:
        for headers in ({}, HTMX):
            response = client.get(url, headers=headers)
            assert response.status_code == 409, url
            assert "la réunion est verrouillée" in text(response), url
            assert 'method="post" action="/meetings/' not in text(response)
    # Invalid input on a locked meeting never tells the user to fix a form they cannot send.
    page = text(client.get(f"/meetings/{ref}"))
    assert "/agenda" not in page and '/minutes"' not in page
    # The follow-up of a decision is still open, to the officer of its department too.
    officer = client_for("officer-mf", "fr")
    current = db.session.get(Decision, decision).version
    saved = officer.post(
        f"/decisions/{decision}/follow-up",
        data={"status": "done", "note": "Plan transmis", "version": current, "next": "/decisions"},
    )
    assert saved.status_code == 302
    assert db.session.get(Decision, decision).status == DecisionStatus.DONE


def test_locked_post_with_invalid_data_is_still_refused_as_locked(world, client_for):
    lock(world.meeting.id)
    client = client_for("reviewer", "fr")
    response = client.post(f"/meetings/{world.reference}/agenda", data={}, headers=HTMX)
    assert response.status_code == 409  # not "fix the form": it could never be saved
    assert db.session.scalar(db.select(db.func.count(AgendaItem.id))) == 2


# --- approval through the page ---------------------------------------------------------------


def _fake_pdf(meeting, lang, verification_code):
    return f"%PDF-1.7 {meeting.reference} {lang}".encode()


def test_approve_minutes_route_shows_the_hashes(world, client_for, monkeypatch):
    monkeypatch.setattr(services, "_minutes_renderer", lambda: _fake_pdf)
    meeting = db.session.get(Meeting, world.meeting.id)
    meeting.minutes_ar, meeting.minutes_fr = "محضر", "Procès-verbal"
    db.session.commit()
    client = client_for("reviewer", "fr")
    page = text(client.get(f"/meetings/{world.reference}"))
    assert f'action="/meetings/{world.reference}/approve-minutes"' in page
    version = db.session.get(Meeting, world.meeting.id).version
    response = client.post(
        f"/meetings/{world.reference}/approve-minutes", data={"version": version, "confirm": "yes"}
    )
    assert response.status_code == 302
    page = text(client.get(f"/meetings/{world.reference}"))
    hashes = dict(
        db.session.execute(db.select(MeetingDocument.language, MeetingDocument.sha256)).all()
    )
    assert hashes["ar"] in page and hashes["fr"] in page
    assert f'href="/verify/{hashes["fr"]}"' in page
    assert "Procès-verbal approuvé" in page
    assert "approve-minutes" not in page
    assert db.session.get(Meeting, world.meeting.id).status == MeetingStatus.MINUTES_APPROVED


def test_approve_with_real_pdfs_and_download_buttons(world, client_for):
    meeting = db.session.get(Meeting, world.meeting.id)
    meeting.minutes_ar, meeting.minutes_fr = "محضر الاجتماع", "Procès-verbal de la réunion"
    db.session.commit()
    client = client_for("reviewer", "fr")
    response = client.post(
        f"/meetings/{world.reference}/approve-minutes",
        data={"version": db.session.get(Meeting, world.meeting.id).version, "confirm": "yes"},
    )
    assert response.status_code == 302
    page = text(client.get(f"/meetings/{world.reference}"))
    for lang in ("ar", "fr"):
        assert f"/meetings/{world.reference}/minutes.pdf?lang={lang}" in page
        assert (
            db.session.scalar(
                db.select(MeetingDocument.sha256).where(MeetingDocument.language == lang)
            )
            in page
        )


def test_every_reader_gets_the_download_buttons(world, client_for):
    client = client_for("viewer", "fr")
    page = text(client.get(f"/meetings/{world.reference}"))
    for lang in ("ar", "fr"):
        assert f"/meetings/{world.reference}/minutes.pdf?lang={lang}" in page
    assert "data-busy-on-click" in page
