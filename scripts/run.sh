#!/usr/bin/env bash
# Start the action server (port 5055) in the background and the Rasa server (port 5005, REST
# channel, HTTP API) in the foreground; Ctrl-C stops both.  `--shell` chats in the terminal instead.
set -euo pipefail
cd "$(dirname "$0")/.."

ACTIONS_PORT="${ACTIONS_PORT:-5055}"
RASA_PORT="${RASA_PORT:-5005}"
MODEL="${MODEL:-models/tuoguan.tar.gz}"
RASA=.venv/bin/rasa
# Both servers listen on loopback only unless told otherwise: Rasa's HTTP API can read and change
# every conversation and replace the model, so it is never exposed without RASA_API_TOKEN.
# Put a reverse proxy (HTTPS) in front for the WeChat webhook and the web pages.
RASA_INTERFACE="${RASA_INTERFACE:-127.0.0.1}"
export SANIC_HOST="${ACTIONS_INTERFACE:-127.0.0.1}"
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
# Beyond loopback every token must be set (or given as NAME_FILE): no development default, no
# open HTTP API (bot/secrets.py says which are missing).
.venv/bin/python -m bot.secrets --interface "$RASA_INTERFACE"
api_token="$(.venv/bin/python -c 'from bot.secrets import read_secret; print(read_secret("RASA_API_TOKEN") or "")')"
api_auth=()
if [[ -n "$api_token" ]]; then
  api_auth=(--auth-token "$api_token")
fi
export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://127.0.0.1:${ACTIONS_PORT}/webhook}"

mkdir -p var
# the project's store at the latest schema (Alembic; a no-op when it already is)
.venv/bin/python -m bot.storage.migrate
"$RASA" run actions --actions actions --port "$ACTIONS_PORT" >var/action-server.log 2>&1 &
ACTIONS_PID=$!
cleanup() {
  kill "$ACTIONS_PID" 2>/dev/null || true
  wait "$ACTIONS_PID" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:${ACTIONS_PORT}/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$ACTIONS_PID" 2>/dev/null; then
    echo "action server failed to start; see var/action-server.log" >&2; exit 1
  fi
  sleep 0.5
done
echo ">> action server on http://127.0.0.1:${ACTIONS_PORT} (log: var/action-server.log)"

if [[ "${1:-}" == "--shell" ]]; then
  "$RASA" shell --model "$MODEL" --endpoints bot/endpoints.yml
  exit $?
fi

cat <<MSG
>> Rasa server starting on http://127.0.0.1:${RASA_PORT} (it is ready when it logs "Rasa server is up and running").
   Ask it over the REST channel, for example:
     curl -s http://127.0.0.1:${RASA_PORT}/webhooks/rest/webhook \\
       -H 'Content-Type: application/json' -d '{"sender": "demo", "message": "补贴多少？"}'
   Ctrl-C stops both servers.
MSG
"$RASA" run --model "$MODEL" --enable-api "${api_auth[@]}" --interface "$RASA_INTERFACE" --port "$RASA_PORT" \
  --endpoints bot/endpoints.yml --credentials bot/credentials.yml
