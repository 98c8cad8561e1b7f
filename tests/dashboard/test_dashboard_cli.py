"""`flask stats`: JSON of the contract, readable text in Arabic and French, clear errors."""

import json
import re

from digiweb.dashboard.services import consolidated_stats, stats_json
from tests.dashboard.test_dashboard_summary import SEED_AR, SEED_FR


def run(demo_app, *args):
    return demo_app.test_cli_runner().invoke(args=["stats", *args])


def test_json(demo_app):
    result = run(demo_app, "--year", "2021", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data == stats_json(consolidated_stats(2021))
    assert (data["departments_invited"], data["departments_submitted"], data["projects"]) == (
        34,
        28,
        222,
    )
    assert data["by_target"]["citizens"] == 31
    assert data["by_target"]["economic_operators"] == 22


def test_text_in_arabic_by_default(demo_app):
    result = run(demo_app, "--year", "2021", "--format", "text")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert SEED_AR in lines
    assert re.search(r"الدوائر الوزارية المدعوة\s+34\n", result.output)
    assert "المشاريع حسب الفئة المستهدفة" in lines
    assert any(line.strip().startswith("MF ") and "وزارة المالية" in line for line in lines)


def test_text_in_french(demo_app):
    result = run(demo_app, "--year", "2021", "--format", "text", "--lang", "fr")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Chiffres consolidés de la campagne 2021"
    assert SEED_FR in lines
    assert "Projets par cible" in lines
    assert any(
        "Rapprocher l'administration du citoyen" in line and line.endswith(" 31") for line in lines
    )
    assert any(
        line.strip().startswith("MF ") and "Ministère des Finances" in line for line in lines
    )


def test_unknown_year_is_a_clear_error(demo_app):
    result = run(demo_app, "--year", "1999", "--format", "json", "--lang", "fr")
    assert result.exit_code != 0
    assert "Aucune campagne pour l'année 1999" in result.output
    assert "2021" in result.output
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, LookupError)


def test_bad_options_are_usage_errors(demo_app):
    assert run(demo_app, "--year", "abc").exit_code == 2
    assert run(demo_app, "--year", "2021", "--format", "xml").exit_code == 2
    assert run(demo_app, "--year", "2021", "--lang", "en").exit_code == 2
    assert run(demo_app).exit_code == 2
