# kr-ict-kg: the two entry points are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JavaScript inlined into the explorer (vis-network), from npm; never committed.
JS     := node_modules/.installed

.PHONY: demo test lint format bench clean js

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(JS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(JS)

js: $(JS)

demo: $(STAMP) $(JS)
	$(BIN)/kg build
	$(BIN)/kg viz
	$(BIN)/kg viz --timeline
	$(BIN)/kg viz --static

test: $(STAMP) $(JS)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests

format: $(STAMP)
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

clean:
	rm -rf dist $(VENV) node_modules .pytest_cache .ruff_cache
