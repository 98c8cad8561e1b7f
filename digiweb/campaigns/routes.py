from digiweb.campaigns import bp  # noqa: F401
