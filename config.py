"""Configuration read from the environment.

`Config` is the default (development on SQLite), `TestConfig` is used by the test suite and
`ProductionConfig` when `DIGIWEB_ENV=production`.
"""

import os
import secrets
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("DIGIWEB_INSTANCE", BASE_DIR / "instance"))


def _secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once and kept under instance/."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
    path = INSTANCE_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def _base_url() -> str:
    return os.environ.get("BASE_URL", "").strip().rstrip("/")


def _trusted_hosts(default_to_base_url: bool = False) -> list[str] | None:
    """TRUSTED_HOSTS (comma-separated host names; ".example.dz" also admits its subdomains);
    in production, failing that, the host of BASE_URL. None lets any host through."""
    listed = [h.strip() for h in os.environ.get("TRUSTED_HOSTS", "").split(",") if h.strip()]
    if listed or not default_to_base_url:
        return listed or None
    host = urlsplit(_base_url()).hostname
    return [host] if host else None


class Config:
    SECRET_KEY = None  # filled lazily by create_app() through _secret_key()
    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", f"sqlite:///{INSTANCE_DIR / 'digiweb.db'}"
    )
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SQLALCHEMY_RECORD_QUERIES = False

    BABEL_DEFAULT_LOCALE = "ar_DZ"
    BABEL_DEFAULT_TIMEZONE = "Africa/Algiers"
    BABEL_TRANSLATION_DIRECTORIES = str(BASE_DIR / "translations")

    WTF_CSRF_TIME_LIMIT = None  # pages left open all day must still post
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_CONTENT_LENGTH", 5 * 1024 * 1024))
    MAX_FORM_MEMORY_SIZE = 1024 * 1024
    # Attached documents (digiweb/documents/services.py): the largest file kept, and the virus
    # scanner run on each upload (the file on its standard input; a non-zero exit refuses it),
    # e.g. "clamdscan --no-summary -". Empty: no scanner.
    DOCUMENT_MAX_BYTES = int(os.environ.get("DOCUMENT_MAX_BYTES", 4 * 1024 * 1024))
    DOCUMENT_SCAN_COMMAND = os.environ.get("DOCUMENT_SCAN_COMMAND", "")

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _bool("SESSION_COOKIE_SECURE")
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    PERMANENT_SESSION_LIFETIME = 12 * 3600  # cookie life, seconds
    SESSION_IDLE_TIMEOUT = 30 * 60  # seconds without a request before the session ends
    SESSION_ABSOLUTE_TIMEOUT = 12 * 3600  # seconds after login before the session ends
    SESSION_WARNING_BEFORE = 5 * 60  # seconds before the end when the page warns (js/session.js)

    # Failed logins (digiweb/auth/throttle.py): per account and address, limits that grow
    # (back-off) and never stop the owner logging in from elsewhere; per address, any account.
    LOGIN_THROTTLE_ACCOUNT = "5 per minute; 10 per 15 minutes; 20 per hour; 50 per day"
    LOGIN_THROTTLE_ADDRESS = "30 per 15 minutes; 200 per day"
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_ENABLED = True
    RATELIMIT_KEY_PREFIX = "digiweb"
    RATELIMIT_LOGIN = "20 per minute"  # login POSTs per IP address, failed or not
    RATELIMIT_PDF = "10 per minute"  # PDF renderings per user
    # Requests made with one API token (a script, a BI tool), every /api/ endpoint together.
    RATELIMIT_API_TOKEN = os.environ.get("RATELIMIT_API_TOKEN", "120 per minute;20000 per day")
    RATELIMIT_VERIFY = "60 per minute"  # document verifications per IP address (public page)
    RATELIMIT_HEADERS_ENABLED = True  # Retry-After on a 429
    RATELIMIT_SWALLOW_ERRORS = True  # Redis down: requests go through (logged), never a 500
    # Reverse proxies in front of the app whose X-Forwarded-For is trusted (per-IP limits).
    TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

    REQUIRE_BASE_URL = False  # ProductionConfig: no start without it
    # Where users reach the application (https://digiweb.ministere.gov.dz): the absolute links
    # of e-mails are made from it, never from the request's Host header.
    BASE_URL = _base_url()
    # Host names requests may carry; another Host header is answered 400 (Flask's check).
    TRUSTED_HOSTS = _trusted_hosts()

    # A project's rating (self or ministry, issue 16) older than this many days is stale.
    RATING_STALE_DAYS = int(os.environ.get("RATING_STALE_DAYS", "90"))

    # The ministry's signing certificate (PKCS#12) for approved documents; without it a
    # self-signed demo certificate is created under SIGNING_DEMO_DIR (digiweb.reports.signing).
    SIGNING_PKCS12 = os.environ.get("SIGNING_PKCS12", "")
    SIGNING_PASSPHRASE = os.environ.get("SIGNING_PASSPHRASE", "")
    SIGNING_DEMO_DIR = str(INSTANCE_DIR / "signing")

    # Directory login (digiweb/auth/directory.py; docs/deployment.md has an Active Directory
    # example). Without LDAP_URL only local accounts exist.
    LDAP_URL = os.environ.get("LDAP_URL", "")  # ldap://dc1.ministere.dz or ldaps://…:636
    LDAP_START_TLS = _bool("LDAP_START_TLS")
    LDAP_CA_FILE = os.environ.get("LDAP_CA_FILE", "")  # the directory's CA (PEM); else the system's
    LDAP_TIMEOUT = int(os.environ.get("LDAP_TIMEOUT", "5"))  # seconds to connect, and per answer
    LDAP_BIND_DN = os.environ.get("LDAP_BIND_DN", "")  # the service account that searches
    LDAP_BIND_PASSWORD = os.environ.get("LDAP_BIND_PASSWORD", "")
    LDAP_BASE_DN = os.environ.get("LDAP_BASE_DN", "")
    LDAP_USER_FILTER = os.environ.get("LDAP_USER_FILTER", "(uid={username})")
    LDAP_USERNAME_ATTRIBUTE = os.environ.get("LDAP_USERNAME_ATTRIBUTE", "uid")
    LDAP_NAME_ATTRIBUTE = os.environ.get("LDAP_NAME_ATTRIBUTE", "cn")
    LDAP_EMAIL_ATTRIBUTE = os.environ.get("LDAP_EMAIL_ATTRIBUTE", "mail")
    # Groups: read from an attribute of the user's entry (memberOf), or searched under a base.
    LDAP_GROUP_ATTRIBUTE = os.environ.get("LDAP_GROUP_ATTRIBUTE", "memberOf")
    LDAP_GROUP_BASE_DN = os.environ.get("LDAP_GROUP_BASE_DN", "")
    LDAP_GROUP_FILTER = os.environ.get("LDAP_GROUP_FILTER", "(member={dn})")
    # "GROUP DN=role;GROUP DN=role" (admin, reviewer, viewer, officer: the highest wins)
    LDAP_GROUP_ROLES = os.environ.get("LDAP_GROUP_ROLES", "")
    LDAP_DEFAULT_ROLE = os.environ.get("LDAP_DEFAULT_ROLE", "")  # without a group: none, refused
    # An officer's department: an attribute holding its code, else "GROUP DN=CODE;…"
    LDAP_DEPARTMENT_ATTRIBUTE = os.environ.get("LDAP_DEPARTMENT_ATTRIBUTE", "")
    LDAP_GROUP_DEPARTMENTS = os.environ.get("LDAP_GROUP_DEPARTMENTS", "")

    # Background jobs (digiweb/jobs): RQ on this Redis with `flask jobs worker` processes;
    # without it the web process runs them in a thread (one server, `make run`).
    JOBS_REDIS_URL = os.environ.get("JOBS_REDIS_URL", "")
    JOBS_XLSX_THRESHOLD = int(os.environ.get("JOBS_XLSX_THRESHOLD", "5000"))  # /projects.xlsx rows
    JOBS_PDF_THRESHOLD = int(os.environ.get("JOBS_PDF_THRESHOLD", "2000"))  # campaign projects
    JOBS_KEEP_HOURS = int(os.environ.get("JOBS_KEEP_HOURS", "24"))  # a finished file's life
    JOBS_DIR = os.environ.get("JOBS_DIR", "")  # the files; default instance/exports
    # A worker's heartbeat and how often a worker looks for jobs whose worker died (killed,
    # machine down): such a job is tried again about heartbeat + 60 s + this after the death.
    JOBS_HEARTBEAT_SECONDS = int(os.environ.get("JOBS_HEARTBEAT_SECONDS", "10"))
    JOBS_CLEANUP_SECONDS = int(os.environ.get("JOBS_CLEANUP_SECONDS", "30"))
    # Modules of further job kinds (comma-separated; each calls digiweb.jobs.services.register)
    JOBS_KIND_MODULES = os.environ.get("JOBS_KIND_MODULES", "")

    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USE_TLS = _bool("MAIL_USE_TLS")
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_FROM = os.environ.get("MAIL_FROM", "digiweb@localhost")


class TestConfig(Config):
    TESTING = True
    STRICT_READ_REQUESTS = True  # a read request that writes fails the test (digiweb.transaction)
    SECRET_KEY = "test-secret-key"  # noqa: S105 - fixed key for reproducible tests only
    SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    WTF_CSRF_ENABLED = True
    RATELIMIT_ENABLED = False
    MAIL_SERVER = ""
    JOBS_REDIS_URL = ""
    JOBS_INLINE = True  # jobs run before the answer (tests/jobs use the thread)
    JOBS_DIR = str(Path(tempfile.gettempdir()) / "digiweb-test-exports")
    JOBS_XLSX_THRESHOLD = 1_000_000  # exports stay in the request (tests/jobs set their own)
    JOBS_PDF_THRESHOLD = 1_000_000
    LDAP_URL = ""  # tests/auth/test_directory.py starts its own directory
    SIGNING_PKCS12 = ""
    SIGNING_DEMO_DIR = None  # a folder of the test process (digiweb.reports.signing)
    BASE_URL = ""
    TRUSTED_HOSTS = None


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = _bool("SESSION_COOKIE_SECURE", True)
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    # create_app refuses to start without BASE_URL: links need it, and TRUSTED_HOSTS defaults
    # to its host, so that a request for an unknown host is refused.
    REQUIRE_BASE_URL = True
    TRUSTED_HOSTS = _trusted_hosts(default_to_base_url=True)


def config_from_environment() -> type[Config]:
    return ProductionConfig if os.environ.get("DIGIWEB_ENV") == "production" else Config
