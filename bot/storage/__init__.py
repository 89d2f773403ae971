"""The project's own store: handoffs to a person, answer feedback (SQLAlchemy, migrated by Alembic).

- :mod:`.models`     the tables;
- :mod:`.migrate`    ``upgrade(url)``: the schema at the latest migration (``make migrate``);
- :mod:`.store`      :class:`~.store.ConversationStore`, opened once per process from
                     ``STORE_URL`` (default ``sqlite:///var/conversations.sqlite3``).

The store's methods are synchronous (SQLAlchemy 1.4, as Rasa pins it); async handlers call them
with ``await asyncio.to_thread(...)`` so that a slow database never blocks the event loop.
"""
