from digiweb.review import bp  # noqa: F401
