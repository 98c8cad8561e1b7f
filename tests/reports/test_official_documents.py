"""Official documents a ministry can sign: figures of the meeting, drafts marked on every page,
searchable and tagged Arabic, the seal and its verification, names in both scripts, bidi
safety, dates in words, and the links to every document."""

import hashlib
import re
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digiweb.auth.models import User
from digiweb.extensions import db
from digiweb.i18n import clean_text, fmt_date_long, isolate
from digiweb.meetings.models import MeetingDocument
from digiweb.plans.models import Plan, PlanEvent, PlanEventKind, PlanStatus, Project
from digiweb.reports import campaign_report, minutes_report, plan_sheet, signing
from digiweb.reports.cli import BAD_SIGNATURE, CHANGED, UNKNOWN
from tests.reports.conftest import NOTO_FONTS, normalise, page_count, pdf_fonts

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
MINUTES = "/meetings/MNS-2021-001/minutes.pdf"


def words(content: bytes, page: int | None = None) -> str:
    """pdftotext's text without bidi marks, spaces kept (words compared as words)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *pages, "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    )
    return " ".join(BIDI_MARKS.sub("", result.stdout.decode("utf-8")).split())


def pdfinfo(content: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        return subprocess.run(
            ["pdfinfo", handle.name], capture_output=True, check=True
        ).stdout.decode()


def figure_values(html: str) -> list[str]:
    table = html.split('<table class="figures">')[1].split("</table>")[0]
    return re.findall(r'<span class="value">([^<]*)</span>', table)


def send_another_plan() -> Plan:
    """A department that had not sent its plan sends it now, after the meeting."""
    plan = db.session.scalar(
        db.select(Plan)
        .join(Project, Project.plan_id == Plan.id)
        .where(Plan.status.not_in((PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.APPROVED)))
        .order_by(Plan.id)
        .limit(1)
    )
    now = datetime.now(UTC)
    plan.status, plan.submitted_at = PlanStatus.SUBMITTED, now
    db.session.add(PlanEvent(plan=plan, kind=PlanEventKind.SUBMITTED, created_at=now))
    db.session.commit()
    return plan


def approve_for_real(reference: str = "MNS-2021-001"):
    from digiweb.meetings.services import approve_minutes

    meeting = minutes_report.find_meeting(reference)
    reviewer = db.session.scalar(db.select(User).where(User.username == "reviewer"))
    approve_minutes(meeting, meeting.version, reviewer)
    db.session.commit()
    return meeting


def archived(lang: str) -> MeetingDocument:
    return db.session.scalar(db.select(MeetingDocument).where(MeetingDocument.language == lang))


# --- 1. the figures of the meeting ----------------------------------------------------------


def test_minutes_figures_stay_put_after_a_later_plan_is_sent(demo_app):
    meeting = minutes_report.find_meeting("MNS-2021-001")
    assert figure_values(minutes_report.minutes_html(meeting, "fr")) == [
        "34",
        "28",
        "222",
        "31",
        "22",
    ]
    send_another_plan()
    send_another_plan()
    meeting = minutes_report.find_meeting("MNS-2021-001")
    for lang in ("ar", "fr"):
        html = minutes_report.minutes_html(meeting, lang)
        assert figure_values(html) == ["34", "28", "222", "31", "22"]
    assert "Chiffres à la date de la réunion (25 mars 2021, 09:30)" in minutes_report.minutes_html(
        meeting, "fr"
    )
    # The campaign report is live: it counts them.
    assert figure_values(campaign_report.campaign_html(2021, "fr"))[1] == "30"
    # And the approved minutes keep the meeting's figures too.
    approve_for_real()
    assert "28" in words(archived("fr").pdf) and "222" in words(archived("fr").pdf)


# --- 2. drafts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "mark"), [("ar", "مسودة — غير مصادق عليها"), ("fr", "PROJET — non approuvé")]
)
def test_every_page_of_a_draft_carries_the_mark(demo_app, lang, mark):
    meeting = minutes_report.find_meeting("MNS-2021-001")
    content = minutes_report.render_minutes_pdf(meeting, lang)
    pages = page_count(content)
    assert pages >= 3
    for page in range(1, pages + 1):
        assert normalise(mark) in normalise(words(content, page)), f"page {page}"
    assert (
        minutes_report.minutes_filename(meeting, lang) == f"minutes-MNS-2021-001-{lang}-draft.pdf"
    )
    assert f"Title: {mark}" in " ".join(pdfinfo(content).split())
    # No signature block on a draft.
    assert "رئيس الجلسة" not in words(content) and "Le président de séance" not in words(content)


def test_a_plan_not_approved_is_a_draft_on_every_page(demo_app):
    plan = db.session.scalar(
        db.select(Plan).where(Plan.status == PlanStatus.SUBMITTED).order_by(Plan.id).limit(1)
    )
    content = plan_sheet.render_plan_pdf(plan, "fr")
    for page in range(1, page_count(content) + 1):
        assert "PROJET — non approuvé" in words(content, page)
    assert plan_sheet.plan_filename(plan, "fr").endswith("-fr-draft.pdf")
    approved = db.session.scalar(db.select(Plan).where(Plan.status == PlanStatus.APPROVED).limit(1))
    assert "PROJET" not in words(plan_sheet.render_plan_pdf(approved, "fr"))
    assert plan_sheet.plan_filename(approved, "fr").endswith("-fr.pdf")


# --- 5. searchable, tagged ------------------------------------------------------------------


def test_arabic_words_extract_word_for_word(demo_app):
    meeting = minutes_report.find_meeting("MNS-2021-001")
    minutes = words(minutes_report.render_minutes_pdf(meeting, "ar"))
    for sentence in (
        "الجمهورية الجزائرية الديمقراطية الشعبية",
        "الدوائر الوزارية",
        "وزارة الرقمنة والإحصائيات",
        "الإلكترونية",
        "مشاريع",
    ):
        assert sentence in minutes, sentence
    assert "الإللكتروني" not in minutes
    campaign = words(campaign_report.render_campaign_pdf(2021, "ar"))
    assert "الجمهورية الجزائرية الديمقراطية الشعبية" in campaign
    assert "المخططات" in campaign
    plan = words(plan_sheet.render_plan_pdf(plan_sheet.find_plan(2021, "MF"), "ar"))
    assert "مشاريع" in plan or "المشاريع" in plan


def test_every_pdf_is_tagged_with_the_shipped_fonts(demo_app):
    meeting = minutes_report.find_meeting("MNS-2021-001")
    for content in (
        minutes_report.render_minutes_pdf(meeting, "ar"),
        campaign_report.render_campaign_pdf(2021, "fr"),
        plan_sheet.render_plan_pdf(plan_sheet.find_plan(2021, "MF"), "ar"),
    ):
        assert "Tagged: yes" in " ".join(pdfinfo(content).split())
        assert set(pdf_fonts(content)) <= NOTO_FONTS


# --- 3 and 4. the seal and its verification --------------------------------------------------


def test_approval_seals_both_languages_and_prints_the_verification_line(demo_app):
    meeting = approve_for_real()
    for lang in ("ar", "fr"):
        document = archived(lang)
        assert document.sha256 == hashlib.sha256(document.pdf).hexdigest()
        assert re.fullmatch(r"[0-9a-f]{32}", document.verification_code)
        seal = signing.check(document.pdf)
        assert seal.ok, seal.reason
        assert "DEMO" in seal.signer  # no certificate configured: the demo one, named so
        text = words(document.pdf)
        assert f"/verify/{document.verification_code}" in text
        assert "Tagged: yes" in " ".join(pdfinfo(document.pdf).split())
    fr = words(archived("fr").pdf)
    assert "Procès-verbal approuvé le" in fr and meeting.minutes_approved_by.full_name in fr
    assert "Le président de séance" in fr and "PROJET" not in fr


@pytest.fixture
def verify(demo_app, tmp_path):
    runner = demo_app.test_cli_runner()

    def run(content: bytes, lang: str = "fr"):
        path = tmp_path / "document.pdf"
        path.write_bytes(content)
        return runner.invoke(args=["report", "verify", str(path), "--lang", lang])

    return run


def test_report_verify_accepts_the_archived_file(verify):
    approve_for_real()
    result = verify(archived("fr").pdf)
    assert result.exit_code == 0, result.output
    assert "Référence: MNS-2021-001" in result.output
    assert "Langue: Français" in result.output
    assert "Approuvé par:" in result.output
    result = verify(archived("ar").pdf, lang="ar")
    assert result.exit_code == 0 and "MNS-2021-001" in result.output


def test_one_changed_byte_fails_verification(verify):
    approve_for_real()
    content = bytearray(archived("fr").pdf)
    content[len(content) // 3] ^= 0x01
    result = verify(bytes(content))
    assert result.exit_code == CHANGED
    assert "changed" in result.output and "1 byte(s)" in result.output


def test_an_unknown_file_fails_verification(demo_app, verify):
    draft = minutes_report.render_minutes_pdf(minutes_report.find_meeting("MNS-2021-001"), "fr")
    result = verify(draft)
    assert result.exit_code == UNKNOWN
    assert "unknown" in result.output and "no signature" in result.output
    assert verify(b"not a pdf at all").exit_code == UNKNOWN


def test_a_signature_by_another_certificate_fails_verification(demo_app, verify, tmp_path):
    approve_for_real()
    other = tmp_path / "other.p12"
    signing.create_demo_certificate(other, "somebody else")
    demo_app.config["SIGNING_PKCS12"] = str(other)
    try:
        result = verify(archived("fr").pdf)
    finally:
        demo_app.config["SIGNING_PKCS12"] = ""
    assert result.exit_code == BAD_SIGNATURE
    assert "bad signature" in result.output


def test_the_verification_page_is_public_and_shows_only_the_first_page_facts(demo_app):
    approve_for_real()
    client = demo_app.test_client()  # nobody logged in
    document = archived("ar")
    for fingerprint in (document.sha256, document.verification_code):
        page = client.get(f"/verify/{fingerprint}?lang=fr")
        assert page.status_code == 200
        html = page.get_data(as_text=True)
        assert "MNS-2021-001" in html and "Arabe" in html and "Approuvé par" in html
        assert "Séance de travail" not in html  # nothing the first page does not show
    assert client.get(f"/verify/{document.sha256.upper()}").status_code == 200
    for unknown in ("0" * 64, "0" * 32, "not-a-fingerprint"):
        page = client.get(f"/verify/{unknown}?lang=fr")
        assert page.status_code == 404
        assert "Aucun document approuvé du ministère" in page.get_data(as_text=True)


def test_an_unknown_fingerprint_gets_a_404_page_in_the_users_language(demo_app):
    page = demo_app.test_client().get(f"/verify/{'0' * 64}")  # Arabic, the default
    assert page.status_code == 404
    assert "لا توجد وثيقة مصادق عليها" in page.get_data(as_text=True)


# --- 6, 7 and 8: bidi, dates, names -----------------------------------------------------------


def test_isolate_keeps_references_numbers_and_latin_words_in_order():
    html = isolate("قرار 2021-MF-007 بتاريخ 25 مارس 2021 حول Ministère de la Justice", "rtl")
    assert '<bdi dir="ltr">2021-MF-007</bdi>' in html
    assert '<bdi dir="ltr">Ministère de la Justice</bdi>' in html
    assert '<bdi dir="ltr">25</bdi> مارس <bdi dir="ltr">2021</bdi>' in html
    assert isolate("<b>x</b>", "ltr") == "&lt;b&gt;x&lt;/b&gt;"
    assert (
        isolate("Le plan الدوائر الوزارية", "ltr")
        == 'Le plan <bdi dir="rtl">الدوائر الوزارية</bdi>'
    )
    # A stored override is not honoured.
    assert "\u202e" not in isolate("1202/60/03\u202e", "rtl")


def test_clean_text_removes_bidi_controls_and_normalises():
    assert clean_text("\u202e1202/60/03\u202c") == "1202/60/03"
    assert clean_text("a\u2066b\u2069\u200fc\u200e") == "abc"
    assert clean_text("e\u0301") == "é"
    assert clean_text("ligne 1\r\nligne 2") == "ligne 1 ligne 2"
    assert clean_text("ligne 1\r\nligne 2", multiline=True) == "ligne 1\nligne 2"
    assert clean_text(None) is None and clean_text(3) == 3


def test_forms_clean_what_users_type(demo_app):
    from digiweb.meetings.forms import DecisionForm, MinutesForm

    with demo_app.test_request_context(
        method="POST",
        data={"minutes_ar": "أ\u202e1202/60/03\r\nب", "minutes_fr": "x", "text_ar": "\u202bق"},
    ):
        form = MinutesForm(meta={"csrf": False})
        assert form.minutes_ar.data == "أ1202/60/03\nب"
        assert DecisionForm(meta={"csrf": False}).text_ar.data == "ق"


def test_references_typed_in_arabic_text_keep_their_order_in_the_pdf(demo_app):
    meeting = minutes_report.find_meeting("MNS-2021-001")
    meeting.decisions[0].text_ar = "متابعة المشروع 2021-MF-007 قبل 30/06/2021"
    db.session.commit()
    html = minutes_report.minutes_html(meeting, "ar")
    assert '<bdi dir="ltr">2021-MF-007</bdi>' in html
    text = words(minutes_report.render_minutes_pdf(meeting, "ar"))
    assert "2021-MF-007" in text and "30/06/2021" in text
    assert "MF-007-2021" not in text


def test_dates_in_words_with_the_algerian_month_names(demo_app):
    from datetime import date

    from digiweb.reports.rendering import rendering_language

    months = []
    with rendering_language("ar"):
        for month in range(1, 13):
            months.append(fmt_date_long(date(2021, month, 25)).split()[1])
        assert fmt_date_long(date(2021, 3, 25)) == "25 مارس 2021"
    assert months == [
        "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان",
        "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    ]  # fmt: skip
    with rendering_language("fr"):
        assert fmt_date_long(date(2021, 3, 25)) == "25 mars 2021"


def test_arabic_minutes_print_arabic_names(demo_app):
    meeting = minutes_report.find_meeting("MNS-2021-001")
    ar, fr = minutes_report.minutes_html(meeting, "ar"), minutes_report.minutes_html(meeting, "fr")
    assert "حسين شرحبيل" in ar and "Hocine Cherhabil" not in ar
    assert "Hocine Cherhabil" in fr
    assert all(a.name_ar for a in meeting.attendees)


def test_the_approver_is_named_in_the_documents_language(demo_app):
    meeting = approve_for_real()
    reviewer = meeting.minutes_approved_by
    assert (reviewer.full_name, reviewer.full_name_ar) == ("Samia Haddad", "سامية حداد")
    # The archived PDFs: pdftotext splits Arabic words, compared without spaces.
    ar, fr = normalise(words(archived("ar").pdf)), words(archived("fr").pdf)
    assert normalise("سامية حداد") in ar and "Samia Haddad" not in ar
    assert "Samia Haddad" in fr and "سامية" not in fr
    # The verification page says the name the document prints, whatever the page's language.
    client = demo_app.test_client()
    for lang, name, other in (("ar", "سامية حداد", "Samia"), ("fr", "Samia Haddad", "سامية")):
        html = client.get(f"/verify/{archived(lang).verification_code}?lang=fr").get_data(True)
        assert name in html and other not in html
    # Without an Arabic name the Arabic documents print the full name.
    reviewer.full_name_ar = ""
    assert reviewer.name_in("ar") == reviewer.name_in("fr") == "Samia Haddad"
    db.session.rollback()


def test_the_plan_sheet_names_its_approver_in_the_documents_language(demo_app):
    plan = db.session.scalar(
        db.select(Plan).where(Plan.approved_by_id.is_not(None)).order_by(Plan.id).limit(1)
    )
    approver = db.session.get(User, plan.approved_by_id)
    assert approver.full_name_ar
    assert approver.full_name_ar in plan_sheet.plan_html(plan, "ar")
    fr = plan_sheet.plan_html(plan, "fr")
    assert approver.full_name in fr and approver.full_name_ar not in fr


# --- 10. every document is linked where users expect it ---------------------------------------


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_meeting_page_links_the_draft_and_approved_minutes(demo_app, as_user, lang):
    client = as_user("reviewer", lang=lang)
    page = client.get("/meetings/MNS-2021-001").get_data(as_text=True)
    for doc_lang in ("ar", "fr"):
        assert f'id="minutes-pdf-{doc_lang}" href="{MINUTES}?lang={doc_lang}"' in page
    assert ("مسودة المحضر بالعربية" if lang == "ar" else "Projet de procès-verbal en arabe") in page
    approve_for_real()
    page = client.get("/meetings/MNS-2021-001").get_data(as_text=True)
    assert ("المحضر المصادق عليه بالفرنسية" if lang == "ar" else "approuvé en français") in page
    assert f'href="/verify/{archived("ar").sha256}"' in page


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_campaign_page_and_dashboard_link_the_campaign_report(demo_app, as_user, lang):
    from digiweb.campaigns.models import Campaign

    client = as_user("viewer", lang=lang)
    campaign = db.session.scalar(db.select(Campaign).where(Campaign.year == 2021))
    for url in (f"/campaigns/{campaign.id}", "/dashboard?year=2021"):
        page = client.get(url).get_data(as_text=True)
        for doc_lang in ("ar", "fr"):
            assert f'href="/reports/campaign/2021.pdf?lang={doc_lang}"' in page, url
        assert ("تقرير الحملة" if lang == "ar" else "Rapport de campagne") in page


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_plan_page_and_review_board_link_the_sheet_and_the_spreadsheet(demo_app, as_user, lang):
    plan = plan_sheet.find_plan(2021, "MF")
    page = as_user("officer-mf", lang=lang).get(f"/plans/{plan.id}").get_data(as_text=True)
    for doc_lang in ("ar", "fr"):
        assert f'href="/plans/{plan.id}/sheet.pdf?lang={doc_lang}"' in page
    assert f'href="/plans/{plan.id}/spreadsheet"' in page
    board = as_user("reviewer", lang=lang).get("/plans?year=2021").get_data(as_text=True)
    assert f'id="sheet-MF-{lang}" href="/plans/{plan.id}/sheet.pdf?lang={lang}"' in board
    assert f'id="spreadsheet-MF" href="/plans/{plan.id}/spreadsheet.xlsx"' in board
    assert ("البطاقة (PDF" if lang == "ar" else "Fiche (PDF") in board


def test_the_demo_certificate_is_created_once_under_its_folder(demo_app, tmp_path):
    demo_app.config["SIGNING_DEMO_DIR"] = str(tmp_path / "signing")
    try:
        with demo_app.app_context():
            path, _passphrase, demo = signing.certificate_source()
            assert demo and path == Path(tmp_path / "signing" / signing.DEMO_FILE)
            assert path.stat().st_mode & 0o077 == 0
            first = path.read_bytes()
            signing.certificate_source()
            assert path.read_bytes() == first
            assert "DEMO" in signing.signer_name()
    finally:
        demo_app.config["SIGNING_DEMO_DIR"] = None


def test_sealing_and_checking_work_inside_a_running_event_loop(demo_app):
    """pyHanko's synchronous calls use asyncio.run: inside a running loop (an async worker, or a
    Playwright session earlier in the same test process) they refused to start, and approving
    minutes answered 500. Sealed and checked from a coroutine, run by a thread of its own (this
    process may already run Playwright's loop in the main thread), with the app's context."""
    import asyncio
    import contextvars
    from concurrent.futures import ThreadPoolExecutor

    content = minutes_report.render_minutes_pdf(minutes_report.find_meeting("MNS-2021-001"), "fr")

    async def seal_and_check():
        asyncio.get_running_loop()  # a loop runs here, as in an async worker
        sealed = signing.sign(content, reason="test", location="Alger")
        return sealed, signing.check(sealed)

    context = contextvars.copy_context()
    with ThreadPoolExecutor(max_workers=1) as pool:
        sealed, seal = pool.submit(context.run, lambda: asyncio.run(seal_and_check())).result()
    assert sealed.startswith(content)  # an incremental update: the first revision untouched
    assert seal.ok, seal.reason
