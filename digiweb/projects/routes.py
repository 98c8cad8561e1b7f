from digiweb.projects import bp  # noqa: F401
