from flask import Blueprint

bp = Blueprint("notifications", __name__, template_folder="templates")

from digiweb.notifications import routes  # noqa: E402, F401
