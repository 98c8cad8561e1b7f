"""The campaign report's short section on digital maturity and ratings (issue 16)."""

import re

import pytest

from digiweb.dashboard.maturity import maturity_figures
from digiweb.reports import campaign_report
from digiweb.review.ratings import ratings_matrix


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("fr", "Maturité numérique des démarches"), ("ar", "مستوى رقمنة الإجراءات")],
)
def test_the_campaign_report_has_the_maturity_section(demo_app, lang, heading):
    html = campaign_report.campaign_html(2021, lang)
    figures = maturity_figures(2021)
    matrix = ratings_matrix(2021)
    assert f'<h2 id="maturity">{heading}</h2>' in html
    for level in range(5):
        row = re.search(rf'<tr id="maturity-level-{level}">(.*?)</tr>', html, re.S).group(1)
        cells = re.findall(r'<td class="num">([^<]*)</td>', row)
        counts = figures["levels"][level]
        assert [c.replace("\u202f", "") for c in cells] == [
            str(counts.get("now", 0)),
            str(counts.get("target", 0)),
        ]
    summary = re.search(r'<p class="small" id="ratings-summary">([^<]*)</p>', html).group(1)
    for number in (matrix["both"], matrix["agree"], matrix["stricter"]):
        assert str(number) in summary
    assert str(figures["given"]) in html


@pytest.mark.parametrize(
    ("lang", "caption", "green"),
    [
        ("fr", "Lignes : l'auto-évaluation du département", "Vert : conforme au plan"),
        ("ar", "الأسطر: التقييم الذاتي للدائرة الوزارية", "أخضر: يسير وفق المخطط"),
    ],
)
def test_the_campaign_report_prints_the_ratings_matrix(demo_app, lang, caption, green):
    """The matrix itself, not only its summary: one cell per (self-rating, ministry's rating),
    the same counts as the dashboard's, the disagreements marked; and in the PDF's text."""
    from tests.reports.conftest import pdf_text

    html = campaign_report.campaign_html(2021, lang)
    matrix = ratings_matrix(2021)
    table = re.search(
        r'<table class="ratings-matrix" id="ratings-matrix">(.*?)</table>', html, re.S
    )
    assert table is not None
    assert caption in table.group(1).replace("&#39;", "'")
    assert green in table.group(1)
    disagreeing = 0
    for (own, ministry), count in matrix["cells"].items():
        cell = re.search(
            rf'<td class="num( ratings-disagree)?" id="ratings-{own}-{ministry}">([^<]*)</td>',
            table.group(1),
        )
        assert cell is not None, (own, ministry)
        if (own, ministry) != ("none", "none"):
            assert cell.group(2).replace("\u202f", "") == str(count)
        marked = bool(cell.group(1))
        assert marked == (own != ministry and "none" not in (own, ministry) and count > 0)
        disagreeing += count if marked else 0
    assert disagreeing == matrix["stricter"] + matrix["lenient"] > 0
    text = pdf_text(campaign_report.render_campaign_pdf(2021, lang))
    assert re.sub(r"\s", "", green) in text
