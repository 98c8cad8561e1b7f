from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from digiweb.db_types import UTCDateTime, utcnow
from digiweb.extensions import db


class ExportJob(db.Model):
    """One export made in the background: who asked, what, its progress and its file.

    `cache_key` (the kind, its parameters and what the viewer may see) with `data_version` (the
    data the file was made from) lets a later request take a finished file instead of making
    it again; a file expires at `expires_at`."""

    __tablename__ = "export_jobs"
    __table_args__ = (sa.Index("ix_export_jobs_cache", "cache_key", "data_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="RESTRICT"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(32))
    params: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    language: Mapped[str] = mapped_column(sa.String(2))
    cache_key: Mapped[str] = mapped_column(sa.String(64))
    data_version: Mapped[int] = mapped_column(sa.BigInteger)
    # queued (also between two attempts), running, done, failed (after the last attempt),
    # expired (done, its file removed after JOBS_KEEP_HOURS)
    status: Mapped[str] = mapped_column(sa.String(16), default="queued")
    done: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(default=0)
    attempts: Mapped[int] = mapped_column(default=0)
    filename: Mapped[str] = mapped_column(sa.String(200), default="")
    path: Mapped[str] = mapped_column(sa.String(300), default="")
    error: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def percent(self) -> int:
        if self.status == "done":
            return 100
        return min(99, self.done * 100 // self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed", "expired")
