"""Every GET page with hostile query parameters (numbers beyond any integer column, NULs,
Arabic, bidi marks, repeated parameters): never a 5xx. The rules come from `app.url_map`, so
pages added later are walked too (ASVS 2.2.1, 16.5.3). The forms are fuzzed in
test_fuzz_forms.py."""

import logging

import pytest

from tests.test_csrf_everywhere import url_with_ids

HOSTILE = [
    "9" * 40,
    "-1",
    "0",
    "2147483648",
    "9223372036854775808",
    "²",
    "١٢",
    "1e309",
    "\0",
    "مشروع\u202e",
    "%",
    "'; --",
    "",
]
PARAMETERS = (
    *("year", "page", "per_page", "q", "department", "target", "status", "sort", "kind"),
    *("actor", "action", "entity_type", "ip", "show"),  # the audit page's and ratings' filters
)


class _Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record):
        self.records.append(record.getMessage())


@pytest.mark.slow
@pytest.mark.parametrize("username", ["reviewer", "officer-mf", "admin"])
def test_no_query_parameter_gives_a_server_error(demo_app, as_user, username):
    client = as_user(username)
    errors = _Errors()
    demo_app.logger.addHandler(errors)
    wrong, walked = [], 0
    try:
        for rule in sorted(demo_app.url_map.iter_rules(), key=lambda r: r.rule):
            if "GET" not in rule.methods or rule.endpoint == "static":
                continue
            if rule.rule.endswith((".pdf", ".xlsx", ".csv")):
                continue  # documents: slow, streamed; their parameters have their own tests
            url = url_with_ids(demo_app, rule)
            for value in HOSTILE:
                query = "&".join(f"{name}={value}" for name in PARAMETERS)
                for extra in ("", f"&year=2021&page={value}"):
                    walked += 1
                    response = client.get(f"{url}?{query}{extra}")
                    # A streamed answer (the audit log's JSON lines) is read to its end here:
                    # left open, its generator is closed later, inside another request.
                    response.get_data()
                    response.close()
                    if response.status_code >= 500:
                        wrong.append(f"{url}?{query}{extra}: {response.status_code}")
    finally:
        demo_app.logger.removeHandler(errors)
    assert walked > 100
    assert wrong == []
    assert errors.records == []
