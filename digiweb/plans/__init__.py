from flask import Blueprint

bp = Blueprint("plans", __name__, template_folder="templates")

from digiweb.plans import routes  # noqa: E402, F401
