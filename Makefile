# helpbot — `make run` to start the assistant, `make test` to run every test.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
MODEL := models/helpbot.tar.gz
LOCK := requirements.lock
TRAINING_INPUTS := bot/config.yml $(wildcard bot/domain/*.yml) $(shell find data -name '*.yml' 2>/dev/null)

export RASA_TELEMETRY_ENABLED ?= false
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
export HELPBOT_ACTION_URL ?= http://localhost:5055/webhook
export HELPBOT_TRACKER_DB ?= $(CURDIR)/var/conversations.db
export TF_CPP_MIN_LOG_LEVEL ?= 2

VENDOR := web/static/vendor/socket.io.min.js

.PHONY: help setup lock check-lock audit web ingest train run test validate browser bench lint clean

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml $(LOCK)
	@python=$$(scripts/find-python.sh) || exit 1; \
	if [ ! -x $(BIN)/python ]; then echo "Creating $(VENV) with $$python"; $$python -m venv $(VENV) || exit 1; fi
	scripts/install-locked.sh $(VENV) $(LOCK)
	$(BIN)/python scripts/check_lock.py pyproject.toml $(LOCK)
	@touch $@

setup: $(BIN)/.installed ## Create .venv and install exactly the locked packages, then helpbot

lock: ## Regenerate requirements.lock from pyproject.toml (every package, with hashes)
	scripts/lock.sh

check-lock: setup ## Fail when requirements.lock is out of date with pyproject.toml
	$(BIN)/python scripts/check_lock.py pyproject.toml $(LOCK)

audit: setup ## Check the locked packages against known vulnerabilities (needs a vulnerability service)
	scripts/audit.sh

$(VENDOR): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	mkdir -p web/static/vendor
	cp web/node_modules/socket.io-client/dist/socket.io.min.js $(VENDOR)

web: $(VENDOR) ## Build the chat widget's JavaScript (from npm, with the lock file)

ingest: setup ## Rebuild the posting knowledge base from knowledge/postings/
	$(BIN)/helpbot ingest

$(MODEL): $(TRAINING_INPUTS) | $(BIN)/.installed
	$(BIN)/rasa train --config bot/config.yml --domain bot/domain --data data \
		--out models --fixed-model-name helpbot
	@touch $@

train: $(MODEL) ## Train the Rasa model when its data or config changed

run: ingest train web ## Set up everything and start the assistant (Rasa :5005, actions :5055, site :8080, console :8090)
	$(BIN)/helpbot serve

validate: setup ## Check the Rasa training data and domain
	$(BIN)/rasa data validate --config bot/config.yml --domain bot/domain --data data --fail-on-warnings

browser: ## Install Debian's Chromium for the browser tests when it is missing (needs root)
	@scripts/ensure-chromium.sh

test: check-lock ingest train web validate browser ## Set up everything and run the whole test suite
	$(BIN)/pytest

bench: ingest train ## Measure accuracy, speed and memory against Rasa's defaults; writes docs/benchmarks.{md,json,png}
	$(BIN)/python -m bench

lint: setup ## Static checks (ruff, mypy)
	$(BIN)/ruff check base applications staff helpdesk bot actions knowledge console bench tests
	$(BIN)/mypy

clean: ## Remove the virtual env, trained models and local data
	rm -rf $(VENV) models var results .pytest_cache web/node_modules web/static/vendor
