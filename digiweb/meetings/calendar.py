"""Meetings as iCalendar (RFC 5545) files, built with the `icalendar` library: one meeting
(`/meetings/<reference>.ics`), a user's personal feed (`/calendar/<token>.ics`), and the
invitation attachments (METHOD:REQUEST / CANCEL).

- UID: one per meeting, stable for its whole life (`<reference>@digiweb`), so that a calendar
  that imported it updates the same event.
- DTSTART/DTEND in UTC (what is stored); the calendar program shows them in its own zone.
- SEQUENCE: the meeting's version, which grows with every saved change (RFC 5545 only asks
  that it grow when the date or the place change).
- SUMMARY, LOCATION, DESCRIPTION in the reader's language.

The personal feed needs no login: its address carries a token derived (HMAC-SHA256) from the
application's SECRET_KEY, the user's id and a random secret kept in `calendar_feeds`. Neither
the database nor the key alone gives the address away; deleting the row revokes it, a new
secret replaces it. The feed lists, each time it is read, the meetings the user may read then
(`readable_by`): an account deactivated or moved to another department sees the change at once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from flask import current_app, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from icalendar import Calendar, Event

from digiweb.auth.models import User
from digiweb.db_types import utcnow
from digiweb.extensions import db
from digiweb.i18n import LANGUAGES
from digiweb.meetings.models import CalendarFeed, Meeting
from digiweb.meetings.services import visible_meetings

PRODID = "-//digiweb//meetings//AR-FR"
DURATION = timedelta(hours=2)  # meetings have a start only; calendars need an end
CONTENT_TYPE = "text/calendar; charset=utf-8"


def uid(meeting: Meeting) -> str:
    return f"{meeting.reference.lower()}@digiweb"


def _lang(lang: str | None) -> str:
    return lang if lang in LANGUAGES else "ar"


def _absolute(path: str) -> str:
    base = current_app.config.get("BASE_URL", "")
    return base.rstrip("/") + path if base else path


def event(meeting: Meeting, lang: str, *, cancelled: bool = False) -> Event:
    """The VEVENT of a meeting, its texts in `lang`."""
    lang = _lang(lang)
    with force_locale(LANGUAGES[lang]):
        title = meeting.title_fr if lang == "fr" else meeting.title_ar
        place = meeting.place_fr if lang == "fr" else meeting.place_ar
        lines = [f"{meeting.reference} · {meeting.kind.label}"]
        agenda = [item.title_fr if lang == "fr" else item.title_ar for item in meeting.agenda_items]
        if agenda:
            lines += ["", _("Agenda"), *(f"{n}. {t}" for n, t in enumerate(agenda, start=1))]
    item = Event()
    item.add("uid", uid(meeting))
    item.add("dtstamp", utcnow())
    item.add("dtstart", meeting.starts_at)
    item.add("dtend", meeting.starts_at + DURATION)
    item.add("sequence", meeting.version)
    item.add("summary", title or meeting.reference)
    if place:
        item.add("location", place)
    item.add("description", "\n".join(lines))
    item.add(
        "url", _absolute(url_for("meetings.view", reference=meeting.reference, _external=False))
    )
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return item


def calendar(meetings, lang: str, method: str = "PUBLISH", *, cancelled: bool = False) -> bytes:
    """A VCALENDAR of these meetings (PUBLISH: a file or a feed; REQUEST/CANCEL: invitations)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    with force_locale(LANGUAGES[_lang(lang)]):
        cal.add("x-wr-calname", _("digiweb meetings"))
    for meeting in meetings:
        cal.add_component(event(meeting, lang, cancelled=cancelled))
    return cal.to_ical()


# --- the personal feed -----------------------------------------------------------------------


def _mac(user_id: int, secret: str) -> str:
    key = current_app.config["SECRET_KEY"].encode()
    message = f"calendar-feed:{user_id}:{secret}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:40]


def feed_of(user) -> CalendarFeed | None:
    return db.session.scalar(db.select(CalendarFeed).where(CalendarFeed.user_id == user.id))


def token_of(feed: CalendarFeed) -> str:
    return f"{feed.user_id}-{_mac(feed.user_id, feed.secret)}"


def renew_feed(user) -> CalendarFeed:
    """Create the user's feed address, or replace it (the old address stops working)."""
    feed = feed_of(user)
    if feed is None:
        feed = CalendarFeed(user_id=user.id)
        db.session.add(feed)
    feed.secret = secrets.token_hex(32)
    feed.created_at = utcnow()
    db.session.flush()
    return feed


def revoke_feed(user) -> bool:
    feed = feed_of(user)
    if feed is None:
        return False
    db.session.delete(feed)
    db.session.flush()
    return True


def user_of_token(token: str) -> User | None:
    """The active user whose feed address carries this token, else None."""
    user_part, _sep, mac = token.partition("-")
    if not user_part.isdigit() or len(mac) != 40 or len(user_part) > 12:
        return None
    feed = db.session.scalar(db.select(CalendarFeed).where(CalendarFeed.user_id == int(user_part)))
    if feed is None or not hmac.compare_digest(mac, _mac(feed.user_id, feed.secret)):
        return None
    user = db.session.get(User, feed.user_id)
    if user is None or not user.active:
        return None
    return user


def feed_meetings(user) -> list[Meeting]:
    from sqlalchemy.orm import selectinload

    query = (
        visible_meetings(user)
        .options(selectinload(Meeting.agenda_items))
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return list(db.session.scalars(query))
