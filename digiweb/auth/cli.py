import sys

import click
from flask.cli import AppGroup

from digiweb.auth import passwords
from digiweb.auth.models import Role
from digiweb.auth.services import create_user, find_user
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.transaction import commits

users_cli = AppGroup("users", help="Manage user accounts.")


@users_cli.command("create")
@click.argument("username")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--department", "department_code", help="Department code (officers only).")
@click.option("--full-name", default="")
@click.option(
    "--full-name-ar", default="", help="The name in Arabic script (Arabic official documents)."
)
@click.option("--email", default="")
@click.option("--language", type=click.Choice(["ar", "fr"]), default="ar")
@commits
def create_command(username, role, department_code, full_name, full_name_ar, email, language):
    """Create a user; the password is asked for, or read from standard input."""
    role = Role(role)
    department = None
    if role == Role.OFFICER and not department_code:
        raise click.UsageError("an officer needs --department CODE")
    if department_code:
        department = db.session.scalar(
            db.select(Department).where(Department.code == department_code.upper())
        )
        if department is None:
            raise click.UsageError(f"no department with code {department_code}")
    if find_user(username):
        raise click.UsageError(f"the user {username} already exists")
    if sys.stdin.isatty():
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\n")
    refused = passwords.problems(
        password, username=username, full_name=full_name, email=email, department=department
    )
    if refused:
        raise click.UsageError(refused[0])
    create_user(
        username,
        password,
        role,
        full_name=full_name,
        full_name_ar=full_name_ar,
        email=email,
        department=department if role == Role.OFFICER else None,
        language=language,
        actor=None,
        must_change_password=False,  # the person typing it is the account's owner
    )
    click.echo(f"created {username} ({role.value})")


def register(app) -> None:
    app.cli.add_command(users_cli)
