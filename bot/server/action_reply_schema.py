"""Check the action server's replies with a JSON-schema validator built once per process.

Replaces ``rasa.core.actions.action.RemoteAction._validate_action_result`` (Rasa 3.6.21). That
function calls ``jsonschema.validate(result, RemoteAction.action_response_format_spec())`` for
every reply of the action server, and ``jsonschema.validate`` first checks the *schema itself*
against the draft-2020-12 metaschema on each call: about 35 ms per reply on the project's 2-core
machine, more than half of an ordinary turn (issue 9, measured with cProfile). The schema is a
constant, so it is checked once here and the validator kept; a reply is then checked in well
under a millisecond. An invalid reply raises the same ``jsonschema.ValidationError`` with the
same message as before (``tests/bot/test_action_reply_schema.py`` compares the two).

:func:`install` is called when the Rasa server loads the NLU pipeline
(``bot.components.normalizer``), never at import time.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from jsonschema import exceptions, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

logger = logging.getLogger(__name__)

# What Rasa's own function appends to the error message (rasa/core/actions/action.py, 3.6.21).
_MESSAGE_SUFFIX = (
    ". Failed to validate Action server response from API, "
    "make sure your response from the Action endpoint is valid. "
    "For more information about the format visit "
    f"{DOCS_BASE_URL}/custom-actions"
)
# The function replaced, kept so that the tests can compare it with the replacement.
RASA_VALIDATE_ACTION_RESULT = RemoteAction._validate_action_result


@lru_cache(maxsize=1)
def _reply_validator() -> Any:
    """The validator for Rasa's action-reply schema; the schema is checked here, once."""
    spec = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(spec)
    validator_class.check_schema(spec)
    return validator_class(spec)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """``True`` for a valid reply; otherwise raise ``ValidationError`` exactly as Rasa does.

    ``result`` is the decoded JSON body of the action server's reply
    (``{"events": [...], "responses": [...]}``).
    """
    error = exceptions.best_match(_reply_validator().iter_errors(result))
    if error is not None:
        error.message += _MESSAGE_SUFFIX
        raise error
    return True


def install() -> None:
    """Put :func:`validate_action_result` in place of Rasa's (idempotent)."""
    if RemoteAction._validate_action_result is not validate_action_result:
        RemoteAction._validate_action_result = validate_action_result
        logger.debug("action-server replies are validated with a validator built once")
