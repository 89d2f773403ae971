#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter, or explain what to install and exit 1.
# Rasa Open Source 3.6.21 declares python_requires <3.11, so 3.11+ cannot be used.
# Order: $PYTHON, python3.10 on PATH, pyenv's versions (~/.pyenv/versions/3.10.*), /usr/bin/python3.10.
set -euo pipefail

is_310() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; }

candidates=()
[[ -n "${PYTHON:-}" ]] && candidates+=("$PYTHON")
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
for p in "$pyenv_root"/versions/3.10*/bin/python3.10; do [[ -x "$p" ]] && candidates+=("$p"); done
candidates+=(/usr/bin/python3.10 /usr/local/bin/python3.10)

for c in "${candidates[@]}"; do
  if [[ -x "$c" || -n "$(command -v "$c" 2>/dev/null)" ]] && is_310 "$c"; then
    echo "$c"; exit 0
  fi
done

if [[ -n "${PYTHON:-}" ]]; then
  echo "PYTHON=$PYTHON is not Python 3.10." >&2
fi
cat >&2 <<'MSG'
找不到 Python 3.10（Rasa 3.6.21 不支持 3.11 及以上）。 / No Python 3.10 found (Rasa 3.6.21 refuses 3.11+).
Install one of:
  pyenv install 3.10.13            # then re-run make
  apt-get install python3.10 python3.10-venv   # where your distribution has it
or point to an interpreter:  make run PYTHON=/path/to/python3.10
MSG
exit 1
