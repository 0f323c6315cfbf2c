# figcheck — everything a fresh machine with Python and make needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench fuzz lint clean mutate mutate-report mutate-clean

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
	@echo
	@echo "== one line per finding (--format concise), as for grep and editors =="
	-$(BIN)/figcheck check --format concise fixtures/
	@echo
	@echo "== the findings counted per rule (--statistics) =="
	-$(BIN)/figcheck check --statistics fixtures/

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python tests/bench/bench_speed.py
	$(BIN)/python tests/bench/bench_throughput.py
	$(BIN)/python tests/bench/bench_planted.py
	$(BIN)/python tests/bench/bench_formats.py
	$(BIN)/python tests/bench/bench_load.py
	$(BIN)/python tests/bench/bench_cluster.py
	$(BIN)/python tests/bench/bench_relations.py
	$(BIN)/python tests/bench/table_coverage.py tests/bench/relations-tables-found.yaml

fuzz: $(STAMP)
	FIGCHECK_FUZZ_EXAMPLES=$${FIGCHECK_FUZZ_EXAMPLES:-5000} $(BIN)/python -m pytest tests/test_fuzz.py -p no:logging -q

# Mutation testing with mutmut, never part of `make test`. What is mutated (the recognizers and
# checks), which tests run against each mutant, and what is copied beside them are set in one
# place: pyproject.toml [tool.mutmut]. mutmut copies src/ into mutants/ and keeps its results
# there, so a second `make mutate` tests only the mutants of functions that changed;
# `make mutate-clean` starts afresh. MUTANTS narrows a run to mutant names (a glob), e.g.
#   make mutate MUTANTS='figcheck.tolerance*'
# MUTATE_JOBS: parallel workers (default 1, which leaves a core free on a 2-core machine).
# MUTATE_EXAMPLES: hypothesis examples per law (tests/conftest.py), 150 in `make test`; a
# surviving mutant runs every law, so fewer here keep a full run near half an hour on one core.
MUTATE_JOBS     ?= 1
MUTATE_EXAMPLES ?= 30
MUTANTS         ?=
SURVIVORS       := tests/bench/mutmut-survivors.txt

mutate: $(STAMP)
	FIGCHECK_MUTATE_EXAMPLES=$(MUTATE_EXAMPLES) $(BIN)/mutmut run --max-children $(MUTATE_JOBS) $(MUTANTS)
	$(MAKE) --no-print-directory mutate-report
	-$(BIN)/python tests/bench/mutate_guards.py  # module-level guards, which mutmut does not mutate

# Score per module and every surviving mutant, sorted into kinds, into $(SURVIVORS).
mutate-report: $(STAMP)
	FIGCHECK_MUTATE_EXAMPLES=$(MUTATE_EXAMPLES) $(BIN)/python tests/bench/mutmut_report.py > $(SURVIVORS)
	@sed -n '/^module/,/^$$/p' $(SURVIVORS)
	@echo "survivors: $(SURVIVORS)"

mutate-clean:
	rm -rf mutants

lint: $(STAMP)
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis mutants
