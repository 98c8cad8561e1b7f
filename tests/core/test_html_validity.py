"""Every page an officer and a reviewer reach is valid HTML for the W3C's Nu HTML checker
(issue 17, point 10), htmx's hx-* attributes aside (the checker knows no custom attributes but
data-*). The checker is vnu.jar, from the npm package vnu-jar, run by Java: `make vnu` installs
it under instance/vnu/. Without it the test is skipped, except in CI (CI=true), which installs it.

The pages are crawled from the home, plan, projects, meetings and dashboard pages, each kind of
URL (its numbers replaced) once, in Arabic and in French."""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(
    os.environ.get("VNU_JAR", ROOT / "instance/vnu/node_modules/vnu-jar/build/dist/vnu.jar")
)
STARTS = ["/", "/my-plan", "/plans", "/review", "/projects", "/meetings", "/dashboard"]
SKIPPED = re.compile(r"\.(pdf|xlsx|csv|ics|json|zip)\b|/static/|/api/|lang=|/logout|/download")
# htmx's attributes: the only errors the issue allows.
HTMX_ATTRIBUTE = r".*Attribute “hx-[a-z:-]+” not allowed on element .*"
MAX_PAGES = 40  # per account and language


def _checker() -> list[str]:
    java = shutil.which("java")
    if java and VNU_JAR.is_file():
        return [java, "-Xss512k", "-jar", str(VNU_JAR)]
    if os.environ.get("CI") == "true":
        pytest.fail(f"the Nu HTML checker is missing ({VNU_JAR}, java): CI runs `make vnu`")
    pytest.skip("the Nu HTML checker is not installed: `make vnu` (needs Java and npm)")


def _crawl(client, folder: Path, prefix: str) -> list[Path]:
    seen, pages, queue = set(), [], list(STARTS)
    for path in queue:
        kind = re.sub(r"\d+", "N", path.split("?")[0])
        if kind in seen or len(pages) >= MAX_PAGES:
            continue
        seen.add(kind)
        response = client.get(path)
        if response.status_code != 200 or response.mimetype != "text/html":
            continue
        html = response.get_data(as_text=True)
        file = folder / f"{prefix}{kind.strip('/').replace('/', '_') or 'home'}.html"
        file.write_text(html, encoding="utf-8")
        pages.append(file)
        for href in re.findall(r'href="(/[^"#]*)"', html):
            if not SKIPPED.search(href):
                queue.append(href.replace("&amp;", "&"))
    return pages


def test_pages_are_valid_html_for_the_nu_checker(demo_client, as_user, tmp_path):
    checker = _checker()
    pages = []
    for lang in ("ar", "fr"):  # the login page, before logging in
        page = tmp_path / f"login-{lang}.html"
        page.write_bytes(demo_client.get(f"/login?lang={lang}").data)
        pages.append(page)
    for username in ("officer-mf", "reviewer"):
        for lang in ("ar", "fr"):
            client = as_user(username, lang=lang)
            pages += _crawl(client, tmp_path, f"{username}-{lang}-")
    assert len(pages) >= 30, [p.name for p in pages]
    print(f"{len(pages)} pages checked")
    result = subprocess.run(
        [
            *checker,
            "--errors-only",
            "--format",
            "json",
            "--filterpattern",
            HTMX_ATTRIBUTE,
            *map(str, pages),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    problems = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m.get('message')}"
        f" [{m.get('extract', '').strip()[:120]}]"
        for m in messages
    ]
    assert not problems, "\n".join(problems)
