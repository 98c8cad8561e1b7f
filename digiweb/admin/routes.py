from digiweb.admin import bp  # noqa: F401
