# kr-ict-kg: the two entry points are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# npm packages (YASGUI for `kg serve`, vis-network for `kg viz`): into node_modules/, never committed.
WEB    := node_modules/.installed

.PHONY: demo test test-fast lint format bench bench-speed bench-store clean web js serve bench-serve bench-abuse bench-ingest bench-explorer bench-search

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(WEB): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(WEB)

web js: $(WEB)

demo: $(STAMP) $(WEB)
	$(BIN)/kg build
	$(BIN)/kg export --all
	$(BIN)/kg viz
	$(BIN)/kg viz --timeline
	$(BIN)/kg viz --static
	$(BIN)/kg viz --map

# What CI runs (.ci/run): lint, the layers of [tool.importlinter], then the tests and the
# docstring examples of src/kg (pyproject's testpaths, --doctest-modules) on every core,
# one test module per worker (pytest-xdist), so a module's server or browser starts once.
test: $(STAMP) $(WEB)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/lint-imports
	$(BIN)/mypy
	$(BIN)/pytest -q -n auto --dist loadfile

# A quick local run: leaves out the tests marked slow (over ~3 s), browser (Chromium)
# and server (a kg serve or Oxigraph process); `make test` runs everything.
test-fast: $(STAMP)
	$(BIN)/pytest -q -n auto --dist loadfile -m "not slow and not browser and not server"

lint: $(STAMP)
	$(BIN)/ruff check src tests

format: $(STAMP)
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

serve: $(STAMP) $(WEB)
	test -f dist/kg.nq || $(BIN)/kg build
	$(BIN)/kg serve

# Load benchmark of `kg serve` (not a test): 8 clients for 20 s on loopback, then the same
# clients against `kg serve --cache 0` and a plain `oxigraph serve` on the same graph; prints
# both throughput ratios.
bench-serve: $(STAMP) $(WEB)
	$(BIN)/kg build >/dev/null
	$(BIN)/python benchmarks/serve_load.py

# Abuse benchmark of `kg serve` (not a test): 4 clients sending queries that run until the
# time limit beside 4 normal clients, 60 s (SECONDS_ABUSE=10 for a quick try).
bench-abuse: $(STAMP) $(WEB)
	$(BIN)/kg build >/dev/null
	$(BIN)/python benchmarks/serve_abuse.py --seconds $(or $(SECONDS_ABUSE),60)

# Time to first render of the explorer in headless Chromium (not a test): synth 100, 10000.
bench-explorer: $(STAMP) $(WEB)
	$(BIN)/python benchmarks/explorer_render.py

clean:
	rm -rf dist $(VENV) node_modules .pytest_cache .ruff_cache

# The label index at 10^6 triples (not a test): build time, size, lookup times.
bench-search: $(STAMP)
	$(BIN)/python benchmarks/search.py


# Not part of `make test`: ingest precision/recall on the seed and test profiles, then on
# the held-out articles (tests/fixtures/ingest/HELDOUT.md), with seconds per article.
bench-ingest: $(STAMP)
	$(BIN)/python benchmarks/ingest_quality.py
	$(BIN)/python benchmarks/ingest_heldout.py

# Not part of `make test`: one-shot kg query vs its floor, every bundled query on a --store
# at 10^6 triples (SCALE_SCALES=1000000,10000000 adds 10^7), each figure next to its target;
# then the rdflib reference vs Oxigraph fast path, at BENCH_SCALES triples.
bench: bench-speed
	$(BIN)/python benchmarks/bench.py

# Not part of `make test`: building a --store (whole `kg query --store` process) beside its
# floor (a bare pyoxigraph bulk_load), each with its peak RSS, then `kg validate --engine fast`;
# STORE_SCALES=10000000 SCALE_DIR=DIR for 10^7 (issue 16 point 4).
bench-store: $(STAMP)
	$(BIN)/python benchmarks/store_scale.py

bench-speed: $(STAMP)
	$(BIN)/kg build >/dev/null
	$(BIN)/python benchmarks/query_scale.py
