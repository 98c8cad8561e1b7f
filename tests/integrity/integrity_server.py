"""The app as gunicorn serves it in the integrity tests: the normal configuration on the test's
own database, with a fixed secret key (every worker must read the same sessions) and without
the login rate limit (the tests log in many users from one address)."""

import os

from config import Config
from digiweb import create_app


class IntegrityConfig(Config):
    SQLALCHEMY_DATABASE_URI = os.environ["DIGIWEB_INTEGRITY_DATABASE"]
    SECRET_KEY = "integrity-tests-only"  # a throwaway key for a throwaway server
    RATELIMIT_ENABLED = False


app = create_app(IntegrityConfig)
