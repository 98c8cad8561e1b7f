"""50 users for 60 s on loopback (INTEGRITY_LOAD_SECONDS to change it), reading pages and
saving projects through gunicorn: 0 errors (no 5xx, no socket error, no other 4xx). Conflicts
between two users saving the same project (409) are genuine and only counted."""

import http.client
import os
import random
import re
import threading
import time
from collections import Counter

import pytest
from sqlalchemy import text

from tests.integrity.helpers import HX, Browser, form_fields, with_values

pytestmark = pytest.mark.slow
USERS = 50
WRITERS_PER_PLAN = 2
SECONDS = float(os.environ.get("INTEGRITY_LOAD_SECONDS", "60"))
NAV_LINK = re.compile(r'<nav class="main-nav".*?</nav>', re.S)
HREF = re.compile(r'href="([^"#?]+)"')


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.errors: list[str] = []
        self.reads = self.writes = 0

    def add(self, method, path, answer=None, error=None):
        with self.lock:
            if error is not None:
                self.errors.append(f"{method} {path}: {error!r}")
                return
            self.statuses[answer.status] += 1
            if method == "GET":
                self.reads += 1
            else:
                self.writes += 1
            if answer.status >= 500 or answer.status in (400, 403, 404, 422):
                self.errors.append(f"{method} {path}: {answer.status}")


def _call(tally, browser, method, path, data=None, headers=None):
    try:
        answer = browser.request(method, path, data=data, headers=headers)
    except (OSError, http.client.HTTPException) as error:
        tally.add(method, path, error=error)
        return None
    tally.add(method, path, answer)
    return answer


def _reader(url, username, start, stop, tally, rng):
    browser = Browser(url).login(username)
    home = browser.get("/projects")
    nav = NAV_LINK.search(home.text)
    links = sorted(set(HREF.findall(nav.group(0)))) if nav else ["/projects"]
    project_links = sorted(set(re.findall(r'href="(/projects/\d+)"', home.text)))[:20]
    pages = links + project_links
    start.wait(300)
    while not stop.is_set():
        path = rng.choice(pages)
        _call(tally, browser, "GET", path, headers=HX if rng.random() < 0.3 else None)
        time.sleep(rng.uniform(0, 0.05))


def _writer(url, username, plan_id, start, stop, tally, rng):
    """Edit the plan's projects (others edit them too), add one now and then."""
    browser = Browser(url).login(username)
    start.wait(300)
    while not stop.is_set():
        page = _call(tally, browser, "GET", f"/plans/{plan_id}")
        if page is None:
            continue
        ids = sorted(set(re.findall(r'id="project-(\d+)"', page.text)))
        if not ids or rng.random() < 0.15:
            action = f"/plans/{plan_id}/projects"
            new = _call(tally, browser, "GET", f"/plans/{plan_id}/projects/new")
            if new is not None:
                form = form_fields(new.text, action)
                title = f"Charge {username} {rng.randrange(10**6)}"
                _call(tally, browser, "POST", action, with_values(form, new__title_fr=title))
            continue
        project_id = rng.choice(ids)
        path = f"/projects/{project_id}/edit"
        edit = _call(tally, browser, "GET", path)
        if edit is None:
            continue
        form = form_fields(edit.text, path)
        values = {f"p{project_id}-title_ar": f"عنوان تحت الحمل {rng.randrange(10**6)}"}
        headers = HX if rng.random() < 0.5 else None
        _call(tally, browser, "POST", path, with_values(form, **values), headers=headers)
        time.sleep(rng.uniform(0, 0.05))


def _guarded(target, start, tally):
    """A user that fails before the load starts stops the test at once, with its error."""

    def run(*args):
        try:
            target(*args)
        except Exception as error:
            tally.add("THREAD", target.__name__, error=error)
            start.abort()

    return run


def test_fifty_users_for_a_minute_without_an_error(served, database_url, engine_of):
    engine = engine_of(database_url)
    with engine.connect() as conn:
        writable = conn.execute(
            text(
                "SELECT pl.id, lower(d.code) FROM plans pl JOIN departments d "
                "ON d.id = pl.department_id WHERE pl.status IN ('draft', 'returned') "
                "ORDER BY pl.id"
            )
        ).all()
        readers = list(
            conn.execute(
                text("SELECT username FROM users WHERE active ORDER BY username")
            ).scalars()
        )
    stop, tally = threading.Event(), Tally()
    start = threading.Barrier(USERS + 1)  # the minute starts once everyone is logged in
    threads = []
    for plan_id, code in writable:
        for i in range(WRITERS_PER_PLAN):
            rng = random.Random(f"{plan_id}-{i}")
            args = (served.url, f"officer-{code}", plan_id, start, stop, tally, rng)
            threads.append(
                threading.Thread(target=_guarded(_writer, start, tally), args=args, daemon=True)
            )
    for i in range(USERS - len(threads)):
        rng = random.Random(i)
        args = (served.url, readers[i % len(readers)], start, stop, tally, rng)
        threads.append(
            threading.Thread(target=_guarded(_reader, start, tally), args=args, daemon=True)
        )
    assert len(threads) == USERS
    for thread in threads:
        thread.start()
    try:
        start.wait(300)
    except threading.BrokenBarrierError:
        stop.set()
        pytest.fail(f"a user could not start: {tally.errors[:5]}")
    time.sleep(SECONDS)
    stop.set()
    for thread in threads:
        thread.join(120)
    report = (
        f"{tally.reads} reads, {tally.writes} writes in {SECONDS:.0f} s, "
        f"statuses {dict(sorted(tally.statuses.items()))}, 409 conflicts {tally.statuses[409]}"
    )
    print(report)  # shown with -s: what the load did
    assert tally.errors == [], f"{report}; first errors: {tally.errors[:10]}"
    assert tally.reads > USERS and tally.writes > len(writable)
    assert "Traceback" not in served.log_text()
