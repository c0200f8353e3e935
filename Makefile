# Two commands: `make run` (the bot, or a console chat without TELEGRAM_BOT_TOKEN) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test test-fast lint bench soak clean

# Set-up messages go to stderr so that `echo question | make run` prints only answers.
$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	@echo "creating $(VENV)" >&2
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install -qq --upgrade pip >&2

# The pinned dependencies first (requirements.txt), then the package itself without them: a regular (not
# editable) install, and main.py and the tests import the package from this directory anyway. The
# Dockerfile runs the same two steps, the first in a layer of its own that Docker caches.
$(VENV)/.installed: pyproject.toml requirements.txt | $(BIN)/python
	@echo "installing dependencies into $(VENV)" >&2
	@$(BIN)/python -m pip install -qq --no-cache-dir -r requirements.txt >&2
	@$(BIN)/python -m pip install -qq --no-cache-dir --no-deps . >&2
	@touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	@echo "installing dev dependencies into $(VENV)" >&2
	@$(BIN)/python -m pip install -qq '.[dev]' >&2
	@touch $@

run: $(VENV)/.installed
	@if [ -n "$$TELEGRAM_BOT_TOKEN" ]; then exec $(BIN)/python main.py run; else exec $(BIN)/python main.py chat; fi

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

test-fast: $(VENV)/.installed-dev  # everything but the end-to-end tests
	$(BIN)/python -m pytest -m "not e2e"

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check bot tests main.py

bench: $(VENV)/.installed
	$(BIN)/python main.py bench --articles 1000

soak: $(VENV)/.installed-dev  # issue 11's scenarios at full size against the fake Bot API (about four minutes)
	$(BIN)/python tests/soak.py

clean:
	rm -rf $(VENV) .cache .pytest_cache
