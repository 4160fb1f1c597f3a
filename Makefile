# Two commands do all the set-up from a fresh clone:
#   make run   - install into .venv, build the tables from seeds/, start the app (editing on: a local user)
#   make test  - install the test tools and Chromium, then run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := chromium poppler-utils fonts-dejavu-core postgresql

.PHONY: run test install install-dev wheelhouse system-packages assets build lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# The project's own modules compiled to bytecode, as pip does for every installed package: the editable
# install leaves them as source, and where PYTHONDONTWRITEBYTECODE is set (containers often set it) each
# `python -m dashboard` compiled them again (0.1 s of its start-up). A module edited later is compiled as before.
$(VENV)/.runtime-installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	$(BIN)/python -m compileall -q dashboard bench
	touch $@

$(VENV)/.dev-installed: requirements-dev.txt $(VENV)/.runtime-installed
	$(BIN)/pip install -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.runtime-installed
install-dev: $(VENV)/.dev-installed

# The runtime wheels, downloaded once, so the launch tests can make fresh virtualenvs offline with the
# README's own `pip install -r requirements.txt` (the project itself, `-e .`, is built from the clone).
$(VENV)/wheelhouse/.complete: requirements.txt | $(BIN)/python
	rm -rf $(VENV)/wheelhouse
	grep -v '^-e' requirements.txt > $(VENV)/requirements-wheels.txt
	$(BIN)/pip download -q -d $(VENV)/wheelhouse -r $(VENV)/requirements-wheels.txt "setuptools>=68" pip
	touch $@
wheelhouse: $(VENV)/wheelhouse/.complete

# Debian's Chromium (browser tests, PDF briefings), poppler (pdftoppm/pdftotext in PDF tests) and
# PostgreSQL (the store's tests start a throwaway server from its binaries; nothing runs as a service).
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

assets: install
	$(BIN)/python -c "from dashboard.views.assets import ensure_static_assets as e; import sys; sys.exit(0 if e() else 1)"

build: assets
	$(BIN)/python -m dashboard build

run: build
	@echo "Opening the dashboard at http://localhost:$(PORT)"
	DASHBOARD_EDITING=1 $(BIN)/streamlit run dashboard/app.py --server.port $(PORT)

test: install-dev wheelhouse system-packages assets
	$(BIN)/python -m pytest

lint: install-dev
	$(BIN)/ruff check .

bench: install-dev
	$(BIN)/python -m bench

clean:
	rm -rf build test-output dashboard/static/leaflet.js dashboard/static/leaflet.css
