"""What the application sends, light: static files fingerprinted and kept a year by browsers,
text answers compressed by the application itself (issue 17, point 9).

- **Fingerprints.** Every `url_for('static', filename=…)` gets `?v=<fingerprint>`, the first
  12 hex digits of the SHA-256 of the file's bytes (the fonts' URLs inside app.css carry the
  same, written by scripts/subset_fonts.py). A static file asked for with its current
  fingerprint is sent with `Cache-Control: public, max-age=31536000, immutable`; without it, or
  with an old one, with `no-cache` (the browser revalidates: ETag, 304).
- **Compression** (Flask-Compress): HTML, CSS, JavaScript, JSON and SVG, in brotli or gzip as
  the browser asks (`Accept-Encoding`), whether or not a proxy sits in front. Never PDFs,
  spreadsheets, images, fonts (WOFF2 is compressed already) nor streamed answers (the CSV and
  audit exports stay streamed); small answers (under 500 bytes) are sent as they are. The
  static CSS and JavaScript files, which Flask sends as streams, are read into memory to be
  compressed (they are small, and sent once a year to each browser).
"""

import hashlib
from pathlib import Path

from flask import current_app, request
from flask_compress import Compress

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
COMPRESSED_MIMETYPES = (
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "image/svg+xml",
)
LARGEST_BUFFERED = 2 * 1024 * 1024  # a static text file larger than this is sent as it is

_fingerprints: dict[str, tuple[tuple[int, int], str]] = {}


def fingerprint(path: Path) -> str | None:
    """The file's fingerprint (None when it does not exist). Kept in memory while the file's
    size and modification time stay the same."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key, known = str(path), _fingerprints.get(str(path))
    signature = (stat.st_mtime_ns, stat.st_size)
    if known is not None and known[0] == signature:
        return known[1]
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    _fingerprints[key] = (signature, digest)
    return digest


_paths: dict[tuple[str, str], Path] = {}


def static_file(filename: str) -> Path | None:
    """The static file's resolved path, None outside the folder or missing. Found paths are
    kept: a page builds about twenty static URLs, and resolving each one anew (a realpath, an
    lstat per path component) cost a millisecond per page; fingerprint() still stats the file,
    so a changed or removed file is seen."""
    key = (current_app.static_folder, filename)
    known = _paths.get(key)
    if known is not None:
        return known
    folder = Path(current_app.static_folder).resolve()
    path = (folder / filename).resolve()
    if not path.is_relative_to(folder) or not path.is_file():
        return None
    _paths[key] = path
    return path


def add_fingerprint(endpoint: str, values: dict) -> None:
    """url_defaults: static URLs carry their file's fingerprint."""
    if endpoint != "static" or "v" in values or "filename" not in values:
        return
    path = static_file(values["filename"])
    if path is not None:
        values["v"] = fingerprint(path)


def cache_static(response):
    """after_request: a static file with its current fingerprint is kept a year; its text is
    read into memory so that Flask-Compress may compress it."""
    if request.endpoint != "static":
        return response
    filename = (request.view_args or {}).get("filename", "")
    path = static_file(filename) if filename else None
    current = path is not None and request.args.get("v") == fingerprint(path)
    response.headers["Cache-Control"] = IMMUTABLE if current else REVALIDATE
    if (
        response.status_code == 200
        and response.mimetype in COMPRESSED_MIMETYPES
        and response.is_streamed
        and (response.content_length or 0) <= LARGEST_BUFFERED
    ):
        response.direct_passthrough = False
        stream = response.response
        data = b"".join(response.iter_encoded())
        if hasattr(stream, "close"):
            stream.close()  # the file Flask opened
        response.set_data(data)
    return response


def init_app(app) -> None:
    """Before the request hooks that set headers: Flask runs `after_request` functions in the
    reverse order of their registration, so compression (registered first) runs last, on the
    final body, and cache_static (registered by `init_request_hook`, last) runs first."""
    app.config.setdefault("COMPRESS_MIMETYPES", list(COMPRESSED_MIMETYPES))
    app.config.setdefault("COMPRESS_ALGORITHM", ["br", "gzip"])
    app.config.setdefault("COMPRESS_BR_LEVEL", 5)
    app.config.setdefault("COMPRESS_LEVEL", 6)
    app.config.setdefault("COMPRESS_STREAMS", False)
    Compress().init_app(app)  # one per application: it keeps the settings it read
    app.url_defaults(add_fingerprint)


def init_request_hook(app) -> None:
    app.after_request(cache_static)
