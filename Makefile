# The two commands of the README: `make run` (the studio) and `make test` (the whole suite).
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501
export TARJAMA_HOME ?= $(CURDIR)/workspace

.PHONY: run test lint bench

run:
	@scripts/setup.sh run
	$(PY) -m studio --port $(PORT)

test:
	@scripts/setup.sh dev
	$(PY) -m ruff check .
	HF_HUB_OFFLINE=1 $(PY) -m pytest -q -p no:cacheprovider -n 2 --dist loadfile

lint:
	$(PY) -m ruff check .

bench:
	@scripts/setup.sh dev
	HF_HUB_OFFLINE=1 $(PY) -m bench
