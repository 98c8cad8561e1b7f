"""Both catalogs are complete: every string of the sources is translated in ar and fr."""

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]


def _catalog(path: Path, locale=None):
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def _extracted(tmp_path):
    pot = tmp_path / "messages.pot"
    command = [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg"]
    command += ["-k", "_l", "-k", "lazy_gettext", "-o", str(pot), "digiweb"]
    result = subprocess.run(command, cwd=ROOT, check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    return _catalog(pot)


def test_every_source_string_is_translated_in_both_languages(tmp_path):
    template = _extracted(tmp_path)
    problems = []
    for lang in ("ar", "fr"):
        catalog = _catalog(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", lang)
        for message in template:
            if not message.id:
                continue
            translated = catalog.get(message.id)
            strings = (
                ()
                if translated is None
                else (
                    translated.string
                    if isinstance(translated.string, tuple)
                    else (translated.string,)
                )
            )
            if translated is None or translated.fuzzy or not strings or not all(strings):
                key = message.id[0] if isinstance(message.id, tuple) else message.id
                problems.append(f"{lang}: {key}")
    assert not problems, "untranslated:\n" + "\n".join(problems)


def test_placeholders_survive_translation():
    """A translation keeps every %(name)s placeholder of its source, or rendering breaks."""
    import re

    placeholder = re.compile(r"%\(\w+\)[sd]")
    problems = []
    for lang in ("ar", "fr"):
        catalog = _catalog(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", lang)
        for message in catalog:
            if not message.id or not message.string:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            wanted = set(placeholder.findall(ids[-1])) | set(placeholder.findall(ids[0]))
            for text in strings:
                if text and not set(placeholder.findall(text)) <= wanted:
                    problems.append(f"{lang}: {ids[0]!r} -> {text!r}")
    assert not problems, "\n".join(problems)
