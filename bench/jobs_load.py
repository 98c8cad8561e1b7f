# ruff: noqa: S603 - a benchmark driver: runs redis-server, flask and nice it chose
"""`make bench` part `jobs` (issue 15, point 4): other users' project list while the two
largest jobs run.

gunicorn (2 sync workers, as the `http` part) and one RQ worker (`flask jobs worker`, under
`nice -n JOBS_NICE` as the systemd unit runs it: docs/deployment.md) on a redis-server of the
bench's own. `CLIENTS` users (`viewer`) each request the year lists in turn (bench/run.py's
`list` URLs) with a pause of `THINK` s between two answers:

1. idle: `IDLE` seconds with nothing else running, before the jobs and again after them (the
   machine's own load drifts during a run);
2. loaded: `reviewer` asks for the XLSX of every project (~100,000 rows, /jobs/projects.xlsx)
   and the campaign report PDF of the biggest year (~5,000 projects), follows both jobs' pages
   as htmx does (every second) until both are made, while the users go on.

Target: the loaded p95 of the list at most 2 x the idle p95 of the same run, and no request
(list, job submission, job page) slower than 2 s.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import run  # bench/run.py (this folder is on sys.path when it runs)

CLIENTS = 3
THINK = 0.1  # seconds between an answer and a user's next request
IDLE = 20  # seconds of the idle measure
LOADED_LIMIT = 600  # seconds: the jobs must be made by then
RATIO_TARGET = 2.0
MAX_TARGET_MS = 2000
JOBS_NICE = 10
JOB_USER = "reviewer"  # staff: the campaign report is theirs
LIST_USER = "viewer"


@contextlib.contextmanager
def redis_server(folder: str):
    executable = shutil.which("redis-server")
    if executable is None:
        raise SystemExit("the jobs part needs redis-server (apt-get install redis-server)")
    port = run.free_port()
    process = subprocess.Popen(
        [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
         "no", "--dir", folder],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                run.socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


class Users:
    """`CLIENTS` threads requesting `paths` in turn; each answer is (start, ms, status)."""

    def __init__(self, base: str, cookie: str, paths: list[str]):
        self.base, self.cookie, self.paths = base, cookie, paths
        self.answers: list[tuple[float, float, int]] = []
        self.stop = threading.Event()
        self.threads = [
            threading.Thread(target=self._user, args=(index,), daemon=True)
            for index in range(CLIENTS)
        ]

    def _user(self, index: int) -> None:
        turn = index
        while not self.stop.is_set():
            path = self.paths[turn % len(self.paths)]
            turn += CLIENTS
            started = time.perf_counter()
            try:
                status, _, _ = run.request(self.base, path, cookie=self.cookie)
            except OSError:
                status = 0
            self.answers.append((started, (time.perf_counter() - started) * 1000, status))
            time.sleep(THINK)

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def between(self, start: float, end: float) -> list[tuple[float, float, int]]:
        return [answer for answer in self.answers if start <= answer[0] < end]

    def finish(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)


def summary(answers) -> dict:
    times = sorted(ms for _, ms, _ in answers)
    if not times:
        return {"requests": 0, "errors": 0}
    return {
        "requests": len(times),
        "errors": sum(1 for _, _, status in answers if status != 200),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1),
        "max_ms": round(times[-1], 1),
    }


def _timed(log: list, base: str, path: str, **kwargs):
    started = time.perf_counter()
    answer = run.request(base, path, **kwargs)
    log.append(((time.perf_counter() - started) * 1000, f"{kwargs.get('method', 'GET')} {path}"))
    return answer


def submit(base: str, cookie: str, offer_path: str, timings: list) -> int:
    """GET the page offering the job, POST its form: the job's id."""
    status, headers, body = _timed(timings, base, offer_path, cookie=cookie)
    cookie = run.session_cookie(headers, cookie)  # the session now holds the form's CSRF token
    html = body.decode()
    action = re.search(r'<form method="post" action="(/jobs/[^"]+)"', html)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    if status != 200 or not action or not token:
        raise SystemExit(f"{offer_path} offered no job ({status})")
    status, headers, _ = _timed(
        timings,
        base,
        action.group(1).replace("&amp;", "&"),
        cookie=cookie,
        method="POST",
        body=run.urllib.parse.urlencode({"csrf_token": token.group(1)}),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    if status != 303:
        raise SystemExit(f"the job of {offer_path} was refused ({status})")
    return int(headers["Location"].rsplit("/", 1)[1])


def biggest_year(url: str) -> tuple[int, int]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT c.year, count(p.id) FROM campaigns c JOIN plans pl ON pl.campaign_id = "
                "c.id JOIN projects p ON p.plan_id = pl.id WHERE pl.status IN ('submitted', "
                "'returned', 'approved') GROUP BY c.year ORDER BY count(p.id) DESC LIMIT 1"
            )
        ).one()
    engine.dispose()
    return int(row[0]), int(row[1])


def job_rows(url: str, ids: list[int]) -> dict[int, tuple]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(url, poolclass=NullPool)
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, status, attempts, total, created_at, finished_at FROM export_jobs")
        ).all()
    engine.dispose()
    return {row[0]: tuple(row[1:]) for row in rows if row[0] in ids}


def jobs_bench(url: str, nice: int = JOBS_NICE) -> dict:
    folder = tempfile.mkdtemp(prefix="digiweb-bench-jobs-")
    year, projects = biggest_year(url)
    try:
        with redis_server(folder) as redis_url:
            env = {
                "JOBS_REDIS_URL": redis_url,
                "JOBS_DIR": str(Path(folder) / "exports"),
                "JOBS_XLSX_THRESHOLD": "5000",
                "JOBS_PDF_THRESHOLD": "2000",
            }
            return _measure(url, env, nice, year, projects, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _measure(url, env, nice, year, projects, folder) -> dict:
    server = run.Server(url, workers=2, env=env)
    command = [sys.executable, "-m", "flask", "--app", "wsgi", "jobs", "worker"]
    if nice:
        command = ["nice", "-n", str(nice), *command]
    with open(Path(folder) / "worker.log", "wb") as log:
        worker = subprocess.Popen(
            command, cwd=run.ROOT, env=run.app_env(url) | env, stdout=log, stderr=log
        )
    try:
        lists = run.scenario_list(run.visible_by_year(url))[1]["paths"]
        viewer = run.login(server.base, LIST_USER)
        reviewer = run.login(server.base, JOB_USER)
        for path in lists * 2:  # warm both workers
            run.request(server.base, path, cookie=viewer)
        users = Users(server.base, viewer, lists)
        users.start()
        idle_start = time.perf_counter()
        print(f"  jobs: idle list for {IDLE} s ({CLIENTS} users)", flush=True)
        time.sleep(IDLE)
        loaded_start = time.perf_counter()
        other: list[tuple[float, str]] = []  # submissions and job pages: (ms, request)
        ids = [
            submit(server.base, reviewer, f"/projects.xlsx?{run.q(year='all')}", other),
            submit(server.base, reviewer, f"/reports/campaign/{year}.pdf?lang=fr", other),
        ]
        print(f"  jobs: XLSX of every project and campaign {year} ({projects} projects)")
        done: dict[int, float] = {}
        deadline = time.monotonic() + LOADED_LIMIT
        while len(done) < len(ids) and time.monotonic() < deadline:
            for job_id in ids:
                if job_id in done:
                    continue
                status, _, body = _timed(
                    other, server.base, f"/jobs/{job_id}", cookie=reviewer,
                    headers={"HX-Request": "true"},
                )  # fmt: skip
                if status != 200 or 'hx-trigger="every' not in body.decode():
                    done[job_id] = time.perf_counter() - loaded_start
            time.sleep(1)
        loaded_end = time.perf_counter()
        print(f"  jobs: idle list again for {IDLE} s", flush=True)
        time.sleep(IDLE)  # the machine's own load drifts: idle is measured on both sides
        users.finish()
    finally:
        worker.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            worker.wait(60)
        if worker.poll() is None:
            worker.kill()
        server.stop()
    rows = job_rows(url, ids)
    idle = summary(
        users.between(idle_start, loaded_start) + users.between(loaded_end, time.perf_counter())
    )
    loaded = summary(users.between(loaded_start, loaded_end))
    result = {
        "clients": CLIENTS,
        "think_s": THINK,
        "worker_nice": nice,
        "campaign_year": year,
        "campaign_projects": projects,
        "idle": idle,
        "loaded": loaded,
        "ratio_p95": round(loaded["p95_ms"] / idle["p95_ms"], 2) if idle.get("p95_ms") else None,
        "max_ms": round(
            max(idle.get("max_ms", 0), loaded.get("max_ms", 0), *(o[0] for o in other)), 1
        ),
        "job_pages_max_ms": round(max(other)[0], 1) if other else None,
        "job_pages_slowest": max(other)[1] if other else None,
        "jobs": [
            {
                "kind": kind,
                "status": rows.get(job_id, ("missing",))[0],
                "attempts": rows.get(job_id, (None, None))[1],
                "rows": rows.get(job_id, (None, None, None))[2],
                "seen_done_after_s": round(done[job_id], 1) if job_id in done else None,
            }
            for kind, job_id in zip(("projects_xlsx", "campaign_pdf"), ids, strict=True)
        ],
    }
    if any(job["status"] != "done" for job in result["jobs"]):
        print((Path(folder) / "worker.log").read_text(errors="replace")[-3000:], file=sys.stderr)
    return result


def report(result: dict) -> list[str]:
    """Prints the part's figures; answers the targets missed."""
    idle, loaded = result["idle"], result["loaded"]
    print(
        f"\njobs under load (worker nice {result['worker_nice']}, {result['clients']} users, "
        f"campaign {result['campaign_year']}: {result['campaign_projects']} projects)"
    )
    for name, part in (("idle:  ", idle), ("loaded:", loaded)):
        print(
            f"  list {name} p50 {part.get('p50_ms')} ms, p95 {part.get('p95_ms')} ms, "
            f"max {part.get('max_ms')} ms, {part['requests']} requests, {part['errors']} errors"
        )
    print(
        f"  p95 ratio {result['ratio_p95']} (target <= {RATIO_TARGET}), slowest request "
        f"{result['max_ms']} ms (target <= {MAX_TARGET_MS}; job pages "
        f"{result['job_pages_max_ms']} ms: {result['job_pages_slowest']})"
    )
    for job in result["jobs"]:
        print(
            f"  {job['kind']}: {job['status']} (attempts {job['attempts']}, {job['rows']} rows), "
            f"done after {job['seen_done_after_s']} s"
        )
    missed = []
    if result["ratio_p95"] is None or result["ratio_p95"] > RATIO_TARGET:
        missed.append(f"jobs: list p95 ratio {result['ratio_p95']} > {RATIO_TARGET}")
    if result["max_ms"] > MAX_TARGET_MS:
        missed.append(f"jobs: a request took {result['max_ms']} ms > {MAX_TARGET_MS}")
    if idle["errors"] or loaded["errors"]:
        missed.append("jobs: list errors")
    if any(job["status"] != "done" for job in result["jobs"]):
        missed.append("jobs: a job was not made")
    return missed
