-- luacheck configuration for Werkvorm's Lua: exercises and their tests (Exercises/),
-- the exercise standard library (Exercises/lib/), plugins (Plugins/) and examples.
-- Run `luacheck Exercises Plugins Examples` from the repository root, or
-- `luacheck --config /path/to/werkvorm/.luacheckrc DIR` for a library elsewhere.
-- See docs/authoring.md, "Editor support".

-- Plugins run on Lua 5.4 ...
std = "lua54"

-- ... in a sandbox without these (docs/sandbox.md): using one is reported as
-- "accessing undefined variable" (or "undefined field dump of global string").
-- At run time reading one is an error, e.g. "os is not available: plugins get no
-- clock, environment or processes from the machine".
not_globals = {
  "io",
  "os",
  "debug",
  "package",
  "dofile",
  "loadfile",
  "string.dump",
}

max_line_length = 120

-- Type definitions for the Lua language server, not code: they redefine `require`
-- and declare functions without bodies.
exclude_files = {
  "Exercises/types/**",
  ".build/**",
  ".build-*/**",
}
