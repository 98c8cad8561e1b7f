"""meeting invitations and attached documents

Revision ID: 01852b412ed8
Revises: 5e1d2c3b4a90
Create Date: 2026-12-02 21:01:15.950837

"""
from alembic import op
import sqlalchemy as sa

import digiweb.db_types


# revision identifiers, used by Alembic.
revision = '01852b412ed8'
down_revision = '5e1d2c3b4a90'
branch_labels = None
depends_on = None


def upgrade():

    op.create_table('meeting_invitations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('sent_sequence', sa.Integer(), nullable=True),
    sa.Column('sent_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('answer', sa.Enum('pending', 'accepted', 'declined', 'delegated', name='invitationanswer', native_enum=False, length=32), nullable=False),
    sa.Column('delegate_name', sa.String(length=200), nullable=False),
    sa.Column('answered_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'], name=op.f('fk_meeting_invitations_department_id_departments'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_meeting_invitations_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_meeting_invitations_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_invitations')),
    sa.UniqueConstraint('meeting_id', 'user_id', name=op.f('uq_meeting_invitations_meeting_id_user_id')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('meeting_invitations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_invitations_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_invitations_user_id'), ['user_id'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.Column('plan_event_id', sa.Integer(), nullable=True),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('content_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(CASE WHEN meeting_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN plan_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN plan_event_id IS NULL THEN 0 ELSE 1 END) = 1', name=op.f('ck_documents_one_parent')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_documents_meeting_id_meetings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_event_id'], ['plan_events.id'], name=op.f('fk_documents_plan_event_id_plan_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_documents_plan_id_plans'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_documents_uploaded_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_meeting_id'), ['meeting_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_plan_event_id'), ['plan_event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_plan_id'), ['plan_id'], unique=False)

    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cancelled_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=True))




def downgrade():

    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_column('cancelled_at')

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_plan_id'))
        batch_op.drop_index(batch_op.f('ix_documents_plan_event_id'))
        batch_op.drop_index(batch_op.f('ix_documents_meeting_id'))

    op.drop_table('documents')
    with op.batch_alter_table('meeting_invitations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_invitations_user_id'))
        batch_op.drop_index(batch_op.f('ix_meeting_invitations_meeting_id'))

    op.drop_table('meeting_invitations')

