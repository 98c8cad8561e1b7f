from flask import Blueprint

bp = Blueprint("review", __name__, template_folder="templates")

from digiweb.review import decision_routes, queue_routes, rating_routes, routes  # noqa: E402, F401
