"""The main navigation: entries for the areas the user's role may open."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from digiweb.auth.models import REVIEW_ROLES, STAFF_ROLES, Role

ALL = tuple(Role)


@dataclass(frozen=True)
class NavItem:
    endpoint: str
    label: object
    roles: tuple


NAV_ITEMS = (
    NavItem("core.home", _l("Home"), ALL),
    NavItem("plans.my_plan", _l("My plan"), (Role.OFFICER,)),
    NavItem("review.board", _l("Plans"), STAFF_ROLES),
    NavItem("projects.index", _l("Projects"), ALL),
    NavItem("dashboard.index", _l("Dashboard"), STAFF_ROLES),
    NavItem("campaigns.index", _l("Campaigns"), REVIEW_ROLES),
    NavItem("meetings.index", _l("Meetings"), ALL),
    NavItem("meetings.decisions", _l("Decisions"), ALL),
    NavItem("admin.departments", _l("Departments"), (Role.ADMIN,)),
    NavItem("admin.users", _l("Users"), (Role.ADMIN,)),
    NavItem("admin.audit", _l("Audit log"), (Role.ADMIN,)),
)


def nav_for(user) -> list[NavItem]:
    """Entries the user's role may open."""
    if not user.is_authenticated:
        return []
    return [item for item in NAV_ITEMS if user.role in item.roles]
