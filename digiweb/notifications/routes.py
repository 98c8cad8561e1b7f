from digiweb.notifications import bp  # noqa: F401
