# The two commands of the README: `make run` (the studio) and `make test` (the whole suite).
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501
export TARJAMA_HOME ?= $(CURDIR)/workspace

.PHONY: run test lint bench

run:
	@scripts/setup.sh run
	$(PY) -m studio --port $(PORT)

# --no-loadscope-reorder: files in collection order, so the browser journeys (one or two long tests per file) start
# early; xdist's default sends files with the most tests first, which left the two-linguist journey (the longest test)
# running alone at the end of the suite
test:
	@scripts/setup.sh dev
	$(PY) -m ruff check .
	HF_HUB_OFFLINE=1 $(PY) -m pytest -q -p no:cacheprovider -n 2 --dist loadfile --no-loadscope-reorder

lint:
	$(PY) -m ruff check .

bench:
	@scripts/setup.sh dev
	HF_HUB_OFFLINE=1 $(PY) -m bench
