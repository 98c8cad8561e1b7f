"""decision follow-up history, follow-up agenda items, overdue reminders, calendar feeds

Revision ID: 5e1d2c3b4a90
Revises: e4a7c2f91b06
Create Date: 2026-12-10 09:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

import digiweb.db_types


# revision identifiers, used by Alembic.
revision = '5e1d2c3b4a90'
down_revision = 'e4a7c2f91b06'
branch_labels = None
depends_on = None

DECISION_STATUS = sa.Enum(
    'open', 'in_progress', 'done', 'cancelled',
    name='decisionstatus', native_enum=False, length=32,
)


def upgrade():
    op.create_table('decision_updates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('status', DECISION_STATUS, nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('created_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_decision_updates_actor_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_decision_updates_decision_id_decisions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], name=op.f('fk_decision_updates_meeting_id_meetings'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_updates')),
    sqlite_autoincrement=True,
    )
    with op.batch_alter_table('decision_updates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_updates_decision_id'), ['decision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decision_updates_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('agenda_followed_decisions',
    sa.Column('agenda_item_id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_items.id'], name=op.f('fk_agenda_followed_decisions_agenda_item_id_agenda_items'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['decision_id'], ['decisions.id'], name=op.f('fk_agenda_followed_decisions_decision_id_decisions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('agenda_item_id', 'decision_id', name=op.f('pk_agenda_followed_decisions')),
    )
    with op.batch_alter_table('agenda_followed_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_followed_decisions_decision_id'), ['decision_id'], unique=False)

    op.create_table('calendar_feeds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('secret', sa.String(length=64), nullable=False),
    sa.Column('created_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_calendar_feeds_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calendar_feeds')),
    sa.UniqueConstraint('user_id', name=op.f('uq_calendar_feeds_user_id')),
    sqlite_autoincrement=True,
    )

    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reminded_on', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_column('reminded_on')
    op.drop_table('calendar_feeds')
    with op.batch_alter_table('agenda_followed_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_followed_decisions_decision_id'))
    op.drop_table('agenda_followed_decisions')
    with op.batch_alter_table('decision_updates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_updates_meeting_id'))
        batch_op.drop_index(batch_op.f('ix_decision_updates_decision_id'))
    op.drop_table('decision_updates')
