from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from digiweb.api.bearer import limit_blueprint  # noqa: E402

limit_blueprint(bp)  # requests with an API token: a budget per token

from digiweb.api import routes  # noqa: E402, F401
