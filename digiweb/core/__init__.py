from flask import Blueprint

bp = Blueprint("core", __name__, template_folder="templates")

from digiweb.core import routes  # noqa: E402, F401
