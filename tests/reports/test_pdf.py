"""The WeasyPrint wrapper: the shipped font only, the app's static files only, PDF/A metadata."""

import io

import pytest
from pypdf import PdfReader

from digiweb.reports import pdf
from tests.reports.conftest import page_count, pdf_fonts, pdf_metadata, pdf_text

HTML = """<!doctype html><html lang="{lang}" dir="{dir}"><head><meta charset="utf-8">
<title>{title}</title>
<meta name="author" content="Ministère de la Numérisation et des Statistiques">
</head><body><p>{body}</p></body></html>"""


def page(body: str, lang: str = "fr", title: str = "Essai") -> str:
    return HTML.format(lang=lang, dir="rtl" if lang == "ar" else "ltr", title=title, body=body)


@pytest.mark.parametrize(
    "url",
    [
        "https://digiweb.invalid/static/fonts/NotoNaskhArabic-Regular.ttf",
        "https://digiweb.invalid/static/fonts/NotoSerif-Bold.ttf",
        "https://digiweb.invalid/static/css/app.css",
    ],
)
def test_static_files_are_served(url):
    path = pdf.static_path(url)
    assert path is not None and path.is_file()
    assert path.is_relative_to(pdf.STATIC_DIR)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        (pdf.STATIC_DIR / "css" / "app.css").as_uri(),  # a real static file, but by file://
        "http://example.com/x.css",
        "https://example.com/static/fonts/Amiri-Regular.ttf",
        "http://digiweb.invalid/static/fonts/Amiri-Regular.ttf",
        "https://digiweb.invalid.example.com/static/css/app.css",
        "https://digiweb.invalid/static/../../config.py",
        "https://digiweb.invalid/static/%2e%2e/%2e%2e/config.py",
        "https://digiweb.invalid/static/..%2f..%2fconfig.py",
        "https://digiweb.invalid/static/",
        "https://digiweb.invalid/static/fonts/missing.ttf",
        "https://digiweb.invalid/config.py",
        "data:text/css,body{color:red}",
        "ftp://digiweb.invalid/static/css/app.css",
    ],
)
def test_everything_else_is_refused(url):
    assert pdf.static_path(url) is None
    fetcher = pdf.StaticFilesFetcher()
    with pytest.raises(pdf.RefusedURL):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_only_the_shipped_font_is_embedded_for_arabic_and_latin(fetchers):
    content = pdf.html_to_pdf(
        page("الجمهورية الجزائرية <b>الديمقراطية</b> الشعبية — République 1\u202f250\u202f000 DA")
    )
    assert content.startswith(b"%PDF-")
    assert sorted(pdf_fonts(content)) == [
        "Noto-Naskh-Arabic",
        "Noto-Naskh-Arabic-Bold",
        "Noto-Serif",
    ]
    assert sorted(fetchers[0].served) == [
        "https://digiweb.invalid/static/fonts/NotoNaskhArabic-Bold.ttf",
        "https://digiweb.invalid/static/fonts/NotoNaskhArabic-Regular.ttf",
        "https://digiweb.invalid/static/fonts/NotoSerif-Bold.ttf",
        "https://digiweb.invalid/static/fonts/NotoSerif-Regular.ttf",
    ]
    assert fetchers[0].refused == []


def test_output_is_deterministic():
    html = page("Procès-verbal")
    assert pdf.html_to_pdf(html) == pdf.html_to_pdf(html)
    assert pdf.html_to_pdf(html, archive=True) == pdf.html_to_pdf(html, archive=True)


def test_metadata_title_author_language():
    content = pdf.html_to_pdf(page("نص", lang="ar", title="محضر الاجتماع"), archive=True)
    info, xmp = pdf_metadata(content)
    assert info["/Title"] == "محضر الاجتماع"
    assert info["/Author"] == "Ministère de la Numérisation et des Statistiques"
    assert info["/Lang"] == "ar"
    # PDF/A-3u: declared in the XMP metadata, with an output intent; tagged.
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="U"' in xmp
    assert PdfReader(io.BytesIO(content)).trailer["/Root"]["/MarkInfo"]["/Marked"]
    catalog = PdfReader(io.BytesIO(content)).trailer["/Root"]
    assert "/OutputIntents" in catalog


def test_a_plain_document_is_not_declared_pdfa_but_pdfua():
    content = pdf.html_to_pdf(page("Rapport"))
    _info, xmp = pdf_metadata(content)
    assert "pdfaid" not in xmp
    assert 'pdfuaid:part="1"' in xmp or "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert PdfReader(io.BytesIO(content)).trailer["/Root"]["/MarkInfo"]["/Marked"]


@pytest.mark.weasyprint_warnings_expected
def test_local_files_and_outside_urls_never_reach_the_pdf(fetchers, weasyprint_warnings):
    """Raw markup (which the templates never let through: they escape user text) asking for a
    local file and an outside stylesheet: the fetcher refuses both and nothing leaks."""
    html = page(
        '<img src="file:///etc/passwd" alt="">'
        '<link rel="stylesheet" href="http://example.com/x.css">'
        '<img src="/static/../../../../etc/passwd" alt="">'
        '<object data="file:///etc/passwd"></object>Texte'
    )
    content = pdf.html_to_pdf(html)
    refused = fetchers[0].refused
    assert "file:///etc/passwd" in refused
    assert "http://example.com/x.css" in refused
    assert all("passwd" not in url for url in fetchers[0].served)
    text = pdf_text(content)
    assert "Texte" in text
    assert "root:" not in text and "/bin/" not in text
    assert page_count(content) == 1
    # WeasyPrint reports what it could not load; nothing else went wrong.
    assert weasyprint_warnings
    assert all("load" in r.getMessage().lower() for r in weasyprint_warnings)


def test_css_strings_are_escaped():
    from digiweb.reports.rendering import css_string

    assert css_string('a"b\\c\nd') == '"a\\"b\\\\c d"'


def test_page_counter_follows_the_translation(app):
    from flask_babel import force_locale

    from digiweb.reports.rendering import page_counter_css

    with force_locale("ar_DZ"):
        assert page_counter_css() == '"صفحة " counter(page) " من " counter(pages)'
    with force_locale("fr_DZ"):
        assert page_counter_css() == '"Page " counter(page) " sur " counter(pages)'
