"""A handoff no longer keeps a copy of the transcript: the console reads the conversation from
Rasa's tracker store, so there is one record of what was said.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("handoffs") as batch:
        batch.drop_column("transcript")


def downgrade() -> None:
    with op.batch_alter_table("handoffs") as batch:
        batch.add_column(sa.Column("transcript", sa.Text(), nullable=False, server_default="[]"))
