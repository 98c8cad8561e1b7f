import secrets
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from digiweb.db_types import LabelledEnum, UTCDateTime, enum_column, utcnow
from digiweb.departments.models import Department
from digiweb.extensions import db


class Role(LabelledEnum):
    OFFICER = "officer"
    REVIEWER = "reviewer"
    VIEWER = "viewer"
    ADMIN = "admin"

    @staticmethod
    def _labels():
        return {
            "officer": _l("Digitization officer"),
            "reviewer": _l("Reviewer"),
            "viewer": _l("Viewer"),
            "admin": _l("Administrator"),
        }


# The named groups of roles, defined here once: routes, navigation and checks use these.
STAFF_ROLES = (Role.REVIEWER, Role.VIEWER, Role.ADMIN)  # the ministry: reads every department
REVIEW_ROLES = (Role.REVIEWER, Role.ADMIN)  # reviews plans, runs campaigns and meetings


class Language(LabelledEnum):
    AR = "ar"
    FR = "fr"

    @staticmethod
    def _labels():
        return {"ar": _l("Arabic"), "fr": _l("French")}


def new_session_token() -> str:
    return secrets.token_urlsafe(24)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(sa.String(64), unique=True)
    full_name: Mapped[str] = mapped_column(sa.String(200), default="")
    # The name in Arabic script, printed in the Arabic official documents (full_name otherwise).
    full_name_ar: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    email: Mapped[str] = mapped_column(sa.String(254), default="")
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    department_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("departments.id", ondelete="RESTRICT"), index=True
    )
    language: Mapped[Language] = mapped_column(enum_column(Language), default=Language.AR)
    active: Mapped[bool] = mapped_column(default=True, server_default=sa.text("true"))
    # Part of the login cookie: changing it ends every session of the user at once.
    session_token: Mapped[str] = mapped_column(sa.String(64), default=new_session_token)
    failed_logins: Mapped[int] = mapped_column(default=0, server_default="0")
    # Until when login failures from some address slow this account down (shown to the admin).
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Part of the login throttle's keys: an administrator's "unlock" moves it on, which forgets
    # every count of failed attempts on the account (digiweb/auth/services.py).
    login_epoch: Mapped[int] = mapped_column(default=0, server_default="0")
    # Set when an administrator chose the password: the user must choose their own first.
    must_change_password: Mapped[bool] = mapped_column(
        default=False, server_default=sa.text("false")
    )
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    department: Mapped[Department | None] = relationship(lazy="joined")

    __mapper_args__ = {"version_id_col": version}

    def name_in(self, lang: str) -> str:
        """The name printed in a document in `lang`: the Arabic one in Arabic when it is set,
        the full name otherwise (the username when there is neither)."""
        if lang == "ar" and self.full_name_ar:
            return self.full_name_ar
        return self.full_name or self.username

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def end_all_sessions(self) -> None:
        self.session_token = new_session_token()

    # Flask-Login
    def get_id(self) -> str:
        return f"{self.id}:{self.session_token}"

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_officer(self) -> bool:
        return self.role == Role.OFFICER

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def can_review(self) -> bool:
        """Reviewers and admins manage campaigns, review plans, hold meetings."""
        return self.role in REVIEW_ROLES

    @property
    def sees_all_departments(self) -> bool:
        return self.role in STAFF_ROLES

    def __repr__(self) -> str:
        return f"<User {self.username} {self.role}>"


def locked_user(*criteria) -> User | None:
    """The account matching `criteria`, read again and its row locked until the commit: FOR NO
    KEY UPDATE, so that rows referring to the user (audit entries) can still be inserted."""
    return db.session.scalars(
        db.select(User)
        .where(*criteria)
        .with_for_update(of=User, key_share=True)
        .execution_options(populate_existing=True)
    ).one_or_none()
