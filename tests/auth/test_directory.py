"""Directory login against a real OpenLDAP server (Debian's slapd) that the fixture starts on a
free port with a temporary configuration and a seeded directory: the first login creates the
account from the directory (name, e-mail, role from groups, department from an attribute or a
group), later logins bring it up to date, local accounts keep logging in locally, a directory
that is down gets a clear message while local logins still work.

Skipped when slapd is not installed, except under CI=true, where it must run."""

import contextlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import ldap3
import pytest

from digiweb.audit.models import AuditLog
from digiweb.auth.directory import DIRECTORY_PASSWORD
from digiweb.auth.models import Role, User
from digiweb.extensions import db
from tests.conftest import CSRFClient, _make_app

SLAPD = shutil.which("slapd") or ("/usr/sbin/slapd" if Path("/usr/sbin/slapd").exists() else None)
SLAPADD = shutil.which("slapadd") or (
    "/usr/sbin/slapadd" if Path("/usr/sbin/slapadd").exists() else None
)
SCHEMAS = Path("/etc/ldap/schema")
MODULES = Path("/usr/lib/ldap")

if not (SLAPD and SLAPADD and SCHEMAS.is_dir()):
    if os.environ.get("CI") == "true":
        pytest.fail("slapd is not installed (apt-get install slapd ldap-utils)", pytrace=False)
    pytest.skip(
        "slapd is not installed (apt-get install slapd ldap-utils)", allow_module_level=True
    )

BASE = "dc=ministere,dc=dz"
ROOT_DN = f"cn=admin,{BASE}"
ROOT_PASSWORD = "root-secret"
SERVICE_DN = f"cn=digiweb,ou=services,{BASE}"
SERVICE_PASSWORD = "service-secret"
GROUPS = f"ou=groups,{BASE}"
PEOPLE = f"ou=people,{BASE}"

CONFIG = """\
include {schemas}/core.schema
include {schemas}/cosine.schema
include {schemas}/inetorgperson.schema
include {schemas}/nis.schema
modulepath {modules}
moduleload back_mdb
moduleload memberof
pidfile {folder}/slapd.pid
database mdb
maxsize 10485760
suffix "{base}"
rootdn "{root_dn}"
rootpw {root_password}
directory {folder}/data
overlay memberof
"""

BASE_ENTRIES = f"""\
dn: {BASE}
objectClass: dcObject
objectClass: organization
dc: ministere
o: Ministere

"""

# (dn, attributes): added online, so that the memberof overlay fills memberOf.
ENTRIES = [
    (f"ou=people,{BASE}", {"objectClass": ["organizationalUnit"], "ou": "people"}),
    (f"ou=groups,{BASE}", {"objectClass": ["organizationalUnit"], "ou": "groups"}),
    (f"ou=services,{BASE}", {"objectClass": ["organizationalUnit"], "ou": "services"}),
    (
        SERVICE_DN,
        {
            "objectClass": ["person"],
            "cn": "digiweb",
            "sn": "digiweb",
            "userPassword": SERVICE_PASSWORD,
        },
    ),
    *[
        (
            f"uid={uid},{PEOPLE}",
            {
                "objectClass": ["inetOrgPerson"],
                "uid": uid,
                "cn": name,
                "sn": name.split()[-1],
                "mail": f"{uid}@ministere.dz",
                "userPassword": f"{uid}-password",
                **({"departmentNumber": department} if department else {}),
            },
        )
        for uid, name, department in (
            ("amina", "Amina Benali", None),
            ("karim", "Karim Haddad", "MF"),
            ("nadia", "Nadia Saidi", None),
            ("omar", "Omar Ziani", None),
            ("admin", "Directory Admin", None),
        )
    ],
    (
        f"cn=reviewers,{GROUPS}",
        {"objectClass": ["groupOfNames"], "cn": "reviewers", "member": [f"uid=amina,{PEOPLE}"]},
    ),
    (
        f"cn=officers,{GROUPS}",
        {
            "objectClass": ["groupOfNames"],
            "cn": "officers",
            "member": [f"uid=karim,{PEOPLE}", f"uid=nadia,{PEOPLE}"],
        },
    ),
    (
        f"cn=dept-mj,{GROUPS}",
        {"objectClass": ["groupOfNames"], "cn": "dept-mj", "member": [f"uid=nadia,{PEOPLE}"]},
    ),
    (
        f"cn=admins,{GROUPS}",
        {"objectClass": ["groupOfNames"], "cn": "admins", "member": [f"uid=admin,{PEOPLE}"]},
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Directory:
    def __init__(self, folder: Path):
        self.folder = folder
        self.port = _free_port()
        self.url = f"ldap://127.0.0.1:{self.port}"
        self.process = None

    def prepare(self):
        (self.folder / "data").mkdir(parents=True)
        config = self.folder / "slapd.conf"
        config.write_text(
            CONFIG.format(
                schemas=SCHEMAS,
                modules=MODULES,
                folder=self.folder,
                base=BASE,
                root_dn=ROOT_DN,
                root_password=ROOT_PASSWORD,
            )
        )
        (self.folder / "base.ldif").write_text(BASE_ENTRIES)
        subprocess.run(
            [SLAPADD, "-f", str(config), "-l", str(self.folder / "base.ldif")],
            check=True,
            capture_output=True,
        )

    def start(self):
        self.process = subprocess.Popen(
            [SLAPD, "-d", "0", "-f", str(self.folder / "slapd.conf"), "-h", f"{self.url}/"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.process.stderr.read().decode()) from None
                time.sleep(0.05)
        raise RuntimeError("slapd did not start")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        if self.process is not None:
            self.process.stderr.close()
        self.process = None

    @contextlib.contextmanager
    def admin(self):
        connection = ldap3.Connection(
            ldap3.Server(self.url), ROOT_DN, ROOT_PASSWORD, auto_bind=ldap3.AUTO_BIND_NO_TLS
        )
        try:
            yield connection
        finally:
            connection.unbind()

    def seed(self):
        with self.admin() as connection:
            for dn, attributes in ENTRIES:
                assert connection.add(dn, attributes=attributes), connection.result


@pytest.fixture(scope="module")
def directory(tmp_path_factory):
    server = Directory(tmp_path_factory.mktemp("slapd"))
    server.prepare()
    server.start()
    server.seed()
    yield server
    server.stop()


def _settings(directory, **overrides) -> dict:
    settings = {
        "LDAP_URL": directory.url,
        "LDAP_BIND_DN": SERVICE_DN,
        "LDAP_BIND_PASSWORD": SERVICE_PASSWORD,
        "LDAP_BASE_DN": PEOPLE,
        "LDAP_USER_FILTER": "(&(objectClass=inetOrgPerson)(uid={username}))",
        "LDAP_GROUP_ATTRIBUTE": "memberOf",
        "LDAP_GROUP_ROLES": (
            f"cn=reviewers,{GROUPS}=reviewer; cn=officers,{GROUPS}=officer;"
            f"CN=Admins, OU=Groups, DC=ministere, DC=dz=admin"
        ),
        "LDAP_DEPARTMENT_ATTRIBUTE": "departmentNumber",
        "LDAP_GROUP_DEPARTMENTS": f"cn=dept-mj,{GROUPS}=mj",
        "LDAP_TIMEOUT": 2,
    }
    settings.update(overrides)
    return settings


@pytest.fixture
def directory_app(request, directory):
    app = _make_app(request, "demo", _settings(directory))
    app.test_client_class = CSRFClient
    with app.app_context():
        yield app
        db.session.remove()


def _login(app, username, password, lang="fr"):
    client = app.test_client()
    response = client.post(f"/login?lang={lang}", data={"username": username, "password": password})
    return client, response


def _user(username) -> User | None:
    db.session.rollback()
    return db.session.scalar(db.select(User).where(User.username == username))


def test_the_first_login_creates_the_account_from_the_directory(directory_app):
    assert _user("amina") is None
    client, response = _login(directory_app, "amina", "amina-password")
    assert response.status_code == 302
    amina = _user("amina")
    assert (amina.full_name, amina.email, amina.role) == (
        "Amina Benali",
        "amina@ministere.dz",
        Role.REVIEWER,
    )
    assert amina.password_hash == DIRECTORY_PASSWORD and amina.department is None
    # logged in with the rights of a reviewer
    assert client.get("/api/v1/stats?year=2021").status_code == 200
    assert client.get("/plans").status_code == 200
    actions = db.session.scalars(
        db.select(AuditLog.action).where(AuditLog.entity_id == amina.id).order_by(AuditLog.id)
    ).all()
    assert actions == ["user_created", "login"]


def test_an_officers_department_comes_from_an_attribute_or_a_group(directory_app):
    assert _login(directory_app, "karim", "karim-password")[1].status_code == 302
    assert _login(directory_app, "nadia", "nadia-password")[1].status_code == 302
    karim, nadia = _user("karim"), _user("nadia")
    assert (karim.role, karim.department.code) == (Role.OFFICER, "MF")
    assert (nadia.role, nadia.department.code) == (Role.OFFICER, "MJ")


def test_later_logins_bring_the_account_up_to_date(directory_app, directory):
    assert _login(directory_app, "karim", "karim-password")[1].status_code == 302
    with directory.admin() as connection:
        connection.modify(
            f"uid=karim,{PEOPLE}",
            {"cn": [(ldap3.MODIFY_REPLACE, ["Karim Haddad-Ali"])]},
        )
        connection.modify(
            f"cn=reviewers,{GROUPS}", {"member": [(ldap3.MODIFY_ADD, [f"uid=karim,{PEOPLE}"])]}
        )
    try:
        assert _login(directory_app, "Karim", "karim-password")[1].status_code == 302
        karim = _user("karim")
        assert (karim.full_name, karim.role, karim.department) == (
            "Karim Haddad-Ali",
            Role.REVIEWER,
            None,
        )
        entry = db.session.scalars(
            db.select(AuditLog).where(
                AuditLog.entity_id == karim.id, AuditLog.action == "user_updated"
            )
        ).one()
        assert entry.actor_name == "directory"
        assert entry.changes["role"] == ["officer", "reviewer"]
    finally:
        with directory.admin() as connection:
            connection.modify(
                f"uid=karim,{PEOPLE}", {"cn": [(ldap3.MODIFY_REPLACE, ["Karim Haddad"])]}
            )
            connection.modify(
                f"cn=reviewers,{GROUPS}",
                {"member": [(ldap3.MODIFY_DELETE, [f"uid=karim,{PEOPLE}"])]},
            )


@pytest.mark.parametrize(
    ("username", "password"),
    [("amina", "wrong"), ("amina", ""), ("nobody", "x"), ("amina)(uid=*", "amina-password")],
)
def test_a_wrong_password_or_an_unknown_name_is_refused(directory_app, username, password):
    response = _login(directory_app, username, password)[1]
    assert response.status_code in (401, 422)
    assert _user("amina") is None


def test_a_directory_account_has_no_local_password(directory_app):
    assert _login(directory_app, "amina", "amina-password")[1].status_code == 302
    assert _login(directory_app, "amina", DIRECTORY_PASSWORD)[1].status_code == 401


def test_without_a_role_the_login_is_refused(directory_app):
    response = _login(directory_app, "omar", "omar-password")[1]
    assert response.status_code == 403
    assert "aucun rôle" in response.get_data(as_text=True)
    assert _user("omar") is None


def test_local_accounts_log_in_locally_and_keep_their_name(directory_app):
    # the demo's local "admin" (break-glass) keeps its local password, whatever the directory says
    from tests.conftest import DEMO_PASSWORD

    assert _login(directory_app, "admin", DEMO_PASSWORD)[1].status_code == 302
    assert _login(directory_app, "admin", "admin-password")[1].status_code == 401
    assert _user("admin").password_hash != DIRECTORY_PASSWORD


def test_a_deactivated_directory_account_stays_out(directory_app):
    assert _login(directory_app, "amina", "amina-password")[1].status_code == 302
    _user("amina").active = False
    db.session.commit()
    assert _login(directory_app, "amina", "amina-password")[1].status_code == 401


def test_groups_can_be_searched_instead_of_read_from_memberof(request, directory):
    settings = _settings(
        directory,
        LDAP_GROUP_ATTRIBUTE="",
        LDAP_GROUP_BASE_DN=GROUPS,
        LDAP_GROUP_FILTER="(&(objectClass=groupOfNames)(member={dn}))",
    )
    app = _make_app(request, "demo", settings)
    app.test_client_class = CSRFClient
    with app.app_context():
        assert _login(app, "nadia", "nadia-password")[1].status_code == 302
        nadia = _user("nadia")
        assert (nadia.role, nadia.department.code) == (Role.OFFICER, "MJ")
        db.session.remove()


def test_a_directory_that_is_down_gets_a_clear_message_and_local_logins_still_work(
    request, directory
):
    from tests.conftest import DEMO_PASSWORD

    app = _make_app(
        request, "demo", _settings(directory, LDAP_URL=f"ldap://127.0.0.1:{_free_port()}")
    )
    app.test_client_class = CSRFClient
    with app.app_context():
        started = time.monotonic()
        response = _login(app, "amina", "amina-password")[1]
        assert response.status_code == 503
        assert time.monotonic() - started < 10
        page = response.get_data(as_text=True)
        assert "annuaire" in page and "comptes locaux" in page
        response = _login(app, "amina", "amina-password", lang="ar")[1]
        assert "الدليل" in response.get_data(as_text=True)
        assert _login(app, "admin", DEMO_PASSWORD)[1].status_code == 302
        db.session.remove()


def test_a_service_account_the_directory_refuses_is_a_directory_down(request, directory):
    app = _make_app(request, "demo", _settings(directory, LDAP_BIND_PASSWORD="not-it"))
    app.test_client_class = CSRFClient
    with app.app_context():
        assert _login(app, "amina", "amina-password")[1].status_code == 503
        db.session.remove()


def test_without_ldap_url_only_local_accounts(demo_app):
    demo_app.test_client_class = CSRFClient
    assert _login(demo_app, "amina", "amina-password")[1].status_code == 401
