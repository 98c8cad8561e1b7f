"""Translation catalogs: extract, update, fill and compile (`make i18n` wraps it).

    python scripts/i18n.py update            # extract messages, merge them into ar/ and fr/
    python scripts/i18n.py missing           # what is still untranslated, as a JSON skeleton
    python scripts/i18n.py fill FILE.json    # update, then take translations from FILE.json
    python scripts/i18n.py compile           # build the .mo files (never committed)

FILE.json maps each msgid to its translations:
    {"Save": {"ar": "حفظ", "fr": "Enregistrer"},
     "%(num)d project": {"plural": "%(num)d projects",
                         "ar": ["0 ...", "1 ...", "2 ...", "few", "many", "other"],
                         "fr": ["%(num)d projet", "%(num)d projets"]}}
Each run holds a lock, so several people (or scripts) can fill at the same time safely.
"""

import fcntl
import json
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "translations"
POT = TRANSLATIONS / "messages.pot"
LANGS = ("ar", "fr")
# CLDR's Arabic plural rule (zero, one, two, few, many, other); Babel <= 2.18 swaps two forms.
AR_PLURAL = (
    "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
    "n%100>=11 ? 4 : 5);"
)
PYBABEL = [sys.executable, "-m", "babel.messages.frontend"]


@contextmanager
def catalog_lock():
    with (TRANSLATIONS / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _po(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"


def _run(*args: str) -> None:
    subprocess.run([*PYBABEL, *args], check=True, cwd=ROOT, capture_output=True)


def _fix_plural_header(lang: str) -> None:
    if lang != "ar":
        return
    path = _po(lang)
    out, skipping = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith('"Plural-Forms:'):
            out.append(f'"Plural-Forms: {AR_PLURAL}\\n"')
            skipping = not line.endswith('\\n"')
            continue
        if skipping:
            skipping = not line.endswith('\\n"')
            continue
        out.append(line)
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def update() -> None:
    _run(
        "extract",
        "-F",
        "babel.cfg",
        "--project",
        "digiweb",
        "--version",
        "1",
        "--copyright-holder",
        "Ministry of Digitization and Statistics",
        "--msgid-bugs-address",
        "",
        "-k",
        "_l",
        "-k",
        "lazy_gettext",
        "--no-location",
        "--sort-output",
        "-o",
        str(POT),
        "digiweb",
    )
    for lang in LANGS:
        if not _po(lang).exists():
            _run("init", "-i", str(POT), "-d", str(TRANSLATIONS), "-l", lang)
        _run(
            "update",
            "-i",
            str(POT),
            "-d",
            str(TRANSLATIONS),
            "-l",
            lang,
            "--no-fuzzy-matching",
            "--ignore-obsolete",
        )
        _fix_plural_header(lang)


def _load(lang: str):
    with _po(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


def _save(lang: str, catalog) -> None:
    with _po(lang).open("wb") as handle:
        write_po(
            handle,
            catalog,
            omit_header=False,
            sort_output=True,
            no_location=True,
            width=100,
            ignore_obsolete=True,
        )
    _fix_plural_header(lang)


def missing() -> dict:
    result = {}
    for lang in LANGS:
        for message in _load(lang):
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if not all(strings) or message.fuzzy:
                key = message.id[0] if isinstance(message.id, tuple) else message.id
                entry = result.setdefault(key, {})
                if isinstance(message.id, tuple):
                    entry["plural"] = message.id[1]
                entry[lang] = None
    return result


def fill(path: Path) -> list[str]:
    wanted = json.loads(path.read_text(encoding="utf-8"))
    unknown = []
    for lang in LANGS:
        catalog = _load(lang)
        for msgid, entry in wanted.items():
            if lang not in entry or entry[lang] in (None, "", []):
                continue
            key = (msgid, entry["plural"]) if "plural" in entry else msgid
            message = catalog.get(key)
            if message is None:
                if lang == LANGS[0]:
                    unknown.append(msgid)
                continue
            value = entry[lang]
            message.string = tuple(value) if isinstance(value, list) else value
            message.flags.discard("fuzzy")
        _save(lang, catalog)
    return unknown


def compile_catalogs() -> None:
    _run("compile", "-d", str(TRANSLATIONS), "--statistics")


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "update"
    with catalog_lock():
        if command == "update":
            update()
        elif command == "missing":
            print(json.dumps(missing(), ensure_ascii=False, indent=1))
        elif command == "fill":
            update()
            unknown = fill(Path(argv[2]))
            if unknown:
                print("not in the sources (check the exact text):", *unknown, sep="\n  ")
            left = missing()
            print(f"{len(left)} message(s) still untranslated")
        elif command == "compile":
            compile_catalogs()
        else:
            print(__doc__)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
