# Two commands on a fresh machine:  `make demo`  and  `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: setup bench-setup demo test gate bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test,batch,coref]"
	touch $@

bench-setup: $(VENV)/.bench-installed

$(VENV)/.bench-installed: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install -q -e ".[test,batch,coref,bench]"
	touch $@

# run the whole pipeline on the bundled fictional example and print the graph
demo: setup
	$(VENV)/bin/newsgraph demo

test: setup
	$(PY) -m pytest -q

# every benchmark, then the floors in benchmarks/baseline.json
gate: bench-setup
	$(PY) benchmarks/eval_gate.py

clean:
	rm -rf $(VENV) benchmarks/out .pytest_cache .hypothesis
