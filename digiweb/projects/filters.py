"""The project list's filters: the request's query parameters (year, search, department,
target, kind, technology, status, sort, page, keyset cursor) parsed and validated into a
`ProjectFilters`, or refused with a `FilterError` naming the parameter. The list, its exports
and the JSON API read them the same way; `digiweb.projects.services` turns them into queries.
"""

import re
from dataclasses import dataclass, replace

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from digiweb.campaigns.models import Campaign
from digiweb.extensions import db
from digiweb.i18n import normalize_search
from digiweb.plans.models import ProjectKind, ProjectStatus, Target, Technology
from digiweb.projects import schema

PER_PAGE = 50
MAX_PAGE = 1_000_000
MAX_QUERY_LENGTH = 200
MAX_SEARCH_WORDS = 10
ALL_YEARS = "all"
DEPARTMENT_CODE = re.compile(r"^[A-Za-z0-9_-]{1,16}$")
# A keyset cursor is a project reference (`after=2019-MT-035`): printable, short.
CURSOR = re.compile(r"^[^\x00-\x1f\x7f]{1,40}$")

# The sort keys users may ask for (anything else is refused): `sort=budget`, `sort=-budget`.
SORT_KEYS = ("reference", "title", "department", "target", "status", "budget", "progress")
SORT_LABELS = {
    "reference": _l("Reference"),
    "title": _l("Title"),
    "department": _l("Department"),
    "target": _l("Target"),
    "status": _l("Status"),
    "budget": _l("Budget"),
    "progress": _l("Progress"),
}
FIELD_LABELS = {
    "year": _l("Year"),
    "q": _l("Search"),
    "department": _l("Department"),
    "target": _l("Target"),
    "kind": _l("Kind"),
    "technology": _l("Technology"),
    "status": _l("Status"),
    "maturity": schema.LABELS["maturity_level"],
    "maturity_target": schema.LABELS["maturity_target"],
    "sort": _l("Sort by"),
    "page": _l("Page"),
    "per_page": _l("Projects per page"),
}


class FilterError(ValueError):
    """A query parameter the list cannot use; `message` is translated for the user."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def _invalid(field: str, value: str) -> FilterError:
    return FilterError(
        field,
        _(
            "The value “%(value)s” is not valid for “%(field)s”.",
            value=value[:40],
            field=FIELD_LABELS[field],
        ),
    )


def latest_campaign_year() -> int | None:
    return db.session.scalar(sa.select(sa.func.max(Campaign.year)))


@dataclass(frozen=True)
class ProjectFilters:
    """What the user asked the list for, validated. `year=None` means every year."""

    year: int | None = None
    q: str = ""
    department: str | None = None
    target: Target | None = None
    kind: ProjectKind | None = None
    technology: Technology | None = None
    status: ProjectStatus | None = None
    # The digital maturity of the procedure, today and targeted (0-4, issue 16).
    maturity: int | None = None
    maturity_target: int | None = None
    sort: str = "reference"
    descending: bool = False
    page: int = 1
    per_page: int = PER_PAGE
    # Keyset pagination (reference order only): the page after / before this reference.
    after: str | None = None
    before: str | None = None

    @classmethod
    def from_args(cls, args, default_year=latest_campaign_year) -> "ProjectFilters":
        """Validate request arguments; raises FilterError naming the first bad parameter.

        Empty values mean "no filter"; an absent year means the latest campaign's year
        (`default_year` is called only then), `year=all` every year. `per_page` above the
        maximum is lowered to it.
        """
        year_arg = (args.get("year") or "").strip()
        if year_arg == ALL_YEARS:
            year = None
        elif year_arg:
            year = _int_arg("year", year_arg, 1900, 2999)
        else:
            year = default_year() if callable(default_year) else default_year

        q = " ".join((args.get("q") or "").split())
        if len(q) > MAX_QUERY_LENGTH:
            message = _(
                "The search text is too long (%(max)d characters at most).", max=MAX_QUERY_LENGTH
            )
            raise FilterError("q", message)

        department = (args.get("department") or "").strip()
        if department and not DEPARTMENT_CODE.match(department):
            raise _invalid("department", department)

        sort_arg = (args.get("sort") or "").strip() or "reference"
        descending = sort_arg.startswith("-")
        sort = sort_arg.removeprefix("-")
        if sort not in SORT_KEYS:
            raise _invalid("sort", sort_arg)

        page = _int_arg("page", args.get("page"), 1, MAX_PAGE, default=1)
        per_page = _int_arg("per_page", args.get("per_page"), 1, None, default=PER_PAGE)
        after, before = _cursor_arg(args, "after"), _cursor_arg(args, "before")
        if sort != "reference" or (after and before):
            # A cursor only means something in reference order; elsewhere the page number.
            after = before = None

        return cls(
            year=year,
            q=q,
            department=department.upper() or None,
            target=_enum_arg(args, "target", Target),
            kind=_enum_arg(args, "kind", ProjectKind),
            technology=_enum_arg(args, "technology", Technology),
            status=_enum_arg(args, "status", ProjectStatus),
            maturity=_level_arg(args, "maturity"),
            maturity_target=_level_arg(args, "maturity_target"),
            sort=sort,
            descending=descending,
            page=page,
            per_page=min(per_page, PER_PAGE),
            after=after,
            before=before,
        )

    @property
    def sort_arg(self) -> str:
        return f"-{self.sort}" if self.descending else self.sort

    @property
    def search_words(self) -> list[str]:
        """The query as the search index stores text: folded, one entry per word."""
        return normalize_search(self.q).split()[:MAX_SEARCH_WORDS]

    @property
    def is_filtered(self) -> bool:
        """Whether anything narrows the year's list (the year itself does not count)."""
        return bool(
            self.q
            or self.department
            or self.target
            or self.kind
            or self.technology
            or self.status
            or self.maturity is not None
            or self.maturity_target is not None
        )

    @property
    def counted(self) -> "ProjectFilters":
        """What the number of matches depends on (not the order, the page or the cursor)."""
        return replace(
            self,
            sort="reference",
            descending=False,
            page=1,
            per_page=PER_PAGE,
            after=None,
            before=None,
        )

    def to_args(self, **changes) -> dict:
        """Query parameters that reproduce these filters (for links and exports); a keyset
        cursor only when given in `changes` (a link to another page never keeps this one's)."""
        filters = replace(self, **{"after": None, "before": None, **changes})
        args = {
            "year": ALL_YEARS if filters.year is None else filters.year,
            "q": filters.q,
            "department": filters.department,
            "target": filters.target,
            "kind": filters.kind,
            "technology": filters.technology,
            "status": filters.status,
            "maturity": filters.maturity,
            "maturity_target": filters.maturity_target,
            "sort": None if filters.sort_arg == "reference" else filters.sort_arg,
            "page": None if filters.page == 1 else filters.page,
            "per_page": None if filters.per_page == PER_PAGE else filters.per_page,
            "after": filters.after,
            "before": filters.before,
        }
        return {key: str(value) for key, value in args.items() if value not in (None, "")}


def _int_arg(field, raw, minimum, maximum, default=None) -> int:
    raw = (raw or "").strip()
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit():
        raise _invalid(field, raw)
    value = int(raw)
    if value < minimum or (maximum is not None and value > maximum):
        raise _invalid(field, raw)
    return value


def _cursor_arg(args, field) -> str | None:
    raw = (args.get(field) or "").strip()
    if not raw:
        return None
    if not CURSOR.match(raw):
        raise _invalid("page", raw)
    return raw


def _level_arg(args, field) -> int | None:
    """A maturity level, 0 to 4 (digiweb.projects.schema.MATURITY_LEVELS)."""
    raw = (args.get(field) or "").strip()
    if not raw:
        return None
    return _int_arg(field, raw, 0, len(schema.MATURITY_LEVELS) - 1)


def _enum_arg(args, field, enum_cls):
    raw = (args.get(field) or "").strip()
    if not raw:
        return None
    member = enum_cls.coerce(raw)
    if member is None:
        raise _invalid(field, raw)
    return member
