"""The consolidated project list: which projects a user may see, filtered, searched, sorted and
paged. The page, both exports, the JSON API (and the dashboard's links) all go through
`filtered_projects`, so that they always agree on what "the list" is. What the user asked for
is parsed and validated first, into a `ProjectFilters` (`digiweb.projects.filters`).

Performance (issue 7): the filters use only columns of `projects` (year, department_id, target,
status are copied there and indexed as `(year, …)`), the plan status check is a semi-join on the
small `plans` table, the count is one aggregate over `projects` alone (no join), and a page is
found by sorting only the keys of the matching rows before loading its 50 full rows
(a "late row lookup"), so that deep pages and wide rows stay cheap.
"""

from array import array
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import contains_eager, load_only

from digiweb.cache import cached
from digiweb.campaigns.models import Campaign
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.i18n import language
from digiweb.plans.models import (
    SENT_STATUSES,
    Plan,
    Project,
    ProjectKind,
    ProjectStatus,
    ProjectTechnology,
    Target,
    Technology,
)
from digiweb.projects.filters import ProjectFilters
from digiweb.projects.schema import MATURITY_FIELDS, MATURITY_LEVELS, level_label
from digiweb.projects.search_index import (
    MIN_TRIGRAM_LENGTH,
    fts_phrase,
    fts_table,
    has_trigram_index,
)

# A search counts its matches up to this number, then says "more than 1,000 projects": the
# cost of a word found in a fifth of 100,000 projects stays that of 1,000 rows.
COUNT_CAP = 1000
# Up to this many candidates in the SQLite trigram table, a search takes every match from it
# (exact count, page sorted among them); beyond, the capped count and a scan in list order.
FTS_EXACT_LIMIT = 5000
# Tests turn the trigram index off to check that it changes no result.
USE_TRIGRAM_INDEX = True

# Sort keys whose column may be empty (they sort last, whichever the direction).
NULLABLE_SORTS = ("budget", "target")


# What a page of the list (and of the API) shows: the long texts and the search column stay in
# the database.
LIST_COLUMNS = (
    Project.reference,
    Project.year,
    Project.department_id,
    Project.title_ar,
    Project.title_fr,
    Project.target,
    Project.kind,
    Project.status,
    Project.progress,
    Project.priority,
    Project.start_date,
    Project.end_date,
    Project.budget_dzd,
    *(getattr(Project, name) for name in MATURITY_FIELDS),
)


def campaign_years() -> list[int]:
    return list(db.session.scalars(sa.select(Campaign.year).order_by(Campaign.year.desc())))


def _like_pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _sent_plan_keys(year: int | None) -> sa.Select:
    """(year, department_id) of every plan the ministry has received."""
    stmt = (
        sa.select(Campaign.year, Plan.department_id)
        .join(Plan, Plan.campaign_id == Campaign.id)
        .where(Plan.status.in_(SENT_STATUSES))
    )
    return stmt


def _conditions(filters: ProjectFilters, user) -> list:
    """WHERE clauses on `projects` alone: who may see what, the user's filters, the search."""
    return _filter_conditions(filters, user) + _search_conditions(filters)


def _search_conditions(filters: ProjectFilters) -> list:
    """Every word of the search as a substring of the normalised text (`%` and `_` literal)."""
    return [
        Project.search_text.like(_like_pattern(word), escape="\\") for word in filters.search_words
    ]


def _filter_conditions(filters: ProjectFilters, user) -> list:
    """WHERE clauses on `projects` alone: who may see what, then the user's filters."""
    if user.sees_all_departments:
        # Staff see what the ministry has received, never a department's draft. A project's
        # (year, department_id) are its plan's (copied there so that the list needs no join):
        # matched against the sent plans, counting reads the (year, department_id) index only.
        keys = sa.tuple_(Project.year, Project.department_id)
        conditions = [keys.in_(_sent_plan_keys(filters.year))]
    else:
        # An officer sees its own department's projects, drafts included, nothing else (and an
        # officer without a department, nothing at all).
        conditions = [Project.department_id == user.department_id]
    if filters.year is not None:
        conditions.append(Project.year == filters.year)
    if filters.department:
        # A code nobody has simply matches nothing (and tells nobody whether it exists).
        department_id = (
            sa.select(Department.id).where(Department.code == filters.department)
        ).scalar_subquery()
        conditions.append(Project.department_id == department_id)
    if filters.target:
        conditions.append(Project.target == filters.target)
    if filters.kind:
        conditions.append(Project.kind == filters.kind)
    if filters.status:
        conditions.append(Project.status == filters.status)
    if filters.maturity is not None:
        conditions.append(Project.maturity_level == filters.maturity)
    if filters.maturity_target is not None:
        conditions.append(Project.maturity_target == filters.maturity_target)
    if filters.technology:
        conditions.append(
            Project.id.in_(
                sa.select(ProjectTechnology.project_id).where(
                    ProjectTechnology.technology == filters.technology
                )
            )
        )
    return conditions


def _enum_rank(column, enum_cls):
    """Sort an enum column in the enum's order (its meaning), not alphabetically by code."""
    return sa.case({member.value: rank for rank, member in enumerate(enum_cls)}, value=column)


def _sort_key(filters: ProjectFilters):
    if filters.sort in ("title", "department"):
        # Titles and names sort in the user's language (only these need to know it).
        french = language() == "fr"
        if filters.sort == "title":
            return Project.title_fr if french else Project.title_ar
        return Department.name_fr if french else Department.name_ar
    return {
        "reference": Project.reference,
        "target": _enum_rank(Project.target, Target),
        "status": _enum_rank(Project.status, ProjectStatus),
        "budget": Project.budget_dzd,
        "progress": Project.progress,
    }[filters.sort]


def _ordering(filters: ProjectFilters, reverse: bool = False) -> list:
    """The list's order; `reverse` gives exactly the opposite order (to read a page from the
    end of the list, then turn its rows around)."""
    key = _sort_key(filters)
    descending = filters.descending != reverse
    if filters.sort == "reference":
        # Unique and never empty: an index on it gives the order as it is.
        return [key.desc() if descending else key.asc()]
    # Empty values last in both directions; the id makes the order total, so pages are stable.
    tie = Project.id.desc() if descending else Project.id.asc()
    key = key.desc() if descending else key.asc()
    if filters.sort not in NULLABLE_SORTS:
        # No NULLS clause on columns that hold none: SQLite can then use an index for it.
        return [key, tie]
    return [key.nulls_first() if reverse else key.nulls_last(), tie]


def filtered_projects(
    filters: ProjectFilters, user, columns=None, *, with_plan: bool = False
) -> sa.Select:
    """The projects `user` may see that match `filters`, in the list's order, every page.

    Without `columns`: `Project` entities with their department (one join). With `columns`
    (e.g. for the exports): those columns of the same rows in the same order, from projects
    joined to departments (and to plans with `with_plan`).
    """
    if columns is None:
        stmt = (
            sa.select(Project).join(Project.department).options(contains_eager(Project.department))
        )
    else:
        stmt = sa.select(*columns).select_from(Project).join(Project.department)
        if with_plan:
            stmt = stmt.join(Project.plan)
    return stmt.where(*_conditions(filters, user)).order_by(*_ordering(filters))


@dataclass
class ProjectPage:
    filters: ProjectFilters
    items: list[Project]
    total: int
    # False when `total` is only a lower bound: a search found more than COUNT_CAP matches.
    total_exact: bool = True

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.filters.per_page))

    @property
    def page(self) -> int:
        return self.filters.page

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        if not self.total_exact:
            return len(self.items) == self.filters.per_page
        return self.page < self.pages

    @property
    def first_index(self) -> int:
        return (self.page - 1) * self.filters.per_page + 1 if self.items else 0

    @property
    def last_index(self) -> int:
        return self.first_index + len(self.items) - 1 if self.items else 0

    def page_numbers(self, around: int = 2) -> list[int | None]:
        """1 … 4 5 [6] 7 8 … 40: the pages worth a link (None marks a gap). Without an exact
        total, the pages known to exist (and the next one) but no last page."""
        last = self.pages if self.total_exact else self.page + (1 if self.has_next else 0)
        wanted = {1, *range(self.page - around, self.page + around + 1)}
        if self.total_exact:
            wanted.add(last)
        else:
            wanted = {n for n in wanted if n <= max(last, self.pages)}
        numbers = sorted(n for n in wanted if 1 <= n <= max(last, 1))
        result: list[int | None] = []
        for number in numbers:
            if result and number - result[-1] > 1:
                result.append(None)
            result.append(number)
        return result

    def link_args(self, number: int) -> dict:
        """Query parameters of the link to page `number`: the next and previous pages carry a
        keyset cursor in reference order (cheap at any depth); the others a page number."""
        filters = self.filters
        if filters.sort == "reference" and self.items and number > 1:
            if number == self.page + 1:
                return filters.to_args(page=number, after=self.items[-1].reference)
            if number == self.page - 1:
                return filters.to_args(page=number, before=self.items[0].reference)
        return filters.to_args(page=number)


def scope_key(user) -> tuple:
    """What a user's scope depends on, for cache keys."""
    return ("all",) if user.sees_all_departments else ("department", user.department_id)


def count_projects(filters: ProjectFilters, user) -> int:
    """How many projects match, every page: one aggregate over `projects` alone (no join),
    which the indexes answer by themselves when there is no search. Cached per data version."""

    def compute() -> int:
        if filters.search_words and _use_fts(filters):
            # The trigram index finds the candidates; the LIKEs keep exactly the scan's result.
            stmt = (
                sa.select(sa.func.count())
                .select_from(fts_table)
                .join(Project, Project.id == fts_table.c.rowid)
                .where(_fts_match(filters), *_conditions(filters, user))
            )
        else:
            stmt = (
                sa.select(sa.func.count()).select_from(Project).where(*_conditions(filters, user))
            )
        return db.session.scalar(stmt)

    return cached("projects.count", (scope_key(user), filters.counted), compute)


def _long_words(filters: ProjectFilters) -> list[str]:
    return [word for word in filters.search_words if len(word) >= MIN_TRIGRAM_LENGTH]


def _use_fts(filters: ProjectFilters) -> bool:
    """Whether the SQLite trigram table can narrow this search (PostgreSQL's planner uses its
    GIN index for the LIKEs by itself)."""
    return bool(USE_TRIGRAM_INDEX and _long_words(filters) and has_trigram_index(db.session))


def _fts_match(filters: ProjectFilters):
    return fts_table.c.projects_search.op("MATCH")(fts_phrase(_long_words(filters)))


def _fts_count(filters: ProjectFilters) -> int:
    """How many projects the trigram table finds for the search, counted up to
    FTS_EXACT_LIMIT + 1 (every year and department: a cheap upper bound, about 1 ms)."""
    found = sa.select(fts_table.c.rowid).where(_fts_match(filters)).limit(FTS_EXACT_LIMIT + 1)
    return db.session.scalar(sa.select(sa.func.count()).select_from(found.subquery()))


def _search_matches(filters: ProjectFilters, user) -> tuple[array, bool]:
    """The ids of the matches of a search, in no particular order, and whether they are all
    of them: up to COUNT_CAP + 1, or every one when the SQLite trigram table finds at most
    FTS_EXACT_LIMIT candidates (reading that many index entries costs a few milliseconds).

    SQLite: driven by the trigram table (a rare word reads only its rows, a common one stops
    after COUNT_CAP + 1); PostgreSQL: the planner picks the GIN index or a scan that stops
    early. Short words (under 3 characters) only narrow what the others found, or are scanned.
    """

    def compute() -> tuple[array, bool]:
        limit = COUNT_CAP + 1
        if _use_fts(filters):
            stmt = (
                sa.select(Project.id)
                .select_from(fts_table)
                .join(Project, Project.id == fts_table.c.rowid)
                .where(_fts_match(filters), *_conditions(filters, user))
            )
            if _fts_count(filters) <= FTS_EXACT_LIMIT:
                limit = None
        else:
            stmt = sa.select(Project.id).where(*_conditions(filters, user))
        ids = array("q", db.session.scalars(stmt.limit(limit)))
        return ids, limit is None or len(ids) < limit

    return cached("projects.matches", (scope_key(user), filters.counted), compute)


def _page_keys(filters: ProjectFilters, conditions: list, *, reverse=False, offset=0, limit=None):
    """The ids of a page's projects: only the sort key and the id are sorted and skipped; the
    full rows are loaded for these ids alone (a "late row lookup")."""
    keys = sa.select(Project.id).where(*conditions)
    if filters.sort == "department":
        keys = keys.join(Project.department)
    limit = filters.per_page if limit is None else limit
    return keys.order_by(*_ordering(filters, reverse)).limit(limit).offset(offset)


def _load_rows(filters: ProjectFilters, ids: list[int], reverse: bool = False) -> list[Project]:
    """The rows of `ids` with their departments (one join) and technologies (one query)."""
    if not ids:
        return []
    stmt = (
        sa.select(Project)
        .join(Project.department)
        .options(contains_eager(Project.department), load_only(*LIST_COLUMNS))
        .where(Project.id.in_(ids))
        .order_by(*_ordering(filters, reverse))
    )
    items = list(db.session.scalars(stmt).unique())
    return items[::-1] if reverse else items


def project_page(filters: ProjectFilters, user, *, exact_total: bool = False) -> ProjectPage:
    """One page of the list and its total, in a bounded number of queries whatever the number
    of projects: the total (cached), the page's keys, its rows with their departments, the
    technologies of these rows.

    - Without a search the total is exact, counted on the indexes and cached per data version.
    - A search first finds up to COUNT_CAP + 1 matches through the trigram index. Up to
      COUNT_CAP, the total is exact and the page is sorted from these ids alone; beyond, the
      word is common: the total says "more than COUNT_CAP" (unless `exact_total`, for the API)
      and the page is read in the list's order, where 50 matches come after a few hundred rows.
    - A keyset cursor (`after`/`before`, reference order) reads the page next to a known row
      from the index: as cheap at page 2,000 as at page 2. A page number in the second half of
      the list is read from the end of the list in reverse order (small offset), then turned
      around, so that the last pages cost what the first ones do.
    """
    conditions = _filter_conditions(filters, user) + _search_conditions(filters)
    total, exact = None, True
    if filters.search_words:
        matches, complete = _search_matches(filters, user)
        if complete:
            total = len(matches)
            if not total:
                return ProjectPage(filters=filters, items=[], total=0)
            # The page is sorted among these ids only (the LIKEs are already checked).
            conditions = [Project.id.in_(list(matches))]
        elif exact_total:
            total = count_projects(filters, user)
        else:
            total, exact = COUNT_CAP, False
    else:
        total = count_projects(filters, user)

    offset = (filters.page - 1) * filters.per_page
    if filters.after or filters.before:
        reverse = bool(filters.before)
        cursor = filters.before or filters.after
        forward = filters.descending == reverse  # walking towards larger references
        bound = Project.reference > cursor if forward else Project.reference < cursor
        keys = _page_keys(filters, [*conditions, bound], reverse=reverse)
    elif exact and offset >= total:
        return ProjectPage(filters=filters, items=[], total=total, total_exact=exact)
    elif exact and offset > total // 2:
        # Read from the other end: the rows after this page, in reverse order, are few.
        from_end = total - offset - filters.per_page
        limit = filters.per_page + min(from_end, 0)
        reverse = True
        keys = _page_keys(filters, conditions, reverse=True, offset=max(from_end, 0), limit=limit)
    else:
        reverse = False
        keys = _page_keys(filters, conditions, offset=offset)
    ids = list(db.session.scalars(keys))
    items = _load_rows(filters, ids, reverse)
    return ProjectPage(filters=filters, items=items, total=total, total_exact=exact)


def enum_labels() -> dict[str, dict[str, str]]:
    """The labels of the list's enums in the user's language, translated once for a page
    rather than once per row."""
    labels = {
        name: {value: str(label) for value, label in enum_cls.choices()}
        for name, enum_cls in (
            ("target", Target),
            ("kind", ProjectKind),
            ("technology", Technology),
            ("status", ProjectStatus),
        )
    }
    labels["maturity"] = {str(level): level_label(level) for level in range(len(MATURITY_LEVELS))}
    return labels


def visible_departments(user) -> list[Department]:
    """The departments the user may filter on, sorted by name in the user's language."""
    name = Department.name_fr if language() == "fr" else Department.name_ar
    stmt = sa.select(Department).order_by(name)
    if not user.sees_all_departments:
        stmt = stmt.where(Department.id == user.department_id)
    return list(db.session.scalars(stmt))
