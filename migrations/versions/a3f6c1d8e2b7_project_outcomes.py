"""project_outcomes: last year's outcome of a project (completed, continued, cancelled) and the
share achieved, recorded when the next year's plan starts (issue 17, carry-over)

Revision ID: a3f6c1d8e2b7
Revises: e7a1c5d2b804
Create Date: 2026-12-03 00:10:00.000000

"""
from alembic import op
import sqlalchemy as sa

import digiweb.db_types


# revision identifiers, used by Alembic.
revision = 'a3f6c1d8e2b7'
down_revision = 'e7a1c5d2b804'
branch_labels = None
depends_on = None


def upgrade():
    # A new table: the projects table (and its search triggers on SQLite) stays as it is.
    op.create_table(
        'project_outcomes',
        sa.Column('project_id', sa.Integer(), nullable=False),
        sa.Column('outcome', sa.Enum('completed', 'continued', 'cancelled', name='outcome', native_enum=False, length=32), nullable=False),
        sa.Column('achieved', sa.SmallInteger(), nullable=True),
        sa.Column('recorded_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_project_outcomes_project_id_projects'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_project_outcomes_recorded_by_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('project_id', name=op.f('pk_project_outcomes')),
    )


def downgrade():
    op.drop_table('project_outcomes')
