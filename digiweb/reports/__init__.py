from flask import Blueprint

bp = Blueprint("reports", __name__, template_folder="templates")

from digiweb.reports import receipt, routes  # noqa: E402, F401
