"""docs/url-ownership.md says which packages serve each URL prefix; the app's routes must say
the same, so that a route added under another area's prefix comes with its reason."""

import re
from pathlib import Path

DOC = Path(__file__).resolve().parents[2] / "docs" / "url-ownership.md"
ROW = re.compile(r"^\|\s*`(/[^`]*)`\s*\|([^|]*)\|([^|]*)\|")
FLASK = "(Flask)"


def documented() -> dict[str, set[str]]:
    """{prefix: packages serving it} from the table of the document."""
    table = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match is None:
            continue
        prefix, owner, others = match.groups()
        packages = {owner.strip()} | {p.strip() for p in others.split(",") if p.strip()}
        assert prefix not in table, f"{prefix} is listed twice"
        table[prefix] = packages
    return table


def served(app) -> dict[str, set[str]]:
    """{prefix: packages serving it} from the app's URL map."""
    table: dict[str, set[str]] = {}
    for rule in app.url_map.iter_rules():
        segment = rule.rule.strip("/").split("/")[0].split(".")[0]
        package = rule.endpoint.rpartition(".")[0] or FLASK
        table.setdefault(f"/{segment}", set()).add(package)
    return table


def test_the_document_lists_every_prefix_and_who_serves_it(app):
    table = documented()
    assert len(table) > 10, "the table of docs/url-ownership.md was not found"
    assert served(app) == table


def test_the_contested_prefixes_keep_their_owner_first(app):
    table = documented()
    for prefix in ("/plans", "/projects", "/meetings"):
        assert len(table[prefix]) > 1  # shared: the row must give the reason
    row = next(line for line in DOC.read_text(encoding="utf-8").splitlines() if "`/plans`" in line)
    assert ROW.match(row).group(2).strip() == "plans"
