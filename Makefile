# figcheck — everything a fresh machine with Python and make needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench fuzz lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	@echo "== figcheck check fixtures/demo-report.txt (one figure planted wrong) =="
	-$(BIN)/figcheck check fixtures/demo-report.txt
	@echo
	@echo "== the same, with the relations that hold (--show-passed) on the seed report =="
	$(BIN)/figcheck check --show-passed fixtures/nanguan-2019-rule-of-law-report.txt

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python tests/bench/bench_throughput.py
	$(BIN)/python tests/bench/bench_planted.py
	$(BIN)/python tests/bench/bench_formats.py
	$(BIN)/python tests/bench/bench_load.py

fuzz: $(STAMP)
	FIGCHECK_FUZZ_EXAMPLES=$${FIGCHECK_FUZZ_EXAMPLES:-5000} $(BIN)/python -m pytest tests/test_fuzz.py -p no:logging -q

lint: $(STAMP)
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
