from digiweb.meetings import bp  # noqa: F401
