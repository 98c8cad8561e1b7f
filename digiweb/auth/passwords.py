"""The password rules (OWASP ASVS 5.0 V6.2): at least 12 characters, at most 128; not one of the
common or breached passwords of the shipped list; not built on the account's own words (user
name, names, department code and names), the application's or the ministry's name; and a
strength estimate (zxcvbn, which knows dictionaries, keyboard walks, dates and repeats) of at
least 3 out of 4 with those words as its user inputs. Nothing is sent over the network.

`problems()` returns the messages (empty when the password is accepted); `check()` raises them
as a Refusal on the `password` field. The demo accounts bypass the rules (demo load writes their
hash directly), as accounts created before the rules did.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from flask_babel import gettext as _
from zxcvbn import zxcvbn

from digiweb.errors import Refusal

MIN_LENGTH = 12
MAX_LENGTH = 128
MIN_SCORE = 3  # zxcvbn: 0 (guessable in a few tries) … 4 (very unguessable)
ZXCVBN_INPUT = 64  # zxcvbn's cost grows with the length: it estimates the first 64 characters
COMMON_FILE = Path(__file__).with_name("data") / "common_passwords.txt"
# Words every password of this application must not lean on, besides the account's own.
APPLICATION_WORDS = (
    "digiweb",
    "ministere",
    "ministère",
    "ministry",
    "ministerial",
    "ministeriel",
    "وزارة",
    "الوزارة",
    "numerisation",
    "numérisation",
    "digitalisation",
    "رقمنة",
)
MIN_WORD = 3  # shorter context words (a two-letter code) are checked whole, not inside


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _fold(text: str) -> str:
    """Lower case, accents off: "Ministère" and "ministere" are one word here."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def context_words(*, username="", full_name="", email="", department=None) -> list[str]:
    """The words a password must not lean on: the account's, its department's, the app's."""
    texts = [username, full_name, email.partition("@")[0] if email else ""]
    if department is not None:
        texts += [department.code, department.name_fr, department.name_ar]
    words = set(APPLICATION_WORDS)
    for text in texts:
        if not text:
            continue
        words.add(text)
        words.update(w for w in re.split(r"[\W_]+", text) if w)
    return sorted({_fold(w) for w in words if w})


def problems(password: str, **context) -> list[str]:
    """Why `password` is refused (translated messages), or [] when it is accepted."""
    password = password or ""
    if len(password) < MIN_LENGTH:
        return [_("The password needs at least %(min)d characters.", min=MIN_LENGTH)]
    if len(password) > MAX_LENGTH:
        return [_("The password can have at most %(max)d characters.", max=MAX_LENGTH)]
    folded = _fold(password)
    squeezed = re.sub(r"[\W_]+", "", folded)
    if folded in common_passwords() or squeezed in common_passwords():
        return [_("This password is one of the most common ones: choose another.")]
    words = context_words(**context)
    for word in words:
        if (len(word) >= MIN_WORD and word in folded) or word == folded:
            return [
                _(
                    "The password must not contain your user name, your name, your department "
                    "or the name of the application or of the ministry."
                )
            ]
    estimate = zxcvbn(password[:ZXCVBN_INPUT], user_inputs=words)
    if estimate["score"] < MIN_SCORE:
        return [
            _(
                "This password is too easy to guess. Use a longer one, for example several "
                "unrelated words."
            )
        ]
    return []


def check(password: str, **context) -> None:
    """Refuse a password that breaks the rules (422 on the `password` field)."""
    found = problems(password, **context)
    if found:
        raise Refusal(found[0], 422, field="password")
