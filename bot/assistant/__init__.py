"""The assistant layer: everything between the Rasa tracker and the rules, without Rasa.

text → facts → slot values (:mod:`.slot_filling`); slot values → a check's result and its rendered
answer (:mod:`.checks`); one registry of checks (:mod:`.registry`) from which the generated rules,
the fact context, the recheck and the console's routing are derived. The action server
(``actions/``) and the channels (``bot/channels/``) call this layer; it calls ``rules_core`` and
``kb`` (the project's store, ``bot.storage``, sits beside it), and never imports Rasa or
rasa-sdk (``tests/test_import_direction.py``).
"""
