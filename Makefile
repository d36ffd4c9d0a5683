# Werkvorm: `make demo` runs the shipped example, `make test` runs every test.
# Both install what is missing on a Debian machine (Lua 5.4 through apt-get).

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/werkvorm

.PHONY: deps build demo test

deps:
	@if ! pkg-config --exists lua5.4 2>/dev/null; then \
		echo "Installing Lua 5.4 (liblua5.4-dev) with apt-get"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq liblua5.4-dev pkg-config; \
	fi

build: deps
	swift build

demo: build
	$(BIN) lua Examples/dot-votes.lua

test: deps
	swift test
