"""Absolute links come from BASE_URL, never from the Host header; in production a request for
another host is refused and the application does not start without BASE_URL."""

import email
import importlib
from email import policy

import pytest

from digiweb import create_app
from digiweb.plans.models import PlanStatus
from tests.conftest import CSRFClient
from tests.factories import log_in
from tests.review.conftest import smtp_server, world  # noqa: F401 - fixtures


def test_a_return_sent_with_a_forged_host_mails_the_configured_base_url(
    app,
    world,  # noqa: F811
    smtp_server,  # noqa: F811
):
    app.config["BASE_URL"] = "https://digiweb.mns.example.dz"
    world.plan.status = PlanStatus.SUBMITTED
    app.test_client_class = CSRFClient
    reviewer = app.test_client()
    reviewer.environ_base["HTTP_HOST"] = "evil.example"  # every request, the login's too
    log_in(reviewer, "reviewer", "fr")
    response = reviewer.post(
        f"/plans/{world.plan.id}/return",
        data={"version": world.plan.version, "comment": "Revoir le budget", "confirm": "yes"},
    )
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    bodies = [
        email.message_from_bytes(m.content, policy=policy.default).get_content()
        for m in smtp_server.messages
    ]
    assert bodies, "the department's officer gets a mail"
    text = "\n".join(bodies)
    assert "evil.example" not in text
    assert f"https://digiweb.mns.example.dz/plans/{world.plan.id}" in text


def test_trusted_hosts_refuse_another_host(app):
    app.config["TRUSTED_HOSTS"] = ["digiweb.mns.example.dz"]
    client = app.test_client()
    assert client.get("/healthz", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/healthz", headers={"Host": "digiweb.mns.example.dz"}).status_code == 200


@pytest.fixture
def production_config(monkeypatch):
    import config

    def load(**env):
        monkeypatch.setenv("DIGIWEB_ENV", "production")
        for name in ("BASE_URL", "TRUSTED_HOSTS"):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        return importlib.reload(config).config_from_environment()

    yield load
    monkeypatch.delenv("DIGIWEB_ENV")
    for name in ("BASE_URL", "TRUSTED_HOSTS"):
        monkeypatch.delenv(name, raising=False)
    importlib.reload(config)


def test_production_trusts_the_host_of_base_url_or_the_listed_ones(production_config):
    assert production_config(BASE_URL="https://digiweb.mns.example.dz/").TRUSTED_HOSTS == [
        "digiweb.mns.example.dz"
    ]
    listed = production_config(BASE_URL="https://a.example.dz", TRUSTED_HOSTS="a.example.dz, b")
    assert listed.TRUSTED_HOSTS == ["a.example.dz", "b"]
    assert listed.BASE_URL == "https://a.example.dz"


def test_production_does_not_start_without_base_url(production_config, tmp_path):
    settings = production_config()
    assert settings.BASE_URL == ""

    class Settings(settings):
        SECRET_KEY = "x"
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'x.db'}"

    with pytest.raises(RuntimeError, match="BASE_URL"):
        create_app(Settings)
