# Two-command set-up: `make run` and `make test`. `make venv` is the shared, idempotent step.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SEED := seeds/news_us_russia_talks_switzerland.ar.txt
# The CPU build of PyTorch; a bare `torch` requirement would pull a multi-GB CUDA build.
TORCH := torch==2.13.0

.PHONY: venv run test lint typecheck bench clean

venv: $(STAMP)

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet "$(TORCH)"
	$(BIN)/python -m pip install --quiet -e ".[test]" "$(TORCH)"
	touch $(STAMP)

# Qt's own abort on a machine missing xcb libraries names the wrong package: check first.
run: venv
	$(BIN)/python -m reader.ui.platform_check
	$(BIN)/python -m reader $(SEED)

lint: venv
	$(BIN)/ruff check reader tests
	$(BIN)/ruff format --check reader tests
	$(BIN)/lint-imports

typecheck: venv
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/python -m pytest

# The quick benchmarks; the model benchmarks (bench_translate, bench_engines_cli, bench_ui_stall)
# build an opus-mt-shaped model and take minutes: run them by hand.
bench: venv
	$(BIN)/python tests/benchmarks/bench_segment.py
	$(BIN)/python tests/benchmarks/bench_export.py

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
