#!/usr/bin/env bash
# `rasa data validate`, failing on any warning except the one Rasa always gives for a form's
# utter_ask_<slot> responses ("not used in any story or rule": the form utters them itself).
set -uo pipefail
cd "$(dirname "$0")/.."
export SQLALCHEMY_SILENCE_UBER_WARNING=1 PYTHONPATH="$PWD"
out="$(.venv/bin/rasa data validate --config config.yml --domain bot/domain.yml --data nlu_data 2>&1)"
status=$?
warnings="$(grep -E "UserWarning|WARNING" <<<"$out" | grep -vE "The utterance 'utter_ask_[a-z_]+' is not used in any story or rule" | grep -vE "DeprecationWarning|FutureWarning" \
  | grep -vE "The utterance 'utter_(default|out_of_scope)' is not used in any story or rule" \
  | grep -vE "The intent '(calculate_subsidy|check_agency_exit|check_agency_qualification|doubt_verdict|request_article_text)' is listed in the domain file, but is not found in the NLU training data")"
# (utter_default is sent by Rasa's own action_default_fallback, never by a rule; utter_out_of_scope
# by action_out_of_scope and the fallback, which first try a follow-up or a check;
# the first three intents are sent only by buttons; doubt_verdict and request_article_text only
# by the ReplyClassifier's rules (bot/components/reply_classifier.py): none is classified from text)
if [[ $status -ne 0 || -n "$warnings" ]]; then
  echo "rasa data validate: failed (status $status) or warned:" >&2
  echo "$warnings" | head -40 >&2
  exit 1
fi
.venv/bin/python scripts/generate_rules.py --check || exit 1
.venv/bin/python scripts/augment_context.py --check || exit 1
echo "rasa data validate: OK (domain, NLU, rules, stories; generated rules up to date)"
