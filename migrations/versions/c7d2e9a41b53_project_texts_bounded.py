"""project texts bounded by the schema's limits (issue 13): summaries 4,000 characters, the
procedure, the beneficiaries and the partners 2,000 (the titles were already 300), so that the
column, the form, the spreadsheet and the exports hold one limit, below a spreadsheet cell's
32,767 characters

Revision ID: c7d2e9a41b53
Revises: a16c0d3e5f21
Create Date: 2026-12-02 22:30:00.000000

A value already longer is never cut: the upgrade stops before changing anything and names each
one (reference, field, length), to be shortened in the application first. On SQLite the table
is copied (batch), which drops the search index's triggers: they are created again (the SQL of
digiweb/projects/search_index.py as it is today) and the index rebuilt.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c7d2e9a41b53'
down_revision = 'a16c0d3e5f21'
branch_labels = None
depends_on = None

LIMITS = {
    'summary_ar': 4000,
    'summary_fr': 4000,
    'procedure_ar': 2000,
    'procedure_fr': 2000,
    'beneficiaries_ar': 2000,
    'beneficiaries_fr': 2000,
    'partners': 2000,
}
SEARCH_TRIGGERS_SQLITE = (
    "CREATE TRIGGER IF NOT EXISTS projects_search_insert AFTER INSERT ON projects BEGIN "
    "INSERT INTO projects_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS projects_search_delete AFTER DELETE ON projects BEGIN "
    "INSERT INTO projects_search(projects_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS projects_search_update "
    "AFTER UPDATE OF search_text ON projects BEGIN "
    "INSERT INTO projects_search(projects_search, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO projects_search(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO projects_search(projects_search) VALUES ('rebuild')",
)


def _refuse_longer_values():
    bind = op.get_bind()
    too_long = []
    for name, limit in LIMITS.items():
        rows = bind.execute(
            sa.text(
                f"SELECT reference, length({name}) FROM projects "
                f"WHERE length({name}) > :limit ORDER BY reference"
            ),
            {'limit': limit},
        )
        too_long += [f'  {reference} {name}: {length} > {limit}' for reference, length in rows]
    if too_long:
        raise RuntimeError(
            f'{len(too_long)} project text(s) are longer than their new limit. Nothing was '
            'changed and nothing is cut: shorten them in digiweb (the project form shows the '
            'limit), then upgrade again.\n' + '\n'.join(too_long)
        )


def _alter(to_length: bool):
    with op.batch_alter_table('projects', schema=None,
                              table_kwargs={'sqlite_autoincrement': True}) as batch_op:
        for name, limit in LIMITS.items():
            bounded = sa.String(length=limit)
            batch_op.alter_column(
                name,
                existing_type=sa.Text() if to_length else bounded,
                type_=bounded if to_length else sa.Text(),
                existing_nullable=False,
            )
    if op.get_bind().dialect.name == 'sqlite':
        for statement in SEARCH_TRIGGERS_SQLITE:
            op.execute(sa.text(statement))


def upgrade():
    _refuse_longer_values()
    _alter(to_length=True)


def downgrade():
    _alter(to_length=False)
