"""`flask report minutes|campaign|plan` (the contract)."""

import pytest

from tests.reports.conftest import assert_noto_fonts, page_count, pdf_text


@pytest.fixture
def demo_runner(demo_app):
    return demo_app.test_cli_runner()


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_writes_the_three_documents(demo_runner, tmp_path, lang):
    commands = {
        "minutes": ["report", "minutes", "MNS-2021-001"],
        "campaign": ["report", "campaign", "2021"],
        "plan": ["report", "plan", "2021", "mf"],
    }
    for name, args in commands.items():
        output = tmp_path / f"{name}-{lang}.pdf"
        result = demo_runner.invoke(args=[*args, "--lang", lang, "-o", str(output)])
        assert result.exit_code == 0, result.output
        content = output.read_bytes()
        assert content.startswith(b"%PDF-")
        assert page_count(content) >= 1
        assert_noto_fonts(content, arabic=lang == "ar")
        text = pdf_text(content)
        assert ("صفحة1من" if lang == "ar" else "Page1sur") in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["minutes", "MNS-1999-001"], "no meeting with the reference MNS-1999-001"),
        (["campaign", "1999"], "no campaign for the year 1999"),
        (["plan", "2021", "XX"], "no plan of the department XX for 2021"),
        (["plan", "1999", "MF"], "no plan of the department MF for 1999"),
    ],
)
def test_unknown_records_fail_cleanly(demo_runner, tmp_path, args, message):
    output = tmp_path / "out.pdf"
    result = demo_runner.invoke(args=["report", *args, "--lang", "fr", "-o", str(output)])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not output.exists()


def test_bad_options_fail_cleanly(demo_runner, tmp_path):
    output = str(tmp_path / "out.pdf")
    result = demo_runner.invoke(args=["report", "campaign", "2021", "--lang", "en", "-o", output])
    assert result.exit_code == 2 and "Traceback" not in result.output
    result = demo_runner.invoke(args=["report", "campaign", "twenty", "-o", output])
    assert result.exit_code == 2 and "Traceback" not in result.output
    result = demo_runner.invoke(args=["report", "campaign", "2021"])
    assert result.exit_code == 2 and "-o" in result.output


def test_unwritable_output_fails_cleanly(demo_runner, tmp_path):
    output = tmp_path / "missing-folder" / "out.pdf"
    result = demo_runner.invoke(
        args=["report", "minutes", "MNS-2021-001", "--lang", "ar", "-o", str(output)]
    )
    assert result.exit_code == 1
    assert "cannot write" in result.output and "Traceback" not in result.output
