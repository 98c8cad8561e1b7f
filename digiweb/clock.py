"""The ministry's clock. Times are stored in UTC (digiweb.db_types.utcnow); what people read or
type as a day or an hour (today, a meeting at 09:30, the date of a document, days late) is
Algiers local time."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from digiweb.db_types import utcnow

ALGIERS = ZoneInfo("Africa/Algiers")


def now_local() -> datetime:
    """Now, on an Algiers clock (aware)."""
    return utcnow().astimezone(ALGIERS)


def today() -> date:
    """Today's date in Algiers (not the server's: near midnight UTC they differ)."""
    return now_local().date()


def local_date(value: datetime) -> date:
    """The Algiers date of an aware datetime."""
    return value.astimezone(ALGIERS).date()


def local_to_utc(day: date, at: time) -> datetime:
    """A date and time read on an Algiers clock, as an aware UTC datetime."""
    return datetime.combine(day, at, tzinfo=ALGIERS).astimezone(UTC)


def utc_to_local(value: datetime) -> datetime:
    """An aware datetime as Algiers local time (aware, tz=Africa/Algiers)."""
    return value.astimezone(ALGIERS)
