"""Static files fingerprinted and kept a year; text answers compressed by the application, the
rest sent as it is (issue 17, point 9)."""

import gzip
import re
import subprocess
import sys
from pathlib import Path

import brotli
import pytest
from flask import url_for

from digiweb.static_files import IMMUTABLE, fingerprint

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "digiweb" / "static"
BROWSERS = "gzip, deflate, br, zstd"


def _static_url(app, filename: str) -> str:
    with app.test_request_context():
        return url_for("static", filename=filename)


def test_static_urls_carry_the_files_fingerprint(app):
    url = _static_url(app, "css/app.css")
    assert url == f"/static/css/app.css?v={fingerprint(STATIC / 'css/app.css')}"
    assert re.fullmatch(r"/static/css/app\.css\?v=[0-9a-f]{12}", url)


def test_pages_link_fingerprinted_static_files(client):
    html = client.get("/login").get_data(as_text=True)
    linked = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
    assert linked and all(re.search(r"\?v=[0-9a-f]{12}$", url) for url in linked), linked


def test_a_current_fingerprint_is_cached_a_year_else_revalidated(client, app):
    url = _static_url(app, "js/app.js")
    assert client.get(url).headers["Cache-Control"] == IMMUTABLE
    for stale in ("/static/js/app.js", "/static/js/app.js?v=000000000000"):
        response = client.get(stale)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "no-cache"
        assert "immutable" not in response.headers["Cache-Control"]


def test_fonts_in_the_stylesheet_carry_their_fingerprint():
    css = (STATIC / "css/app.css").read_text(encoding="utf-8")
    fonts = re.findall(r'url\("\.\./fonts/([^"?]+)\?v=([0-9a-f]+)"\)', css)
    assert {name for name, _ in fonts} == {
        f"amiri-{part}.woff2"
        for part in ("arabic-400", "arabic-700", "latin-400", "latin-700", "brand-700")
    }
    for name, version in fonts:
        assert version == fingerprint(STATIC / "fonts" / name), name
    assert ".ttf" not in css, "the browser never gets the whole TTF fonts"


@pytest.mark.slow
def test_generated_fonts_are_up_to_date():
    """scripts/subset_fonts.py --check: the .woff2 files and app.css's rules are what the script
    makes from the TTF files (regenerate them with the script, never by hand)."""
    result = subprocess.run(
        [sys.executable, "scripts/subset_fonts.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _without_tokens(html: bytes) -> bytes:
    """The page without its CSRF tokens (signed with a timestamp: they change each second)."""
    return re.sub(rb'(name="csrf_token"[^>]*value="|"X-CSRFToken": ")[^"]+', rb"\1", html)


def test_html_is_compressed_as_the_browser_asks(client):
    plain = client.get("/login?lang=fr")
    assert "Content-Encoding" not in plain.headers  # asked for nothing: nothing
    for encoding, decompress in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        response = client.get("/login?lang=fr", headers={"Accept-Encoding": encoding})
        assert response.headers["Content-Encoding"] == encoding
        assert "Accept-Encoding" in response.headers["Vary"]
        assert "HX-Request" in response.headers["Vary"]
        assert _without_tokens(decompress(response.data)) == _without_tokens(plain.data)
        assert len(response.data) < len(plain.data) / 2
    # a browser asking for everything gets brotli
    assert (
        client.get("/login", headers={"Accept-Encoding": BROWSERS}).headers["Content-Encoding"]
        == "br"
    )


def test_static_text_is_compressed_and_fonts_are_not(client, app):
    url = _static_url(app, "js/htmx.min.js")
    response = client.get(url, headers={"Accept-Encoding": BROWSERS})
    assert response.headers["Content-Encoding"] == "br"
    assert response.headers["Cache-Control"] == IMMUTABLE
    assert brotli.decompress(response.data) == (STATIC / "js/htmx.min.js").read_bytes()
    # revalidation with the compressed answer's ETag: 304
    again = client.get(
        url, headers={"Accept-Encoding": BROWSERS, "If-None-Match": response.headers["ETag"]}
    )
    assert again.status_code == 304
    again.close()

    font = client.get(
        _static_url(app, "fonts/amiri-arabic-400.woff2"), headers={"Accept-Encoding": BROWSERS}
    )
    assert font.status_code == 200
    assert "Content-Encoding" not in font.headers
    assert font.headers["Cache-Control"] == IMMUTABLE
    font.close()  # a file sent as a stream


def test_htmx_fragments_are_compressed(as_user):
    client = as_user("reviewer", lang="fr")
    response = client.get(
        "/projects?sort=-reference", headers={"HX-Request": "true", "Accept-Encoding": "gzip"}
    )
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert b"<html" not in gzip.decompress(response.data)


def test_exports_and_streams_are_sent_as_they_are(as_user):
    client = as_user("reviewer", lang="fr")
    for url in ("/projects.csv", "/projects.xlsx"):
        response = client.get(url, headers={"Accept-Encoding": BROWSERS})
        assert response.status_code == 200, url
        assert "Content-Encoding" not in response.headers, url
