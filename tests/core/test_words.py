"""Words (issue 17, point 8): no tatweel in the catalogs (« لـوزارة »), Arabic lists built in code
joined with the Arabic comma, « du/des/de la/de l' » before a department's name in French, and
French colons spaced (« Présent : 28 »)."""

import csv
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from digiweb.departments.names import department_in_sentence, french_with
from digiweb.i18n import join_list
from digiweb.notifications.models import NotificationKind
from digiweb.notifications.services import render_text

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = {
    lang: ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po" for lang in ("ar", "fr")
}
TATWEEL = "\u0640"
# Modules whose joined lists never reach a page or a message: the API description, the audit
# schema's SQL, the demo's and the CLI's English output, a form field's own value.
NOT_SHOWN = {
    "digiweb/api/openapi.py",
    "digiweb/audit/schema.py",
    "digiweb/demo/scale.py",
    "digiweb/dashboard/cli.py",
    "digiweb/meetings/forms.py",
}


def _messages(lang):
    with CATALOGS[lang].open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            if string:
                yield message.id, string


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_no_tatweel_in_the_catalogs(lang):
    assert [s for _id, s in _messages(lang) if TATWEEL in s] == []


def test_arabic_lists_built_in_code_use_the_arabic_comma():
    wrong = []
    for path in (ROOT / "digiweb").rglob("*.py"):
        name = str(path.relative_to(ROOT))
        if name in NOT_SHOWN or name.endswith("/cli.py"):
            continue
        for number, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"""["'], ["']\.join\(""", line):
                wrong.append(f"{name}:{number}: {line.strip()}")
    for path in (ROOT / "digiweb").rglob("*.html"):
        source = path.read_text()
        for pattern in (r"""join\(["'], ["']\)""", r"loop\.last %\}, \{%"):
            for match in re.finditer(pattern, source):
                wrong.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert wrong == [], "use digiweb.i18n.join_list (the filter join_list in templates)"


def test_join_list_follows_the_language(app):
    assert join_list(["أ", "ب"], "ar") == "أ، ب"
    assert join_list(["a", "b"], "fr") == "a, b"


def test_french_sentences_never_put_a_bare_de_before_a_department():
    wrong = [
        s for _id, s in _messages("fr") if re.search(r"\b(de|à) %\((department|name_fr)\)s", s)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    "name, of, to",
    [
        ("Ministère des Finances", "du Ministère des Finances", "au Ministère des Finances"),
        (
            "Direction générale de la Prospective",
            "de la Direction générale de la Prospective",
            "à la Direction générale de la Prospective",
        ),
        (
            "Office national des statistiques",
            "de l'Office national des statistiques",
            "à l'Office national des statistiques",
        ),
        (
            "Services du Premier ministre",
            "des Services du Premier ministre",
            "aux Services du Premier ministre",
        ),
        ("Le Haut Conseil", "du Haut Conseil", "au Haut Conseil"),
        (
            "Haut-Commissariat à l'amazighité",
            "du Haut-Commissariat à l'amazighité",
            "au Haut-Commissariat à l'amazighité",
        ),
    ],
)
def test_french_preposition_from_the_first_word(name, of, to):
    assert french_with(name, "of") == of
    assert french_with(name, "to") == to


def test_every_reference_department_gets_a_contracted_form():
    with (ROOT / "data" / "departments_2021.csv").open(encoding="utf-8") as handle:
        names = [row["name_fr"] for row in csv.DictReader(handle)]
    assert len(names) >= 28
    for name in names:
        assert not french_with(name).startswith("de M"), name


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("fr", "Le plan 2021 du Ministère des Finances a été approuvé."),
        ("ar", "تمت المصادقة على مخطط وزارة المالية لسنة 2021."),
    ],
)
def test_a_notification_names_the_department_as_the_sentence_needs(app, lang, expected):
    params = {
        "department_code": "MF",
        "department_fr": "Ministère des Finances",
        "department_ar": "وزارة المالية",
        "year": 2021,
    }
    with app.test_request_context(f"/?lang={lang}"):
        from flask_babel import force_locale

        with force_locale(lang):
            assert render_text(NotificationKind.APPROVED, params) == expected
            assert department_in_sentence("Ministère des Finances", "وزارة المالية") == (
                "du Ministère des Finances" if lang == "fr" else "وزارة المالية"
            )


def test_french_colons_are_spaced():
    """« Présent : 28 », « prêts : Budget »: a colon in French follows a space (non-breaking or
    not), except inside a time (09:30), a URL or a placeholder's format."""
    wrong = []
    for msgid, string in _messages("fr"):
        cleaned = re.sub(r"%\([a-z_]+\)[sd]|https?://\S+|\d:\d|\{[^}]*\}", "", string)
        if re.search(r"[^\s\u00a0\u202f]:", cleaned):
            wrong.append(f"{msgid!r}: {string!r}")
    assert wrong == []


def test_templates_put_their_colons_through_colon():
    """A label followed by « : » in a template goes through colon() (« Présent : 28 » in French,
    « حاضر: 28 » in Arabic)."""
    wrong = []
    for path in (ROOT / "digiweb").rglob("*.html"):
        for match in re.finditer(r"\}\}:[ <]", path.read_text()):
            wrong.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert wrong == []


def test_colon_follows_the_language():
    from digiweb.i18n import colon

    assert colon("fr") == "\u00a0: " and colon("ar") == ": "


def test_join_list_keeps_isolated_items(app):
    from markupsafe import Markup

    from digiweb.i18n import bdi

    joined = join_list([bdi("MF"), bdi("MJ"), "<b>"], "ar")
    assert isinstance(joined, Markup)
    assert str(joined) == "<bdi>MF</bdi>، <bdi>MJ</bdi>، &lt;b&gt;"
