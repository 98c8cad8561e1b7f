"""The project history reads as words in both languages (issue 17, point 10): every action the
code records on a project and every key of its changes has a label; none shows as a raw key
(`project_remark`, `project_progress`, `remark`, `note`)."""

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from flask_babel import force_locale

from digiweb.db_types import utcnow
from digiweb.plans.presenters import ACTION_LABELS, HIDDEN_HISTORY_FIELDS, history_rows
from digiweb.plans.services import FIELD_LABELS

CODE = Path(__file__).resolve().parents[2] / "digiweb"
PROJECT_RECORD = re.compile(r'record\(\s*"(\w+)",\s*"project",', re.S)
CHANGE_KEYS = re.compile(r'changes(?:\[|=\{|\s*=\s*\{)\s*"(\w+)"|\{"(\w+)": \[')


def _recorded_on_projects():
    actions, keys = set(), set()
    for path in CODE.rglob("*.py"):
        if "demo" in path.parts:
            continue  # the demo's own bookkeeping entries
        source = path.read_text()
        found = PROJECT_RECORD.findall(source)
        if found:
            actions.update(found)
            keys.update(a or b for a, b in CHANGE_KEYS.findall(source))
    return actions, keys


def test_every_project_action_in_the_code_has_a_label():
    actions, _keys = _recorded_on_projects()
    assert {"project_remark", "project_progress", "project_created"} <= actions
    assert sorted(actions - set(ACTION_LABELS)) == []


def test_every_change_key_in_the_code_has_a_label():
    _actions, keys = _recorded_on_projects()
    assert {"remark", "note"} <= keys
    assert sorted(keys - set(FIELD_LABELS) - HIDDEN_HISTORY_FIELDS) == []


@pytest.mark.parametrize(
    "lang, words",
    [
        ("fr", ["Remarque", "Note", "Suivi enregistré"]),
        ("ar", ["الملاحظة", "ملاحظة المتابعة", "تسجيل المتابعة"]),
    ],
)
def test_the_history_shows_labels_not_keys(app, lang, words):
    entries = [
        SimpleNamespace(
            action=action, changes=changes, actor_name="officer", created_at=utcnow(), id=i
        )
        for i, (action, changes) in enumerate(
            [
                ("project_remark", {"remark": [None, "Préciser le budget"]}),
                ("project_progress", {"progress": [10, 40], "note": [None, "Marché signé"]}),
                ("remark_added", {"remark": [None, "Voir"]}),
            ]
        )
    ]
    with app.test_request_context(f"/?lang={lang}"), force_locale(lang):
        rows = history_rows(entries)
        shown = " ".join(
            [row["action"] for row in rows]
            + [str(c["label"]) for row in rows for c in row["changes"]]
        )
    for raw in ("project_remark", "project_progress", "remark_added", "remark", "note"):
        assert raw not in shown.split()
    for word in words:
        assert word in shown, (word, shown)
