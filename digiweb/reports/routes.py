from digiweb.reports import bp  # noqa: F401
