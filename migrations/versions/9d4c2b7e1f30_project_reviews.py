"""project_reviews: a reviewer's decision on each project of a sent plan (issue 17)

Revision ID: 9d4c2b7e1f30
Revises: b8e4f1a2c9d7
Create Date: 2026-12-02 23:50:00.000000

"""
from alembic import op
import sqlalchemy as sa

import digiweb.db_types


# revision identifiers, used by Alembic.
revision = '9d4c2b7e1f30'
down_revision = 'b8e4f1a2c9d7'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('project_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('verdict', sa.Enum('accepted', 'returned', name='projectverdict', native_enum=False, length=32), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('snapshot', sa.JSON(), nullable=True),
    sa.Column('updated_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_project_reviews_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_project_reviews_plan_id_plans'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['projects.id'], name=op.f('fk_project_reviews_project_id_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_reviews')),
    sa.UniqueConstraint('project_id', name=op.f('uq_project_reviews_project_id')),
    sqlite_autoincrement=True,
    )
    with op.batch_alter_table('project_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_project_reviews_plan_id'), ['plan_id'], unique=False)


def downgrade():
    with op.batch_alter_table('project_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_project_reviews_plan_id'))

    op.drop_table('project_reviews')
