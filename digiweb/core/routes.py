from flask import jsonify, render_template
from flask_login import current_user
from sqlalchemy import text

from digiweb.core import bp
from digiweb.extensions import db, limiter
from digiweb.plans.open_plans import open_plans
from digiweb.security import public


@bp.route("/")
def home():
    """Each role lands where its work is."""
    if current_user.is_officer:
        return render_template("plans/home.html", rows=open_plans(current_user))
    return render_template("core/home.html")


@bp.route("/healthz")
@public
@limiter.exempt
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any database failure means "not healthy"
        db.session.rollback()
        return jsonify(status="unavailable"), 503
    return jsonify(status="ok")
