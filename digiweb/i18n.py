"""Locale selection, text direction, bidi-safe formatting and Arabic search normalisation."""

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime

from babel.numbers import format_decimal
from flask import has_request_context, request, session
from flask_babel import format_date, format_datetime, get_locale
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup, escape

# The languages users can pick, mapped to the Babel locale we render with. Anything else
# (including "ar-DZ" or "zz") is ignored rather than handed to Babel.
LANGUAGES = {"ar": "ar_DZ", "fr": "fr_DZ"}
DEFAULT_LANGUAGE = "ar"
RTL_LANGUAGES = {"ar"}

NNBSP = "\u202f"  # narrow no-break space: digit groups that bidi cannot reorder
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


def requested_language() -> str | None:
    """The language asked for with ?lang=, when it is one we serve."""
    if not has_request_context():
        return None
    value = request.args.get("lang", "")
    return value if value in LANGUAGES else None


def current_language() -> str:
    """'ar' or 'fr' for this request: ?lang=, then the session, the user, the browser."""
    if not has_request_context():
        return DEFAULT_LANGUAGE
    lang = requested_language() or session.get("lang")
    if lang in LANGUAGES:
        return lang
    if current_user and current_user.is_authenticated and current_user.language in LANGUAGES:
        return str(current_user.language)
    return request.accept_languages.best_match(list(LANGUAGES)) or DEFAULT_LANGUAGE


def select_locale() -> str:
    return LANGUAGES[current_language()]


def language() -> str:
    """'ar' or 'fr' of the locale in force (also outside requests, e.g. in the CLI)."""
    locale = get_locale()
    return locale.language if locale and locale.language in LANGUAGES else DEFAULT_LANGUAGE


def text_direction(lang: str | None = None) -> str:
    return "rtl" if (lang or language()) in RTL_LANGUAGES else "ltr"


def strip_bidi(text: str) -> str:
    return BIDI_MARKS.sub("", text)


def fmt_date(value: date | datetime | None) -> str:
    """dd/MM/yyyy: reads the same in RTL and LTR (ISO dates get reversed after Arabic)."""
    if value is None:
        return ""
    return strip_bidi(format_date(value, "dd/MM/yyyy"))


def fmt_date_long(value: date | datetime | None) -> str:
    """The date in words, as a document states it: « 25 مارس 2021 » with the Algerian month
    names (ar_DZ: جانفي، فيفري، ... أوت، ...), « 25 mars 2021 »; Latin digits in both."""
    if value is None:
        return ""
    return strip_bidi(format_date(value, "d MMMM y"))


def fmt_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return strip_bidi(format_datetime(value, "dd/MM/yyyy HH:mm"))


def machine_time(value: date | datetime | None) -> str:
    """The value of <time datetime>: ISO 8601 to the second (the HTML checker refuses more than
    three fraction digits; microseconds said nothing to a reader anyway)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


LIST_SEPARATORS = {"ar": "، ", "fr": ", "}


def join_list(items, lang: str | None = None) -> str:
    """Items of a list built in code, joined with the page language's comma (« ، » in
    Arabic: a Latin comma there reads as a foreign mark)."""
    separator = LIST_SEPARATORS.get(lang or language(), ", ")
    items = list(items)
    if any(isinstance(item, Markup) for item in items):  # e.g. codes isolated by bdi
        return escape(separator).join(items)
    return separator.join(str(item) for item in items)


def colon(lang: str | None = None) -> str:
    """A label's colon: French puts a (non-breaking) space before it, Arabic does not."""
    return "\u00a0: " if (lang or language()) == "fr" else ": "


def arrow(lang: str | None = None) -> str:
    """From the earlier to the later state in reading order: « مسودة ← مرسل » right to left,
    « Brouillon → Envoyé » left to right (bidi does not mirror arrows)."""
    return "←" if text_direction(lang) == "rtl" else "→"


def fmt_number(value: int | float | None) -> str:
    """Digit groups separated by narrow no-break spaces, Latin digits in both languages."""
    if value is None:
        return ""
    if type(value) is int:  # the common case, without Babel: the same text, many times faster
        return f"{value:,}".replace(",", NNBSP)
    text = format_decimal(value, format="#,##0.##", locale="fr_FR")
    return strip_bidi(text).replace("\u00a0", NNBSP).replace(" ", NNBSP)


def amount_formatter() -> Callable[[int | None], Markup]:
    """`fmt_amount` for many amounts (the rows of a list): the unit is translated once."""
    unit = escape(_("DZD"))

    def amount(value: int | None) -> Markup:
        if value is None:
            return Markup("")
        return Markup(f"<bdi>{fmt_number(value)}{NNBSP}{unit}</bdi>")  # noqa: S704 - escaped

    return amount


def fmt_amount(value: int | None) -> Markup:
    """An amount in DZD wrapped in <bdi> so that it never reorders inside Arabic text."""
    return amount_formatter()(value)


def bdi(value) -> Markup:
    """Isolate a Latin island (reference, code, e-mail) inside text of either direction."""
    return Markup("<bdi>{}</bdi>").format(escape(value if value is not None else ""))


# --- text typed by users -------------------------------------------------------------------

# Bidi controls a user can type or paste: embeddings and overrides (U+202A-202E), isolates
# (U+2066-2069), LRM/RLM (U+200E/200F) and the Arabic letter mark (U+061C). Honoured, an
# override makes "03/06/2021" print as "1202/60/30"; they are removed from everything typed.
BIDI_CONTROLS = BIDI_MARKS


# Control characters are refused in what users write, never silently dropped (the user sees
# which one and where): C0 but tab and line feed, DEL, C1, and the non-characters U+FFFE/FFFF.
# Invisible, they break what reads the text back: PostgreSQL refuses NUL, a spreadsheet cell
# (openpyxl) refuses most of C0. Carriage returns never get here: `clean_text` turns them into
# line feeds.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def clean_text(value, multiline: bool = False):
    """The one cleaning of text typed by users (the filter of every text field of every form,
    the spreadsheet import, the services that take text from elsewhere): NFC normalisation,
    bidi controls removed; a single-line value gets its line breaks and tabs as spaces, a
    multi-line one keeps them (line breaks as "\n"). Control characters are left for
    `control_character_problem` to refuse. Anything that is not a string is returned as is."""
    if not isinstance(value, str):
        return value
    value = BIDI_CONTROLS.sub("", unicodedata.normalize("NFC", value))
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value if multiline else value.replace("\n", " ").replace("\t", " ")


def control_character_problem(value) -> str | None:
    """Why a cleaned text cannot be saved, in the user's language: the first control character
    it holds (its code point and its place); None when it holds none, or is not a string."""
    if not isinstance(value, str):
        return None
    found = CONTROL_CHARACTERS.search(value)
    if found is None:
        return None
    return _(
        "This text holds an invisible control character (%(code)s, character %(position)s), "
        "often brought by a copy from another program: delete it, then save again.",
        code=f"U+{ord(found.group()):04X}",
        position=found.start() + 1,
    )


def query_text(value) -> str:
    """A text from a query string (a search, a filter): cleaned as typed text is, its control
    characters dropped rather than refused (nothing is saved, and a NUL must never reach the
    database: PostgreSQL refuses it)."""
    return CONTROL_CHARACTERS.sub("", clean_text(value or ""))


def spreadsheet_text(value):
    """A stored text as a spreadsheet cell can hold it: control characters (in values saved
    before they were refused) removed, so that an export never fails on one; the exporters
    bound nothing else, the fields' limits do. Anything that is not a string is returned as is."""
    if not isinstance(value, str):
        return value
    return CONTROL_CHARACTERS.sub("", value)


def clean_multiline(value):
    """`clean_text` for a multi-line field (a WTForms filter)."""
    return clean_text(value, multiline=True)


# Runs isolated by `isolate`: in right-to-left text, Latin words, numbers and references
# (letters or digits joined by - / . : _ @ + # % & ' and, between two Latin letters, spaces;
# digit groups by no-break spaces); in left-to-right text, Arabic words.
_LATIN_CHARS = "A-Za-z0-9\u00c0-\u024f"
_LATIN_LETTERS = "A-Za-z\u00c0-\u024f"
_LATIN_RUN = re.compile(
    rf"[{_LATIN_CHARS}](?:[{_LATIN_CHARS}]"
    rf"|[-/.:_@+#%&'’]+(?=[{_LATIN_CHARS}])"
    rf"|(?<=[{_LATIN_LETTERS}])[ \u00a0\u202f]+(?=[{_LATIN_LETTERS}])"
    rf"|(?<=[0-9])[\u00a0\u202f](?=[0-9]))*"
)
_ARABIC_CHARS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_ARABIC_RUN = re.compile(rf"[{_ARABIC_CHARS}]+(?:[ \u00a0،؛.:-]+[{_ARABIC_CHARS}]+)*")


def isolate(value, direction: str | None = None) -> Markup:
    """User text made bidi-safe for a page or a PDF of `direction` (that of the language in
    force by default): escaped, bidi controls dropped, and each run of the other direction
    wrapped in <bdi dir>, so that "2021-MF-007" typed inside Arabic text never prints as
    "MF-007-2021" (WeasyPrint lays each inline box out in its own direction; browsers read
    <bdi> as an isolate)."""
    if value is None:
        return Markup("")
    text = strip_bidi(str(value))
    direction = direction or text_direction()
    pattern, run_dir = (_LATIN_RUN, "ltr") if direction == "rtl" else (_ARABIC_RUN, "rtl")
    parts, last = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(Markup('<bdi dir="{}">{}</bdi>').format(run_dir, match.group()))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)


# Arabic-Indic (U+0660-0669) and Eastern Arabic-Indic (U+06F0-06F9) digits, as 0-9.
ARABIC_INDIC_DIGITS = {
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
}
_LATIN_DIGITS = str.maketrans(ARABIC_INDIC_DIGITS)


def latin_digits(value):
    """Text with its Arabic-Indic digits as 0-9, for parsing what people type or paste;
    anything that is not a string is returned as it is (usable as a WTForms filter)."""
    return value.translate(_LATIN_DIGITS) if isinstance(value, str) else value


# The dates people may type, in the forms and in the cells of an imported spreadsheet alike:
# ISO (what <input type="date"> sends) and day/month/year with "/", "-" or "." between. No
# text matches two of them (the year has four digits), so their order does not matter.
DATE_INPUT_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")


def parse_date(text: str) -> date:
    """A typed date in one of DATE_INPUT_FORMATS, Arabic-Indic digits and surrounding spaces
    allowed; ValueError for anything else."""
    text = latin_digits(text).strip()
    for pattern in DATE_INPUT_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r}")


_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ـ": None,  # tatweel
        **ARABIC_INDIC_DIGITS,
    }
)


def normalize_search(text: str) -> str:
    """The one normalisation for stored search text and for queries.

    NFKC, control characters as spaces (a NUL never reaches a query), combining marks dropped
    (tashkeel, French accents), Arabic letter variants folded, tatweel dropped, Arabic-Indic
    digits to 0-9, bidi marks stripped, case folded, spaces collapsed.
    """
    if not text:
        return ""
    text = CONTROL_CHARACTERS.sub(" ", unicodedata.normalize("NFKC", text))
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = strip_bidi(text).translate(_ARABIC_FOLD).casefold()
    return " ".join(text.split())


def init_app(app) -> None:
    app.jinja_env.filters.update(
        fdate=fmt_date,
        fdate_long=fmt_date_long,
        fdatetime=fmt_datetime,
        iso=machine_time,
        join_list=join_list,
        fnumber=fmt_number,
        famount=fmt_amount,
        bdi=bdi,
        isolate=isolate,
    )

    app.jinja_env.globals["colon"] = colon
    app.jinja_env.globals["arrow"] = arrow

    @app.context_processor
    def inject_language():
        lang = language()
        return {
            "current_lang": lang,
            "text_dir": text_direction(lang),
            "other_lang": "fr" if lang == "ar" else "ar",
        }
