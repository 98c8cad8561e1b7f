"""Background jobs: exports too large to make inside a request (digiweb/jobs/services.py)."""

from flask import Blueprint

bp = Blueprint("jobs", __name__, url_prefix="/jobs", template_folder="templates")

from digiweb.jobs import routes  # noqa: E402, F401
