"""Helpers of the PDF tests: WeasyPrint must not warn, and PDFs are read with poppler."""

import io
import logging
import re
import subprocess
import tempfile

import pytest
from pypdf import PdfReader

from digiweb.reports import pdf as pdf_module

BIDI_AND_SPACES = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\s]+")


class _Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


@pytest.fixture(autouse=True)
def weasyprint_warnings(request):
    """Fails the test when WeasyPrint logs a warning or an error (a font silently ignored, a
    resource that could not be loaded...). Tests that provoke one on purpose mark themselves
    `@pytest.mark.weasyprint_warnings_expected` and read the records from this fixture."""
    logger = logging.getLogger("weasyprint")
    recorder = _Recorder()
    logger.addHandler(recorder)
    try:
        yield recorder.records
    finally:
        logger.removeHandler(recorder)
    if request.node.get_closest_marker("weasyprint_warnings_expected") is None:
        messages = [r.getMessage() for r in recorder.records]
        assert not messages, f"WeasyPrint warned: {messages}"


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "weasyprint_warnings_expected: the test provokes WeasyPrint warnings"
    )


@pytest.fixture
def fetchers(monkeypatch):
    """Every StaticFilesFetcher created while rendering, to see what was asked for."""
    created = []

    class Recording(pdf_module.StaticFilesFetcher):
        def __init__(self):
            super().__init__()
            created.append(self)

    monkeypatch.setattr(pdf_module, "StaticFilesFetcher", Recording)
    return created


def normalise(text: str) -> str:
    """Text without bidi marks and without any whitespace (pdftotext splits Arabic words
    where Amiri's glyphs are kerned)."""
    return BIDI_AND_SPACES.sub("", text)


def pdf_text(content: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
    )
    return normalise(result.stdout.decode("utf-8"))


def pdf_fonts(content: bytes) -> list[str]:
    """Names of the fonts embedded in the PDF (subset prefix removed)."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        result = subprocess.run(["pdffonts", handle.name], capture_output=True, check=True)
    lines = result.stdout.decode().splitlines()[2:]
    return [line.split()[0].split("+")[-1] for line in lines if line.strip()]


# The fonts of every PDF (digiweb.reports.pdf): Noto Naskh Arabic for Arabic, Noto Serif for
# the rest; pdffonts names them after their CSS family (spaces as dashes).
NOTO_FONTS = {"Noto-Naskh-Arabic", "Noto-Naskh-Arabic-Bold", "Noto-Serif", "Noto-Serif-Bold"}


def assert_noto_fonts(content: bytes, arabic: bool = True) -> None:
    """Only the Noto fonts; a French document prints no Arabic (names in Latin script, the
    letterhead in French), so Noto Naskh Arabic is required in the Arabic ones only."""
    fonts = set(pdf_fonts(content))
    assert fonts <= NOTO_FONTS, fonts
    assert "Noto-Serif" in fonts
    if arabic:
        assert "Noto-Naskh-Arabic" in fonts


def page_count(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)


def pdf_metadata(content: bytes) -> tuple[dict, str]:
    reader = PdfReader(io.BytesIO(content))
    info = {key: str(value) for key, value in (reader.metadata or {}).items()}
    root = reader.trailer["/Root"]
    lang = str(root.get("/Lang", ""))
    xmp = root.get("/Metadata")
    xmp_text = xmp.get_object().get_data().decode("utf-8") if xmp is not None else ""
    return {**info, "/Lang": lang}, xmp_text


# --- a small meeting, without the demo data ------------------------------------------------


@pytest.fixture
def small_meeting(app):
    """A meeting of a 2030 campaign, its minutes drafted: two departments (one sent its plan
    with two projects, the other did not), two attendees, an agenda item and a decision."""
    from datetime import date, time

    from digiweb.clock import local_to_utc
    from digiweb.extensions import db
    from digiweb.meetings import attendance, decisions
    from digiweb.meetings.models import Attendance
    from digiweb.plans.models import PlanStatus, Target
    from tests.factories import (
        make_campaign,
        make_department,
        make_meeting,
        make_plan,
        make_project,
    )

    sent, silent = make_department("SNT"), make_department("SIL")
    campaign = make_campaign(2030, departments=[sent, silent])
    plan = make_plan(campaign, sent)
    make_project(plan, target=Target.CITIZENS, budget_dzd=1250000)
    make_project(plan, target=Target.ECONOMIC_OPERATORS)
    plan.status = PlanStatus.SUBMITTED
    make_project(make_plan(campaign, silent), title_fr="Projet en préparation")
    meeting = make_meeting(
        campaign,
        starts_at=local_to_utc(date(2030, 3, 25), time(9, 30)),
        chair_ar="السيد الوزير",
        chair_fr="M. le Ministre",
        status="minutes_draft",
        minutes_ar="الفقرة الأولى.\n\nالفقرة الثانية.",
        minutes_fr="Premier paragraphe.\n\nSecond paragraphe.",
        attendees=[
            attendance.AttendeeValues(name="Ali", function_fr="Responsable", department_id=sent.id),
            attendance.AttendeeValues(name="Nora", attendance=Attendance.EXCUSED),
        ],
        agenda=[("الافتتاح", "Ouverture")],
        decisions=[
            decisions.DecisionValues(
                text_ar="إرسال المخطط",
                text_fr="Transmettre le plan",
                owner_department_id=silent.id,
                due_date=date(2030, 4, 15),
            )
        ],
    )
    db.session.commit()
    return meeting
