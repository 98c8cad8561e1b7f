"""Whole numbers from URLs and query strings, bounded to what every database column holds.

A number beyond PostgreSQL's `integer` (2^31 - 1) reached the database and answered 500
("integer out of range"); beyond 2^63 SQLite overflowed too; `"²".isdigit()` is true but
`int("²")` fails. So:

- every `<int:…>` in a route is `IdConverter` (registered app-wide in place of Werkzeug's
  `int`): ASCII digits only, 1 … 2^31 - 1, anything else does not match the rule (404);
- query parameters go through `whole_number()`, which gives None for anything that is not a
  plain ASCII number within the bounds, so the caller answers as for a missing value.
"""

from __future__ import annotations

from werkzeug.routing import IntegerConverter

DB_INT_MAX = 2**31 - 1  # PostgreSQL's integer, the type of every id and year column


class IdConverter(IntegerConverter):
    """`<int:x>`: a positive number a database integer can hold, written in ASCII digits."""

    # ASCII digits only (Werkzeug's \\d+ also matches Arabic-Indic and other Unicode digits);
    # eleven at most: longer cannot be in range, and the regex stays cheap on huge inputs.
    regex = r"[0-9]{1,11}"

    def __init__(self, map, fixed_digits=0, min=1, max=DB_INT_MAX, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=False)


def whole_number(raw, *, minimum: int = 0, maximum: int = DB_INT_MAX) -> int | None:
    """`raw` (a query or form value) as an int within [minimum, maximum], else None.

    Only ASCII digits (surrounding spaces allowed): "²", "١٢", "1e3", "-1", "" are None."""
    if raw is None:
        return None
    text = str(raw).strip()
    if not text or len(text) > 11 or not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if minimum <= value <= maximum else None


def init_app(app) -> None:
    """Before any blueprint registers its rules: `int` and `id` are the bounded converter."""
    app.url_map.converters["int"] = IdConverter
    app.url_map.converters["id"] = IdConverter
