#!/usr/bin/env bash
# Counts instructions per operation with callgrind, which the load of the machine does not
# change: each program runs twice, with a small and a large count, and the difference is divided
# by the difference of the counts, so that start-up and set-up drop out.
#   ./instruction-counts.sh            from the Benchmarks folder
# Installs valgrind and gcc with apt-get when they are missing. See README.md, "Instructions".
set -euo pipefail
cd "$(dirname "$0")"
missing=()
command -v valgrind >/dev/null || missing+=(valgrind)
command -v gcc >/dev/null || missing+=(gcc)
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -q && $sudo apt-get install -y -q "${missing[@]}" liblua5.4-dev
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

swift build -c release --product InstructionCounts >&2
# valgrind cannot read Swift 6.3's debug information: count a copy without it
objcopy --strip-debug "$(swift build -c release --show-bin-path)/InstructionCounts" "$work/swift"
gcc -O2 -o "$work/c" c/host-call-floor.c ../Sources/LuaShim/shim.c ../Sources/LuaShim/pattern.c \
    -I../Sources/LuaShim/include -I/usr/include/lua5.4 -llua5.4 -lpthread

# Lua seeds its string hashes with time(): fixed here, so that two runs count the same
printf '#include <time.h>\ntime_t time(time_t *t) { if (t) *t = 1700000000; return 1700000000; }\n' > "$work/fixtime.c"
gcc -shared -fPIC -O2 -o "$work/fixtime.so" "$work/fixtime.c"

instructions() {  # program operation count: the instructions of the whole run
    LD_PRELOAD="$work/fixtime.so" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs:/ { gsub(",", "", $4); print $4 }'
}
each() {  # name program operation small large
    local a b
    a=$(instructions "$2" "$3" "$4")
    b=$(instructions "$2" "$3" "$5")
    printf '%-52s %12d\n' "$1" $(( (b - a) / ($5 - $4) ))
}
printf '%-52s %12s\n' "instructions per operation" "count"
each "host call (Swift, LuaState.callForValue)" "$work/swift" host 1000 11000
each "host call floor (C, the Lua API and the shim)" "$work/c" host 1000 11000
each "Lua call (the handler called from Lua)" "$work/c" loop 100000 1100000
each "outcome of 7,001 tables read from Lua" "$work/swift" outcome 2 12
each "its floor (C, every key and value read)" "$work/c" outcome 2 12
each "that outcome written as JSON" "$work/swift" write 2 12
each "that JSON read back" "$work/swift" read 2 12
