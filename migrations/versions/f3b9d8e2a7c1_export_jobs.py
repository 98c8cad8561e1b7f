"""background export jobs (their progress, file and cache key)

Revision ID: f3b9d8e2a7c1
Revises: 01852b412ed8
Create Date: 2026-12-03 10:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

import digiweb.db_types


# revision identifiers, used by Alembic.
revision = 'f3b9d8e2a7c1'
down_revision = '01852b412ed8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('export_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('cache_key', sa.String(length=64), nullable=False),
    sa.Column('data_version', sa.BigInteger(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('path', sa.String(length=300), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('created_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('finished_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('expires_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_export_jobs_user_id_users'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_export_jobs')),
    sqlite_autoincrement=True,
    )
    with op.batch_alter_table('export_jobs', schema=None) as batch_op:
        batch_op.create_index('ix_export_jobs_cache', ['cache_key', 'data_version'], unique=False)
        batch_op.create_index(batch_op.f('ix_export_jobs_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('export_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_export_jobs_user_id'))
        batch_op.drop_index('ix_export_jobs_cache')

    op.drop_table('export_jobs')
