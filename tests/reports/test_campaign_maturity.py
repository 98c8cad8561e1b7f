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
