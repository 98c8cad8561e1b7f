from flask import Blueprint

bp = Blueprint("meetings", __name__, template_folder="templates")

from digiweb.meetings import (  # noqa: E402, F401
    agenda_routes,
    cli,
    decision_routes,
    invitation_routes,
    routes,
)
