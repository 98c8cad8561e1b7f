"""Files attached to meetings, plans and review remarks (docs/decisions.md)."""

from flask import Blueprint

bp = Blueprint("documents", __name__, template_folder="templates")

from digiweb.documents import routes  # noqa: E402, F401
