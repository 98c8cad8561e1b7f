"""JSON API v1: same session login as the pages; officers see only their department."""

from digiweb.api import (  # noqa: F401 - each module adds its routes to bp
    open_data,
    openapi,
    plans,
    projects,
    stats,
)
