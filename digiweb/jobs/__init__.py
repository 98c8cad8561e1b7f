"""Background jobs: exports too large to make inside a request (digiweb/jobs/services.py)."""

import importlib

from flask import Blueprint

bp = Blueprint("jobs", __name__, url_prefix="/jobs", template_folder="templates")

from digiweb.jobs import routes  # noqa: E402, F401


@bp.record_once
def _kind_modules(state) -> None:
    """JOBS_KIND_MODULES: modules that register further kinds (in the web servers and workers)."""
    for name in (state.app.config.get("JOBS_KIND_MODULES") or "").split(","):
        if name.strip():
            importlib.import_module(name.strip())
