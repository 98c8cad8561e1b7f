"""The three documents on the demo data: exact content of the HTML fed to WeasyPrint, then the
PDFs themselves (pages, fonts, text)."""

import re

import pytest
from flask_babel import force_locale, get_locale

from digiweb.extensions import db
from digiweb.i18n import isolate
from digiweb.plans.models import SENT_STATUSES, Plan, Project
from digiweb.reports import campaign_report, minutes_report, plan_sheet, rendering
from tests.reports.conftest import assert_noto_fonts, normalise, page_count, pdf_text

AR_FOOTER = 'content: "صفحة " counter(page) " من " counter(pages);'
FR_FOOTER = 'content: "Page " counter(page) " sur " counter(pages);'


@pytest.fixture
def meeting(demo_app):
    return minutes_report.find_meeting("MNS-2021-001")


@pytest.fixture
def mf_plan(demo_app):
    return plan_sheet.find_plan(2021, "MF")


def cell_values(html: str, css_class: str) -> list[str]:
    return re.findall(rf'<span class="{css_class}">([^<]*)</span>', html)


def assert_page_footers(text: str, lang: str, pages: int) -> None:
    """« Page 1 of N » ... « Page N of N » in normalised PDF text, N being the real count."""
    word, of = ("صفحة", "من") if lang == "ar" else ("Page", "sur")
    for number in range(1, pages + 1):
        assert f"{word}{number}{of}{pages}" in text, f"page {number} of {pages}"


# --- minutes ---------------------------------------------------------------------------------


def test_minutes_html_arabic(meeting):
    html = minutes_report.minutes_html(meeting, "ar")
    assert html.startswith('<!doctype html>\n<html lang="ar" dir="rtl">')
    assert "<title>مسودة — غير مصادق عليها — محضر الاجتماع — MNS-2021-001</title>" in html
    assert '<meta name="author" content="وزارة الرقمنة والإحصائيات">' in html
    assert '<p class="republic">الجمهورية الجزائرية الديمقراطية الشعبية</p>' in html
    assert '<p class="ministry">وزارة الرقمنة والإحصائيات</p>' in html
    assert 'المرجع: <bdi dir="ltr">MNS-2021-001</bdi>' in html
    assert "الجزائر في <bdi>25 مارس 2021</bdi>" in html
    assert "<h1>محضر الاجتماع</h1>" in html
    assert '<p class="draft-mark">مشروع محضر — غير مصادق عليه</p>' in html
    assert '@top-center {\n    content: "مسودة — غير مصادق عليها";' in html
    assert "<td><bdi>09:30</bdi></td>" in html
    assert AR_FOOTER in html
    # The consolidated figures of the seed: invited, sent, projects, citizens, operators.
    assert cell_values(html, "value") == ["34", "28", "222", "31", "22"]
    assert "letter-spacing" not in html
    for item in meeting.agenda_items:
        assert f"<li>{isolate(item.title_ar, 'rtl')}</li>" in html
    assert html.count('<tr id="decision-') == len(meeting.decisions)
    assert html.count('<tr id="attendee-') == len(meeting.attendees)
    # A draft carries no signature block.
    assert '<p class="role">' not in html and 'class="signature"' not in html


def test_minutes_html_french(meeting):
    html = minutes_report.minutes_html(meeting, "fr")
    assert html.startswith('<!doctype html>\n<html lang="fr" dir="ltr">')
    assert '<p class="republic">République Algérienne Démocratique et Populaire</p>' in html
    assert '<p class="ministry">Ministère de la Numérisation et des Statistiques</p>' in html
    assert 'Réf. : <bdi dir="ltr">MNS-2021-001</bdi>' in html
    assert "Alger, le <bdi>25 mars 2021</bdi>" in html
    assert "<h1>Procès-verbal de la réunion</h1>" in html
    assert FR_FOOTER in html
    assert "@top-left" in html and "@top-right" in html
    assert cell_values(html, "value") == ["34", "28", "222", "31", "22"]
    assert meeting.title_fr in html


def test_minutes_attendance_grouped_by_department(meeting):
    html = minutes_report.minutes_html(meeting, "fr")
    groups = minutes_report.attendance_groups(meeting)
    keys = [g.department.code if g.department else None for g in groups]
    assert keys[0] is None  # the officials first
    assert len(keys) == len(set(keys))  # one group per department
    assert html.count("<td rowspan=") == len(groups)
    assert "Personnalités et autres participants" in html
    for label in ("Présent", "Représenté", "Excusé"):
        assert f'<td class="nowrap">{label}</td>' in html


def test_margin_boxes_are_placed_by_direction(meeting):
    """Margin boxes are physical: the ministry's name is on the reading side of each language."""
    ar, fr = minutes_report.minutes_html(meeting, "ar"), minutes_report.minutes_html(meeting, "fr")
    assert re.search(r'@top-right \{\s*content: "وزارة الرقمنة والإحصائيات"', ar)
    assert re.search(r'@top-left \{\s*content: "MNS-2021-001"', ar)
    assert re.search(r'@top-left \{\s*content: "Ministère de la Numérisation', fr)
    assert re.search(r'@top-right \{\s*content: "MNS-2021-001"', fr)


def test_rendering_language_does_not_follow_the_request(demo_app, meeting):
    with demo_app.test_request_context("/?lang=fr"), force_locale("fr_DZ"):
        html = minutes_report.minutes_html(meeting, "ar")
        assert str(get_locale()) == "fr_DZ"  # restored afterwards
    assert 'lang="ar" dir="rtl"' in html and "محضر الاجتماع" in html
    with pytest.raises(rendering.UnknownLanguage):
        minutes_report.minutes_html(meeting, "en")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_minutes_pdf(meeting, lang):
    content = minutes_report.render_minutes_pdf(meeting, lang)
    text = pdf_text(content)
    pages = page_count(content)
    assert 2 <= pages <= 8
    assert_page_footers(text, lang, pages)
    assert_noto_fonts(content, arabic=lang == "ar")
    anchors = {
        "ar": [
            "الجمهوريةالجزائريةالديمقراطيةالشعبية",
            "وزارةالرقمنةوالإحصائيات",
            "محضرالاجتماع",
            "MNS-2021-001",
            "الجزائرفي25مارس2021",
            "صفحة1من",
            "مسودة—غيرمصادقعليها",
        ],
        "fr": [
            "RépubliqueAlgérienneDémocratiqueetPopulaire",
            "Procès-verbaldelaréunion",
            "MinistèredelaNumérisationetdesStatistiques",
            "MNS-2021-001",
            "Alger,le25mars2021",
            "Page1sur",
            "PROJET—nonapprouvé",
        ],
    }[lang]
    for anchor in anchors:
        assert anchor in text, anchor
    for figure in ("34", "28", "222", "31", "22"):
        assert figure in text


def test_minutes_text_paragraphs_are_escaped(demo_app, meeting):
    meeting.minutes_fr = "Premier <b>paragraphe</b>\nligne 2\n\n<script>alert(1)</script>"
    html = minutes_report.minutes_html(meeting, "fr")
    assert "<p>Premier &lt;b&gt;paragraphe&lt;/b&gt;\nligne 2</p>" in html
    assert "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" in html
    assert "<script>" not in html


# --- campaign report -------------------------------------------------------------------------


def test_campaign_html(demo_app):
    html = campaign_report.campaign_html(2021, "fr")
    assert "<h1>Rapport sur la campagne 2021</h1>" in html
    assert 'Réf. : <bdi dir="ltr">RPT-2021</bdi>' in html
    assert FR_FOOTER in html
    assert cell_values(html, "value") == ["34", "28", "222", "31", "22"]
    summary = re.search(r'<p class="summary">([^<]*)</p>', html).group(1)
    for figure in ("28", "222", "31", "22"):
        assert figure in summary
    # One row per invited department, with its projects by target; no row per project (the
    # per-project list is the project list's spreadsheet, which the report names).
    assert html.count('<tr id="department-') == 34
    sent_projects = db.session.scalars(
        db.select(Project).join(Plan).where(Plan.status.in_(SENT_STATUSES))
    ).all()
    assert len(sent_projects) == 222
    assert '<tr id="project-' not in html
    assert "« Excel »" in html
    for project in sent_projects:
        assert project.reference not in html
    mf = plan_sheet.find_plan(2021, "MF")
    row = html.split('<tr id="department-MF">')[1].split("</tr>")[0]
    cells = re.findall(r'<td class="num">([^<]*)</td>', row)
    citizens = sum(1 for p in mf.projects if p.target and p.target.value == "citizens")
    assert cells[:2] == [str(len(mf.projects)), str(citizens)]
    # The dashboard's charts: a donut of the targets and four bar charts (data tables).
    assert html.count('<figure class="chart chart-donut"') == 1
    assert html.count('<table class="data chart chart-bar"') == 4


def test_campaign_html_arabic(demo_app):
    html = campaign_report.campaign_html(2021, "ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1>تقرير حول حملة سنة 2021</h1>" in html
    assert AR_FOOTER in html
    # Bars grow from the right in Arabic (150 wide boxes).
    bars = re.findall(r'<rect class="chart-bar-value" x="([\d.]+)" y="0" width="([\d.]+)"', html)
    assert bars and all(abs(float(x) + float(w) - 150) < 0.1 for x, w in bars)


def test_unknown_campaign(demo_app):
    with pytest.raises(rendering.NotFound):
        campaign_report.campaign_html(1999, "ar")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_campaign_pdf(demo_app, lang):
    content = campaign_report.render_campaign_pdf(2021, lang)
    text = pdf_text(content)
    pages = page_count(content)
    assert 3 <= pages <= 8  # a summary by department, not a row per project
    assert_page_footers(text, lang, pages)
    assert_noto_fonts(content, arabic=lang == "ar")
    assert "2021-MF-001" not in text
    assert ("تقريرحولحملةسنة2021" if lang == "ar" else "Rapportsurlacampagne2021") in text


# --- plan sheet ------------------------------------------------------------------------------


def test_plan_html(demo_app, mf_plan):
    html = plan_sheet.plan_html(mf_plan, "fr")
    assert "<h1>Plan d&#39;action sectoriel de numérisation</h1>" in html
    assert 'Réf. : <bdi dir="ltr">PLAN-2021-MF</bdi>' in html
    projects = mf_plan.projects
    assert projects
    assert html.count('<section class="project"') == len(projects)
    for project in projects:
        assert f'<h3><bdi dir="ltr">{project.reference}</bdi> — ' in html
    assert html.count('<tr id="event-') == len(mf_plan.events) > 0
    assert FR_FOOTER in html


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_plan_pdf(demo_app, mf_plan, lang):
    content = plan_sheet.render_plan_pdf(mf_plan, lang)
    text = pdf_text(content)
    pages = page_count(content)
    assert_page_footers(text, lang, pages)
    assert_noto_fonts(content, arabic=lang == "ar")
    for project in mf_plan.projects:
        assert project.reference in text
    assert normalise(mf_plan.department.name_ar if lang == "ar" else "Ministère") in text


def test_amounts_and_references_are_bidi_isolated(demo_app, mf_plan):
    html = plan_sheet.plan_html(mf_plan, "ar")
    budget = next(p.budget_dzd for p in mf_plan.projects if p.budget_dzd)
    grouped = f"{budget:,}".replace(",", "\u202f")
    assert f"<bdi>{grouped}\u202fدج</bdi>" in html
    assert '<bdi dir="ltr">PLAN-2021-MF</bdi>' in html
