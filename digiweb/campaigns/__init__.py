from flask import Blueprint

bp = Blueprint("campaigns", __name__, template_folder="templates")

from digiweb.campaigns import routes  # noqa: E402, F401
