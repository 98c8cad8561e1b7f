"""HTML to PDF with WeasyPrint: the shipped Noto fonts only, the app's own static files only.

Fonts: Noto Naskh Arabic for the Arabic script (its `unicode-range`), Noto Serif for everything
else (Latin letters, digits, punctuation, spaces). Amiri, used before, maps some glyphs to the
wrong characters (pdftotext read "الإللكتروني" for "الإلكتروني", "الجمهور ية"): with Noto Naskh
Arabic the text of every PDF extracts word for word, so it can be searched and copied.

Every PDF is tagged (structure tree, /Lang from <html lang>): PDF/UA-1 for the documents printed
on demand, PDF/A-3u (tagged) for the archived, signed approved minutes (docs/decisions.md).

Every document is rendered from a Jinja template (HTML) and the print stylesheet; resources are
resolved against an internal base URL that is never fetched over the network: the URL fetcher
maps `/static/...` under that base to files in `digiweb/static/` and refuses everything else
(`file://`, other hosts, `data:`), so that text typed by users can never pull a local file or an
outside resource into a document.
"""

import logging
import mimetypes
import warnings
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_DIR = (Path(__file__).resolve().parent.parent / "static").resolve()
# Reserved top-level domain (RFC 2606): nothing on a network answers for it.
BASE_HOST = "digiweb.invalid"
BASE_URL = f"https://{BASE_HOST}/"
STATIC_PREFIX = "/static/"

# The variant of archived documents (approved minutes): PDF/A-3, level U (every character has
# its Unicode value), tagged; of every other document: PDF/UA-1 (tagged, accessible).
ARCHIVE_VARIANT = "pdf/a-3u"
DOCUMENT_VARIANT = "pdf/ua-1"

# The Arabic script's blocks: Arabic, Arabic Supplement, Arabic Extended-A, the presentation
# forms, and the Arabic comma, semicolon and question mark (inside U+0600-06FF).
ARABIC_RANGE = "U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF"
ARABIC_FONT = "Noto Naskh Arabic"
LATIN_FONT = "Noto Serif"

logger = logging.getLogger(__name__)


def _face(family: str, file: str, weight: int, unicode_range: str = "") -> str:
    ranges = f"\n  unicode-range: {unicode_range};" if unicode_range else ""
    return f"""@font-face {{
  font-family: "{family}";
  src: url("/static/fonts/{file}") format("truetype");
  font-weight: {weight};
  font-style: normal;{ranges}
}}
"""


FONT_CSS = (
    _face(ARABIC_FONT, "NotoNaskhArabic-Regular.ttf", 400, ARABIC_RANGE)
    + _face(ARABIC_FONT, "NotoNaskhArabic-Bold.ttf", 700, ARABIC_RANGE)
    + _face(LATIN_FONT, "NotoSerif-Regular.ttf", 400)
    + _face(LATIN_FONT, "NotoSerif-Bold.ttf", 700)
    + f"""* {{ font-family: "{ARABIC_FONT}", "{LATIN_FONT}"; }}
@page {{ font-family: "{ARABIC_FONT}", "{LATIN_FONT}"; }}
"""
)


class RefusedURL(ValueError):
    """The document asked for a resource outside the app's static files."""


class StaticFilesFetcher(URLFetcher):
    """Serves the app's static files to WeasyPrint and refuses every other URL.

    `served` and `refused` list the URLs asked for, for the logs and the tests.
    """

    def __init__(self):
        super().__init__(allowed_protocols=("https",))
        self.served: list[str] = []
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        path = static_path(url)
        if path is None:
            self.refused.append(url)
            logger.warning("PDF rendering refused to fetch %.200s", url)
            raise RefusedURL(f"only the application's static files may be used: {url[:200]}")
        self.served.append(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def static_path(url: str) -> Path | None:
    """The file under digiweb/static/ that `url` designates, or None when it is anything else
    (another scheme or host, a path outside /static/, `..` tricks, a missing file)."""
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.netloc != BASE_HOST:
        return None
    if not parts.path.startswith(STATIC_PREFIX):
        return None
    relative = unquote(parts.path[len(STATIC_PREFIX) :])
    if not relative or "\\" in relative or "\x00" in relative:
        return None
    path = (STATIC_DIR / relative).resolve()
    if not path.is_relative_to(STATIC_DIR) or not path.is_file():
        return None
    return path


def html_to_pdf(
    html: str, *, archive: bool = False, fetcher: StaticFilesFetcher | None = None
) -> bytes:
    """The PDF of `html` (a complete document: title, author and language come from its
    <title>, <meta name="author"> and <html lang>). Tagged PDF/UA-1; `archive=True` writes
    tagged PDF/A-3u instead.

    The output is deterministic: the same HTML gives the same bytes.
    """
    fetcher = fetcher or StaticFilesFetcher()
    font_config = FontConfiguration()
    fonts = CSS(string=FONT_CSS, base_url=BASE_URL, url_fetcher=fetcher, font_config=font_config)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
    options = (
        {"pdf_variant": ARCHIVE_VARIANT, "pdf_tags": True}
        if archive
        else {"pdf_variant": DOCUMENT_VARIANT}
    )
    with warnings.catch_warnings():
        # WeasyPrint 70 opens its sRGB profile for PDF/A without closing it (ResourceWarning).
        warnings.simplefilter("ignore", ResourceWarning)
        return document.write_pdf(stylesheets=[fonts], font_config=font_config, **options)
