from flask import Blueprint

bp = Blueprint("auth", __name__, template_folder="templates")

from digiweb.auth import routes, token_routes  # noqa: E402, F401 - token_routes: /account/tokens
