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


def fmt_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return strip_bidi(format_datetime(value, "dd/MM/yyyy HH:mm"))


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

    NFKC, combining marks dropped (tashkeel, French accents), Arabic letter variants folded,
    tatweel dropped, Arabic-Indic digits to 0-9, bidi marks stripped, case folded, spaces
    collapsed.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = strip_bidi(text).translate(_ARABIC_FOLD).casefold()
    return " ".join(text.split())


def init_app(app) -> None:
    app.jinja_env.filters.update(
        fdate=fmt_date,
        fdatetime=fmt_datetime,
        fnumber=fmt_number,
        famount=fmt_amount,
        bdi=bdi,
    )

    @app.context_processor
    def inject_language():
        lang = language()
        return {
            "current_lang": lang,
            "text_dir": text_direction(lang),
            "other_lang": "fr" if lang == "ar" else "ar",
        }
