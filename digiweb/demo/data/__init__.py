"""Demo data of the seed: the 2021 questionnaire and the session of 25 March 2021.

The hand-written content, in Arabic and in French, lives in the data files of this folder (see
its README.md); this module reads them and draws the rest (standard library only, no application
imports). The loader in ``digiweb.demo.services`` turns the result into rows.

* ``campaign_2021.json``: the questionnaire's titles, instructions and dates, and the status of
  each department's plan;
* ``projects_2021.json``: the projects of each department, in the order of their sequence;
* ``meeting_mns_2021_001.json``: the session of 25 March 2021 (attendees, agenda, minutes,
  decisions);
* ``wilayas.csv``, ``phases.csv``: the vocabulary with which ``demo scale`` varies the projects.

The press release of 26 March 2021 (``seed/000_25bcff0d3c0ddb9d.txt``) gives the figures that
must hold and that the tests check:

* the questionnaire of year 2021 went to the 34 ministerial departments;
* 28 departments sent their sectoral action plans (``SENT_PLAN_STATUS``), among them Finance
  (``MF``), Justice (``MJ``) and the Ministry of Digitization itself (``MNS``);
* these plans hold exactly 222 digital application projects, of which 31 aim to bring the
  administration closer to the citizen (target ``citizens``) and 22 are applications and
  platforms for economic operators (``economic_operators``); the 169 others are internal
  (``administration``) or inter-administration (``other_administrations``) projects;
* the 6 other departments have not sent their plan (``UNSENT_PLAN_STATUS``): some have not
  started, the drafts already hold a few incomplete projects in preparation, which are returned
  by ``demo_projects()`` too but never count in the consolidated figures.

Status, progress, priority, dates, budget and funding are drawn from ``random.Random(2021)``, one
project after the other in the order of ``projects_2021.json`` (a project's ``fixed`` values
override the drawn ones), so every call returns the same list. Every value is drawn even when
fixed, so that fixing a value does not change the other projects; adding, removing or moving a
project does change the drawn values of the projects after it.

The digital maturity of each project's procedure (issue 16: levels now and targeted, online
identity, data taken through APIs, procedures a year, share online, accessibility) is drawn
afterwards from a generator of its own, ``random.Random(MATURITY_SEED)``, so that it leaves the
values above exactly as they were; so are the ratings and indicators of ``demo_follow_up()``.
"""

import calendar
import csv
import json
import math
import random
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parent
CAMPAIGN_FILE = "campaign_2021.json"
PROJECTS_FILE = "projects_2021.json"
MEETING_FILE = "meeting_mns_2021_001.json"
WILAYAS_FILE = "wilayas.csv"
PHASES_FILE = "phases.csv"

DEMO_YEAR = 2021

TARGETS = ("citizens", "economic_operators", "administration", "other_administrations")
KINDS = ("information_system", "platform", "mobile_app", "infrastructure", "registry")
TECHNOLOGIES = (
    "cloud",
    "ai",
    "data_science",
    "mobile",
    "e_payment",
    "e_signature",
    "interoperability",
    "open_data",
)
PROJECT_STATUSES = ("planned", "in_progress", "completed", "suspended", "cancelled")
PRIORITIES = ("high", "medium", "low")
FUNDING_SOURCES = ("state_budget", "own_funds", "international_cooperation", "other")
SENT_STATUSES = ("submitted", "returned", "approved")
UNSENT_STATUSES = ("draft", "not_started")

# The digital maturity of the procedure a project serves (issue 16), drawn separately.
MATURITY_KEYS = (
    "maturity_level",
    "maturity_target",
    "online_identity",
    "data_from_apis",
    "yearly_procedures",
    "online_share",
    "accessibility_checked",
)
MATURITY_SEED = 2021_16
FOLLOW_UP_SEED = 2021_1603
RATINGS = ("green", "amber", "red")

PROJECT_KEYS = (
    "department",
    "sequence",
    "title_ar",
    "title_fr",
    "summary_ar",
    "summary_fr",
    "target",
    "kind",
    "technologies",
    "status",
    "progress",
    "priority",
    "start_date",
    "end_date",
    "budget_dzd",
    "funding_source",
    "procedure_ar",
    "procedure_fr",
    "beneficiaries_ar",
    "beneficiaries_fr",
    "partners",
    *MATURITY_KEYS,
)
# The hand-written texts of a project (may be empty in a draft), then the values it may fix.
TEXT_KEYS = (
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
FIXED_KEYS = (
    "status",
    "progress",
    "priority",
    "start_date",
    "end_date",
    "budget_dzd",
    "funding_source",
)
_SPEC_KEYS = frozenset((*TEXT_KEYS, "target", "kind", "technologies"))


# --- reading the files ---------------------------------------------------------------------------


@cache
def _read_json(name: str) -> Any:
    """The parsed file, read once; callers copy what they return."""
    with (FOLDER / name).open(encoding="utf-8") as handle:
        return json.load(handle)


def read_csv(name: str) -> list[dict[str, str]]:
    with (FOLDER / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _plan_statuses() -> tuple[dict[str, str], dict[str, str]]:
    plans: dict[str, str] = _read_json(CAMPAIGN_FILE)["plans"]
    for code, status in plans.items():
        if status not in SENT_STATUSES + UNSENT_STATUSES:
            raise ValueError(f"{CAMPAIGN_FILE}: plan {code}: unknown status {status!r}")
    sent = {code: status for code, status in plans.items() if status in SENT_STATUSES}
    unsent = {code: status for code, status in plans.items() if status in UNSENT_STATUSES}
    return sent, unsent


# Plans sent before the session of 25 March 2021 (28 departments), and the others (6): the
# drafts already hold projects in preparation.
SENT_PLAN_STATUS, UNSENT_PLAN_STATUS = _plan_statuses()


def _check_spec(code: str, sequence: int, spec: dict) -> None:
    where = f"{PROJECTS_FILE}: {code} project {sequence}"
    keys = set(spec) - {"fixed"}
    if keys != _SPEC_KEYS:
        missing, unknown = sorted(_SPEC_KEYS - keys), sorted(keys - _SPEC_KEYS)
        raise ValueError(f"{where}: missing keys {missing}, unknown keys {unknown}")
    if spec["target"] not in TARGETS or spec["kind"] not in KINDS:
        raise ValueError(f"{where}: unknown target or kind {spec['target']!r}, {spec['kind']!r}")
    if not set(spec["technologies"]) <= set(TECHNOLOGIES):
        raise ValueError(f"{where}: unknown technology in {spec['technologies']}")
    if not set(spec.get("fixed") or {}) <= set(FIXED_KEYS):
        raise ValueError(f"{where}: fixed keys {sorted(spec['fixed'])} not among {FIXED_KEYS}")


def project_specs() -> list[tuple[str, int, dict]]:
    """(department, sequence, hand-written part) of every project, in the order of the file."""
    specs = []
    for code, projects in _read_json(PROJECTS_FILE).items():
        if code not in SENT_PLAN_STATUS and UNSENT_PLAN_STATUS.get(code) != "draft":
            raise ValueError(f"{PROJECTS_FILE}: {code} has no plan sent or in draft")
        for sequence, spec in enumerate(projects, start=1):
            _check_spec(code, sequence, spec)
            specs.append((code, sequence, spec))
    return specs


# --- drawn values --------------------------------------------------------------------------------

# Budget bounds (DZD) by kind of project, drawn log-uniformly.
_BUDGET_RANGES = {
    "infrastructure": (40_000_000, 350_000_000),
    "information_system": (12_000_000, 180_000_000),
    "platform": (6_000_000, 90_000_000),
    "mobile_app": (2_500_000, 35_000_000),
    "registry": (4_000_000, 80_000_000),
}
_BUDGET_MIN = 2_000_000
_BUDGET_MAX = 350_000_000
_LAST_MONTH = 35  # December 2023, counted in months from January 2021


def _month_start(offset: int, day: int = 1) -> date:
    return date(DEMO_YEAR + offset // 12, offset % 12 + 1, day)


def _month_end(offset: int) -> date:
    offset = min(offset, _LAST_MONTH)
    year, month = DEMO_YEAR + offset // 12, offset % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def _draw_status(rng: random.Random, target: str) -> str:
    """Mostly planned or in progress in March 2021; only internal projects are ever on hold."""
    draw = rng.random()
    if draw < 0.54:
        return "planned"
    if draw < 0.91:
        return "in_progress"
    if draw < 0.955:
        return "completed"
    if target in ("citizens", "economic_operators"):
        return "planned"
    return "suspended" if draw < 0.985 else "cancelled"


def _draw_progress(rng: random.Random, status: str) -> int:
    if status == "completed":
        return 100
    if status == "in_progress":
        return rng.randrange(10, 90, 5)
    if status == "suspended":
        return rng.randrange(10, 55, 5)
    return 0


def _draw_dates(rng: random.Random, status: str) -> tuple[date, date]:
    """Dates consistent with the status as of March 2021, all within 2021-2023."""
    if status == "completed":
        start = date(DEMO_YEAR, 1, rng.choice((3, 10, 17)))
        return start, start + timedelta(days=rng.randint(40, 65))
    duration = rng.choice((6, 9, 12, 12, 18, 24, 30))
    if status in ("in_progress", "suspended"):
        offset, day = rng.choice(((0, 1), (0, 15), (1, 1), (1, 15), (2, 1)))
    else:  # planned or cancelled: starts from April 2021 on
        offset, day = rng.randint(3, 12), rng.choice((1, 1, 15))
    return _month_start(offset, day), _month_end(offset + duration - 1)


def _draw_budget(rng: random.Random, kind: str) -> int:
    low, high = _BUDGET_RANGES[kind]
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    step = 50_000 if value < 10_000_000 else 100_000 if value < 100_000_000 else 1_000_000
    return max(_BUDGET_MIN, min(_BUDGET_MAX, round(value / step) * step))


def _draw_priority(rng: random.Random, target: str) -> str:
    weights = (6, 3, 1) if target in ("citizens", "economic_operators") else (3, 5, 2)
    return rng.choices(PRIORITIES, weights=weights)[0]


def _draw_funding(rng: random.Random) -> str:
    return rng.choices(FUNDING_SOURCES, weights=(72, 15, 8, 5))[0]


def _project(code: str, sequence: int, spec: dict, rng: random.Random) -> dict:
    draft = code in UNSENT_PLAN_STATUS
    fixed = dict(spec.get("fixed") or {})
    for key in ("start_date", "end_date"):
        if key in fixed:
            fixed[key] = _day(fixed[key])
    # The drawing order is part of the data: every value is drawn, even when fixed.
    drawn_status = "planned" if draft else _draw_status(rng, spec["target"])
    status = fixed.get("status", drawn_status)
    progress = _draw_progress(rng, status)
    priority = _draw_priority(rng, spec["target"])
    start_date, end_date = _draw_dates(rng, status)
    values = {
        **{key: spec[key] for key in (*TEXT_KEYS, "target", "kind")},
        "department": code,
        "sequence": sequence,
        "technologies": list(spec["technologies"]),
        "status": status,
        "progress": progress,
        "priority": priority,
        "start_date": start_date,
        "end_date": end_date,
        "budget_dzd": _draw_budget(rng, spec["kind"]),
        "funding_source": _draw_funding(rng),
        **fixed,
    }
    values.update(dict.fromkeys(MATURITY_KEYS))  # drawn by _draw_maturity, afterwards
    return {key: values[key] for key in PROJECT_KEYS}


# How far procedures are online today, by target: the weights of levels 0 to 4.
_LEVEL_WEIGHTS = {
    "citizens": (2, 4, 5, 3, 1),
    "economic_operators": (1, 3, 4, 4, 2),
    "administration": (4, 4, 3, 2, 1),
    "other_administrations": (3, 4, 3, 2, 1),
}
# Procedures handled a year, by target: bounds drawn log-uniformly.
_PROCEDURE_RANGES = {
    "citizens": (20_000, 4_000_000),
    "economic_operators": (2_000, 300_000),
    "administration": (500, 60_000),
    "other_administrations": (300, 40_000),
}


def _draw_maturity(rng: random.Random, project: dict) -> dict:
    """The maturity of a project's procedure, consistent with its target and technologies: a
    level now and a level targeted not below it (4 with e-payment or e-signature), a share
    online that the level allows, an online identity and a "tell us once" exchange more often
    where the technologies say so. About one project in twenty (one draft in three) gives none.
    Every value is drawn even when not kept, so that one project's choice never moves the next.
    """
    target, technologies = project["target"], set(project["technologies"])
    draft = project["department"] in UNSENT_PLAN_STATUS
    given = rng.random() >= (0.35 if draft else 0.05)
    level = rng.choices(range(5), weights=_LEVEL_WEIGHTS.get(target, (3, 4, 3, 2, 1)))[0]
    step = rng.choice(
        (1, 1, 2, 2, 3) if target in ("citizens", "economic_operators") else (1, 1, 1, 2)
    )
    aimed = 4 if technologies & {"e_payment", "e_signature"} else min(4, level + step)
    aimed = max(aimed, level)
    identity_draw, api_draw, access_draw, unknown_draw = (rng.random() for _ in range(4))
    low, high = _PROCEDURE_RANGES.get(target, (300, 40_000))
    procedures = math.exp(rng.uniform(math.log(low), math.log(high)))
    procedures = int(round(procedures, -(len(str(int(procedures))) - 2)))  # two figures kept
    share = {3: rng.randrange(5, 60, 5), 4: rng.randrange(40, 95, 5)}.get(level, 0)
    if not given:
        return dict.fromkeys(MATURITY_KEYS)
    return {
        "maturity_level": level,
        "maturity_target": aimed,
        "online_identity": "e_signature" in technologies or (aimed >= 3 and identity_draw < 0.55),
        "data_from_apis": "interoperability" in technologies or api_draw < 0.2,
        "yearly_procedures": None if unknown_draw < 0.12 else procedures,
        "online_share": share,
        "accessibility_checked": level >= 3 and access_draw < 0.45,
    }


def demo_projects() -> list[dict]:
    """The 222 projects of the sent plans, then the projects of the draft plans.

    Deterministic: a fresh ``random.Random(2021)`` per call, so every call returns equal lists;
    the maturity of each procedure comes afterwards from ``random.Random(MATURITY_SEED)``.
    The department's ``sequence`` numbers start at 1 (reference ``2021-MF-007`` …).
    """
    rng = random.Random(DEMO_YEAR)
    projects = [_project(code, sequence, spec, rng) for code, sequence, spec in project_specs()]
    maturity = random.Random(MATURITY_SEED)
    for project in projects:
        project.update(_draw_maturity(maturity, project))
    return projects


# --- follow-up: ratings and indicators (issue 16) -------------------------------------------------

# Why a project is rated as it is: (rating, Arabic, French).
_REASONS = (
    (
        "green",
        "الأشغال تسير وفق الرزنامة المقررة.",
        "Les travaux avancent selon le calendrier prévu.",
    ),
    (
        "green",
        "تم استلام المرحلة الأولى في آجالها.",
        "La première phase a été réceptionnée dans les délais.",
    ),
    (
        "amber",
        "تأخر في إبرام الصفقة مع المتعامل.",
        "Retard dans la passation du marché avec le prestataire.",
    ),
    (
        "amber",
        "الربط مع أنظمة الإدارات الشريكة لم يكتمل بعد.",
        "L'interconnexion avec les administrations partenaires n'est pas achevée.",
    ),
    ("amber", "نقص في الموارد البشرية المؤهلة.", "Manque de personnel qualifié affecté au projet."),
    ("red", "الاعتمادات المالية لم تُرصد بعد.", "Les crédits n'ont pas encore été mis en place."),
    (
        "red",
        "توقف الأشغال في انتظار اختيار مزود جديد.",
        "Travaux arrêtés dans l'attente d'un nouveau prestataire.",
    ),
)
# A few indicators: (label ar, label fr, unit, baseline, target, value reached in 2021).
_INDICATORS = (
    ("نسبة الملفات المودعة عبر الإنترنت", "Part des dossiers déposés en ligne", "%", 0, 60, 14),
    (
        "متوسط مدة معالجة الملف (بالأيام)",
        "Délai moyen de traitement d'un dossier (jours)",
        "",
        21,
        7,
        15,
    ),
    (
        "عدد الحسابات المفتوحة على المنصة",
        "Comptes ouverts sur la plateforme",
        "",
        0,
        500_000,
        86_000,
    ),
    (
        "نسبة المستعملين الراضين عن الخدمة",
        "Part des usagers satisfaits du service",
        "%",
        55,
        85,
        63,
    ),
)


def _reason(rng: random.Random, rating: str) -> tuple[str, str]:
    _rating, arabic, french = rng.choice([r for r in _REASONS if r[0] == rating])
    return arabic, french


def demo_follow_up(projects: list[dict] | None = None) -> dict:
    """The follow-up of the 2021 projects, drawn from ``random.Random(FOLLOW_UP_SEED)``:

    * ``self_ratings``: the department's rating given at a progress update, for about two
      thirds of the projects of the approved plans (references, rating, reason ar/fr, day);
    * ``ministry_ratings``: the reviewer's rating of about a quarter of the sent projects, most
      of those the departments rated among them, close to the department's own rating, but a
      third of them stricter by one or two steps (the GAO's finding) and a few more lenient;
    * ``indicators``: one or two indicators on the first citizens' projects of approved plans,
      with the value reached in 2021, and one being prepared in each draft plan.
    """
    projects = demo_projects() if projects is None else projects
    rng = random.Random(FOLLOW_UP_SEED)
    approved = [p for p in projects if SENT_PLAN_STATUS.get(p["department"]) == "approved"]
    sent = [p for p in projects if p["department"] in SENT_PLAN_STATUS]
    self_ratings, ministry_ratings = {}, {}
    for project in approved:
        draw, rating_draw, day = rng.random(), rng.random(), rng.randint(19, 24)
        if draw > 0.68:
            continue
        rating = "green" if rating_draw < 0.62 else "amber" if rating_draw < 0.9 else "red"
        if project["status"] == "suspended":
            rating = "red"
        reference = _reference(project)
        self_ratings[reference] = {
            "reference": reference,
            "rating": rating,
            "reason": _reason(rng, rating),
            "on": date(DEMO_YEAR, 3, day),
        }
    for project in sent:
        reference = _reference(project)
        draw, shift_draw, day = rng.random(), rng.random(), rng.randint(22, 25)
        own = self_ratings.get(reference)
        if draw > (0.75 if own else 0.15):
            continue
        base = RATINGS.index(own["rating"]) if own else rng.choice((0, 0, 1))
        if shift_draw < 0.3:
            rank = min(2, base + (2 if shift_draw < 0.08 else 1))  # the ministry is stricter
        elif shift_draw > 0.92:
            rank = max(0, base - 1)  # or, now and then, more lenient
        else:
            rank = base
        rating = RATINGS[rank]
        ministry_ratings[reference] = {
            "reference": reference,
            "rating": rating,
            "reason": _reason(rng, rating),
            "on": date(DEMO_YEAR, 3, day),
        }
    indicators = []
    citizens = [p for p in approved if p["target"] in ("citizens", "economic_operators")]
    for number, project in enumerate(citizens[:5]):
        for offset in range(1 + number % 2):
            label_ar, label_fr, unit, baseline, target, value = _INDICATORS[
                (number + offset) % len(_INDICATORS)
            ]
            indicators.append(
                {
                    "reference": _reference(project),
                    "label_ar": label_ar,
                    "label_fr": label_fr,
                    "unit": unit,
                    "baseline": baseline,
                    "target": target,
                    "values": {DEMO_YEAR: value},
                }
            )
    # An indicator being prepared in each draft plan (its first project), no value reached yet.
    for code, status in UNSENT_PLAN_STATUS.items():
        first = next((p for p in projects if p["department"] == code), None)
        if status == "draft" and first is not None:
            label_ar, label_fr, unit, baseline, target, _value = _INDICATORS[0]
            indicators.append(
                {
                    "reference": _reference(first),
                    "label_ar": label_ar,
                    "label_fr": label_fr,
                    "unit": unit,
                    "baseline": baseline,
                    "target": target,
                    "values": {},
                }
            )
    return {
        "self_ratings": list(self_ratings.values()),
        "ministry_ratings": list(ministry_ratings.values()),
        "indicators": indicators,
    }


def _reference(project: dict) -> str:
    return f"{DEMO_YEAR}-{project['department']}-{project['sequence']:03d}"


# --- the campaign and the working session of Thursday 25 March 2021 ------------------------------


def demo_campaign() -> dict:
    """The questionnaire of 2021: titles, instructions and dates (the plans' statuses are
    ``SENT_PLAN_STATUS`` and ``UNSENT_PLAN_STATUS``)."""
    raw = _read_json(CAMPAIGN_FILE)
    texts = ("title_ar", "title_fr", "instructions_ar", "instructions_fr")
    return {
        "year": DEMO_YEAR,
        **{key: raw[key] for key in texts},
        **{key: _day(raw[key]) for key in ("created_on", "opens_on", "deadline")},
    }


def demo_meeting() -> dict:
    """The working and consultation session of 25 March 2021 at CERIST (reference MNS-2021-001).

    ``starts_at_local`` is naive, in Africa/Algiers local time. Minutes are plain text,
    paragraphs separated by a blank line.
    """
    raw = _read_json(MEETING_FILE)
    texts = ("title_ar", "title_fr", "place_ar", "place_fr", "chair_ar", "chair_fr")
    return {
        "reference": raw["reference"],
        "kind": raw["kind"],
        "status": raw["status"],
        "starts_at_local": datetime.fromisoformat(raw["starts_at_local"]),
        **{key: raw[key] for key in texts},
        "agenda": [dict(item) for item in raw["agenda"]],
        "minutes_ar": "\n\n".join(raw["minutes_ar"]),
        "minutes_fr": "\n\n".join(raw["minutes_fr"]),
        "attendees": [dict(attendee) for attendee in raw["attendees"]],
        "decisions": [{**item, "due_date": _day(item["due_date"])} for item in raw["decisions"]],
    }


# --- the vocabulary of `demo scale` --------------------------------------------------------------


def wilayas() -> tuple[tuple[str, str, str], ...]:
    """The 48 wilayas by number: (Arabic name, French name, French with its preposition)."""
    return tuple((r["name_ar"], r["name_fr"], r["of_name_fr"]) for r in read_csv(WILAYAS_FILE))


def phases() -> tuple[tuple[str, str, str], ...]:
    """The stages of a multi-year project: (Arabic, French title suffix, French sentence start)."""
    rows = read_csv(PHASES_FILE)
    return tuple((r["phase_ar"], r["title_fr"], r["sentence_fr"]) for r in rows)
