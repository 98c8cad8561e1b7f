"""The review tests' small world and local SMTP server, shared with the notification tests."""

from tests.review.conftest import rctx, smtp_server, world  # noqa: F401 - fixtures
