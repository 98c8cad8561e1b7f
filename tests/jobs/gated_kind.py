"""A job kind for the tests of workers (JOBS_KIND_MODULES=tests.jobs.gated_kind): its file is
written only once the file named by its `gate` parameter exists, so a test knows the job is
under way, for as long as it needs (a worker killed meanwhile), and lets it end."""

import time
from pathlib import Path

from digiweb.jobs.services import Kind, register

CONTENT = b"gated export\n"


def _make(params, user, target, progress):
    progress(0, 2)
    deadline = time.monotonic() + 300
    while not Path(params["gate"]).exists():
        if time.monotonic() > deadline:
            raise TimeoutError("the gate was never opened")
        time.sleep(0.05)
    target.write(CONTENT)
    progress(2, 2)


register(
    "gated",
    Kind(
        count=lambda params, user: 2,
        make=_make,
        filename=lambda params: "gated.txt",
        mimetype="text/plain",
    ),
)
