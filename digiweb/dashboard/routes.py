from digiweb.dashboard import bp  # noqa: F401
