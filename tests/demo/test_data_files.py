"""The data files of digiweb/demo/data parse, and every row carries both languages.

Pure files: no application, no database. The figures themselves are checked on the generated
data in test_demo_data.py.
"""

import csv
import json
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from digiweb.demo import data

FOLDER = Path(data.__file__).resolve().parent
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
PAIRS = ("title", "summary", "procedure", "beneficiaries")


def read_json(name: str):
    with (FOLDER / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def read_csv(name: str) -> list[dict[str, str]]:
    with (FOLDER / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def assert_bilingual(where: str, arabic: str, french: str, may_be_empty: bool = False) -> None:
    """Both texts present (or, in a draft, both may be missing), each in its own language."""
    assert isinstance(arabic, str), where
    assert isinstance(french, str), where
    if may_be_empty and not (arabic and french):
        return
    assert arabic.strip() and french.strip(), where
    assert ARABIC_LETTER.search(arabic), (where, arabic)
    assert not ARABIC_LETTER.search(french), (where, french)


def test_every_data_file_is_read_by_the_module():
    files = {path.name for path in FOLDER.iterdir() if path.suffix in (".json", ".csv")}
    assert files == {
        data.CAMPAIGN_FILE,
        data.PROJECTS_FILE,
        data.MEETING_FILE,
        data.WILAYAS_FILE,
        data.PHASES_FILE,
    }
    for name in files:
        text = (FOLDER / name).read_text(encoding="utf-8")
        assert "\r" not in text, name
        assert text.endswith("\n"), name


def test_campaign_file():
    campaign = read_json(data.CAMPAIGN_FILE)
    assert_bilingual("title", campaign["title_ar"], campaign["title_fr"])
    assert_bilingual("instructions", campaign["instructions_ar"], campaign["instructions_fr"])
    days = [date.fromisoformat(campaign[key]) for key in ("created_on", "opens_on", "deadline")]
    assert days == sorted(days)
    assert all(day.year == data.DEMO_YEAR for day in days)
    assert len(campaign["plans"]) == 34
    assert set(campaign["plans"].values()) <= {*data.SENT_STATUSES, *data.UNSENT_STATUSES}


def test_projects_file():
    projects = read_json(data.PROJECTS_FILE)
    assert set(projects) <= set(read_json(data.CAMPAIGN_FILE)["plans"])
    for code, specs in projects.items():
        draft = code in data.UNSENT_PLAN_STATUS
        assert specs, code
        for sequence, spec in enumerate(specs, start=1):
            where = f"{code} project {sequence}"
            assert set(spec) - {"fixed"} == {*data.TEXT_KEYS, "target", "kind", "technologies"}
            for pair in PAIRS:
                arabic, french = spec[f"{pair}_ar"], spec[f"{pair}_fr"]
                assert_bilingual(f"{where} {pair}", arabic, french, may_be_empty=draft)
            # The titles are never left out, even in a draft.
            assert_bilingual(f"{where} title", spec["title_ar"], spec["title_fr"])
            assert isinstance(spec["technologies"], list)
            fixed = spec.get("fixed", {})
            assert set(fixed) <= set(data.FIXED_KEYS), where
            for key in ("start_date", "end_date"):
                if fixed.get(key) is not None:
                    date.fromisoformat(fixed[key])


def test_meeting_file():
    meeting = read_json(data.MEETING_FILE)
    datetime.fromisoformat(meeting["starts_at_local"])
    for pair in ("title", "place", "chair"):
        assert_bilingual(pair, meeting[f"{pair}_ar"], meeting[f"{pair}_fr"])
    assert len(meeting["minutes_ar"]) == len(meeting["minutes_fr"]) >= 5
    for index, (arabic, french) in enumerate(
        zip(meeting["minutes_ar"], meeting["minutes_fr"], strict=True)
    ):
        assert_bilingual(f"minutes paragraph {index + 1}", arabic, french)
        assert "\n" not in arabic + french  # one string per paragraph
    for index, item in enumerate(meeting["agenda"], start=1):
        assert_bilingual(f"agenda item {index}", item["title_ar"], item["title_fr"])
    for index, attendee in enumerate(meeting["attendees"], start=1):
        where = f"attendee {index}"
        assert_bilingual(where, attendee["function_ar"], attendee["function_fr"])
        assert_bilingual(where, attendee["name_ar"], attendee["name_fr"])
    for index, decision in enumerate(meeting["decisions"], start=1):
        assert_bilingual(f"decision {index}", decision["text_ar"], decision["text_fr"])
        date.fromisoformat(decision["due_date"])


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        (data.WILAYAS_FILE, ("number", "name_ar", "name_fr", "of_name_fr")),
        (data.PHASES_FILE, ("phase_ar", "title_fr", "sentence_fr")),
    ],
)
def test_csv_files(name, columns):
    rows = read_csv(name)
    assert rows
    for index, row in enumerate(rows, start=1):
        assert tuple(row) == columns, name
        assert all(value and value == value.strip() for value in row.values()), (name, index)
        arabic = next(value for key, value in row.items() if key.endswith("_ar"))
        for key, value in row.items():
            if key.endswith("_fr"):
                assert_bilingual(f"{name} row {index} {key}", arabic, value)


def test_wilayas_are_the_48_in_the_order_of_their_number():
    rows = read_csv(data.WILAYAS_FILE)
    assert [int(row["number"]) for row in rows] == list(range(1, 49))
    assert len(data.wilayas()) == 48
    for (_, name_fr, of_name_fr), row in zip(data.wilayas(), rows, strict=True):
        assert of_name_fr in (f"de {name_fr}", f"d'{name_fr}"), row


def test_a_data_error_names_the_file_and_the_project(monkeypatch):
    spec = read_json(data.PROJECTS_FILE)["MF"][0]
    broken = {"MF": [spec, {**spec, "target": "citizen"}]}
    monkeypatch.setattr(data, "_read_json", lambda name: broken)
    with pytest.raises(ValueError, match=r"projects_2021\.json: MF project 2: .*'citizen'"):
        data.project_specs()
