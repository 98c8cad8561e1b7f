"""The agenda of a meeting, including the follow-up item listing earlier open decisions."""

from flask_babel import force_locale
from flask_babel import gettext as _

from digiweb.audit.services import diff, record, snapshot
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.i18n import LANGUAGES
from digiweb.meetings.decisions import open_decisions_before
from digiweb.meetings.models import (
    AgendaItem,
    FollowedDecision,
    Meeting,
)
from digiweb.meetings.services import _label, ensure_editable, update_row

AGENDA_FIELDS = ("title_ar", "title_fr")


# --- agenda ----------------------------------------------------------------------------------


def _agenda_label(meeting: Meeting, item: AgendaItem) -> str:
    return _label(meeting, f"· {item.title_fr or item.title_ar}")


def _renumber_agenda(meeting: Meeting) -> None:
    for position, item in enumerate(meeting.agenda_items, start=1):
        item.position = position


def add_agenda_item(meeting: Meeting, title_ar: str, title_fr: str, actor=None) -> AgendaItem:
    ensure_editable(meeting)
    position = max((i.position for i in meeting.agenda_items), default=0) + 1
    item = AgendaItem(
        meeting=meeting, position=position, title_ar=title_ar.strip(), title_fr=title_fr.strip()
    )
    db.session.add(item)
    db.session.flush()
    record(
        "agenda_item_added",
        "meeting",
        meeting.id,
        label=_agenda_label(meeting, item),
        actor=actor,
        changes=diff({}, snapshot(item, ("position", *AGENDA_FIELDS))),
    )
    return item


def update_agenda_item(
    meeting: Meeting, item: AgendaItem, title_ar: str, title_fr: str, token, actor=None
) -> dict:
    return update_row(
        meeting,
        item,
        token,
        AGENDA_FIELDS,
        lambda: {"title_ar": title_ar.strip(), "title_fr": title_fr.strip()},
        "agenda_item_updated",
        _agenda_label,
        actor,
    )


def delete_agenda_item(meeting: Meeting, item: AgendaItem, actor=None) -> None:
    ensure_editable(meeting)
    record(
        "agenda_item_deleted",
        "meeting",
        meeting.id,
        label=_agenda_label(meeting, item),
        actor=actor,
        changes=diff(
            snapshot(item, ("position", *AGENDA_FIELDS)),
            dict.fromkeys(("position", *AGENDA_FIELDS)),
        ),
    )
    meeting.agenda_items.remove(item)
    _renumber_agenda(meeting)
    db.session.flush()


def move_agenda_item(meeting: Meeting, item: AgendaItem, direction: str, actor=None) -> bool:
    """Swap an item with its neighbour above ("up") or below ("down"). False at the ends."""
    ensure_editable(meeting)
    if direction not in ("up", "down"):
        raise Refusal(_("Move an item up or down."), status=400)
    items = list(meeting.agenda_items)
    index = items.index(item)
    other = index - 1 if direction == "up" else index + 1
    if other < 0 or other >= len(items):
        return False
    items[index], items[other] = items[other], items[index]
    before = [i.id for i in meeting.agenda_items]
    for position, each in enumerate(items, start=1):
        each.position = position
    meeting.agenda_items.sort(key=lambda i: i.position)
    db.session.flush()
    record(
        "agenda_item_moved",
        "meeting",
        meeting.id,
        label=_agenda_label(meeting, item),
        actor=actor,
        changes={"order": [before, [i.id for i in items]]},
    )
    return True


def add_follow_up_item(meeting: Meeting, actor=None) -> AgendaItem:
    """Add the "follow-up of previous decisions" agenda item, listing the open decisions of
    earlier meetings (those not already listed under such an item of this meeting)."""
    ensure_editable(meeting)
    listed = {link.decision_id for item in meeting.agenda_items for link in item.followed}
    decisions = [d for d in open_decisions_before(meeting) if d.id not in listed]
    if not decisions:
        raise Refusal(_("No open decision of an earlier meeting is left to follow up."), 409)
    titles = {}
    for lang in LANGUAGES:
        with force_locale(LANGUAGES[lang]):
            titles[lang] = _("Follow-up of previous decisions")
    item = add_agenda_item(meeting, titles["ar"], titles["fr"], actor=actor)
    item.followed = [FollowedDecision(decision_id=d.id) for d in decisions]
    db.session.flush()
    return item
