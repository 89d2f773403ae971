"""A handoff no longer keeps a copy of the transcript: the console reads the conversation from
Rasa's tracker store. Copies made before this migration are kept as ``legacy_transcript`` (their
conversations lived in a tracker store that did not survive restarts) and shown when the tracker
store has nothing for that conversation.

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
        batch.alter_column(
            "transcript",
            new_column_name="legacy_transcript",
            existing_type=sa.Text(),
            nullable=True,
        )


def downgrade() -> None:
    with op.batch_alter_table("handoffs") as batch:
        batch.alter_column(
            "legacy_transcript",
            new_column_name="transcript",
            existing_type=sa.Text(),
            nullable=False,
            server_default="[]",
        )
