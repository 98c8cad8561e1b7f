from digiweb.plans import bp  # noqa: F401
