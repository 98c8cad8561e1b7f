from digiweb.api import bp  # noqa: F401
