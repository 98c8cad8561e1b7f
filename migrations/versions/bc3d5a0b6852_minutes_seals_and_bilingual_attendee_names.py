"""minutes seals and bilingual attendee names: meeting_attendees.name becomes name_fr beside a
new name_ar; meeting_documents gains the printed verification code and an index on sha256

Revision ID: bc3d5a0b6852
Revises: 7c1e5a9d3b20
Create Date: 2026-12-02 20:00:05.459608

"""
from alembic import op
import sqlalchemy as sa

import digiweb.db_types

# On SQLite a batch operation rebuilds the table: it stays AUTOINCREMENT (ids never reused).
KEEP = {"table_kwargs": {"sqlite_autoincrement": True}}


# revision identifiers, used by Alembic.
revision = 'bc3d5a0b6852'
down_revision = '7c1e5a9d3b20'
branch_labels = None
depends_on = None


def upgrade():
    # The existing names are in Latin script: they become the French names, kept as they are.
    with op.batch_alter_table('meeting_attendees', schema=None, **KEEP) as batch_op:
        batch_op.alter_column('name', new_column_name='name_fr', existing_type=sa.String(length=200), existing_nullable=False)
        batch_op.add_column(sa.Column('name_ar', sa.String(length=200), server_default='', nullable=False))

    with op.batch_alter_table('meeting_documents', schema=None, **KEEP) as batch_op:
        batch_op.add_column(sa.Column('verification_code', sa.String(length=32), nullable=True))
        batch_op.create_index(batch_op.f('ix_meeting_documents_sha256'), ['sha256'], unique=False)
        batch_op.create_unique_constraint(batch_op.f('uq_meeting_documents_verification_code'), ['verification_code'])


def downgrade():
    with op.batch_alter_table('meeting_documents', schema=None, **KEEP) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_meeting_documents_verification_code'), type_='unique')
        batch_op.drop_index(batch_op.f('ix_meeting_documents_sha256'))
        batch_op.drop_column('verification_code')

    with op.batch_alter_table('meeting_attendees', schema=None, **KEEP) as batch_op:
        batch_op.drop_column('name_ar')
        batch_op.alter_column('name_fr', new_column_name='name', existing_type=sa.String(length=200), existing_nullable=False)
