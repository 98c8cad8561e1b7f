"""JSON API v1: same session login as the pages; officers see only their department."""

from digiweb.api import plans, projects, stats  # noqa: F401 - each module adds its routes to bp
