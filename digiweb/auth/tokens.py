"""Personal API tokens: a script or a BI tool reads /api/v1 with its owner's rights.

- A token is shown once, when it is made; only its SHA-256 is stored (the value is 256 random
  bits, so a fast hash is enough: nobody can try enough values to find one from its hash).
- Tokens are read-only: a request carrying one may only GET (digiweb.api.bearer refuses the
  others), and they expire (at most MAX_DAYS after they are made). Revoking one is immediate.
- A token of a deactivated account stops working with the account.
- Making and revoking a token are audited on the owner's account (entity "user"); each use is
  counted by the rate limiter's store, never written to the database (a GET never writes).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import Mapped, mapped_column, relationship

from digiweb.audit.services import record
from digiweb.auth.models import User
from digiweb.db_types import UTCDateTime, utcnow
from digiweb.errors import Refusal
from digiweb.extensions import db

TOKEN_PREFIX = "dgw_"  # noqa: S105 - tells a digiweb token apart in a script or a leak scanner
DEFAULT_DAYS = 90
MAX_DAYS = 365
MAX_ACTIVE = 20  # active tokens per account
NAME_LENGTH = 100


class ApiToken(db.Model):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    name: Mapped[str] = mapped_column(sa.String(NAME_LENGTH))
    # SHA-256 of the whole token, hex; the token itself is never stored.
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    # The token's first characters, so that its owner can tell it apart in the list.
    hint: Mapped[str] = mapped_column(sa.String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship(lazy="joined")

    def is_usable(self, now: datetime | None = None) -> bool:
        now = now or utcnow()
        return self.revoked_at is None and self.expires_at > now and self.user.active

    @property
    def state(self) -> str:
        """ "active", "expired" or "revoked"."""
        if self.revoked_at is not None:
            return "revoked"
        return "active" if self.expires_at > utcnow() else "expired"

    @property
    def rate_key(self) -> str:
        """The rate limiter's key of this token's requests (digiweb.api.bearer)."""
        return rate_key(self.token_hash)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def rate_key(token_hash: str) -> str:
    return f"token:{token_hash[:32]}"


def _new_value() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def tokens_of(user: User) -> list[ApiToken]:
    return list(
        db.session.scalars(
            db.select(ApiToken)
            .where(ApiToken.user_id == user.id)
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        )
    )


def _active_count(user: User) -> int:
    return db.session.scalar(
        db.select(db.func.count(ApiToken.id)).where(
            ApiToken.user_id == user.id,
            ApiToken.revoked_at.is_(None),
            ApiToken.expires_at > utcnow(),
        )
    )


def create_token(user: User, name: str, days: int = DEFAULT_DAYS, *, actor=None):
    """A new token for `user`: (the stored token, the value to show once)."""
    name = (name or "").strip()
    if not name:
        raise Refusal(_("Give the token a name."), field="name")
    if len(name) > NAME_LENGTH:
        raise Refusal(
            _("The name is limited to %(num)d characters.", num=NAME_LENGTH), field="name"
        )
    if not isinstance(days, int) or not 1 <= days <= MAX_DAYS:
        raise Refusal(_("A token is valid for 1 to %(num)d days.", num=MAX_DAYS), field="days")
    if not user.active:
        raise Refusal(_("This account is deactivated."), 409)
    if _active_count(user) >= MAX_ACTIVE:
        raise Refusal(
            _(
                "You already have %(num)d active tokens: revoke one you no longer use first.",
                num=MAX_ACTIVE,
            ),
            409,
        )
    raw = _new_value()
    now = utcnow()
    token = ApiToken(
        user=user,
        name=name,
        token_hash=hash_token(raw),
        hint=raw[: len(TOKEN_PREFIX) + 6],
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    db.session.add(token)
    db.session.flush()
    record(
        "api_token_created",
        "user",
        user.id,
        label=user.username,
        actor=actor,
        changes={
            "api_token": [None, f"{token.name} ({token.hint}…)"],
            "expires_at": [None, token.expires_at.date().isoformat()],
        },
    )
    return token, raw


def revoke_token(user: User, token_id: int, *, actor=None) -> ApiToken:
    """Revoke one of `user`'s tokens (another account's token is not found)."""
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise Refusal(_("This token does not exist."), 404)
    if token.revoked_at is not None:
        raise Refusal(_("This token was already revoked."), 409)
    token.revoked_at = utcnow()
    record(
        "api_token_revoked",
        "user",
        user.id,
        label=user.username,
        actor=actor,
        changes={"api_token": [f"{token.name} ({token.hint}…)", None]},
    )
    db.session.flush()
    return token


def token_for(raw: str) -> ApiToken | None:
    """The stored token a request presents, whatever its state (None: no such token)."""
    if not raw or len(raw) > 200:
        return None
    return db.session.scalar(db.select(ApiToken).where(ApiToken.token_hash == hash_token(raw)))
