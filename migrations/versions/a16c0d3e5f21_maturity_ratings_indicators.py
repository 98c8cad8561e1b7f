"""project maturity, ratings and indicators (issue 16): the digital maturity of the procedure a
project serves (seven nullable columns of projects and an index for the list's filter), the
dated self- and ministry ratings (project_ratings), the indicators and their yearly values

Revision ID: a16c0d3e5f21
Revises: f3b9d8e2a7c1
Create Date: 2026-12-02 21:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

import digiweb.db_types


# revision identifiers, used by Alembic.
revision = 'a16c0d3e5f21'
down_revision = 'f3b9d8e2a7c1'
branch_labels = None
depends_on = None

MATURITY_COLUMNS = (
    ('maturity_level', sa.SmallInteger()),
    ('maturity_target', sa.SmallInteger()),
    ('online_identity', sa.Boolean()),
    ('data_from_apis', sa.Boolean()),
    ('yearly_procedures', sa.BigInteger()),
    ('online_share', sa.SmallInteger()),
    ('accessibility_checked', sa.Boolean()),
)


def upgrade():
    # Nullable columns without a default: SQLite adds them in place (no copy of the table, so
    # the search index's triggers on projects stay as they are).
    for name, type_ in MATURITY_COLUMNS:
        op.add_column('projects', sa.Column(name, type_, nullable=True))
    op.create_index('ix_projects_year_maturity', 'projects', ['year', 'maturity_level'], unique=False)

    op.create_table('project_ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('source', sa.Enum('self', 'ministry', name='ratingsource', native_enum=False, length=32), nullable=False),
    sa.Column('rating', sa.Enum('green', 'amber', 'red', name='rating', native_enum=False, length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('progress_update_id', sa.Integer(), nullable=True),
    sa.Column('created_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_project_ratings_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['progress_update_id'], ['progress_updates.id'], name=op.f('fk_project_ratings_progress_update_id_progress_updates'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_project_ratings_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_ratings')),
    sqlite_autoincrement=True,
    )
    op.create_index('ix_project_ratings_current', 'project_ratings', ['project_id', 'source', 'id'], unique=False)

    op.create_table('indicators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('label_ar', sa.String(length=200), nullable=False),
    sa.Column('label_fr', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=40), nullable=False),
    sa.Column('baseline', sa.Float(), nullable=True),
    sa.Column('target', sa.Float(), nullable=True),
    sa.Column('created_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_indicators_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicators')),
    sqlite_autoincrement=True,
    )
    op.create_index(op.f('ix_indicators_project_id'), 'indicators', ['project_id'], unique=False)

    op.create_table('indicator_values',
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('updated_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicators.id'], name=op.f('fk_indicator_values_indicator_id_indicators'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('indicator_id', 'year', name=op.f('pk_indicator_values'))
    )


def downgrade():
    op.drop_table('indicator_values')
    op.drop_index(op.f('ix_indicators_project_id'), table_name='indicators')
    op.drop_table('indicators')
    op.drop_index('ix_project_ratings_current', table_name='project_ratings')
    op.drop_table('project_ratings')
    op.drop_index('ix_projects_year_maturity', table_name='projects')
    # SQLite (3.35 and later) drops a column in place, like PostgreSQL.
    for name, _type in reversed(MATURITY_COLUMNS):
        op.drop_column('projects', name)
