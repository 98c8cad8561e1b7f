# ruff: noqa: S603, S607 - a benchmark driver: runs flask, gunicorn, wrk and lscpu it chose
"""`make bench`: digiweb at 100,000 projects, served by gunicorn and loaded by wrk (issue 7).

1. Database: `BENCH_DATABASE_URL`, else the SQLite file `instance/bench.db`. Built once
   (`db upgrade`, `demo load`, `demo scale --projects N`) and reused: only what is missing is
   added. A PostgreSQL database that does not exist is created; a database built by a
   migration that no longer exists (the initial migration was regenerated) is rebuilt.
2. HTTP: gunicorn with 2 sync workers on a free local port; wrk (1 thread, 10 connections,
   `--duration` seconds per scenario) logged in as `reviewer`. Each scenario rotates over
   several URLs (years, sort orders, search words, pages, dashboard filters: `scenario_list`),
   which `bench/report.lua` requests in turn, so that a cache cannot reduce it to one stored
   answer. For each scenario: p50, p95, requests/s, errors (non-2xx and socket errors), the
   ratio of its median to the mean of the `/healthz` medians measured just before and just
   after it in the same run (the machine is shared: its load moves during a run) and the
   load average of the machine.
   Service time (in a child process, Flask's test client): the same URLs cold (the cache
   cleared before each request) and warm (each URL already served once).
3. PDFs (in a child process): the minutes MNS-2021-001 and the 2021 campaign report, the app's
   render functions against WeasyPrint alone on the same HTML, time and peak memory.
4. Exports: `/projects.csv` and `/projects.xlsx` for about 10,000 rows (one year) and for every
   year (about 100,000 rows), each in a fresh one-worker gunicorn whose RSS is sampled: time
   and peak memory, which must stay flat as the rows grow.
5. Campaign report of a big year (`--only campaign`): the PDF of the campaign holding the most
   sent projects (at least 5,000 with the default build), each language in a fresh process:
   wall time and peak RSS (resource.getrusage), against 30 s and 400 MB. The report summarises
   by department; the per-project list is the project list's XLSX export (docs/decisions.md).

6. Jobs (`--only jobs`, bench/jobs_load.py): other users' project list p95 while a 100,000-row
   XLSX job and the biggest campaign report job run on an RQ worker (`--jobs-nice`), against
   2x its idle p95 in the same run and 2 s for any request.

Exits 1 when a target is missed. Results also go to `instance/bench-<database>-<label>.json`.
"""

import argparse
import contextlib
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LUA = Path(__file__).resolve().parent / "report.lua"
PASSWORD = "digiweb-demo"  # noqa: S105 - the documented password of the demo accounts
USERNAME = "reviewer"
HISTORY_YEAR = 2020  # the busiest synthetic year (about a quarter of the projects)
HISTORY_YEARS = tuple(range(2015, 2021))  # the synthetic years of `demo scale`
DEMO_YEAR = 2021
SMALL_EXPORT_YEAR = 2015  # about a tenth of the projects
# Each scenario rotates over several URLs (bench/report.lua takes them in turn), so that a
# cache cannot turn the measure into one stored answer. Sort orders of the list:
LIST_SORTS = ("reference", "-budget", "title")
# Arabic search words over every year, from very common to rare in the synthetic data, typed
# as users do (ة or ه, أ or ا: the search folds them). Share of the 100,000 projects matched:
SEARCH_WORDS = (
    "المرحلة",  # ~37 %
    "الوطنيه",  # ~19 % ("الوطنية" typed with ه)
    "الأولى",  # ~13 % (hamza and alif maqsura folded)
    "تمكين",  # ~6 %
    "النفايات",  # ~1.5 %
    "للمخطط",  # ~0.4 %
)
# Dashboard: every campaign, the whole campaign, one target, one department.
DASHBOARD_FILTERS = ({}, {"target": "citizens"}, {"department": "MF"})

# name, target ratio to the /healthz median (None: reported only)
TARGETS = {
    "list": 3.0,
    "fragment": 3.0,
    "search_ar": 4.0,
    "deep_page": 3.0,
    "dashboard": 5.0,
    "api": 3.0,
}
PDF_RATIO_TARGET = 1.2
# Export memory is "flat" when every-year's peak stays within this of the one-year peak.
EXPORT_FLAT_FACTOR = 1.5
EXPORT_FLAT_SLACK_MB = 15


# Indexes proposed by issue 7 that the models do not declare yet (model changes go through the
# lead): `--proposed-indexes` creates them on the bench database to measure their effect, and
# without it they are dropped again, so that "before" measures the schema of the models. Once a
# model declares one (same name), the migrations create it and it is left alone here.
PROPOSED_INDEXES = (
    # /projects?year=Y sorted by reference: walk one year in reference order, and check the
    # sent-plan semi-join on (year, department_id) without reading the row.
    ("ix_projects_year_reference", "projects", ("year", "reference", "department_id")),
    # /projects?year=all and its deep pages: the same, over every year (index-only OFFSET).
    ("ix_projects_reference_scope", "projects", ("reference", "id", "year", "department_id")),
    # /dashboard: counts and budgets per plan, target, status and kind read from the index.
    ("ix_projects_plan_figures", "projects", ("plan_id", "target", "status", "kind", "budget_dzd")),
)


# --- database -------------------------------------------------------------------------------------


def database_url() -> str:
    return os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{ROOT / 'instance' / 'bench.db'}"


def dialect(url: str) -> str:
    return "postgresql" if url.startswith("postgresql") else "sqlite"


def app_env(url: str) -> dict:
    env = dict(os.environ)
    env["DATABASE_URL"] = url
    env.pop("FLASK_DEBUG", None)
    return env


def flask(url: str, *args: str) -> None:
    subprocess.run(
        [str(BIN / "flask"), "--app", "wsgi", *args], cwd=ROOT, env=app_env(url), check=True
    )


def ensure_postgres_database(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    target = make_url(url)
    admin = create_engine(
        target.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    with admin.connect() as conn:
        exists = conn.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": target.database}
        )
        if not exists:
            print(f"creating database {target.database}")
            conn.execute(text(f'CREATE DATABASE "{target.database}"'))
    admin.dispose()


def history_state(url: str) -> tuple[bool, int]:
    """(demo loaded, number of projects before 2021)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            demo = conn.scalar(text("SELECT count(*) FROM campaigns WHERE year = 2021")) or 0
            history = conn.scalar(text("SELECT count(*) FROM projects WHERE year < 2021")) or 0
        return bool(demo), int(history)
    finally:
        engine.dispose()


def set_proposed_indexes(url: str, wanted: bool) -> list[str]:
    """Create (or drop) the proposed indexes; returns the names present afterwards."""
    from sqlalchemy import create_engine, text

    sys.path.insert(0, str(ROOT))
    from digiweb.plans.models import Project

    declared = {index.name for index in Project.__table__.indexes}
    present = []
    engine = create_engine(url)
    with engine.begin() as conn:
        for name, table, columns in PROPOSED_INDEXES:
            if name in declared:
                present.append(name)
            elif wanted:
                conn.execute(
                    text(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({', '.join(columns)})")
                )
                present.append(name)
            else:
                conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
    engine.dispose()
    return present


def known_revisions() -> set[str]:
    found = set()
    for path in (ROOT / "migrations" / "versions").glob("*.py"):
        match = re.search(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", path.read_text(), re.M)
        if match:
            found.add(match.group(1))
    return found


def migrations_digest() -> str:
    """A digest of the migration files: the initial migration gets regenerated in place while
    nothing is deployed (same name, new content), which its revision id alone does not show."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted((ROOT / "migrations" / "versions").glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def stamp_path(url: str) -> Path:
    from sqlalchemy.engine import make_url

    name = Path(make_url(url).database or "bench").stem
    return ROOT / "instance" / f"bench-{dialect(url)}-{name}.migrations"


def database_revision(url: str) -> str | None:
    """The migration the bench database was built with (None: empty or missing)."""
    from sqlalchemy import create_engine, inspect, text
    from sqlalchemy.pool import NullPool

    if dialect(url) == "sqlite" and not Path(url.removeprefix("sqlite:///")).exists():
        return None
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            return conn.scalar(text("SELECT version_num FROM alembic_version"))
    finally:
        engine.dispose()


def drop_database(url: str) -> None:
    """Delete the bench database (SQLite file, or the PostgreSQL database) to rebuild it."""
    if dialect(url) == "sqlite":
        base = Path(url.removeprefix("sqlite:///"))
        for path in (base, Path(f"{base}-wal"), Path(f"{base}-shm")):
            path.unlink(missing_ok=True)
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.pool import NullPool

    target = make_url(url)
    admin = create_engine(
        target.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{target.database}" WITH (FORCE)'))
    admin.dispose()


def prepare_database(url: str, projects: int, proposed_indexes: bool = False) -> dict:
    if dialect(url) == "postgresql":
        ensure_postgres_database(url)
    else:
        (ROOT / "instance").mkdir(exist_ok=True)
    revision = database_revision(url)
    stamp = stamp_path(url)
    built_with = stamp.read_text().strip() if stamp.exists() else None
    if revision is not None and (
        revision not in known_revisions() or built_with != migrations_digest()
    ):
        # The migrations were regenerated (nothing is deployed yet, so the initial migration
        # gets rewritten): a database built with other ones cannot be upgraded. Rebuild it.
        print(
            f"the bench database was built with other migrations (revision {revision}, files "
            f"{built_with or 'unknown'}, now {migrations_digest()}): rebuilding it",
            flush=True,
        )
        drop_database(url)
        if dialect(url) == "postgresql":
            ensure_postgres_database(url)
    flask(url, "db", "upgrade")
    stamp.write_text(migrations_digest() + "\n")
    demo, history = history_state(url)
    if not demo:
        flask(url, "demo", "load")
    info = {"history_projects_before": history, "scale_seconds": None}
    if history < projects:
        started = time.perf_counter()
        flask(url, "demo", "scale", "--projects", str(projects - history))
        info["scale_seconds"] = round(time.perf_counter() - started, 1)
        info["scaled"] = projects - history
    info["proposed_indexes"] = set_proposed_indexes(url, proposed_indexes)
    from sqlalchemy import create_engine, text

    # Fresh statistics; on PostgreSQL also the visibility map that index-only scans need
    # (autovacuum would set it some time after a bulk load; measure the settled state).
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("VACUUM ANALYZE" if dialect(url) == "postgresql" else "ANALYZE"))
    engine.dispose()
    info["history_projects"] = history_state(url)[1]
    return info


# --- gunicorn -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, url: str, workers: int, env: dict | None = None):
        self.port = free_port()
        self.base = f"127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "--workers",
                str(workers),
                "--bind",
                self.base,
                "--log-level",
                "warning",
                "--timeout",
                "300",
                "wsgi:app",
            ],
            cwd=ROOT,
            env=app_env(url) | (env or {}),
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                status, _, _ = request(self.base, "/healthz")
                if status == 200 and len(self.worker_pids()) == workers:
                    return
            if self.process.poll() is not None:
                raise SystemExit("gunicorn exited at start")
            time.sleep(0.2)
        self.stop()
        raise SystemExit("gunicorn did not answer /healthz within 60 s")

    def worker_pids(self) -> list[int]:
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                with contextlib.suppress(OSError):
                    stat = (entry / "stat").read_text()
                    if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                        pids.append(int(entry.name))
        return pids

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


# --- HTTP client ----------------------------------------------------------------------------------


def request(base, path, *, cookie=None, headers=None, method="GET", body=None, sink=None):
    """(status, headers, body); with `sink`, the body is read in blocks and given to it."""
    conn = http.client.HTTPConnection(base, timeout=600)
    try:
        all_headers = dict(headers or {})
        if cookie:
            all_headers["Cookie"] = cookie
        conn.request(method, path, body=body, headers=all_headers)
        response = conn.getresponse()
        if sink is None:
            return response.status, response.headers, response.read()
        while block := response.read(65536):
            sink(block)
        return response.status, response.headers, b""
    finally:
        conn.close()


def session_cookie(headers, current=None) -> str | None:
    for value in headers.get_all("Set-Cookie") or []:
        pair = value.split(";", 1)[0]
        if pair.startswith("session="):
            return pair
    return current


def login(base: str, username: str = USERNAME) -> str:
    status, headers, body = request(base, "/login?lang=ar")
    if status != 200:
        raise SystemExit(f"GET /login answered {status}")
    cookie = session_cookie(headers)
    html = body.decode()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', html
    )
    if not token:
        raise SystemExit("no CSRF token in the login form")
    form = urllib.parse.urlencode(
        {"username": username, "password": PASSWORD, "csrf_token": token.group(1)}
    )
    status, headers, _ = request(
        base,
        "/login",
        cookie=cookie,
        method="POST",
        body=form,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    if status != 302:
        raise SystemExit(f"login as {username} failed ({status})")
    return session_cookie(headers, cookie)


# --- scenarios ------------------------------------------------------------------------------------


def q(**args) -> str:
    return urllib.parse.urlencode(args)


def visible_by_year(url: str) -> dict[int, int]:
    """Projects a reviewer sees per year (sent plans only)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT year, count(*) FROM projects WHERE plan_id IN (SELECT id FROM plans "
                    "WHERE status IN ('submitted', 'returned', 'approved')) GROUP BY year"
                )
            )
            return {int(year): int(count) for year, count in rows}
    finally:
        engine.dispose()


def _pages(count: int) -> int:
    return max(1, -(-count // 50))


def scenario_list(per_year: dict[int, int]) -> list[dict]:
    """Each scenario and the URLs it rotates over."""
    total = sum(per_year.values())
    last = _pages(total)
    deep = [
        f"/projects?{q(year='all', page=page)}"
        for page in sorted({max(1, last - 1), max(1, last - 25), max(1, last // 2), last})
    ]
    deep += [
        f"/projects?{q(year=year, page=max(1, _pages(per_year.get(year, 0)) - 1))}"
        for year in (HISTORY_YEARS[0], HISTORY_YEAR)
    ]
    years = [y for y in (*HISTORY_YEARS, DEMO_YEAR) if y in per_year] or [DEMO_YEAR]
    history = [y for y in HISTORY_YEARS if y in per_year] or [DEMO_YEAR]
    lists = [
        f"/projects?{q(year=year)}"
        if sort == "reference"
        else f"/projects?{q(year=year, sort=sort)}"
        for year in history
        for sort in LIST_SORTS
    ]
    return [
        {"name": "healthz", "paths": ["/healthz"]},
        {"name": "list", "paths": lists},
        {"name": "fragment", "paths": lists, "htmx": True},
        {
            "name": "search_ar",
            "paths": [f"/projects?{q(year='all', q=word)}" for word in SEARCH_WORDS],
        },
        {"name": "deep_page", "paths": deep},
        {
            "name": "dashboard",
            "paths": [
                f"/dashboard?{q(year=year, **extra)}"
                for year in years
                for extra in DASHBOARD_FILTERS
            ],
        },
        {
            "name": "api",
            "paths": [
                f"/api/v1/projects?{q(year=year, page=page)}" for year in history for page in (1, 3)
            ],
        },
    ]


def scenarios(base: str, cookie: str, per_year: dict[int, int]) -> list[dict]:
    """The URLs measured, each checked once (status, fragment or page, results not empty).
    A scenario whose route answers 404 (not built yet) is kept with `missing` set, not loaded."""
    items = scenario_list(per_year)
    for item in items:
        headers = {"HX-Request": "true"} if item.get("htmx") else {}
        singles, sizes = [], []
        for path in item["paths"]:
            started = time.perf_counter()
            status, _, body = request(base, path, cookie=cookie, headers=headers)
            singles.append((time.perf_counter() - started) * 1000)
            sizes.append(len(body))
            if status == 404 and item["name"] != "healthz":
                print(f"  {path}: 404, not built yet: not measured")
                item["missing"] = True
                break
            if status != 200:
                raise SystemExit(f"{path} answered {status}")
            text = body.decode()
            full = item["name"] in ("list", "search_ar", "deep_page", "dashboard")
            if full and "<html" not in text:
                raise SystemExit(f"{path}: not a full page")
            if item.get("htmx") and "<html" in text:
                raise SystemExit(f"{path}: the htmx answer is not a fragment")
            if item["name"] in ("list", "fragment", "search_ar", "deep_page", "api") and not (
                re.search(r"20\d\d-[A-Z]+-\d{3}", text)
            ):
                raise SystemExit(f"{path}: no project in the answer")
        # First (cold) answer of each URL, on a freshly started server.
        item["single_ms"] = round(statistics.median(singles), 1)
        item["bytes"] = round(statistics.median(sizes))
    print(f"projects visible to {USERNAME}: {sum(per_year.values())} ({per_year})")
    for item in items:
        print(f"  {item['name']:10} {len(item['paths']):3d} URLs, e.g. {item['paths'][-1]}")
    return items


MIN_REQUESTS = 20  # fewer completed requests than this and the run is made longer
MAX_DURATION = 60


def drain(base: str, limit: float = 180) -> None:
    """Wait until the workers are idle: when wrk stops, the requests it had sent are still
    queued and served, and would slow the next scenario down."""
    deadline = time.monotonic() + limit
    quick = 0
    while quick < 3 and time.monotonic() < deadline:
        started = time.perf_counter()
        request(base, "/healthz")
        quick = quick + 1 if time.perf_counter() - started < 0.25 else 0
        time.sleep(0.1)


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time spent so far by these processes (/proc/<pid>/stat)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def run_wrk(server, item: dict, cookie: str, duration: int, connections: int) -> dict:
    """wrk on one scenario; a run that completed too few requests for a median is run again,
    longer (slow pages otherwise report nothing: wrk only counts requests that end in time).
    Also the CPU time the gunicorn workers spent per completed request: unlike latencies, the
    load of other processes on the machine hardly changes it (on PostgreSQL it leaves out the
    queries, which run in the database server)."""
    base = server.base
    workers = server.worker_pids()
    drain(base)
    started = cpu_seconds(workers)
    result = _wrk_once(base, item, cookie, duration, connections)
    while result["requests"] < MIN_REQUESTS and duration < MAX_DURATION:
        drain(base)
        rate = result["requests"] / duration
        duration = min(MAX_DURATION, max(duration * 3, int(MIN_REQUESTS / rate) + 5 if rate else 0))
        print(f"    only {result['requests']} requests: again for {duration} s", flush=True)
        started = cpu_seconds(workers)
        result = _wrk_once(base, item, cookie, duration, connections)
    spent = cpu_seconds(workers) - started
    result["worker_cpu_ms"] = (
        round(spent * 1000 / result["requests"], 2) if result["requests"] else None
    )
    result["duration_s"] = duration
    result["load_1m"] = round(os.getloadavg()[0], 2)
    if result["requests"] == 0:
        result["errors"] += 1  # nothing answered in time: a failure, not a pass
    return result


def _wrk_once(base: str, item: dict, cookie: str, duration: int, connections: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".paths", delete=False) as paths:
        paths.write("\n".join(item["paths"]) + "\n")
    command = [
        "wrk",
        "--threads",
        "1",
        "--connections",
        str(connections),
        "--duration",
        f"{duration}s",
        "--timeout",
        "30s",
        "--script",
        str(LUA),
        "--header",
        f"Cookie: {cookie}",
    ]
    if item.get("htmx"):
        command += ["--header", "HX-Request: true"]
    # The URL given to wrk only names the server: report.lua takes the paths in turn.
    command += [f"http://{base}/", "--", paths.name]
    try:
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(paths.name)
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    errors = raw["non2xx"] + raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    return {
        "p50_ms": raw["p50_us"] / 1000,
        "p95_ms": raw["p95_us"] / 1000,
        "rps": raw["requests"] / (raw["duration_us"] / 1e6),
        "requests": raw["requests"],
        "errors": errors,
        "raw": raw,
    }


def http_bench(url: str, duration: int, connections: int) -> dict:
    server = Server(url, workers=2)
    try:
        cookie = login(server.base)
        items = scenarios(server.base, cookie, visible_by_year(url))
        results = {}
        for item in items:
            if item.get("missing"):
                results[item["name"]] = {"paths": item["paths"], "missing": True}
        items = [item for item in items if not item.get("missing")]
        for item in items:  # warm both workers (templates, translations, caches)
            headers = {"HX-Request": "true"} if item.get("htmx") else {}
            for _ in range(3):
                for path in item["paths"]:
                    request(server.base, path, cookie=cookie, headers=headers)
        # /healthz runs before every scenario and once more at the end: the machine is shared
        # and its load moves during a run, so each scenario is compared with the /healthz
        # medians measured just before and just after it (their mean).
        floors = []
        healthz = items[0]
        for item in items[1:]:
            print("  wrk healthz", flush=True)
            floors.append(run_wrk(server, healthz, cookie, duration, connections))
            if "healthz" not in results:
                results["healthz"] = {**floors[0], "paths": healthz["paths"]}
            print(f"  wrk {item['name']:10} ({len(item['paths'])} URLs)", flush=True)
            results[item["name"]] = {
                **run_wrk(server, item, cookie, duration, connections),
                "paths": item["paths"],
                "single_ms": item["single_ms"],
                "bytes": item["bytes"],
            }
        print("  wrk healthz again (drift check)", flush=True)
        floors.append(run_wrk(server, healthz, cookie, duration, connections))
        results["healthz_after"] = {**floors[-1], "paths": healthz["paths"]}
        for index, item in enumerate(items[1:]):
            before, after = floors[index]["p50_ms"], floors[index + 1]["p50_ms"]
            results[item["name"]]["healthz_p50_ms"] = round((before + after) / 2, 2)
            cpus = [f["worker_cpu_ms"] for f in floors[index : index + 2] if f["worker_cpu_ms"]]
            results[item["name"]]["healthz_worker_cpu_ms"] = (
                round(sum(cpus) / len(cpus), 2) if cpus else None
            )
        results["healthz"]["all_p50_ms"] = [round(f["p50_ms"], 2) for f in floors]
        results["healthz"]["errors"] += sum(f["errors"] for f in floors[1:-1])
        return results
    finally:
        server.stop()


# --- exports --------------------------------------------------------------------------------------


def export_bench(url: str) -> list[dict]:
    rows = []
    for fmt in ("csv", "xlsx"):
        for label, year in (("one year", SMALL_EXPORT_YEAR), ("all years", "all")):
            server = Server(url, workers=1)
            try:
                cookie = login(server.base)
                (pid,) = server.worker_pids()
                base_rss = rss_mb(pid)
                peak = [base_rss]
                stop = threading.Event()

                def sample(pid=pid, peak=peak, stop=stop):
                    while not stop.is_set():
                        with contextlib.suppress(OSError):
                            peak[0] = max(peak[0], rss_mb(pid))
                        time.sleep(0.01)

                sampler = threading.Thread(target=sample, daemon=True)
                sampler.start()
                size = [0]
                lines = [0]

                def sink(block, size=size, lines=lines):
                    size[0] += len(block)
                    lines[0] += block.count(b"\n")

                path = f"/projects.{fmt}?{q(year=year)}"
                started = time.perf_counter()
                status, _, _ = request(server.base, path, cookie=cookie, sink=sink)
                seconds = time.perf_counter() - started
                stop.set()
                sampler.join()
                if status != 200:
                    raise SystemExit(f"{path} answered {status}")
                record = {
                    "format": fmt,
                    "scope": label,
                    "path": path,
                    "seconds": round(seconds, 2),
                    "mb": round(size[0] / 1e6, 1),
                    "rss_before_mb": round(base_rss, 1),
                    "rss_peak_mb": round(peak[0], 1),
                    "rss_growth_mb": round(peak[0] - base_rss, 1),
                }
                if fmt == "csv":
                    record["rows"] = lines[0] - 1
                rows.append(record)
                print(
                    f"  {path}: {record['seconds']} s, {record['mb']} MB, "
                    f"worker RSS +{record['rss_growth_mb']} MB",
                    flush=True,
                )
            finally:
                server.stop()
    return rows


# --- PDFs (child process) -------------------------------------------------------------------------


def pdf_child(url: str, repeat: int) -> None:
    """Runs in its own process: prints one JSON line."""
    import resource
    import tracemalloc

    os.environ["DATABASE_URL"] = url
    sys.path.insert(0, str(ROOT))
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from digiweb import create_app
    from digiweb.reports import campaign_report, minutes_report
    from digiweb.reports import pdf as pdf_module

    def weasyprint_alone(html: str, archive: bool) -> bytes:
        """WeasyPrint on the very same HTML with the same font and fetcher, nothing else."""
        fetcher = pdf_module.StaticFilesFetcher()
        font_config = FontConfiguration()
        fonts = CSS(
            string=pdf_module.FONT_CSS,
            base_url=pdf_module.BASE_URL,
            url_fetcher=fetcher,
            font_config=font_config,
        )
        options = (
            {"pdf_variant": pdf_module.ARCHIVE_VARIANT, "pdf_tags": True}
            if archive
            else {"pdf_variant": pdf_module.DOCUMENT_VARIANT}
        )
        return HTML(string=html, base_url=pdf_module.BASE_URL, url_fetcher=fetcher).write_pdf(
            stylesheets=[fonts], font_config=font_config, **options
        )

    app = create_app()
    results = []
    with app.test_request_context("/?lang=ar"):
        meeting = minutes_report.find_meeting("MNS-2021-001")
        documents = [
            (
                "minutes MNS-2021-001 (ar)",
                lambda: minutes_report.render_minutes_pdf(meeting, "ar"),
                lambda: minutes_report.minutes_html(meeting, "ar"),
                meeting.is_locked,
            ),
            (
                "campaign report 2021 (ar)",
                lambda: campaign_report.render_campaign_pdf(2021, "ar"),
                lambda: campaign_report.campaign_html(2021, "ar"),
                False,
            ),
        ]
        for name, app_render, html_of, archive in documents:
            html = html_of()
            app_render()  # warm-up: fonts, templates
            weasyprint_alone(html, archive)
            # CPU time of this process (WeasyPrint is single-threaded): other load on the
            # machine does not change it; the order alternates so that neither side always
            # runs on a warmer cache.
            app_times, alone_times, app_walls = [], [], []
            for index in range(repeat):
                pair = [
                    (app_times, app_render),
                    (
                        alone_times,
                        lambda html=html, archive=archive: weasyprint_alone(html, archive),
                    ),
                ]
                for times, render in pair if index % 2 == 0 else reversed(pair):
                    started, started_cpu = time.perf_counter(), time.process_time()
                    output = render()
                    times.append(time.process_time() - started_cpu)
                    if times is app_times:
                        app_pdf = output
                        app_walls.append(time.perf_counter() - started)
            peaks = []
            for render in (
                app_render,
                lambda html=html, archive=archive: weasyprint_alone(html, archive),
            ):
                tracemalloc.start()
                render()
                peaks.append(tracemalloc.get_traced_memory()[1] / 1e6)
                tracemalloc.stop()
            app_median, alone_median = statistics.median(app_times), statistics.median(alone_times)
            results.append(
                {
                    "document": name,
                    "pages": app_pdf.count(b"/Type /Page\n") or None,
                    "kb": round(len(app_pdf) / 1024),
                    "app_ms": round(app_median * 1000),
                    "app_wall_ms": round(statistics.median(app_walls) * 1000),
                    "weasyprint_ms": round(alone_median * 1000),
                    "ratio": round(app_median / alone_median, 2),
                    "app_peak_mb": round(peaks[0], 1),
                    "weasyprint_peak_mb": round(peaks[1], 1),
                }
            )
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("PDF_JSON " + json.dumps({"documents": results, "process_max_rss_mb": round(maxrss)}))


# The campaign report of a year of 5,000 projects (issue 12): wall seconds and peak RSS in MB.
CAMPAIGN_REPORT_TARGETS = {"wall_s": 30, "peak_mb": 400}
CAMPAIGN_REPORT_MIN_PROJECTS = 5000


def campaign_report_child(url: str, lang: str) -> None:
    """Runs in its own process (its peak RSS is this document's alone): prints one JSON line."""
    import resource

    os.environ["DATABASE_URL"] = url
    sys.path.insert(0, str(ROOT))
    import sqlalchemy as sa

    from digiweb import create_app
    from digiweb.campaigns.models import Campaign
    from digiweb.extensions import db
    from digiweb.plans.models import SENT_STATUSES, Plan, Project
    from digiweb.reports import campaign_report

    app = create_app()
    with app.app_context():
        year, projects = db.session.execute(
            sa.select(Campaign.year, sa.func.count(Project.id))
            .join(Plan, Plan.campaign_id == Campaign.id)
            .join(Project, Project.plan_id == Plan.id)
            .where(Plan.status.in_(SENT_STATUSES))
            .group_by(Campaign.year)
            .order_by(sa.func.count(Project.id).desc())
            .limit(1)
        ).one()
        started = time.perf_counter()
        content = campaign_report.render_campaign_pdf(year, lang)
        wall = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row = {"year": year, "lang": lang, "projects": projects, "kb": round(len(content) / 1024)}
    row |= {"wall_s": round(wall, 1), "peak_mb": round(peak)}
    print("CAMPAIGN_JSON " + json.dumps(row))


def campaign_report_bench(url: str) -> list[dict]:
    rows = []
    for lang in ("ar", "fr"):
        output = subprocess.run(
            [sys.executable, __file__, "--campaign-child", lang],
            cwd=ROOT,
            env=app_env(url) | {"BENCH_DATABASE_URL": url},
            capture_output=True,
            text=True,
        )
        if output.returncode != 0:
            print(output.stderr[-3000:], file=sys.stderr)
            raise SystemExit("the campaign report benchmark failed")
        line = next(x for x in output.stdout.splitlines() if x.startswith("CAMPAIGN_JSON "))
        rows.append(json.loads(line.removeprefix("CAMPAIGN_JSON ")))
    return rows


def pdf_bench(url: str, repeat: int) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--pdf-child", "--repeat", str(repeat)],
        cwd=ROOT,
        env=app_env(url) | {"BENCH_DATABASE_URL": url},
        capture_output=True,
        text=True,
    )
    if output.returncode != 0:
        print(output.stderr[-3000:], file=sys.stderr)
        raise SystemExit("the PDF benchmark failed")
    line = next(line for line in output.stdout.splitlines() if line.startswith("PDF_JSON "))
    return json.loads(line.removeprefix("PDF_JSON "))


# --- service time (child process) ------------------------------------------------------------


def service_child(url: str, repeat: int) -> None:
    """Time of each scenario's requests in one process (Flask's test client, no network): what
    a worker spends on them. Two measures per scenario, over its URLs taken in turn:

    - cold: the cache is cleared before each request (`digiweb.cache.clear_cache`), so every
      count, figure and fragment is computed (the first view after any change of the data);
    - warm: each URL was requested once before (what a worker serves between two changes).

    Medians of CPU time (this process: the app, and SQLite, which runs inside it) and of wall
    time (PostgreSQL runs its queries in its own processes). Prints one JSON line."""
    os.environ["DATABASE_URL"] = url
    sys.path.insert(0, str(ROOT))
    from digiweb import create_app
    from digiweb.cache import clear_cache

    app = create_app()
    app.config["RATELIMIT_ENABLED"] = False
    client = app.test_client()
    html = client.get("/login?lang=ar").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    form = {"username": USERNAME, "password": PASSWORD, "csrf_token": token}
    if client.post("/login", data=form).status_code != 302:
        raise SystemExit("login failed")

    def timed(path, headers, cold):
        if cold:
            with app.app_context():
                clear_cache()
        started, started_cpu = time.perf_counter(), time.process_time()
        status = client.get(path, headers=headers).status_code
        return status, time.process_time() - started_cpu, time.perf_counter() - started

    results = {}
    per_year = visible_by_year(url)
    for item in scenario_list(per_year):
        headers = {"HX-Request": "true"} if item.get("htmx") else {}
        paths = item["paths"]
        status = client.get(paths[0], headers=headers).status_code  # templates, connections
        if status != 200:
            results[item["name"]] = {"status": status}
            continue
        row = {"urls": len(paths)}
        for mode in ("cold", "warm"):
            if mode == "warm":
                for path in paths:  # each URL once, so that every timed request is a repeat
                    client.get(path, headers=headers)
            cpu, wall = [], []
            for index in range(max(repeat, len(paths))):
                status, spent_cpu, spent_wall = timed(
                    paths[index % len(paths)], headers, mode == "cold"
                )
                if status != 200:
                    raise SystemExit(f"{paths[index % len(paths)]} answered {status}")
                cpu.append(spent_cpu)
                wall.append(spent_wall)
            row[f"{mode}_cpu_ms"] = round(statistics.median(cpu) * 1000, 2)
            row[f"{mode}_wall_ms"] = round(statistics.median(wall) * 1000, 2)
        results[item["name"]] = row
        print(f"    {item['name']}: {row}", file=sys.stderr, flush=True)
    print("SERVICE_JSON " + json.dumps(results))


def service_bench(url: str, repeat: int) -> dict:
    output = subprocess.run(
        [sys.executable, __file__, "--service-child", "--repeat", str(repeat)],
        cwd=ROOT,
        env=app_env(url) | {"BENCH_DATABASE_URL": url},
        capture_output=True,
        text=True,
    )
    if output.returncode != 0:
        print(output.stderr[-3000:], file=sys.stderr)
        raise SystemExit("the service-time benchmark failed")
    line = next(line for line in output.stdout.splitlines() if line.startswith("SERVICE_JSON "))
    return json.loads(line.removeprefix("SERVICE_JSON "))


# --- report ---------------------------------------------------------------------------------------


def machine() -> dict:
    import platform
    import sqlite3

    model = ""
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        for line in subprocess.run(
            ["lscpu"], capture_output=True, text=True, check=True
        ).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    memory = ""
    with contextlib.suppress(OSError):
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.1f} GiB"
    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "memory": memory,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def print_report(results: dict) -> list[str]:
    """Prints the tables; returns the list of missed targets."""
    missed = []
    http = results.get("http")
    if http:
        floor = http["healthz"]["p50_ms"]
        print()
        print(
            f"HTTP ({results['database']}, gunicorn 2 workers, wrk {results['connections']} "
            f"connections, {results['duration']} s each; each scenario rotates over its URLs; "
            "healthz = mean of the /healthz medians measured just before and after it; "
            "load = 1-min load average at its end; cpu/req = CPU ms of the gunicorn workers per "
            "completed request, and its ratio to that of /healthz)"
        )
        print(
            f"{'scenario':12} {'URLs':>4} {'p50 ms':>8} {'p95 ms':>8} {'req/s':>8} {'errors':>7} "
            f"{'healthz':>8} {'x healthz':>10} {'target':>7} {'load':>5}  ok  "
            f"{'cpu/req':>8} {'x healthz':>9}"
        )
        for name, row in http.items():
            urls = len(row.get("paths", []))
            if name == "healthz_after":
                row["ratio"] = round(row["p50_ms"] / floor, 2) if floor else None
                print(
                    f"{name:12} {urls:4d} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} "
                    f"{row['rps']:8.1f} {row['errors']:7d} {floor:8.1f} {row['ratio']:10.2f} "
                    f"{'':>7} {row.get('load_1m', 0):5.1f}  (drift check)"
                )
                if row["errors"]:
                    missed.append(f"healthz (after): {row['errors']} errors")
                continue
            if row.get("missing"):
                missed.append(f"{name}: answers 404 (not built yet)")
                print(f"{name:12} {'(404: not built yet)':>44}")
                continue
            adjacent = row.get("healthz_p50_ms") or floor
            ratio = row["p50_ms"] / adjacent if adjacent else float("inf")
            row["ratio"] = round(ratio, 2)
            row["ratio_first_healthz"] = round(row["p50_ms"] / floor, 2) if floor else None
            target = TARGETS.get(name)
            ok = row["errors"] == 0 and (target is None or ratio <= target)
            if not ok:
                missed.append(f"{name}: x{ratio:.2f} (target x{target}), {row['errors']} errors")
            cpu, cpu_floor = row.get("worker_cpu_ms"), row.get("healthz_worker_cpu_ms")
            if name == "healthz":
                cpu_floor = cpu
            cpu_ratio = cpu / cpu_floor if cpu and cpu_floor else None
            row["worker_cpu_ratio"] = round(cpu_ratio, 2) if cpu_ratio else None
            print(
                f"{name:12} {urls:4d} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {row['rps']:8.1f} "
                f"{row['errors']:7d} {adjacent:8.1f} {ratio:10.2f} "
                f"{('x' + str(target)) if target else '':>7} "
                f"{row.get('load_1m', 0):5.1f}  {'yes' if ok else 'NO ':3}  "
                f"{cpu or 0:8.2f} {cpu_ratio or 0:9.2f}"
            )
    service = results.get("service")
    if service:
        # On PostgreSQL the queries run in the server's processes, which this process's CPU
        # time does not count: there the wall time is the measure (and other load shows in it).
        unit = "wall_ms" if results["database"] == "postgresql" else "cpu_ms"
        floor = service.get("healthz", {}).get(f"warm_{unit}")
        print()
        print(
            "Service time (one process, no network, median per request over the scenario's URLs; "
            "cold = cache cleared before each request, warm = served again; ratio on "
            + (
                "wall time: the queries run in the PostgreSQL server)"
                if unit == "wall_ms"
                else "CPU time, which other load on the machine does not change)"
            )
        )
        print(
            f"{'scenario':12} {'cold cpu':>9} {'cold wall':>10} {'x healthz':>10} "
            f"{'warm cpu':>9} {'warm wall':>10} {'x healthz':>10} {'target':>7}"
        )
        for name, row in service.items():
            if "cold_cpu_ms" not in row:
                print(f"{name:12} status {row.get('status')}")
                continue
            for mode in ("cold", "warm"):
                ratio = row[f"{mode}_{unit}"] / floor if floor else float("inf")
                row[f"{mode}_ratio"] = round(ratio, 2)
            target = TARGETS.get(name)
            print(
                f"{name:12} {row['cold_cpu_ms']:9.1f} {row['cold_wall_ms']:10.1f} "
                f"{row['cold_ratio']:10.2f} {row['warm_cpu_ms']:9.1f} {row['warm_wall_ms']:10.1f} "
                f"{row['warm_ratio']:10.2f} {('x' + str(target)) if target else '':>7}"
            )
    pdfs = results.get("pdf")
    if pdfs:
        print()
        print(
            f"PDF (same process, median CPU ms; ratio = app / WeasyPrint alone on the same HTML; "
            f"process max RSS {pdfs['process_max_rss_mb']} MB)"
        )
        print(
            f"{'document':28} {'app ms':>7} {'alone ms':>9} {'ratio':>6} {'app MB':>7} "
            f"{'alone MB':>9} {'KB':>6}  ok"
        )
        for doc in pdfs["documents"]:
            ok = doc["ratio"] <= PDF_RATIO_TARGET
            if not ok:
                missed.append(
                    f"PDF {doc['document']}: x{doc['ratio']} (target x{PDF_RATIO_TARGET})"
                )
            print(
                f"{doc['document']:28} {doc['app_ms']:7d} {doc['weasyprint_ms']:9d} "
                f"{doc['ratio']:6.2f} {doc['app_peak_mb']:7.1f} {doc['weasyprint_peak_mb']:9.1f} "
                f"{doc['kb']:6d}  {'yes' if ok else 'NO'}"
            )
    exports = results.get("exports")
    if exports:
        print()
        print("Exports (fresh 1-worker gunicorn each; worker RSS sampled every 10 ms)")
        print(f"{'export':26} {'rows':>7} {'s':>6} {'MB':>6} {'RSS +MB':>8}")
        for row in exports:
            print(
                f"{row['path'][:26]:26} {row.get('rows', ''):>7} {row['seconds']:6.2f} "
                f"{row['mb']:6.1f} {row['rss_growth_mb']:8.1f}"
            )
        for fmt in ("csv", "xlsx"):
            small, large = (r for r in exports if r["format"] == fmt)
            limit = small["rss_growth_mb"] * EXPORT_FLAT_FACTOR + EXPORT_FLAT_SLACK_MB
            if large["rss_growth_mb"] > limit:
                missed.append(
                    f"{fmt} export memory grows with rows: +{small['rss_growth_mb']} MB "
                    f"-> +{large['rss_growth_mb']} MB"
                )
    campaign = results.get("campaign_report")
    if campaign:
        print()
        print(
            f"Campaign report of the biggest year (targets: {CAMPAIGN_REPORT_TARGETS['wall_s']} s, "
            f"{CAMPAIGN_REPORT_TARGETS['peak_mb']} MB peak RSS; a fresh process per language)"
        )
        for row in campaign:
            ok = (
                row["wall_s"] <= CAMPAIGN_REPORT_TARGETS["wall_s"]
                and row["peak_mb"] <= CAMPAIGN_REPORT_TARGETS["peak_mb"]
            )
            verdict = "ok" if ok else "MISSED"
            print(
                f"  {row['year']} ({row['lang']}): {row['projects']:,} projects, "
                f"{row['wall_s']} s, {row['peak_mb']} MB, {row['kb']} KB  {verdict}"
            )
            if not ok:
                missed.append(
                    f"campaign report {row['year']} ({row['lang']}): {row['wall_s']} s, "
                    f"{row['peak_mb']} MB"
                )
            if row["projects"] < CAMPAIGN_REPORT_MIN_PROJECTS:
                print(f"  (fewer than {CAMPAIGN_REPORT_MIN_PROJECTS:,} projects: build bigger)")
    if results.get("jobs"):
        import jobs_load  # bench/jobs_load.py

        missed += jobs_load.report(results["jobs"])
    print()
    if missed:
        print("TARGETS MISSED:")
        for line in missed:
            print(f"  - {line}")
    elif not (http or service or pdfs or exports or campaign or results.get("jobs")):
        print("nothing measured (--only selected no part)")
    else:
        print("every target met")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--projects", type=int, default=int(os.environ.get("BENCH_PROJECTS", 100_000))
    )
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 10)))
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5, help="PDF renders per document")
    parser.add_argument(
        "--only",
        default="http,service,pdf,exports,campaign,jobs",
        help="comma-separated parts to run",
    )
    parser.add_argument(
        "--proposed-indexes",
        action="store_true",
        help="create the indexes proposed for issue 7 (see PROPOSED_INDEXES) before measuring",
    )
    parser.add_argument("--label", default="", help="a name for this run in the results file")
    parser.add_argument(
        "--jobs-nice", type=int, default=10, help="niceness of the RQ worker (part jobs; 0: none)"
    )
    parser.add_argument("--pdf-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--campaign-child", choices=("ar", "fr"), help=argparse.SUPPRESS)
    parser.add_argument("--service-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    url = database_url()
    if args.campaign_child:
        campaign_report_child(url, args.campaign_child)
        return 0
    if args.pdf_child:
        pdf_child(url, args.repeat)
        return 0
    if args.service_child:
        service_child(url, max(args.repeat, 9))
        return 0
    if not 8 <= args.connections <= 20:
        parser.error("--connections must be between 8 and 20")
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk (make bench installs it when root)")
    parts = set(args.only.split(","))
    shown = url.split("@")[-1] if "@" in url else url
    print(f"database: {shown}")
    results = {
        "database": dialect(url),
        "url": shown,
        "duration": args.duration,
        "connections": args.connections,
        "machine": machine(),
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    load = os.getloadavg()[0]
    results["load_average_at_start"] = round(load, 2)
    if load > (os.cpu_count() or 1) * 0.75:
        print(
            f"WARNING: load average {load:.1f} on {os.cpu_count()} CPUs: something else is "
            "running, the timings will be noisy (the ratios less so)"
        )
    results["build"] = prepare_database(url, args.projects, args.proposed_indexes)
    results["label"] = args.label or ("proposed indexes" if args.proposed_indexes else "schema")
    print(f"extra indexes: {', '.join(results['build']['proposed_indexes']) or 'none'}")
    print(f"history: {results['build']['history_projects']} projects before 2021")
    if "http" in parts:
        results["http"] = http_bench(url, args.duration, args.connections)
    if "service" in parts:
        print("  service time", flush=True)
        results["service"] = service_bench(url, max(args.repeat, 9))
    if "pdf" in parts:
        print("  PDFs", flush=True)
        results["pdf"] = pdf_bench(url, args.repeat)
    if "exports" in parts:
        results["exports"] = export_bench(url)
    if "campaign" in parts:
        print("  campaign report of the biggest year", flush=True)
        results["campaign_report"] = campaign_report_bench(url)
    if "jobs" in parts:
        import jobs_load  # bench/jobs_load.py

        results["jobs"] = jobs_load.jobs_bench(url, args.jobs_nice)
    missed = print_report(results)
    results["missed"] = missed
    slug = re.sub(r"[^a-z0-9]+", "-", results["label"].lower()).strip("-")
    out = ROOT / "instance" / f"bench-{dialect(url)}-{slug}.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"results written to {out.relative_to(ROOT)}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
