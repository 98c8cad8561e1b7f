"""Every field of a project that users write, declared once.

Each `ProjectField` says what the field is (kind, enum, limits), whether sending the plan needs
it, how it is labelled and how it reads in the questionnaire spreadsheet. The project form, the
spreadsheet's columns and import, the plan rules (labels, limits, required fields, enum values),
the CSV/XLSX exports, the review diff, the presenters and the demo data all read this list;
tests/projects/test_schema.py fails when one of them leaves a field out.

Kinds: `text` (one line), `longtext` (paragraphs), `enum`, `technologies` (several enum
values), `progress` (0-100), `date`, `amount` (whole dinars), `level` (a whole number from 0 to
4 with a label each, `levels`), `boolean` (yes, no or not said), `count` (a whole number, zero or
more), `percent` (a whole number from 0 to 100, or not said). All but text, enum, technologies and
progress may be empty (None).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from flask_babel import lazy_gettext as _l

from digiweb.plans.models import (
    FundingSource,
    Priority,
    ProjectKind,
    ProjectStatus,
    Target,
    Technology,
)

MAX_BUDGET = 10**15  # DZD; far above any budget, far below BigInteger's limit
# One limit per text field, shared by the form, the column's length, the spreadsheet and the
# exports; all far below a spreadsheet cell's 32,767 characters.
TITLE_MAX = 300
LONG_TEXT_MAX = 4000
SHORT_TEXT_MAX = 2000
MAX_COUNT = 10**12  # procedures a year: far above a country's, far below BigInteger's limit

# The digital maturity of a procedure (issue 16), after the French Observatoire de la
# dématérialisation: what each level means, from 0 to 4.
MATURITY_LEVELS = (
    _l("Paper only"),
    _l("Information online"),
    _l("Form to download"),
    _l("Online submission"),
    _l("Fully online, with tracking, e-payment or e-signature"),
)
YES, NO = _l("Yes"), _l("No")


def level_label(level: int) -> str:
    """'3 · Online submission': the number first, so that it reads the same in both languages."""
    return f"{level} · {MATURITY_LEVELS[level]}"


def boolean_label(value: bool) -> str:
    return str(YES if value else NO)


@dataclass(frozen=True)
class ProjectField:
    name: str
    kind: str
    label: object
    description: object  # what the spreadsheet's instructions say of the column
    width: int  # the spreadsheet column's width
    lang: str | None = None  # "ar" / "fr" for text written in one language
    enum: type[Enum] | None = None
    max_length: int | None = None
    required_to_send: bool = False
    exported: bool = True  # a column of the CSV/XLSX export of the project list
    levels: tuple | None = None  # the labels of a `level`, from 0 on

    @property
    def is_text(self) -> bool:
        return self.kind in ("text", "longtext")

    @property
    def maximum(self) -> int | None:
        """The largest value of a number (level, count, percent, progress, amount)."""
        return {
            "level": len(self.levels or ()) - 1,
            "count": MAX_COUNT,
            "percent": 100,
            "progress": 100,
            "amount": MAX_BUDGET,
        }.get(self.kind)


PROJECT_SCHEMA: tuple[ProjectField, ...] = (
    ProjectField(
        "title_ar",
        "text",
        _l("Title in Arabic"),
        _l("The title of the project in Arabic (at most 300 characters)."),
        45,
        lang="ar",
        max_length=TITLE_MAX,
        required_to_send=True,
    ),
    ProjectField(
        "title_fr",
        "text",
        _l("Title in French"),
        _l("The title of the project in French (at most 300 characters)."),
        45,
        lang="fr",
        max_length=TITLE_MAX,
        required_to_send=True,
    ),
    ProjectField(
        "summary_ar",
        "longtext",
        _l("Summary in Arabic"),
        _l("What the project does, in a few sentences, in Arabic."),
        60,
        lang="ar",
        max_length=LONG_TEXT_MAX,
        required_to_send=True,
        exported=False,
    ),
    ProjectField(
        "summary_fr",
        "longtext",
        _l("Summary in French"),
        _l("What the project does, in a few sentences, in French."),
        60,
        lang="fr",
        max_length=LONG_TEXT_MAX,
        required_to_send=True,
        exported=False,
    ),
    ProjectField(
        "target",
        "enum",
        _l("Target"),
        _l("Whom the project serves. One value of the list: %(values)s."),
        34,
        enum=Target,
        required_to_send=True,
    ),
    ProjectField(
        "kind",
        "enum",
        _l("Kind of project"),
        _l("The kind of project. One value of the list: %(values)s."),
        24,
        enum=ProjectKind,
        required_to_send=True,
    ),
    ProjectField(
        "technologies",
        "technologies",
        _l("Technologies"),
        _l(
            "The technologies the project uses: none, one or several of %(values)s, separated by "
            "commas (, or ،) or semicolons (; or ؛)."
        ),
        40,
        enum=Technology,
    ),
    ProjectField(
        "status",
        "enum",
        _l("Project status"),
        _l("Where the project stands. One value of the list: %(values)s. Left empty: %(default)s."),
        16,
        enum=ProjectStatus,
    ),
    ProjectField(
        "progress",
        "progress",
        _l("Progress"),
        _l("The progress in percent: a whole number from 0 to 100 (left empty: 0)."),
        12,
    ),
    ProjectField(
        "priority",
        "enum",
        _l("Priority"),
        _l("The priority. One value of the list: %(values)s."),
        12,
        enum=Priority,
        required_to_send=True,
    ),
    ProjectField(
        "start_date",
        "date",
        _l("Start date"),
        _l("The day the project starts, as day/month/year (for example 15/01/2021)."),
        14,
        required_to_send=True,
    ),
    ProjectField(
        "end_date",
        "date",
        _l("End date"),
        _l("The day the project ends, as day/month/year; not before the start date."),
        14,
        required_to_send=True,
    ),
    ProjectField(
        "budget_dzd",
        "amount",
        _l("Budget (DZD)"),
        _l(
            "The budget in Algerian dinars: a whole amount, zero or more, without decimals or unit."
        ),
        18,
        required_to_send=True,
    ),
    ProjectField(
        "funding_source",
        "enum",
        _l("Funding source"),
        _l("How the project is funded. One value of the list: %(values)s."),
        26,
        enum=FundingSource,
        required_to_send=True,
    ),
    ProjectField(
        "procedure_ar",
        "longtext",
        _l("Administrative procedure simplified, in Arabic"),
        _l("The administrative procedure that the project simplifies, in Arabic."),
        40,
        lang="ar",
        max_length=SHORT_TEXT_MAX,
        exported=False,
    ),
    ProjectField(
        "procedure_fr",
        "longtext",
        _l("Administrative procedure simplified, in French"),
        _l("The administrative procedure that the project simplifies, in French."),
        40,
        lang="fr",
        max_length=SHORT_TEXT_MAX,
        exported=False,
    ),
    ProjectField(
        "beneficiaries_ar",
        "longtext",
        _l("Expected beneficiaries, in Arabic"),
        _l("Who will benefit from the project, in Arabic."),
        36,
        lang="ar",
        max_length=SHORT_TEXT_MAX,
        exported=False,
    ),
    ProjectField(
        "beneficiaries_fr",
        "longtext",
        _l("Expected beneficiaries, in French"),
        _l("Who will benefit from the project, in French."),
        36,
        lang="fr",
        max_length=SHORT_TEXT_MAX,
        exported=False,
    ),
    ProjectField(
        "partners",
        "longtext",
        _l("Partners"),
        _l("The partner institutions, in either language."),
        36,
        max_length=SHORT_TEXT_MAX,
        exported=False,
    ),
    # The digital maturity of the procedure the project serves (issue 16).
    ProjectField(
        "maturity_level",
        "level",
        _l("Digital maturity of the procedure today"),
        _l(
            "How far the procedure the project serves is done online today, from 0 to 4: "
            "%(values)s."
        ),
        22,
        levels=MATURITY_LEVELS,
    ),
    ProjectField(
        "maturity_target",
        "level",
        _l("Digital maturity targeted"),
        _l(
            "The level the project brings the procedure to, from 0 to 4 (not below today's): "
            "%(values)s."
        ),
        22,
        levels=MATURITY_LEVELS,
    ),
    ProjectField(
        "online_identity",
        "boolean",
        _l("Online identity used"),
        _l(
            "Whether users prove who they are online (electronic identity card, single "
            "sign-on): %(values)s."
        ),
        14,
    ),
    ProjectField(
        "data_from_apis",
        "boolean",
        _l("Data taken from other administrations (tell us once)"),
        _l(
            "Whether the procedure takes the data other administrations already hold through "
            "their APIs instead of asking the user again: %(values)s."
        ),
        18,
    ),
    ProjectField(
        "yearly_procedures",
        "count",
        _l("Procedures per year"),
        _l("How many of these procedures are handled in a year: a whole number, zero or more."),
        16,
    ),
    ProjectField(
        "online_share",
        "percent",
        _l("Share done online (%)"),
        _l("The share of these procedures done online, in percent: a whole number from 0 to 100."),
        14,
    ),
    ProjectField(
        "accessibility_checked",
        "boolean",
        _l("Accessibility checked"),
        _l(
            "Whether the online service has been checked for accessibility (RGAA / WCAG): "
            "%(values)s."
        ),
        14,
    ),
)

BY_NAME = {field.name: field for field in PROJECT_SCHEMA}
NAMES = tuple(field.name for field in PROJECT_SCHEMA)
REQUIRED_TO_SEND = tuple(field.name for field in PROJECT_SCHEMA if field.required_to_send)
ENUMS = {field.name: field.enum for field in PROJECT_SCHEMA if field.kind == "enum"}
TEXT_LIMITS = {field.name: field.max_length for field in PROJECT_SCHEMA if field.is_text}
LABELS = {field.name: field.label for field in PROJECT_SCHEMA}
EXPORTED = tuple(field.name for field in PROJECT_SCHEMA if field.exported)
# Fields whose empty value is None (not "" nor 0).
NULLABLE = tuple(
    f.name
    for f in PROJECT_SCHEMA
    if f.kind in ("date", "amount", "level", "boolean", "count", "percent")
)
# The digital maturity of the procedure (issue 16), shown together on the form and the page.
MATURITY_FIELDS = (
    "maturity_level",
    "maturity_target",
    "online_identity",
    "data_from_apis",
    "yearly_procedures",
    "online_share",
    "accessibility_checked",
)
