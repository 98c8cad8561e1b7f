from flask import Blueprint

bp = Blueprint("meetings", __name__, template_folder="templates")

from digiweb.meetings import cli, invitation_routes, routes  # noqa: E402, F401
