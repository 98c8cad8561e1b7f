"""Login throttling that slows an attacker without locking the account's owner out.

Failed logins are counted in the rate limiter's storage (Flask-Limiter's, so Redis in
production: the counts hold across workers and servers) under two keys:
- the account *and* the address: limits that grow with the failures (five a minute, then ten
  in a quarter of an hour, …): back-off for whoever guesses one account from one place, while
  the owner, from another address, logs in as usual;
- the address alone, whatever the account: one place guessing many accounts.
A name without an account is counted like any other, so the answers do not tell which exist.
The account's key holds its `login_epoch`: an administrator's unlock moves it on, and every
count of the account is forgotten (the address's own count remains). The limits are
`LOGIN_THROTTLE_ACCOUNT` and `LOGIN_THROTTLE_ADDRESS` (config.py); like every limit, they are
off when `RATELIMIT_ENABLED` is (the test configuration) unless a test turns them on.
"""

from __future__ import annotations

import time

from flask import current_app
from limits import parse_many

from digiweb.auth.services import login_epoch
from digiweb.extensions import limiter
from digiweb.security import client_address

SCOPE = "login-failures"


def _active() -> bool:
    return bool(current_app.config.get("RATELIMIT_ENABLED")) and limiter.enabled


def _buckets(username: str) -> list[tuple]:
    """(limit, identifiers) for each limit that counts this login's failures."""
    config = current_app.config
    prefix = config.get("RATELIMIT_KEY_PREFIX", "")
    name = username.strip().lower()[:64]
    account = f"account:{name}:{login_epoch(username)}:{client_address()}"
    address = f"address:{client_address()}"
    per_account = parse_many(config["LOGIN_THROTTLE_ACCOUNT"])
    per_address = parse_many(config["LOGIN_THROTTLE_ADDRESS"])
    return [
        *((item, (prefix, SCOPE, account)) for item in per_account),
        *((item, (prefix, SCOPE, address)) for item in per_address),
    ]


def _storage_down(error: Exception) -> None:
    """Like every limit (RATELIMIT_SWALLOW_ERRORS): the store unreachable lets logins through,
    logged, never a 500."""
    if not current_app.config.get("RATELIMIT_SWALLOW_ERRORS"):
        raise error
    current_app.logger.warning("login throttle unavailable: %s", error)


def wait_seconds(username: str) -> int:
    """0 when this login may be tried now, else the seconds until it may."""
    if not _active():
        return 0
    strategy = limiter.limiter
    waits = []
    try:
        for item, identifiers in _buckets(username):
            if not strategy.test(item, *identifiers):
                reset_at, _remaining = strategy.get_window_stats(item, *identifiers)
                waits.append(max(int(reset_at - time.time()) + 1, 1))
    except Exception as error:
        _storage_down(error)
        return 0
    return max(waits, default=0)


def count_failure(username: str) -> None:
    if not _active():
        return
    try:
        for item, identifiers in _buckets(username):
            limiter.limiter.hit(item, *identifiers)
    except Exception as error:
        _storage_down(error)
