"""Custom actions: thin adapters from the Rasa tracker to ``rules_core`` and ``kb``.

rasa-sdk imports every module of this package and registers each concrete ``Action`` subclass.
"""
