# 坪山托管政策助手 — every set-up step lives here so that a fresh clone needs only
# `make run` or `make test`.  `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
PY        := $(VENV)/bin/python
RASA      := $(VENV)/bin/rasa
STAMP     := $(VENV)/.deps-installed
MODEL     := models/tuoguan.tar.gz
KB_STAMP  := var/.kb-built
export PYTHONPATH := $(CURDIR)
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2
export RASA_TELEMETRY_ENABLED := false

# What a trained model depends on: when any of these is newer than the model, `make train` retrains.
TRAIN_INPUTS := config.yml bot/domain.yml $(shell find nlu_data bot/components bot/language kb/jieba_dict -type f -not -name "*.pyc" 2>/dev/null | sort)
# What the knowledge base is built from.
KB_INPUTS := $(shell find kb -type f \( -name '*.py' -o -name '*.txt' -o -name '*.yml' \) 2>/dev/null | sort)

.PHONY: help setup browser-deps cluster-deps cluster bench-load eval-dialogue kb migrate retention train run test test-unit test-e2e test-stories validate lint shell actions eval eval-heldout compare-entities compare-intents bench bench-report review-export clean

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@set -e; py310="$$(scripts/find_python310.sh)"; \
	if [[ ! -x $(PY) ]] || ! $(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; then \
	  echo ">> creating $(VENV) with $$py310"; rm -rf $(VENV); "$$py310" -m venv $(VENV); fi
	$(PY) -m pip install --quiet --upgrade "pip>=23,<26"
	$(PY) -m pip install --quiet ".[dev]"
	@touch $@

setup: $(STAMP) ## create .venv (Python 3.10) and install the pinned dependencies

# Browser tests use Debian's Chromium and a CJK font (so screenshots show Chinese, not boxes).
browser-deps: ## install Debian chromium and fonts-wqy-microhei if missing (needs root / apt)
	@if [[ -x /usr/bin/chromium && -d /usr/share/fonts/truetype/wqy ]]; then echo "chromium and CJK font present"; \
	elif command -v apt-get >/dev/null && [[ $$(id -u) -eq 0 ]]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei; \
	else echo "browser tests need: apt-get install chromium fonts-wqy-microhei (as root)"; exit 1; fi

# The production shape needs Debian's PostgreSQL 15, Redis 7 and HAProxy (make cluster, and the
# tests that start them). PostgreSQL refuses root: scripts/services.py runs it as `postgres`.
CLUSTER_PROGRAMS := /usr/lib/postgresql/15/bin/initdb /usr/bin/redis-server /usr/sbin/haproxy
cluster-deps: ## install Debian postgresql, redis-server and haproxy if missing (needs root / apt)
	@if ls $(CLUSTER_PROGRAMS) >/dev/null 2>&1; then echo "postgresql, redis-server and haproxy present"; \
	elif command -v apt-get >/dev/null && [[ $$(id -u) -eq 0 ]]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql redis-server haproxy; \
	else echo "the cluster needs: apt-get install postgresql redis-server haproxy (as root)"; exit 1; fi

cluster: $(KB_STAMP) $(MODEL) cluster-deps ## PostgreSQL, Redis, 2 action + 2 Rasa servers, HAProxy on 127.0.0.1:5005 (Ctrl-C stops all)
	$(PY) scripts/cluster.py

$(KB_STAMP): $(STAMP) $(KB_INPUTS)
	$(PY) -m kb.build
	@mkdir -p var && touch $@

kb: $(STAMP) ## build the knowledge base (idempotent: rebuilds only when kb/ sources change)
	$(PY) -m kb.build
	@mkdir -p var && touch $(KB_STAMP)

migrate: $(STAMP) ## bring the project's store (STORE_URL, default var/conversations.sqlite3) to the latest schema
	$(PY) -m bot.storage.migrate

RETENTION_DAYS ?= 180
retention: $(STAMP) migrate ## delete conversations, handoffs and feedback older than RETENTION_DAYS (default 180)
	$(PY) -m bot.storage.retention --days $(RETENTION_DAYS)

$(MODEL): $(STAMP) $(TRAIN_INPUTS)
	@echo ">> training (model missing or its inputs changed)"
	$(RASA) train --config config.yml --domain bot/domain.yml --data nlu_data \
	  --out models --fixed-model-name tuoguan
	@touch $@

train: $(MODEL) ## train the Rasa model when it is missing or stale

run: $(KB_STAMP) $(MODEL) ## set up, then start the action server (5055) and Rasa (5005)
	scripts/run.sh

actions: $(KB_STAMP) migrate ## start only the action server on port 5055
	$(RASA) run actions --actions actions --port 5055

shell: $(KB_STAMP) $(MODEL) ## chat in the terminal (starts the action server in the background)
	scripts/run.sh --shell

validate: $(STAMP) ## rasa data validate (domain, NLU, rules, stories)
	scripts/validate_data.sh

test-unit: $(KB_STAMP) ## unit tests only (rules_core, kb, actions, components)
	$(PY) -m pytest -m "not e2e" -q

test-e2e: $(KB_STAMP) $(MODEL) ## end-to-end tests against real servers on loopback
	$(PY) -m pytest -m e2e -q

test-stories: $(MODEL) ## rasa test stories for the forms (fails on any prediction error)
	$(RASA) test core --model $(MODEL) --stories tests/stories --fail-on-prediction-errors \
	  --out results/stories

test: $(KB_STAMP) $(MODEL) browser-deps cluster-deps validate test-stories ## set up and run every test (unit, data validation, stories, end-to-end, cluster)
	$(PY) -m pytest -q

eval: eval-heldout ## NLU evaluation: the held-out sets and 5-fold cross-validation (reports/)
	$(RASA) test nlu --config config.yml --nlu nlu_data/nlu --cross-validation --folds 5 \
	  --out reports/cross_validation
	$(PY) scripts/nlu_scores.py

eval-heldout: $(MODEL) ## NLU evaluation on the five held-out sets only (about five minutes)
	@# the held-out sets and their report folders come from one registry (scripts/nlu_sets.py)
	@set -e; $(PY) scripts/nlu_sets.py | while read -r heldout reports; do \
	  echo ">> $$heldout"; \
	  $(RASA) test nlu --model $(MODEL) --nlu "$$heldout" --out "$$reports" --successes; \
	done
	$(PY) scripts/nlu_scores.py

DIALOGUE_SETS ?= $(sort $(wildcard tests/dialogues/*.yml))
eval-dialogue: $(KB_STAMP) $(MODEL) ## whole conversations against a live assistant: share right per category, every failure with its transcript
	$(PY) scripts/eval_dialogue.py $(DIALOGUE_SETS)

compare-entities: $(STAMP) ## regex fact extractor vs spaCy EntityRuler on the held-out sets
	$(PY) scripts/compare_entity_extractors.py

compare-intents: $(KB_STAMP) ## the intent classifier's strength and fallback thresholds by 5-fold CV, and held-out scores
	$(PY) scripts/compare_intent_classifiers.py --heldout

bench: $(KB_STAMP) $(MODEL) ## the project against a minimal Rasa bot, side by side: latency, throughput, memory, ratios
	$(PY) scripts/bench/side_by_side.py

bench-load: $(KB_STAMP) $(MODEL) cluster-deps ## 20 senders over REST and WeChat on one instance, then on the cluster: latency, errors, lost turns
	$(PY) scripts/bench/load.py

bench-report: $(KB_STAMP) ## the operators' report over 100,000 stored messages: time, and ratio to reading every row
	$(PY) scripts/bench/report.py

review-export: $(STAMP) migrate ## the operators' labels as Rasa NLU YAML for review (var/review/labelled_nlu.yml; nothing retrains)
	$(PY) -m bot.report.review_export --out var/review/labelled_nlu.yml

lint: $(STAMP) ## ruff and mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

clean: ## remove trained models, the knowledge-base database and caches (keeps .venv)
	rm -rf models var .pytest_cache .mypy_cache .ruff_cache results .rasa
