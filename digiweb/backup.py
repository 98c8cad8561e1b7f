"""Backups and restores of the whole database.

SQLite: an online, consistent copy through SQLite's backup API, checked with
`PRAGMA integrity_check`. PostgreSQL: `pg_dump --format=custom` and `pg_restore`, which must be
installed in the same major version as the server.
"""

import shutil
import sqlite3
import subprocess
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.engine import make_url

from digiweb.extensions import db


class BackupError(Exception):
    pass


def _url():
    return make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])


def _libpq_url(url) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _check_sqlite_file(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a valid SQLite database: {error}") from error
    finally:
        connection.close()
    if result != "ok":
        raise BackupError(f"integrity check of {path} failed: {result}")


def _sqlite_copy(source, target) -> None:
    """Copy a database with the backup API (consistent even while the app writes)."""
    source.backup(target)
    target.commit()


def backup(destination: Path) -> Path:
    url = _url()
    destination = Path(destination)
    if url.get_backend_name() == "sqlite":
        if not url.database or url.database == ":memory:":
            raise BackupError("an in-memory database cannot be backed up")
        tmp = destination.with_suffix(destination.suffix + ".part")
        source, target = sqlite3.connect(url.database), sqlite3.connect(tmp)
        try:
            _sqlite_copy(source, target)
        finally:
            source.close()
            target.close()
        _check_sqlite_file(tmp)
        tmp.replace(destination)
        return destination
    if url.get_backend_name() == "postgresql":
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            raise BackupError("pg_dump is not installed (apt-get install postgresql-client)")
        command = [pg_dump, "--format=custom", "--no-owner", f"--file={destination}"]
        result = subprocess.run(  # noqa: S603 - fixed tool, arguments from our own config
            [*command, _libpq_url(url)], capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        return destination
    raise BackupError(f"backups of {url.get_backend_name()} are not supported")


def restore(source: Path) -> None:
    """Replace the whole content of the database with the backup's."""
    url = _url()
    source = Path(source)
    if not source.exists():
        raise BackupError(f"{source} does not exist")
    db.session.remove()
    db.engine.dispose()
    if url.get_backend_name() == "sqlite":
        _check_sqlite_file(source)
        backup_db, live = sqlite3.connect(source), sqlite3.connect(url.database)
        try:
            _sqlite_copy(backup_db, live)
        finally:
            backup_db.close()
            live.close()
        _check_sqlite_file(Path(url.database))
        return
    if url.get_backend_name() == "postgresql":
        pg_restore = shutil.which("pg_restore")
        if pg_restore is None:
            raise BackupError("pg_restore is not installed (apt-get install postgresql-client)")
        command = [pg_restore, "--clean", "--if-exists", "--no-owner", "--single-transaction"]
        result = subprocess.run(  # noqa: S603 - fixed tool, arguments from our own config
            [*command, f"--dbname={_libpq_url(url)}", str(source)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        return
    raise BackupError(f"restores of {url.get_backend_name()} are not supported")


@click.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(file: Path):
    """Write a consistent backup of the database to FILE."""
    try:
        path = backup(file)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"backup written to {path}")


@click.command("restore")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def restore_command(file: Path, yes: bool):
    """Replace the database with the content of the backup FILE."""
    if not yes:
        click.confirm("This replaces every record of the database. Continue?", abort=True)
    try:
        restore(file)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"database restored from {file}")


def register(app) -> None:
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
