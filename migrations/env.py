import logging
from logging.config import fileConfig

from flask import current_app

from alembic import context
from alembic.autogenerate import renderers
from alembic.operations import ops

from digiweb.projects import search_index

# this is the Alembic Config object, which provides
# access to the values within the .ini file in use.
config = context.config

# Interpret the config file for Python logging.
# This line sets up loggers basically.
fileConfig(config.config_file_name)
logger = logging.getLogger("alembic.env")


def get_engine():
    try:
        # this works with Flask-SQLAlchemy<3 and Alchemical
        return current_app.extensions["migrate"].db.get_engine()
    except (TypeError, AttributeError):
        # this works with Flask-SQLAlchemy>=3
        return current_app.extensions["migrate"].db.engine


def get_engine_url():
    try:
        return get_engine().url.render_as_string(hide_password=False).replace("%", "%%")
    except AttributeError:
        return str(get_engine().url).replace("%", "%%")


# add your model's MetaData object here
# for 'autogenerate' support
# from myapp import mymodel
# target_metadata = mymodel.Base.metadata
config.set_main_option("sqlalchemy.url", get_engine_url())
target_db = current_app.extensions["migrate"].db

# other values from the config, defined by the needs of env.py,
# can be acquired:
# my_important_option = config.get_main_option("my_important_option")
# ... etc.


def get_metadata():
    if hasattr(target_db, "metadatas"):
        return target_db.metadatas[None]
    return target_db.metadata


class SearchIndexOp(ops.MigrateOperation):
    """The project search's trigram index (digiweb/projects/search_index.py): SQL per dialect,
    written into the migration that creates `projects` (it is not in the models' metadata)."""

    def __init__(self, statements: dict):
        self.statements = statements


@renderers.dispatch_for(SearchIndexOp)
def _render_search_index(autogen_context, op):
    return [
        "# The project search's trigram index (digiweb/projects/search_index.py, not in the models)",
        f"_search_index = {op.statements!r}",
        "for statement in _search_index.get(op.get_bind().dialect.name, ()): op.execute(statement)",
    ]


def _add_search_index(script) -> None:
    """A migration that creates `projects` also creates its search index (and drops it first)."""
    creates_projects = any(
        isinstance(item, ops.CreateTableOp) and item.table_name == "projects"
        for item in script.upgrade_ops.ops
    )
    if creates_projects:
        script.upgrade_ops.ops.append(SearchIndexOp(dict(search_index.UPGRADE)))
        script.downgrade_ops.ops.insert(0, SearchIndexOp(dict(search_index.DOWNGRADE)))


def include_name(name, type_, parent_names):
    # The search index's FTS tables and trigram index are managed by hand, not autogenerate.
    return not search_index.is_search_index_object(name, type_)


def include_object(obj, name, type_, reflected, compare_to):
    return not search_index.is_search_index_object(name, type_)


def run_migrations_offline():
    """Run migrations in 'offline' mode.

    This configures the context with just a URL
    and not an Engine, though an Engine is acceptable
    here as well.  By skipping the Engine creation
    we don't even need a DBAPI to be available.

    Calls to context.execute() here emit the given string to the
    script output.

    """
    url = config.get_main_option("sqlalchemy.url")
    context.configure(url=url, target_metadata=get_metadata(), literal_binds=True)

    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    """Run migrations in 'online' mode.

    In this scenario we need to create an Engine
    and associate a connection with the context.

    """

    # this callback is used to prevent an auto-migration from being generated
    # when there are no changes to the schema
    # reference: http://alembic.zzzcomputing.com/en/latest/cookbook.html
    def process_revision_directives(context, revision, directives):
        if getattr(config.cmd_opts, "autogenerate", False):
            script = directives[0]
            if script.upgrade_ops.is_empty():
                directives[:] = []
                logger.info("No changes in schema detected.")
            else:
                _add_search_index(script)

    conf_args = current_app.extensions["migrate"].configure_args
    if conf_args.get("process_revision_directives") is None:
        conf_args["process_revision_directives"] = process_revision_directives

    conf_args.setdefault("include_name", include_name)
    conf_args.setdefault("include_object", include_object)

    connectable = get_engine()

    with connectable.connect() as connection:
        context.configure(connection=connection, target_metadata=get_metadata(), **conf_args)

        # SQLite batch mode copies and drops tables: with foreign keys on, that would
        # silently delete ON DELETE CASCADE children. Turn them off outside the
        # transaction (the pragma is a no-op inside one) and check integrity afterwards.
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            raw = connection.connection.driver_connection
            raw.execute("PRAGMA foreign_keys=OFF")
        with context.begin_transaction():
            context.run_migrations()
        if sqlite:
            problems = raw.execute("PRAGMA foreign_key_check").fetchall()
            raw.execute("PRAGMA foreign_keys=ON")
            if problems:
                raise RuntimeError(f"foreign key check failed after migration: {problems[:10]}")


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
