"""Review queue and receipts (issue 17): plans.reviewer_id (the reviewer in charge of a sent
plan) and plan_receipts (the numbered acknowledgement of each send)

Revision ID: e7a1c5d2b804
Revises: 9d4c2b7e1f30
Create Date: 2026-12-02 23:50:00.000000

"""
from alembic import op
import sqlalchemy as sa

import digiweb.db_types

# On SQLite a batch operation rebuilds the table: it stays AUTOINCREMENT (ids never reused).
KEEP = {"table_kwargs": {"sqlite_autoincrement": True}}


# revision identifiers, used by Alembic.
revision = 'e7a1c5d2b804'
down_revision = '9d4c2b7e1f30'
branch_labels = None
depends_on = None


def upgrade():
    # Plans already sent have no reviewer: they are "to review" until one takes them.
    with op.batch_alter_table('plans', schema=None, **KEEP) as batch_op:
        batch_op.add_column(sa.Column('reviewer_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_plans_reviewer_id'), ['reviewer_id'], unique=False)
        batch_op.create_foreign_key(
            batch_op.f('fk_plans_reviewer_id_users'), 'users', ['reviewer_id'], ['id'],
            ondelete='SET NULL',
        )
    op.create_table(
        'plan_receipts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('plan_id', sa.Integer(), nullable=False),
        sa.Column('event_id', sa.Integer(), nullable=True),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('sequence', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(length=20), nullable=False),
        sa.Column('sent_at', digiweb.db_types.UTCDateTime(timezone=True), nullable=False),
        sa.Column('sender_id', sa.Integer(), nullable=True),
        sa.Column('sender_name', sa.String(length=200), nullable=False),
        sa.Column('sender_name_ar', sa.String(length=200), nullable=False),
        sa.Column('projects_count', sa.Integer(), nullable=False),
        sa.Column('fingerprint', sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['plan_events.id'], name=op.f('fk_plan_receipts_event_id_plan_events'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_plan_receipts_plan_id_plans'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['sender_id'], ['users.id'], name=op.f('fk_plan_receipts_sender_id_users'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_receipts')),
        sa.UniqueConstraint('number', name=op.f('uq_plan_receipts_number')),
        sa.UniqueConstraint('year', 'sequence', name=op.f('uq_plan_receipts_year_sequence')),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table('plan_receipts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_receipts_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_receipts_plan_id'), ['plan_id'], unique=False)


def downgrade():
    with op.batch_alter_table('plan_receipts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_receipts_plan_id'))
        batch_op.drop_index(batch_op.f('ix_plan_receipts_event_id'))
    op.drop_table('plan_receipts')
    with op.batch_alter_table('plans', schema=None, **KEEP) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_plans_reviewer_id_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_plans_reviewer_id'))
        batch_op.drop_column('reviewer_id')
