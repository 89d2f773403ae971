"""Alembic environment for the project's store (run by bot.storage.migrate, not the alembic CLI)."""

from __future__ import annotations

from alembic import context

from bot.storage.models import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
