"""The rules of the meetings area, called directly."""

import hashlib
from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy.exc import IntegrityError

from digiweb.audit.models import AuditLog
from digiweb.errors import Conflict, Refusal
from digiweb.extensions import db
from digiweb.meetings import agenda, attendance, decisions, services
from digiweb.meetings.models import (
    AgendaItem,
    Attendance,
    Decision,
    DecisionStatus,
    Meeting,
    MeetingDocument,
    MeetingStatus,
)
from digiweb.transaction import fingerprint
from tests.factories import meeting_values
from tests.meetings.conftest import lock


def audit(action: str) -> list[AuditLog]:
    return list(
        db.session.scalars(
            db.select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)
        )
    )


# --- time and references ---------------------------------------------------------------------


def test_algiers_local_time_round_trip_without_daylight_saving():
    winter = services.local_to_utc(date(2021, 3, 25), time(9, 30))
    summer = services.local_to_utc(date(2021, 7, 15), time(9, 30))
    # Africa/Algiers is UTC+1 all year round: no DST shift in summer.
    assert winter == datetime(2021, 3, 25, 8, 30, tzinfo=UTC)
    assert summer == datetime(2021, 7, 15, 8, 30, tzinfo=UTC)
    for value in (winter, summer):
        local = services.utc_to_local(value)
        assert (local.hour, local.minute) == (9, 30)
        assert local.utcoffset().total_seconds() == 3600
        assert services.local_to_utc(local.date(), local.time()) == value


def test_stored_utc_comes_back_as_the_same_local_time(app, req):
    meeting = services.create_meeting(
        meeting_values(starts_at=services.local_to_utc(date(2022, 1, 10), time(14, 0)))
    )
    db.session.commit()
    db.session.expire_all()
    stored = db.session.get(Meeting, meeting.id).starts_at
    assert stored == datetime(2022, 1, 10, 13, 0, tzinfo=UTC)
    assert services.utc_to_local(stored).strftime("%d/%m/%Y %H:%M") == "10/01/2022 14:00"


def test_references_are_numbered_per_year(app, req):
    def create(day):
        return services.create_meeting(
            meeting_values(starts_at=services.local_to_utc(day, time(10, 0)))
        ).reference

    assert create(date(2021, 3, 25)) == "MNS-2021-001"
    assert create(date(2021, 6, 1)) == "MNS-2021-002"
    assert create(date(2022, 2, 1)) == "MNS-2022-001"  # a new year starts again at 001
    assert create(date(2021, 12, 1)) == "MNS-2021-003"
    # 00:30 on 1 January in Algiers is still 31 December in UTC: the local year counts.
    new_year = services.create_meeting(
        meeting_values(starts_at=services.local_to_utc(date(2023, 1, 1), time(0, 30)))
    )
    assert new_year.starts_at.year == 2022
    assert new_year.reference == "MNS-2023-001"
    assert audit("meeting_created")[-1].changes["reference"] == [None, "MNS-2023-001"]


def test_reference_taken_concurrently_gets_the_next_number(app, req, monkeypatch):
    """Two reviewers computed the same number: the unique constraint refuses the second
    insert, which retries with the next number instead of failing."""
    services.create_meeting(meeting_values())  # MNS-2021-001
    real = services.next_number
    calls = []

    def stale_then_real(year):
        calls.append(year)
        return 1 if len(calls) == 1 else real(year)  # the first answer is already taken

    monkeypatch.setattr(services, "next_number", stale_then_real)
    meeting = services.create_meeting(meeting_values())
    assert meeting.reference == "MNS-2021-002"
    assert len(calls) == 2
    db.session.commit()


def test_year_number_unique_constraint_exists(app, req):
    services.create_meeting(meeting_values())
    db.session.commit()
    clash = Meeting(
        reference="MNS-2021-001-bis", year=2021, number=1, **meeting_values(status="planned")
    )
    db.session.add(clash)
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_the_date_cannot_leave_the_year_of_the_reference(world, req):
    meeting = db.session.get(Meeting, world.meeting.id)
    values = meeting_values(starts_at=services.local_to_utc(date(2022, 3, 1), time(9, 0)))
    with pytest.raises(Refusal) as refused:
        services.update_meeting(meeting, values, meeting.version)
    assert refused.value.field == "date"
    assert "MNS-2021-001" in refused.value.message


def test_status_minutes_approved_only_through_approval(world, req):
    meeting = db.session.get(Meeting, world.meeting.id)
    with pytest.raises(Refusal) as refused:
        services.update_meeting(meeting, meeting_values(status="minutes_approved"), meeting.version)
    assert refused.value.field == "status"


def test_stale_meeting_update_is_refused_with_current_values(world, req):
    meeting = db.session.get(Meeting, world.meeting.id)
    seen = meeting.version
    services.update_meeting(meeting, meeting_values(title_fr="Première version"), seen)
    db.session.commit()
    with pytest.raises(Conflict) as refused:
        services.update_meeting(meeting, meeting_values(title_fr="Seconde version"), seen)
    assert refused.value.status == 409
    assert refused.value.version == meeting.version  # offered to the form shown again
    db.session.rollback()
    assert db.session.get(Meeting, world.meeting.id).title_fr == "Première version"
    db.session.rollback()
    assert db.session.get(Meeting, world.meeting.id).title_fr == "Première version"


def test_meeting_update_is_audited_with_old_and_new_values(world, req):
    meeting = db.session.get(Meeting, world.meeting.id)
    changes = services.update_meeting(
        meeting,
        meeting_values(campaign_id=world.campaign.id, place_fr="CERIST, Alger"),
        meeting.version,
    )
    assert changes == {"place_fr": ["Alger", "CERIST, Alger"]}
    entry = audit("meeting_updated")[-1]
    assert entry.entity_id == meeting.id
    assert entry.changes == {"place_fr": ["Alger", "CERIST, Alger"]}


# --- attendees and agenda --------------------------------------------------------------------


def test_picked_officer_brings_name_department_and_function(world, req):
    officer = world.users["officer-mj"]
    attendee = attendance.add_attendee(
        world.meeting, attendance.AttendeeValues(user_id=officer.id, name="ignored")
    )
    assert attendee.name == "Nadia Saidi"
    assert attendee.department_id == world.mj.id
    assert attendee.function_fr == "Responsable de la numérisation"
    assert attendee.function_ar == "مسؤول الرقمنة"
    entry = audit("attendee_added")[-1]
    assert entry.changes["name"] == [None, "Nadia Saidi"]


def test_an_officer_is_listed_once_and_a_free_entry_needs_a_name(world, req):
    with pytest.raises(Refusal) as twice:
        attendance.add_attendee(
            world.meeting, attendance.AttendeeValues(user_id=world.users["officer-mf"].id)
        )
    assert twice.value.field == "user_id"
    with pytest.raises(Refusal) as nameless:
        attendance.add_attendee(world.meeting, attendance.AttendeeValues(name="  "))
    assert nameless.value.field == "name"
    reviewer = world.users["reviewer"]
    with pytest.raises(Refusal):
        attendance.add_attendee(world.meeting, attendance.AttendeeValues(user_id=reviewer.id))


def test_attendee_edit_is_refused_when_the_row_changed_meanwhile(world, req):
    guest = world.guest_attendee
    token = fingerprint(guest, attendance.ATTENDEE_FIELDS)
    attendance.update_attendee(
        world.meeting,
        guest,
        attendance.AttendeeValues(name="Yacine Amrani", attendance=Attendance.PRESENT),
        token,
    )
    db.session.commit()
    saved = fingerprint(guest, attendance.ATTENDEE_FIELDS)
    with pytest.raises(Conflict) as refused:
        attendance.update_attendee(
            world.meeting,
            guest,
            attendance.AttendeeValues(name="Y. Amrani", attendance=Attendance.ABSENT),
            token,
        )
    assert refused.value.version == saved  # offered to the form shown again
    db.session.rollback()
    assert db.session.get(type(guest), guest.id).attendance == Attendance.PRESENT


def test_agenda_items_move_up_and_down_and_renumber_on_delete(world, req):
    meeting = world.meeting
    third = agenda.add_agenda_item(meeting, "نقاش", "Débat")
    first, second = world.agenda

    def order():
        db.session.expire(meeting, ["agenda_items"])
        return [i.title_fr for i in meeting.agenda_items]

    assert agenda.move_agenda_item(meeting, third, "up")
    assert order() == ["Ouverture", "Débat", "Résultats du questionnaire"]
    assert not agenda.move_agenda_item(meeting, first, "up")  # already first
    assert agenda.move_agenda_item(meeting, first, "down")
    assert order() == ["Débat", "Ouverture", "Résultats du questionnaire"]
    assert audit("agenda_item_moved")[-1].changes["order"] == [
        [first.id, third.id, second.id],
        [third.id, first.id, second.id],
    ]
    agenda.delete_agenda_item(meeting, third)
    db.session.commit()
    positions = db.session.execute(
        db.select(AgendaItem.title_fr, AgendaItem.position)
        .where(AgendaItem.meeting_id == meeting.id)
        .order_by(AgendaItem.position)
    ).all()
    assert [tuple(p) for p in positions] == [
        ("Ouverture", 1),
        ("Résultats du questionnaire", 2),
    ]
    with pytest.raises(Refusal):
        agenda.move_agenda_item(meeting, first, "sideways")


# --- decisions -------------------------------------------------------------------------------


def test_project_references_are_validated(world, req):
    projects, errors = decisions.parse_project_references(
        f"{world.project_mf.reference.lower()}, {world.project_mj.reference}"
    )
    assert [p.reference for p in projects] == ["2021-MF-001", "2021-MJ-001"]
    assert errors == []
    _projects, errors = decisions.parse_project_references("2021-MF-999; MF-7")
    assert len(errors) == 2
    assert "MF-7" in errors[0]
    assert "2021-MF-999" in errors[1]


def test_decision_links_projects_and_records_them(world, req):
    decision = db.session.get(Decision, world.decision_mf.id)
    decisions.update_decision(
        decision,
        decisions.DecisionValues(
            text_ar=decision.text_ar,
            text_fr=decision.text_fr,
            owner_department_id=world.mf.id,
            due_date=decision.due_date,
            projects=f"{world.project_mj.reference} {world.project_mf.reference}",
        ),
        decision.version,
    )
    db.session.commit()
    refs = services.project_references([decision.id])
    assert refs == {decision.id: ["2021-MF-001", "2021-MJ-001"]}
    entry = audit("decision_updated")[-1]
    assert entry.changes["projects"] == [
        [world.project_mf.id],
        sorted([world.project_mf.id, world.project_mj.id]),
    ]


def test_decisions_list_puts_overdue_first_then_by_due_date(world, req):
    meeting = world.meeting

    def add(text, due, status=DecisionStatus.OPEN):
        decision = decisions.add_decision(
            meeting,
            decisions.DecisionValues(text, text, world.mf.id, due),
        )
        decision.status = status
        return decision

    late_done = add("late but done", date(2021, 1, 1), DecisionStatus.DONE)
    late_cancelled = add("late but cancelled", date(2021, 1, 2), DecisionStatus.CANCELLED)
    no_date = add("no date", None)
    soon = add("soon", date(2030, 1, 1))
    late_in_progress = add("late, in progress", date(2021, 5, 1), DecisionStatus.IN_PROGRESS)
    db.session.commit()
    reviewer = world.users["reviewer"]
    today = date(2025, 1, 1)
    rows = decisions.decisions_list(reviewer, decisions.DecisionFilters(), today=today)
    ids = [d.id for d in rows]
    assert ids == [
        world.decision_mf.id,  # due 15/04/2021, open: overdue
        late_in_progress.id,  # due 01/05/2021, in progress: overdue
        late_done.id,  # past due but done: not overdue
        late_cancelled.id,
        soon.id,
        world.decision_mj.id,  # 2099
        no_date.id,  # no due date: last
    ]
    assert [decisions.is_overdue(d, today) for d in rows] == [
        True,
        True,
        False,
        False,
        False,
        False,
        False,
    ]


def test_decisions_list_filters_and_officer_scope(world, req):
    officer = world.users["officer-mf"]
    rows = decisions.decisions_list(officer, decisions.DecisionFilters())
    assert [d.id for d in rows] == [world.decision_mf.id]
    # An officer's own scope cannot be widened by a filter on another department.
    rows = decisions.decisions_list(officer, decisions.DecisionFilters(department_id=world.mj.id))
    assert rows == []
    reviewer = world.users["reviewer"]
    by_department = decisions.decisions_list(
        reviewer, decisions.DecisionFilters(department_id=world.mj.id)
    )
    assert [d.id for d in by_department] == [world.decision_mj.id]
    by_status = decisions.decisions_list(
        reviewer, decisions.DecisionFilters(status=DecisionStatus.DONE)
    )
    assert by_status == []
    other = services.create_meeting(meeting_values())
    db.session.commit()
    assert decisions.decisions_list(reviewer, decisions.DecisionFilters(meeting_id=other.id)) == []


# --- follow-up -------------------------------------------------------------------------------


def test_officer_updates_the_follow_up_of_own_department_only(world, req):
    officer = world.users["officer-mf"]
    decision = db.session.get(Decision, world.decision_mf.id)
    changes = decisions.update_follow_up(
        decision, "in_progress", "Plan en cours de finalisation", decision.version, officer
    )
    assert changes["status"] == ["open", "in_progress"]
    db.session.commit()
    entry = audit("decision_follow_up")[-1]
    assert entry.actor_id == officer.id
    assert entry.entity_type == "decision"
    assert entry.entity_id == decision.id
    assert entry.changes == {
        "status": ["open", "in_progress"],
        "follow_up_note": ["", "Plan en cours de finalisation"],
    }
    other = db.session.get(Decision, world.decision_mj.id)
    with pytest.raises(Refusal) as refused:
        decisions.update_follow_up(other, "done", "", other.version, officer)
    assert refused.value.status == 403
    viewer = world.users["viewer"]
    with pytest.raises(Refusal):
        decisions.update_follow_up(decision, "done", "", decision.version, viewer)


def test_stale_follow_up_is_refused(world, req):
    reviewer = world.users["reviewer"]
    decision = db.session.get(Decision, world.decision_mf.id)
    seen = decision.version
    decisions.update_follow_up(decision, "done", "Reçu le 14/04", seen, reviewer)
    db.session.commit()
    with pytest.raises(Conflict):
        decisions.update_follow_up(decision, "cancelled", "", seen, world.users["officer-mf"])
    db.session.rollback()
    stored = db.session.get(Decision, world.decision_mf.id)
    assert (stored.status.value, stored.follow_up_note) == ("done", "Reçu le 14/04")


# --- the lock --------------------------------------------------------------------------------


def test_every_change_of_a_locked_meeting_is_refused_but_follow_up(world, req):
    lock(world.meeting.id)
    meeting = db.session.get(Meeting, world.meeting.id)
    guest = world.guest_attendee
    item = world.agenda[1]
    decision = db.session.get(Decision, world.decision_mf.id)
    decision_values = decisions.DecisionValues("ن", "t", None, None)
    attempts = [
        lambda: services.update_meeting(meeting, meeting_values(), meeting.version),
        lambda: services.update_minutes(meeting, "ا", "b", meeting.version),
        lambda: services.approve_minutes(meeting, meeting.version, world.users["reviewer"]),
        lambda: attendance.add_attendee(meeting, attendance.AttendeeValues(name="X")),
        lambda: attendance.update_attendee(
            meeting,
            guest,
            attendance.AttendeeValues(name="X"),
            fingerprint(guest, attendance.ATTENDEE_FIELDS),
        ),
        lambda: attendance.delete_attendee(meeting, guest),
        lambda: agenda.add_agenda_item(meeting, "ا", "b"),
        lambda: agenda.update_agenda_item(
            meeting, item, "ا", "b", fingerprint(item, agenda.AGENDA_FIELDS)
        ),
        lambda: agenda.delete_agenda_item(meeting, item),
        lambda: agenda.move_agenda_item(meeting, item, "up"),
        lambda: decisions.add_decision(meeting, decision_values),
        lambda: decisions.update_decision(decision, decision_values, decision.version),
        lambda: decisions.delete_decision(decision),
    ]
    for attempt in attempts:
        with pytest.raises(Refusal) as refused:
            attempt()
        assert refused.value.status == 409
        db.session.rollback()
    # The follow-up of its decisions stays open.
    decision = db.session.get(Decision, world.decision_mf.id)
    decisions.update_follow_up(
        decision, "done", "Transmis", decision.version, world.users["officer-mf"]
    )
    db.session.commit()
    assert db.session.get(Decision, world.decision_mf.id).status == DecisionStatus.DONE


def test_lock_reads_the_status_from_the_database(world, req):
    """A meeting loaded before the approval is still refused after it."""
    meeting = db.session.get(Meeting, world.meeting.id)
    db.session.execute(
        db.update(Meeting)
        .where(Meeting.id == meeting.id)
        .values(status=MeetingStatus.MINUTES_APPROVED, version=Meeting.version + 1)
        .execution_options(synchronize_session=False)
    )
    assert meeting.status != MeetingStatus.MINUTES_APPROVED  # stale in memory
    with pytest.raises(Refusal):
        agenda.add_agenda_item(meeting, "ا", "b")


# --- approval --------------------------------------------------------------------------------


def _fake_pdf(meeting, lang, verification_code):
    assert len(verification_code) == 32
    return f"%PDF-1.7 minutes {meeting.reference} {lang} {meeting.status.value}".encode()


def test_approval_locks_and_keeps_both_pdfs_with_their_hash(world, req, monkeypatch):
    monkeypatch.setattr(services, "_minutes_renderer", lambda: _fake_pdf)
    meeting = db.session.get(Meeting, world.meeting.id)
    services.update_minutes(meeting, "محضر", "Procès-verbal", meeting.version)
    reviewer = world.users["reviewer"]
    hashes = services.approve_minutes(meeting, meeting.version, reviewer)
    db.session.commit()
    documents = {
        d.language: d
        for d in db.session.scalars(
            db.select(MeetingDocument).where(MeetingDocument.meeting_id == meeting.id)
        )
    }
    assert set(documents) == {"ar", "fr"}
    for lang, document in documents.items():
        # Rendered after the status changed: the PDF is the approved one.
        assert document.pdf == f"%PDF-1.7 minutes MNS-2021-001 {lang} minutes_approved".encode()
        assert document.sha256 == hashlib.sha256(document.pdf).hexdigest() == hashes[lang]
    meeting = db.session.get(Meeting, world.meeting.id)
    assert meeting.is_locked
    assert meeting.minutes_approved_by_id == reviewer.id
    assert meeting.minutes_approved_at is not None
    assert services.documents_of(meeting) == hashes
    entry = audit("minutes_approved")[-1]
    assert entry.changes["status"] == ["held", "minutes_approved"]
    assert entry.changes["sha256_fr"] == [None, hashes["fr"]]


def test_approval_needs_a_held_meeting_and_both_minutes(world, req, monkeypatch):
    monkeypatch.setattr(services, "_minutes_renderer", lambda: _fake_pdf)
    meeting = db.session.get(Meeting, world.meeting.id)
    with pytest.raises(Refusal) as empty:
        services.approve_minutes(meeting, meeting.version, world.users["reviewer"])
    assert empty.value.status == 409
    services.update_minutes(meeting, "محضر", "", meeting.version)
    with pytest.raises(Refusal):
        services.approve_minutes(meeting, meeting.version, world.users["reviewer"])
    services.update_minutes(meeting, "محضر", "Procès-verbal", meeting.version)
    services.update_meeting(meeting, meeting_values(status="planned"), meeting.version)
    with pytest.raises(Refusal) as planned:
        services.approve_minutes(meeting, meeting.version, world.users["reviewer"])
    assert planned.value.status == 409
    assert db.session.scalar(db.select(db.func.count(MeetingDocument.id))) == 0


def test_a_failing_render_leaves_the_meeting_unapproved(world, req, monkeypatch):
    def broken(meeting, lang, verification_code):
        raise RuntimeError("renderer down")

    monkeypatch.setattr(services, "_minutes_renderer", lambda: broken)
    meeting = db.session.get(Meeting, world.meeting.id)
    services.update_minutes(meeting, "محضر", "Procès-verbal", meeting.version)
    db.session.commit()
    with pytest.raises(RuntimeError):
        services.approve_minutes(meeting, meeting.version, world.users["reviewer"])
    db.session.rollback()
    assert db.session.get(Meeting, world.meeting.id).status == MeetingStatus.HELD


def test_approval_with_the_real_renderer(world, req):
    meeting = db.session.get(Meeting, world.meeting.id)
    services.update_minutes(
        meeting, "محضر الاجتماع", "Procès-verbal de la réunion", meeting.version
    )
    hashes = services.approve_minutes(meeting, meeting.version, world.users["reviewer"])
    db.session.commit()
    documents = db.session.scalars(db.select(MeetingDocument)).all()
    assert {d.language for d in documents} == {"ar", "fr"}
    for document in documents:
        assert document.pdf.startswith(b"%PDF")
        assert hashes[document.language] == document.sha256


def test_editing_children_leaves_the_meeting_version(world, req):
    """The minutes form on the page stays valid while the agenda and attendees change."""
    meeting = db.session.get(Meeting, world.meeting.id)
    seen = meeting.version
    item = agenda.add_agenda_item(meeting, "نقطة", "Point")
    agenda.move_agenda_item(meeting, item, "up")
    attendance.add_attendee(meeting, attendance.AttendeeValues(name="Invité"))
    decisions.add_decision(meeting, decisions.DecisionValues("ق", "D", None, None))
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(Meeting, world.meeting.id).version == seen
    services.update_minutes(meeting, "محضر", "PV", seen)  # not refused as stale
