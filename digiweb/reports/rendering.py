"""The frame every official PDF document shares: the language it is rendered in, the letterhead
and margins (`DocumentFrame`), the draft mark, the page counter and the Jinja helpers.

Each document (`reports.minutes_report`, `reports.campaign_report`, `reports.plan_sheet`) is a
Jinja template rendered in a given language (whatever the language of the request:
`flask_babel.force_locale`), then handed to WeasyPrint (`digiweb.reports.pdf`). `*_html()` give
the HTML exactly as WeasyPrint receives it, for tests and checks.

A document with an approval step (minutes, plan sheet) carries on every page, until approved,
the mark « مسودة — غير مصادق عليها » / « PROJET — non approuvé » (a page margin box: text, not
a picture), no signature block, a file name ending in `-draft.pdf` and another PDF title.
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup

from digiweb.dashboard.charts import fmt_percent
from digiweb.i18n import LANGUAGES, fmt_date_long, language, text_direction


class UnknownLanguage(ValueError):
    """A document was asked for in a language we do not print."""


@contextmanager
def rendering_language(lang: str):
    """Everything inside is translated and formatted in `lang` ('ar' or 'fr')."""
    if lang not in LANGUAGES:
        raise UnknownLanguage(lang)
    with force_locale(LANGUAGES[lang]):
        yield


# --- the frame shared by every document ------------------------------------------------------


@dataclass
class DocumentFrame:
    """What the letterhead, the page margins and the PDF metadata show."""

    kind: str
    title: str
    reference: str
    date: date
    lang: str
    subject: str = ""
    draft_mark: str = ""
    # A document with an approval step not (yet) approved: the mark on every page.
    draft: bool = False
    direction: str = field(init=False)

    def __post_init__(self):
        self.direction = text_direction(self.lang)

    @property
    def every_page_mark(self) -> str:
        return draft_mark_text() if self.draft else ""

    @property
    def pdf_title(self) -> str:
        """The PDF's title: a draft's names it a draft (file lists and viewers show it)."""
        title = f"{self.title} — {self.reference}"
        return f"{draft_mark_text()} — {title}" if self.draft else title

    @property
    def page_counter_css(self) -> str:
        return page_counter_css()


def draft_mark_text() -> str:
    return _("DRAFT — not approved")


def css_string(text: str) -> str:
    """A CSS string literal holding `text`."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + re.sub(r"[\r\n]+", " ", escaped) + '"'


def page_counter_css() -> str:
    """The translated « Page X of Y » as the value of a CSS `content` property, e.g.
    `"صفحة " counter(page) " من " counter(pages)`."""
    template = _("Page %(page)s of %(pages)s")
    parts = []
    for piece in re.split(r"(%\(pages?\)s)", template):
        if piece == "%(page)s":
            parts.append("counter(page)")
        elif piece == "%(pages)s":
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


def bilingual(obj, name: str) -> str:
    """The field `name` of `obj` in the document's language, else in the other one."""
    ar, fr = getattr(obj, f"{name}_ar") or "", getattr(obj, f"{name}_fr") or ""
    return (fr or ar) if language() == "fr" else (ar or fr)


def ltr(value) -> Markup:
    """A Latin island (reference, code, e-mail) laid out left to right in either language.

    WeasyPrint 70 ignores `unicode-bidi` (so a bare <bdi> isolates nothing), but it lays each
    inline box out in its own `direction`: `dir="ltr"` keeps `2021-MF-007` from being shown as
    `MF-007-2021` inside Arabic text. Browsers read the same markup as an isolate.
    """
    return Markup('<bdi dir="ltr">{}</bdi>').format(value if value is not None else "")


def render_document(template: str, **context) -> str:
    """The HTML of a document (inside `rendering_language`)."""
    return render_template(
        template,
        css_string=css_string,
        fpercent=lambda value: fmt_percent(value, 100),
        bilingual=bilingual,
        ltr=ltr,
        fdate_long=fmt_date_long,
        **context,
    )


def paragraphs(text: str) -> list[str]:
    """Plain text split into paragraphs at blank lines (single line breaks are kept by CSS)."""
    return [
        p.strip() for p in re.split(r"\n\s*\n", (text or "").replace("\r\n", "\n")) if p.strip()
    ]


class NotFound(LookupError):
    """The record a document is about does not exist."""
