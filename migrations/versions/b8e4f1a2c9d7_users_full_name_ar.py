"""users.full_name_ar: the name in Arabic script, printed in the Arabic official documents

Revision ID: b8e4f1a2c9d7
Revises: c7d2e9a41b53
Create Date: 2026-12-02 21:40:00.000000

"""
from alembic import op
import sqlalchemy as sa

# On SQLite a batch operation rebuilds the table: it stays AUTOINCREMENT (ids never reused).
KEEP = {"table_kwargs": {"sqlite_autoincrement": True}}


# revision identifiers, used by Alembic.
revision = 'b8e4f1a2c9d7'
down_revision = 'c7d2e9a41b53'
branch_labels = None
depends_on = None


def upgrade():
    # Existing accounts have no Arabic name yet: their documents print full_name until one is set.
    with op.batch_alter_table('users', schema=None, **KEEP) as batch_op:
        batch_op.add_column(sa.Column('full_name_ar', sa.String(length=200), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('users', schema=None, **KEEP) as batch_op:
        batch_op.drop_column('full_name_ar')
