"""The questionnaire's columns: one per project field as `digiweb.projects.schema` declares it,
with the project's reference first and its hidden version last; their titles and descriptions in
the current language, and how titles and list values are recognised in either language (or by
their code). Shared by the template (`template`) and the importer (`reading`, `importing`).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from digiweb.i18n import LANGUAGES, language, normalize_search
from digiweb.plans.models import Plan, ProjectStatus, Technology
from digiweb.plans.services import ENUM_FIELDS, REQUIRED_FOR_SENDING, field_label
from digiweb.projects.schema import BY_NAME, NO, PROJECT_SCHEMA, YES, level_label

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_PROJECT_ROWS = 500

SHEET_PROJECTS = _l("Projects")
VERSION_LABEL = _l("Version (do not change)")
ARABIC_LIST_SEPARATOR = "، "


@dataclass(frozen=True)
class Column:
    field: str
    kind: str  # reference, text, version, or the schema's kind (enum, level, boolean, date…)
    width: int
    lang: str | None = None  # "ar" / "fr" for the text written in one language


# The reference, every project field as the schema declares it, and the hidden version.
COLUMNS = (
    Column("reference", "reference", 16),
    *(
        Column(spec.name, "text" if spec.is_text else spec.kind, spec.width, spec.lang)
        for spec in PROJECT_SCHEMA
    ),
    Column("version", "version", 10),
)
COLUMN_BY_FIELD = {column.field: column for column in COLUMNS}
DATA_FIELDS = tuple(c.field for c in COLUMNS if c.kind not in ("reference", "version"))
TEXT_FIELDS = tuple(c.field for c in COLUMNS if c.kind == "text")

DESCRIPTIONS = {
    "reference": _l(
        "The project's reference in digiweb, for example %(example)s. It is filled in for the "
        "plan's current projects: keep it, so that the import updates the project. Leave it "
        "empty on a new row: the new project gets its reference when the file is imported."
    ),
    **{spec.name: spec.description for spec in PROJECT_SCHEMA},
    "version": _l(
        "Hidden column: the version of the project when the file was downloaded. Do not change it."
    ),
}


# --- languages and labels ---------------------------------------------------------------------


@contextmanager
def in_language(lang: str) -> Iterator[None]:
    """Translate with `lang` ('ar' or 'fr') whatever the request's language."""
    with force_locale(LANGUAGES[lang]):
        yield


def column_header(column: Column) -> str:
    """The title of a column in the current language; * marks what sending needs."""
    if column.kind == "version":
        return str(VERSION_LABEL)
    label = field_label(column.field)
    return f"{label} *" if column.field in REQUIRED_FOR_SENDING else label


# No column title nor value of a list is longer: a longer text is compared as it is, without
# the folding (whose cost grows with the text), and so matches none.
MAX_KEY_LENGTH = 200


def _key(value) -> str:
    """How titles and list values are compared: trimmed, without a trailing *, case, accents,
    Arabic letter variants and bidi marks folded (the search's normalisation)."""
    text = str(value)
    if len(text) > MAX_KEY_LENGTH:
        return text
    return normalize_search(text.strip().rstrip("*").strip())


def _header_lookup() -> dict[str, str]:
    """{normalised title: field} for the titles of both languages and the fields' codes."""
    lookup = {}
    for lang in LANGUAGES:
        with in_language(lang):
            for column in COLUMNS:
                lookup[_key(column_header(column))] = column.field
    for column in COLUMNS:
        lookup.setdefault(_key(column.field), column.field)
    return lookup


def _value_lookup(enum_cls) -> dict[str, object]:
    """{normalised label or code: member}: the label in Arabic or French, or the code."""
    lookup = {}
    for lang in LANGUAGES:
        with in_language(lang):
            for member in enum_cls:
                lookup[_key(member.label)] = member
    for member in enum_cls:
        lookup.setdefault(_key(member.value), member)
    return lookup


def _list_separator() -> str:
    return ARABIC_LIST_SEPARATOR if language() == "ar" else ", "


def file_size_label(size: int = MAX_UPLOAD_BYTES) -> str:
    return _("%(num)s MB", num=f"{size / (1024 * 1024):g}")


def template_filename(plan: Plan) -> str:
    return f"digiweb-plan-{plan.campaign.year}-{plan.department.code}.xlsx"


def _sheet_name(label) -> str:
    return "".join(ch for ch in str(label) if ch not in "[]:*?/\\")[:31]


def _values_of(enum_cls) -> str:
    return _list_separator().join(label for _value, label in _labels(enum_cls))


def _labels(enum_cls) -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in enum_cls.choices()]


def column_description(column: Column) -> str:
    """What a column holds, in the current language."""
    text = DESCRIPTIONS[column.field]
    if column.field == "reference":
        return str(text) % {"example": "2021-MF-007"}
    if column.field == "status":
        return str(text) % {
            "values": _values_of(ProjectStatus),
            "default": ProjectStatus.PLANNED.label,
        }
    if column.field in ENUM_FIELDS:
        return str(text) % {"values": _values_of(ENUM_FIELDS[column.field])}
    if column.field == "technologies":
        return str(text) % {"values": _values_of(Technology)}
    if column.kind in ("level", "boolean"):
        return str(text) % {"values": _list_separator().join(choice_labels(column))}
    return str(text)


def choice_labels(column: Column) -> list[str]:
    """The labels a level or yes/no column offers, in the current language."""
    if column.kind == "level":
        return [level_label(level) for level in range(len(BY_NAME[column.field].levels))]
    return [str(YES), str(NO)]


def choice_lookup(column: Column) -> dict[str, object]:
    """{normalised label or code: value} of a level or yes/no column, in both languages: a
    level by its label or its number alone, yes/no by their words or true/false, 1/0."""
    lookup = {}
    for lang in LANGUAGES:
        with in_language(lang):
            if column.kind == "level":
                for level, label in enumerate(choice_labels(column)):
                    lookup[_key(label)] = level
            else:
                lookup[_key(YES)], lookup[_key(NO)] = True, False
    if column.kind == "level":
        for level in range(len(BY_NAME[column.field].levels)):
            lookup.setdefault(_key(str(level)), level)
    else:
        for word in ("yes", "true", "1", "oui", "vrai"):
            lookup.setdefault(_key(word), True)
        for word in ("no", "false", "0", "non", "faux"):
            lookup.setdefault(_key(word), False)
    return lookup
