"""personal API tokens (read-only, hashed, with an expiry)

Revision ID: e4a7c2f91b06
Revises: bc3d5a0b6852
Create Date: 2026-12-03 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

import digiweb.db_types


# revision identifiers, used by Alembic.
revision = 'e4a7c2f91b06'
down_revision = 'bc3d5a0b6852'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('hint', sa.String(length=16), nullable=False),
    sa.Column('created_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_api_tokens_user_id_users'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_tokens_token_hash')),
    sqlite_autoincrement=True,
    )
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_tokens_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_tokens_user_id'))

    op.drop_table('api_tokens')
