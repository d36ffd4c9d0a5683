# Werkvorm: `make demo` runs the shipped example, `make test` runs every test.
# Both install what is missing on a Debian machine (Lua 5.4 and libqrencode through apt-get).

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/werkvorm

.PHONY: deps lint-deps venv schema-deps browser-deps build demo test lint format install fuzz

deps:
	@if ! pkg-config --exists lua5.4 libqrencode 2>/dev/null; then \
		echo "Installing Lua 5.4 (liblua5.4-dev) and libqrencode-dev with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq -o DPkg::Lock::Timeout=300 liblua5.4-dev libqrencode-dev pkg-config; \
	fi

lint-deps:
	@if ! command -v luacheck >/dev/null 2>&1; then \
		echo "Installing luacheck (lua-check) with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq -o DPkg::Lock::Timeout=300 lua-check; \
	fi

# A virtual environment of the project's own (.venv) for the Python tools of the tests: Debian's
# python3 refuses pip installs outside one. python3-venv comes from apt-get when venv is missing.
venv:
	@if [ ! -x .venv/bin/python ]; then \
		python3 -c 'import ensurepip, venv' 2>/dev/null || { echo "Installing python3-venv with apt-get"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq -o DPkg::Lock::Timeout=300 python3-venv; }; \
		python3 -m venv .venv; \
	fi

# Python's jsonschema, with which the tests validate records against docs/record.schema.json.
schema-deps: venv
	@if ! .venv/bin/python -c 'import jsonschema' 2>/dev/null; then \
		echo "Installing jsonschema into .venv with pip"; \
		.venv/bin/python -m pip install --quiet jsonschema; \
	fi

# The tests of live participation: Debian's chromium, driven by Playwright and pytest from PyPI
# (in .venv; Playwright uses the system's chromium, it downloads no browser), and zbarimg
# (zbar-tools), which reads the QR codes back.
browser-deps: venv
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/zbarimg ]; then \
		echo "Installing chromium and zbar-tools with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq -o DPkg::Lock::Timeout=300 chromium zbar-tools; \
	fi
	@if ! .venv/bin/python -c 'import playwright, pytest' 2>/dev/null; then \
		echo "Installing playwright and pytest into .venv with pip"; \
		.venv/bin/python -m pip install --quiet playwright pytest; \
	fi

# The Swift code, as swift-format (it comes with the toolchain) formats it with .swift-format.
SWIFT_SOURCES := Package.swift Sources Tests/LuaHostTests Tests/WerkvormTests Tests/WerkvormCLITests Tests/WerkvormServerTests \
	Tests/Fuzz/Package.swift Tests/Fuzz/Sources Benchmarks/Package.swift Benchmarks/Benchmarks Benchmarks/InstructionCounts

# luacheck over the exercises and plugins, with .luacheckrc (no io, os, debug, package); then
# swift-format's check of the Swift code (`make format` formats it).
lint: lint-deps
	luacheck Exercises Plugins
	swift format lint --strict --recursive $(SWIFT_SOURCES)

format:
	swift format format --in-place --recursive $(SWIFT_SOURCES)

build: deps
	swift build

# werkvorm in $(PREFIX)/bin, its exercises and plugins in $(PREFIX)/share/werkvorm, where the
# program finds them wherever it is run from. A release build with Swift's runtime inside, so
# that the program runs without the toolchain. `make install PREFIX=$$HOME/.local` needs no root.
PREFIX ?= /usr/local
install: deps
	swift build -c release --static-swift-stdlib --scratch-path .build-release --product werkvorm
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/werkvorm"
	install -s -m 755 .build-release/release/werkvorm "$(DESTDIR)$(PREFIX)/bin/werkvorm"
	rm -rf "$(DESTDIR)$(PREFIX)/share/werkvorm/Exercises" "$(DESTDIR)$(PREFIX)/share/werkvorm/Plugins"
	cp -R Exercises Plugins "$(DESTDIR)$(PREFIX)/share/werkvorm/"
	@echo "installed $(DESTDIR)$(PREFIX)/bin/werkvorm; shell completion: werkvorm --generate-completion-script bash (or zsh, fish)"

EXAMPLE := Examples/iedereen-mee-sessie-6

# The main job on the shipped example: the agenda, then the session run from its events.
demo: build
	$(BIN) plan $(EXAMPLE).yaml
	@mkdir -p out
	@rm -f out/iedereen-mee-sessie-6.record.json.journal
	$(BIN) run $(EXAMPLE).yaml --events $(EXAMPLE).events.jsonl --record out/iedereen-mee-sessie-6.record.json --seed 1

# The libFuzzer targets (Tests/Fuzz), each for FUZZ_SECONDS: session scripts, events files,
# records and JSON fed to the code in process. Tests/Fuzz/README.md tells more, and how to run
# the mutation runner over the whole program.
FUZZ_SECONDS ?= 20
fuzz: deps
	Tests/Fuzz/run $(FUZZ_SECONDS)

test: deps lint schema-deps browser-deps
	swift test
	swift build
	WERKVORM=$(BIN) .venv/bin/python -m pytest -q Tests/Browser
	Tests/Fuzz/run $(FUZZ_SECONDS)
