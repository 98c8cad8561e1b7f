"""The demo data reproduces the figures of the seed (press release of 26 March 2021).

Pure data: no application, no database.
"""

import csv
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path

from digiweb.demo import data

CSV_PATH = Path(__file__).resolve().parents[2] / "data" / "departments_2021.csv"
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
NON_LATIN_DIGIT = re.compile(r"[\u0660-\u0669\u06f0-\u06f9]")
MARKUP = re.compile(r"<[a-zA-Z/!]")
TEXT_FIELDS = (
    "title_ar",
    "title_fr",
    "summary_ar",
    "summary_fr",
    "procedure_ar",
    "procedure_fr",
    "beneficiaries_ar",
    "beneficiaries_fr",
    "partners",
)


def department_codes() -> set[str]:
    with CSV_PATH.open(encoding="utf-8") as handle:
        return {row["code"] for row in csv.DictReader(handle)}


def sent_projects() -> list[dict]:
    return [p for p in data.demo_projects() if p["department"] in data.SENT_PLAN_STATUS]


def draft_projects() -> list[dict]:
    return [p for p in data.demo_projects() if p["department"] in data.UNSENT_PLAN_STATUS]


# --- plans --------------------------------------------------------------------------------------


def test_year():
    assert data.DEMO_YEAR == 2021


def test_twenty_eight_plans_sent_among_thirty_four():
    codes = department_codes()
    assert len(codes) == 34
    assert len(data.SENT_PLAN_STATUS) == 28
    assert len(data.UNSENT_PLAN_STATUS) == 6
    assert set(data.SENT_PLAN_STATUS) | set(data.UNSENT_PLAN_STATUS) == codes
    assert not set(data.SENT_PLAN_STATUS) & set(data.UNSENT_PLAN_STATUS)
    assert {"MF", "MJ", "MNS"} <= set(data.SENT_PLAN_STATUS)


def test_sent_plan_statuses():
    statuses = Counter(data.SENT_PLAN_STATUS.values())
    assert set(statuses) <= {"submitted", "returned", "approved"}
    assert 2 <= statuses["returned"] <= 4
    assert statuses["approved"] >= 1
    assert statuses["submitted"] > statuses["approved"] + statuses["returned"]


def test_unsent_plans_have_at_least_two_drafts_with_projects():
    assert set(data.UNSENT_PLAN_STATUS.values()) <= {"draft", "not_started"}
    drafts = [code for code, status in data.UNSENT_PLAN_STATUS.items() if status == "draft"]
    assert len(drafts) >= 2
    per_department = Counter(p["department"] for p in draft_projects())
    for code in drafts:
        assert 2 <= per_department[code] <= 5, code
    for code, status in data.UNSENT_PLAN_STATUS.items():
        if status == "not_started":
            assert per_department[code] == 0, code


def test_some_draft_projects_are_incomplete():
    incomplete = [
        p for p in draft_projects() if any(value in ("", None) for key, value in p.items())
    ]
    assert incomplete
    assert any(p["summary_fr"] == "" for p in incomplete)
    assert any(p["start_date"] is None or p["end_date"] is None for p in incomplete)


# --- the figures of the seed ------------------------------------------------------------------


def test_222_projects_of_which_31_citizens_and_22_economic_operators():
    projects = sent_projects()
    assert len(projects) == 222
    targets = Counter(p["target"] for p in projects)
    assert targets["citizens"] == 31
    assert targets["economic_operators"] == 22
    assert targets["administration"] + targets["other_administrations"] == 169
    assert targets["administration"] > 0
    assert targets["other_administrations"] > 0


def test_every_sent_department_has_at_least_three_projects():
    sizes = Counter(p["department"] for p in sent_projects())
    assert set(sizes) == set(data.SENT_PLAN_STATUS)
    assert min(sizes.values()) >= 3
    assert max(sizes.values()) <= 16
    largest = {code for code, _ in sizes.most_common(5)}
    assert largest == {"MF", "MJ", "MICLAT", "MSPRH", "MEN"}


def test_drafts_are_not_among_the_222():
    total = len(data.demo_projects())
    assert total == 222 + len(draft_projects())
    assert len(draft_projects()) >= 4


# --- each project -------------------------------------------------------------------------------


def test_project_keys_exactly():
    for project in data.demo_projects():
        assert set(project) == set(data.PROJECT_KEYS), project["title_fr"]


def test_departments_exist_and_sequences_are_unique_and_contiguous():
    codes = department_codes()
    sequences: dict[str, list[int]] = {}
    for project in data.demo_projects():
        assert project["department"] in codes
        sequences.setdefault(project["department"], []).append(project["sequence"])
    for code, numbers in sequences.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), code
        reference = f"{data.DEMO_YEAR}-{code}-{max(numbers):03d}"
        assert len(reference) <= 40


def test_enum_values():
    for p in data.demo_projects():
        assert p["target"] in data.TARGETS
        assert p["kind"] in data.KINDS
        assert p["status"] in data.PROJECT_STATUSES
        assert p["priority"] in data.PRIORITIES
        assert p["funding_source"] in data.FUNDING_SOURCES
        assert isinstance(p["technologies"], list)
        assert len(p["technologies"]) <= 3
        assert len(set(p["technologies"])) == len(p["technologies"])
        assert set(p["technologies"]) <= set(data.TECHNOLOGIES)


def test_technologies_match_the_project():
    for p in data.demo_projects():
        title = p["title_fr"].lower()
        if p["kind"] == "mobile_app":
            assert "mobile" in p["technologies"], title
        if "paiement" in title or "télépaiement" in title:
            assert "e_payment" in p["technologies"], title
        if "interconnexion" in title or "interopérabilité" in title:
            assert "interoperability" in p["technologies"], title


def test_titles_are_unique():
    projects = data.demo_projects()
    for key in ("title_ar", "title_fr"):
        titles = [p[key].strip().casefold() for p in projects]
        duplicates = [t for t, n in Counter(titles).items() if n > 1]
        assert not duplicates, duplicates


def test_languages_and_digits():
    for p in data.demo_projects():
        for key in ("title_ar", "summary_ar", "procedure_ar"):
            if p[key]:
                assert ARABIC_LETTER.search(p[key]), (key, p[key])
        for key in ("title_fr", "summary_fr", "procedure_fr", "beneficiaries_fr", "partners"):
            assert not ARABIC_LETTER.search(p[key] or ""), (key, p[key])
        for key in TEXT_FIELDS:
            value = p[key] or ""
            assert not NON_LATIN_DIGIT.search(value), (key, value)
            assert not MARKUP.search(value), (key, value)
            assert value == value.strip()
            assert "lorem" not in value.lower()


def test_sent_projects_are_complete():
    for p in sent_projects():
        for key in TEXT_FIELDS[:-1]:
            assert p[key], (p["department"], p["sequence"], key)
        for key in ("summary_ar", "summary_fr"):
            assert p[key].endswith("."), (key, p[key])
        assert p["start_date"] is not None
        assert p["end_date"] is not None
        assert p["budget_dzd"] is not None


def test_dates_ordered_and_within_2021_2023():
    for p in data.demo_projects():
        start, end = p["start_date"], p["end_date"]
        for day in (start, end):
            if day is not None:
                assert isinstance(day, date)
                assert not isinstance(day, datetime)
                assert date(2021, 1, 1) <= day <= date(2023, 12, 31)
        if start is not None and end is not None:
            assert start < end, p["title_fr"]


def test_progress_consistent_with_status():
    for p in data.demo_projects():
        progress = p["progress"]
        assert isinstance(progress, int)
        assert 0 <= progress <= 100
        if p["status"] == "completed":
            assert progress == 100
            assert p["end_date"] <= date(2021, 3, 25)
        elif p["status"] == "planned":
            assert progress == 0
        elif p["status"] == "in_progress":
            assert 0 < progress < 100
            assert p["start_date"] <= date(2021, 3, 25)
        elif p["status"] == "suspended":
            assert progress < 100


def test_statuses_mostly_planned_or_in_progress():
    statuses = Counter(p["status"] for p in sent_projects())
    assert statuses["planned"] + statuses["in_progress"] >= 0.8 * 222
    assert all(p["status"] == "planned" for p in draft_projects())


def test_budgets():
    for p in data.demo_projects():
        budget = p["budget_dzd"]
        if budget is None:
            assert p["department"] in data.UNSENT_PLAN_STATUS
            continue
        assert isinstance(budget, int)
        assert 2_000_000 <= budget <= 350_000_000
        assert budget % 1000 == 0


def test_deterministic():
    first, second = data.demo_projects(), data.demo_projects()
    assert first == second
    first[0]["technologies"].append("ai")
    assert data.demo_projects()[0] == second[0]
    assert data.demo_meeting() == data.demo_meeting()


# --- the meeting of 25 March 2021 ------------------------------------------------------------


def test_meeting_fields():
    meeting = data.demo_meeting()
    assert meeting["reference"] == "MNS-2021-001"
    assert meeting["kind"] == "working_session"
    assert meeting["status"] == "minutes_draft"
    assert meeting["starts_at_local"] == datetime(2021, 3, 25, 9, 30)
    assert meeting["starts_at_local"].tzinfo is None
    assert meeting["starts_at_local"].weekday() == 3  # a Thursday
    assert "CERIST" in meeting["place_ar"]
    assert "CERIST" in meeting["place_fr"]
    assert "شرحبيل" in meeting["chair_ar"]
    assert "Cherhabil" in meeting["chair_fr"]
    assert ARABIC_LETTER.search(meeting["title_ar"])
    assert not ARABIC_LETTER.search(meeting["title_fr"])
    assert len(meeting["agenda"]) >= 4
    for item in meeting["agenda"]:
        assert set(item) == {"title_ar", "title_fr"}
        assert ARABIC_LETTER.search(item["title_ar"])
        assert not ARABIC_LETTER.search(item["title_fr"])


def test_minutes_state_the_figures_in_both_languages():
    meeting = data.demo_meeting()
    for key in ("minutes_ar", "minutes_fr"):
        minutes = meeting[key]
        for figure in ("222", "31", "28", "22"):
            assert re.search(rf"(?<!\d){figure}(?!\d)", minutes), (key, figure)
        assert minutes.count("\n\n") >= 4
        assert not NON_LATIN_DIGIT.search(minutes)
        assert not MARKUP.search(minutes)
    assert "الذكاء الاصطناعي" in meeting["minutes_ar"]
    assert "intelligence artificielle" in meeting["minutes_fr"]


def test_attendees():
    meeting = data.demo_meeting()
    attendees = meeting["attendees"]
    codes = department_codes()
    staff = [a for a in attendees if a["department"] is None]
    officers = [a for a in attendees if a["department"] is not None]
    assert any("Cherhabil" in a["name_fr"] for a in staff)
    assert any("شرحبيل" in a["name_ar"] for a in staff)
    assert 3 <= len(staff) <= 4
    assert {a["department"] for a in officers} == set(data.SENT_PLAN_STATUS)
    assert len(officers) == 28
    attendance = Counter(a["attendance"] for a in attendees)
    assert set(attendance) <= {"present", "absent", "excused", "represented"}
    assert attendance["present"] >= 25
    assert attendance["excused"] + attendance["represented"] >= 2
    for a in attendees:
        assert set(a) == {
            "department",
            "name_ar",
            "name_fr",
            "function_ar",
            "function_fr",
            "attendance",
        }
        assert a["department"] is None or a["department"] in codes
        assert a["name_fr"] and not ARABIC_LETTER.search(a["name_fr"])
        assert ARABIC_LETTER.search(a["name_ar"])
        assert ARABIC_LETTER.search(a["function_ar"])
        assert not ARABIC_LETTER.search(a["function_fr"])
    assert len({a["name_fr"] for a in attendees}) == len(attendees)
    assert len({a["name_ar"] for a in attendees}) == len(attendees)


def test_decisions():
    decisions = data.demo_meeting()["decisions"]
    codes = department_codes()
    assert 4 <= len(decisions) <= 6
    for d in decisions:
        assert set(d) == {"text_ar", "text_fr", "owner_department", "due_date", "status"}
        assert d["owner_department"] in codes
        assert isinstance(d["due_date"], date)
        assert d["due_date"].year == 2021
        assert d["due_date"] > date(2021, 3, 25)
        assert d["status"] in {"open", "in_progress", "done"}
        assert ARABIC_LETTER.search(d["text_ar"])
        assert not ARABIC_LETTER.search(d["text_fr"])
    assert any(d["due_date"] == date(2021, 4, 15) for d in decisions)
