"""Versions folded into the build hash: bump one when its code changes what the database holds.

Kept apart from the modules they describe so that checking whether a rebuild is needed imports
neither the parser nor jieba.
"""

PARSER_VERSION = "1"  # kb/parser.py: how the sources become records
SCHEMA_VERSION = "2"  # kb/models.py: the tables
INDEX_VERSION = "1"  # kb/passages.py and kb/analyzer.py: the search units and their tokens

ALL = {"parser": PARSER_VERSION, "schema": SCHEMA_VERSION, "index": INDEX_VERSION}
