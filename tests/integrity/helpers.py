"""Tools of the integrity tests: a real server (gunicorn) on a database of the test's own, a
small HTTP client with cookies (standard library only) and an HTML form reader."""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from tests.conftest import DEMO_PASSWORD, ON_POSTGRES, POSTGRES_URL

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
GUNICORN = Path(sys.executable).with_name("gunicorn")
HX = {"HX-Request": "true"}

# --- forms -------------------------------------------------------------------------------------


class _FormReader(HTMLParser):
    """The fields of every <form> of a page: [(attrs, [(name, value)...])]."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[dict, list]] = []
        self._form: tuple[dict, list] | None = None
        self._textarea: tuple[str, list] | None = None
        self._select: str | None = None
        self._option: tuple[str, list, bool] | None = None
        self._select_values: list = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self._form = (a, [])
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        fields = self._form[1]
        if tag == "input" and a.get("name") and "disabled" not in a:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            fields.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and a.get("name"):
            self._textarea = (a["name"], [])
        elif tag == "select" and a.get("name"):
            self._select, self._select_values = a["name"], []
        elif tag == "option" and self._select is not None:
            self._option = (a.get("value"), [], "selected" in a)

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)
        if self._option is not None:
            self._option[1].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            name, parts = self._textarea
            value = "".join(parts)
            self._form[1].append((name, value[1:] if value.startswith("\n") else value))
            self._textarea = None
        elif tag == "option" and self._option is not None:
            value, parts, selected = self._option
            self._select_values.append((value if value is not None else "".join(parts), selected))
            self._option = None
        elif tag == "select" and self._select is not None and self._form is not None:
            chosen = [v for v, s in self._select_values if s] or [
                v for v, _s in self._select_values[:1]
            ]
            self._form[1].extend((self._select, v) for v in chosen)
            self._select = None


def forms_of(html: str) -> list[tuple[dict, list]]:
    reader = _FormReader()
    reader.feed(html)
    return reader.forms


def form_fields(html: str, action: str) -> list[tuple[str, str]]:
    """The fields of the form posting to `action` (else of the first one whose action
    contains it)."""
    forms = forms_of(html)
    for attrs, fields in forms:
        if attrs.get("action", "").split("?")[0] == action:
            return list(fields)
    for attrs, fields in forms:
        if action in attrs.get("action", ""):
            return list(fields)
    raise AssertionError(f"no form posting to {action!r} in the page")


def with_values(fields: list[tuple[str, str]], **values) -> list[tuple[str, str]]:
    """The fields with some values replaced (names given with '__' for '-': p12__title_ar)."""
    values = {k.replace("__", "-"): v for k, v in values.items()}
    out, done = [], set()
    for name, value in fields:
        if name in values:
            if name in done:
                continue
            done.add(name)
            new = values[name]
            out.extend((name, v) for v in (new if isinstance(new, list) else [new]))
        else:
            out.append((name, value))
    for name, new in values.items():
        if name not in done:
            out.extend((name, v) for v in (new if isinstance(new, list) else [new]))
    return out


CSRF_HEADER = re.compile(r'"X-CSRFToken":\s*"([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF_HEADER.search(html) or re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF token in the page"
    return found.group(1)


# --- HTTP --------------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: dict
    text: str


@dataclass
class Browser:
    """One user: a cookie jar and a connection to the server (standard library only)."""

    base_url: str
    cookies: dict = field(default_factory=dict)
    timeout: float = 60
    headers: dict = field(default_factory=dict)  # sent with every request

    def on(self, server: Server) -> Browser:
        """The same user (the very same cookie jar) talking to another server."""
        return Browser(server.url, self.cookies, self.timeout, self.headers)

    def request(self, method: str, path: str, data=None, headers=None) -> Answer:
        parts = urlsplit(self.base_url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=self.timeout)
        sent = {"Connection": "close", **self.headers}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True).encode()
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        sent.update(headers or {})
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
            for value in response.msg.get_all("Set-Cookie") or []:
                cookie = SimpleCookie()
                cookie.load(value)
                for key, morsel in cookie.items():
                    if morsel["expires"] and "1970" in morsel["expires"]:
                        self.cookies.pop(key, None)
                    else:
                        self.cookies[key] = morsel.value
            return Answer(response.status, dict(response.getheaders()), content)
        finally:
            connection.close()

    def get(self, path, headers=None) -> Answer:
        return self.request("GET", path, headers=headers)

    def post(self, path, data, headers=None) -> Answer:
        return self.request("POST", path, data=data, headers=headers)

    def login(self, username: str, lang: str = "fr") -> Browser:
        page = self.get(f"/login?lang={lang}")
        answer = self.post(
            f"/login?lang={lang}",
            {"username": username, "password": DEMO_PASSWORD, "csrf_token": csrf_of(page.text)},
        )
        assert answer.status == 302, f"login of {username}: {answer.status}"
        return self


# --- databases ---------------------------------------------------------------------------------


def _admin_engine():
    return create_engine(make_url(POSTGRES_URL), isolation_level="AUTOCOMMIT", poolclass=NullPool)


def postgres_url(name: str) -> str:
    """The URL of the PostgreSQL database `name` on the test server."""
    return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)


def copy_database(template: str | Path, folder: Path) -> str:
    """A database of our own holding the demo data: a copy of the run's template."""
    if ON_POSTGRES:
        name = f"digiweb_integrity_{uuid.uuid4().hex[:10]}"
        engine = _admin_engine()
        with engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        engine.dispose()
        return postgres_url(name)
    path = folder / f"integrity-{uuid.uuid4().hex[:8]}.db"
    shutil.copyfile(template, path)
    return f"sqlite:///{path}"


def drop_database(url: str) -> None:
    if url.startswith("postgresql"):
        name = make_url(url).database
        engine = _admin_engine()
        with engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()


def build_postgres_template(prefix: str = "digiweb_integrity_tpl") -> str:
    """A new PostgreSQL database holding the demo data; returns its name. Used as TEMPLATE by
    copy_database(), or served as it is (postgres_url(name); drop it with drop_database())."""
    from digiweb import create_app
    from digiweb.demo.services import load_demo
    from digiweb.extensions import db

    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    engine = _admin_engine()
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    url = postgres_url(name)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        db.create_all()
        load_demo()
        db.session.remove()
        db.engine.dispose()
    return name


# --- the server --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """gunicorn serving the app on `database_url`; `url` is its address.

    By default the integrity tests' app (integrity_server:app); `app` and `env` (variables added
    to the environment) serve another one, e.g. `wsgi:app` with production settings."""

    database_url: str
    workers: int = 3
    threads: int = 4
    log: Path | None = None
    app: str = "integrity_server:app"
    env: dict = field(default_factory=dict)
    process: subprocess.Popen | None = None
    url: str = ""
    port: int = 0

    def start(self, timeout: float = 60, attempts: int = 3) -> Server:
        """Start and wait until /login answers; on another port if the free port found was
        taken in the meantime (seen in the log)."""
        for _ in range(attempts):
            if self._launch(timeout):
                return self
        raise AssertionError(f"no free port for gunicorn:\n{self.log_text()}")

    def _launch(self, timeout: float) -> bool:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "DIGIWEB_INTEGRITY_DATABASE": self.database_url,
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(HERE)]),
            **self.env,
        }
        env.pop("TEST_DATABASE_URL", None)
        command = [
            str(GUNICORN),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--threads",
            str(self.threads),
            "--worker-class",
            "gthread",
            "--timeout",
            "120",
            "--graceful-timeout",
            "5",
            "--preload",  # import the app once, then fork the workers: a faster start
            self.app,
        ]
        logged = len(self.log_text())
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        try:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        finally:
            if self.log:
                out.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                if "Address already in use" in self.log_text()[logged:]:
                    return False
                raise AssertionError(
                    f"gunicorn ended with {self.process.returncode}:\n{self.log_text()}"
                )
            try:
                if Browser(self.url, timeout=5).get("/login").status == 200:
                    return True
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise AssertionError(f"gunicorn did not answer in time:\n{self.log_text()}")

    def worker_pids(self) -> list[int]:
        out = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        return [int(p) for p in out.split()]

    def kill(self) -> None:
        """kill -9 the master and its workers, as a power cut or the OOM killer would."""
        pids = self.worker_pids()
        os.kill(self.process.pid, signal.SIGKILL)
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.kill()

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log and self.log.exists() else ""


# --- Redis and the jobs' worker ------------------------------------------------------------------


@contextlib.contextmanager
def redis_server(folder: Path):
    """A redis-server of our own on a free port (its URL), or a skip where none is installed
    (CI installs it, and there the test must run)."""
    import pytest

    executable = shutil.which("redis-server")
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is missing")
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    process = subprocess.Popen(
        [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextlib.contextmanager
def jobs_worker(env: dict, log: Path):
    """`flask --app wsgi jobs worker` (RQ) with `env` added to the environment, stopped at the
    end (SIGTERM: RQ's warm shutdown)."""
    full = {**os.environ, "PYTHONPATH": str(ROOT), **env}
    full.pop("TEST_DATABASE_URL", None)
    with open(log, "ab") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "flask", "--app", "wsgi", "jobs", "worker"],
            cwd=ROOT,
            env=full,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)
