# Werkvorm: `make demo` runs the shipped example, `make test` runs every test.
# Both install what is missing on a Debian machine (Lua 5.4 through apt-get).

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/werkvorm

.PHONY: deps lint-deps schema-deps build demo test lint

deps:
	@if ! pkg-config --exists lua5.4 2>/dev/null; then \
		echo "Installing Lua 5.4 (liblua5.4-dev) with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq -o DPkg::Lock::Timeout=300 liblua5.4-dev pkg-config; \
	fi

lint-deps:
	@if ! command -v luacheck >/dev/null 2>&1; then \
		echo "Installing luacheck (lua-check) with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq -o DPkg::Lock::Timeout=300 lua-check; \
	fi

# Python's jsonschema, with which the tests validate records against docs/record.schema.json,
# in a virtual environment of the project's own (.venv): Debian's python3 refuses pip installs
# outside one. python3-venv comes from apt-get when venv is missing.
schema-deps:
	@if ! .venv/bin/python -c 'import jsonschema' 2>/dev/null; then \
		python3 -c 'import ensurepip, venv' 2>/dev/null || { echo "Installing python3-venv with apt-get"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq -o DPkg::Lock::Timeout=300 python3-venv; }; \
		echo "Installing jsonschema into .venv with pip"; \
		python3 -m venv .venv && .venv/bin/python -m pip install --quiet jsonschema; \
	fi

# luacheck over the exercises and plugins, with .luacheckrc (no io, os, debug, package).
lint: lint-deps
	luacheck Exercises Plugins

build: deps
	swift build

EXAMPLE := Examples/iedereen-mee-sessie-6

# The main job on the shipped example: the agenda, then the session run from its events.
demo: build
	$(BIN) plan $(EXAMPLE).yaml
	@mkdir -p out
	@rm -f out/iedereen-mee-sessie-6.record.json.journal
	$(BIN) run $(EXAMPLE).yaml --events $(EXAMPLE).events.jsonl --record out/iedereen-mee-sessie-6.record.json --seed 1

test: deps lint schema-deps
	swift test
