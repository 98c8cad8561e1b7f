from flask import Blueprint

bp = Blueprint("admin", __name__, template_folder="templates", url_prefix="/admin")

from digiweb.admin import audit_routes, routes  # noqa: E402, F401 - /admin/audit and the rest
