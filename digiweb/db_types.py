"""Column types and enum helpers shared by every area's models."""

from datetime import UTC, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on every database (SQLite stores them naive)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class LabelledEnum(StrEnum):
    """A string enum whose members carry a translated label.

    Subclasses define `_labels()` returning {value: lazy_gettext(...)}.
    """

    @staticmethod
    def _labels() -> dict:  # pragma: no cover - overridden
        return {}

    @property
    def label(self) -> str:
        return str(self._labels()[self.value])

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        labels = cls._labels()
        return [(m.value, labels[m.value]) for m in cls]

    @classmethod
    def coerce(cls, value):
        """The member for a value, or None when the value is not one of ours."""
        try:
            return cls(value)
        except ValueError:
            return None


def enum_column(enum_cls: type[StrEnum]) -> sa.Enum:
    """Store an enum as its string value (VARCHAR), portable across SQLite and PostgreSQL."""
    return sa.Enum(
        enum_cls,
        native_enum=False,
        length=32,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )
