#!/usr/bin/env python3
"""Mutation runner for the whole werkvorm program.

Checks this goal: COUNT mutated inputs of each kind (session scripts through `plan` and `run`,
event files through `run`, records through `replay` and `report`) end with exit 0 or 1 within
10 s and 1 GiB each, every error naming the file and the line or field.

    Tests/Fuzz/mutate.py [WERKVORM] [--count N] [--seed S] [--workers W] [--out DIR]

WERKVORM is the binary (default: $WERKVORM). The seeds are the example scripts in Examples/
with their events files, and the records made from them at the start with
`werkvorm run X.yaml --events X.events.jsonl --record R --seed 1` (run from the checkout).
Each mutant runs in a temporary directory of its own (a fresh record path every time), with
$WERKVORM_HOME set to the checkout so that the shipped exercises are found.

Every run is put in one class:

    exit 0           the command succeeded
    located          exit 1, and every non-empty line of standard error names one of the
                     command's input files (as given on the command line, NAME below) and a
                     place in it; for `replay`, also a replay that differs from the record: its
                     standard error names the record and every difference is printed with its
                     step and field (`step 8 (engagement-voting): outcome.chosen[1].count: ...`)
    unlocated        exit 1, and some line of standard error does not
    crash            any other exit code, or a signal
    timeout          still running after 10 s (then killed)
    memory           a peak resident size (ru_maxrss of os.wait4; the children are forked, not
                     vforked, so it starts from the runner's own size, tens of MB) over 1 GiB; a
                     watchdog kills the process when its resident size passes 1 GiB
    stderr>10KB      more than 10 KB on standard error when the command failed, or for plan,
                     replay and report; a `run` that succeeds may print many rejections, one a
                     line, and is not counted for that

A place is one of these, right after the file's name (LINE and COL are numbers, FIELD a path of
names and [N] indices such as `events[3].kind`, `steps[2].break`, `session.script_sha256`, where
a key after a '.' may hold any character but ':'):

    NAME:LINE:            NAME:LINE:COL:            NAME: FIELD:            NAME ... line LINE

(a key in FIELD may also be JSON-quoted, `events[3]."a:b"`, when it is no plain name)

Every run that is not `exit 0` or `located` fails the goal: its input files, its command line
(to run in that folder), its standard output and error are saved in
OUT/<kind>-<command>-<class>/<number>/ (default OUT: Tests/Fuzz/findings/). A summary table is
printed per kind and command, then the failures grouped by the first line of their standard
error with digits and quoted text taken out, each with its shortest input. Exits 1 when any run
failed the goal. The mutants depend on --seed alone, so a run can be repeated.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import random

# Without vfork: a child started by vfork reports the runner's own peak resident size as its
# ru_maxrss (Linux keeps the high-water mark of the memory it shared), so every run would seem to
# take what the runner once took. After a fork it starts from the runner's present size (tens of MB).
subprocess._USE_VFORK = False
subprocess._USE_POSIX_SPAWN = False

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
EXAMPLES = ["iedereen-mee-sessie-6", "polarisatie-workshop", "amersfoort-werkconferentie", "safer-spaces-sessie-1", "safer-spaces-sessie-2", "op-stap-kennissessie"]

TIMEOUT = 10.0
MEMORY_KB = 1024 * 1024  # 1 GiB, as ru_maxrss counts (kilobytes on Linux)
STDERR_LIMIT = 10 * 1024

# The largest mutant; a mutation that repeats something repeats it no further than this.
MAXIMUM_SIZE = 8_000_000

SCRIPT, EVENTS, RECORD = "session.yaml", "events.jsonl", "record.json"
OUTPUT = "out.json"  # the record a `run` writes

# ---------------------------------------------------------------------------------------------
# Mutations: each takes the bytes and a random.Random and returns new bytes.

EXTREME_NUMBERS = [b"1e20", b"-1e20", b"9223372036854775807", b"9223372036854775808", b"-9223372036854775808",
                   b"-9223372036854775809", b"-1", b"0", b"-0", b"1e400", b"-1e400", b"1e-400", b"NaN", b"nan", b".nan",
                   b"Infinity", b"-Infinity", b".inf", b"-.inf", b"0x7fffffff", b"1_000", b"007", b"4.5", b"2147483648",
                   b"4294967296", b"1e308", b"99999999999999999999999999999", b"1.0", b"-0.0"]
JUNK_TEXT = ["\u202e\u202dRTL", "\u200b\u200c\u200d\ufeff", "e\u0301\u0301\u0301\u0301", "\U0001F600\U0001F469\u200d\U0001F469\u200d\U0001F467",
             "\u0000", "\u0007\u001b[31m", "\ufffd", "Ǆǅǆ", "ß" * 3, "\u2028\u2029", "ﷺ" * 5, "𝕏" * 10, "\\", "\"", "'", "%s%d%n", "{{x}}", "<script>alert(1)</script>",
             "${HOME}", "../../etc/passwd", "\t", "#", ": ", " - ", "&a", "*a", "!!binary"]
INVALID_UTF8 = [b"\xff", b"\xfe\xff", b"\xc3", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80\x80", b"\xe2\x82", b"\xf0\x9f\x98"]
INTERESTING_BYTES = [0x00, 0xFF, 0x7F, 0x0A, 0x0D, 0x09, 0x22, 0x27, 0x3A, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x2D, 0x5C, 0x20]
NUMBER = re.compile(rb"(?<![\w.])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w.])")


def long_text(rng):
    size = rng.choice([300, 5000, 100_000, 1_000_000])
    unit = rng.choice(["a", "ab ", "é", "\U0001F600", "woord ", "x\n"])
    return (unit * (size // len(unit) + 1))[:size]


def junk_text(rng):
    parts = [rng.choice(JUNK_TEXT) for _ in range(rng.randint(1, 4))]
    return "".join(parts)


def string_replacement(rng):
    """Bytes to put where a text was: long, junk, or invalid UTF-8."""
    choice = rng.random()
    if choice < 0.35:
        return long_text(rng).encode("utf-8")
    if choice < 0.7:
        return junk_text(rng).encode("utf-8")
    return b"x" + rng.choice(INVALID_UTF8) + b"y"


def lines_of(data):
    return data.split(b"\n")


def bit_flip(data, rng):
    if not data:
        return data
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        index = rng.randrange(len(out))
        out[index] ^= 1 << rng.randrange(8)
    return bytes(out)


def byte_set(data, rng):
    if not data:
        return bytes([rng.choice(INTERESTING_BYTES)])
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        out[rng.randrange(len(out))] = rng.choice(INTERESTING_BYTES) if rng.random() < 0.7 else rng.randrange(256)
    return bytes(out)


def truncate(data, rng):
    return data[:rng.randrange(len(data) + 1)]


def delete_bytes(data, rng):
    if not data:
        return data
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 64):]


def insert_bytes(data, rng):
    at = rng.randrange(len(data) + 1)
    if rng.random() < 0.5:
        junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
    else:
        junk = rng.choice(INVALID_UTF8 + [b"\x00", b"\r", b"\t", b"\n", b"\xef\xbb\xbf"])
    return data[:at] + junk + data[at:]


def delete_line(data, rng):
    lines = lines_of(data)
    if len(lines) > 1:
        del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def repetitions(wanted, unit):
    """At most `wanted` copies of `unit` bytes, and no more than make MAXIMUM_SIZE."""
    return max(1, min(wanted, MAXIMUM_SIZE // max(1, unit)))


def duplicate_line(data, rng):
    lines = lines_of(data)
    index = rng.randrange(len(lines))
    times = repetitions(rng.choice([1, 1, 1, 2, 10, 1000]), len(lines[index]) + 1)
    lines[index:index + 1] = [lines[index]] * (times + 1)
    return b"\n".join(lines)


def swap_lines(data, rng):
    lines = lines_of(data)
    if len(lines) > 1:
        a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[a], lines[b] = lines[b], lines[a]
    return b"\n".join(lines)


def move_line(data, rng):
    lines = lines_of(data)
    if len(lines) > 1:
        line = lines.pop(rng.randrange(len(lines)))
        lines.insert(rng.randrange(len(lines) + 1), line)
    return b"\n".join(lines)


def extreme_number(data, rng):
    matches = list(NUMBER.finditer(data))
    if not matches:
        return insert_bytes(data, rng)
    # one to three numbers, from the last so that the earlier places stay where they are
    chosen = sorted(rng.sample(matches, min(len(matches), rng.choice([1, 1, 1, 3]))), key=lambda m: -m.start())
    for match in chosen:
        data = data[:match.start()] + rng.choice(EXTREME_NUMBERS) + data[match.end():]
    return data


QUOTED = re.compile(rb'"(?:[^"\\\n]|\\.)*"')
YAML_VALUE = re.compile(rb"(?m)^([ \t]*(?:-[ \t]+)?[\w-]+:[ \t]+)([^\n&*|>#'\"][^\n]*)$")  # within a line: no backtracking across lines


def replace_string(data, rng):
    """A quoted text, or a YAML value after `key: `, replaced by a long, junk or invalid one."""
    candidates = [(m.start() + 1, m.end() - 1) for m in QUOTED.finditer(data)]
    candidates += [(m.start(2), m.end(2)) for m in YAML_VALUE.finditer(data)]
    if not candidates:
        return insert_bytes(data, rng)
    start, end = rng.choice(candidates)
    return data[:start] + string_replacement(rng) + data[end:]


def line_endings(data, rng):
    choice = rng.random()
    if choice < 0.6:
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if choice < 0.8:
        return data.replace(b"\n", b"\r")
    return b"\xef\xbb\xbf" + data  # a byte order mark


# YAML only.

KEY_LINE = re.compile(rb"(?m)^([ ]*)(- )?([\w-]+):(.*)$")


def yaml_anchor_alias(data, rng):
    """A value given an anchor and used elsewhere by an alias; or a billion laughs."""
    lines = lines_of(data)
    keys = [i for i, line in enumerate(lines) if KEY_LINE.match(line)]
    if rng.random() < 0.3 or len(keys) < 2:
        depth = rng.randint(3, 10)
        width = rng.randint(3, 10)
        laughs = [b'x0: &x0 ["lol"]']
        for level in range(1, depth):
            laughs.append(b"x%d: &x%d [%s]" % (level, level, b", ".join([b"*x%d" % (level - 1)] * width)))
        target = rng.choice([b"notes", b"title", b"roster", b"params", b"steps"])
        laughs.append(target + b": *x%d" % (depth - 1))
        if rng.random() < 0.5:
            # inside a step: its notes or params
            step = [i for i, line in enumerate(lines) if line.lstrip().startswith(b"- exercise:") or line.lstrip().startswith(b"- block:")]
            if step:
                at = rng.choice(step)
                indent = b" " * (len(lines[at]) - len(lines[at].lstrip()) + 2)
                lines[at + 1:at + 1] = [indent + line for line in laughs]
                return b"\n".join(lines)
        return b"\n".join(laughs + lines)
    source, target = rng.sample(keys, 2)
    m = KEY_LINE.match(lines[source])
    if m.group(4).strip():
        lines[source] = m.group(1) + (m.group(2) or b"") + m.group(3) + b": &anchor" + m.group(4)
    else:
        lines[source] = m.group(1) + (m.group(2) or b"") + m.group(3) + b": &anchor"
    t = KEY_LINE.match(lines[target])
    lines[target] = t.group(1) + (t.group(2) or b"") + t.group(3) + b": *anchor"
    if rng.random() < 0.3:
        lines.insert(target + 1, t.group(1) + b"<<: *anchor")  # a merge key
    return b"\n".join(lines)


def yaml_duplicate_key(data, rng):
    lines = lines_of(data)
    keys = [i for i, line in enumerate(lines) if KEY_LINE.match(line) and not line.lstrip().startswith(b"- ")]
    if not keys:
        return duplicate_line(data, rng)
    index = rng.choice(keys)
    m = KEY_LINE.match(lines[index])
    value = rng.choice([m.group(4), b" " + string_replacement(rng), b" 1", b" ~", b" []", b" {}"])
    lines.insert(index + 1, m.group(1) + m.group(3) + b":" + value)
    return b"\n".join(lines)


def yaml_tabs(data, rng):
    lines = lines_of(data)
    indented = [i for i, line in enumerate(lines) if line.startswith(b" ")]
    if not indented:
        return b"\t" + data
    for index in rng.sample(indented, min(len(indented), rng.choice([1, 1, 3, len(indented)]))):
        line = lines[index]
        spaces = len(line) - len(line.lstrip(b" "))
        lines[index] = (b"\t" * max(1, spaces // 2) if rng.random() < 0.7 else b"\t" + b" " * spaces) + line.lstrip(b" ")
    return b"\n".join(lines)


YAML_SCALARS = [b"~", b"null", b"[]", b"{}", b"yes", b"no", b"on", b"off", b"true", b"!!binary aGVsbG8=", b"!!int 3", b"!!float .5",
                b"!!timestamp 2001-12-14t21:59:43.10-05:00", b"!custom x", b"? complex", b"|\n  block\n  text", b">-\n  folded",
                b"2023-06-23", b"09:30", b"12:30:00", b"0o17", b"0x1F", b"1e3", b"- a\n  - b", b"[1, [2, [3]]]", b"{a: {b: {c: d}}}",
                b"'quoted ''inner'''", b"\"esc \\u0000 \\x41 \\uD800\"", b"*undefined", b"&only-anchor", b"---", b"..."]


def yaml_scalar(data, rng):
    lines = lines_of(data)
    keys = [i for i, line in enumerate(lines) if KEY_LINE.match(line)]
    if not keys:
        return insert_bytes(data, rng)
    index = rng.choice(keys)
    m = KEY_LINE.match(lines[index])
    lines[index] = m.group(1) + (m.group(2) or b"") + m.group(3) + b": " + rng.choice(YAML_SCALARS)
    return b"\n".join(lines)


def yaml_structure(data, rng):
    """Documents, indentation and flow style."""
    choice = rng.random()
    lines = lines_of(data)
    if choice < 0.25:
        return data + b"\n---\n" + data if rng.random() < 0.5 else b"---\n" + data + b"\n...\n"
    if choice < 0.5:
        index = rng.randrange(len(lines))
        lines[index] = b" " * rng.choice([1, 3, 7, 100]) + lines[index]
        return b"\n".join(lines)
    if choice < 0.75:
        depth = rng.choice([50, 500, 5000, 100_000])
        nested = rng.choice([b"[" * depth + b"]" * depth, b"{a: " * depth + b"1" + b"}" * depth,
                             b"\n".join(b"  " * i + b"- " for i in range(min(depth, 3000)))])
        keys = [i for i, line in enumerate(lines) if KEY_LINE.match(line)]
        if keys and rng.random() < 0.7:
            index = rng.choice(keys)
            m = KEY_LINE.match(lines[index])
            lines[index] = m.group(1) + (m.group(2) or b"") + m.group(3) + b": " + nested
            return b"\n".join(lines)
        return nested
    # many steps: the steps list repeated
    start = next((i for i, line in enumerate(lines) if line.startswith(b"steps:")), None)
    if start is None:
        return duplicate_line(data, rng)
    steps = lines[start + 1:]
    times = repetitions(rng.choice([10, 100, 2000]), sum(len(line) + 1 for line in steps))
    return b"\n".join(lines[:start + 1] + steps * times)


# JSON (events and records).

def json_value_spans(data):
    """Spans of simple JSON values (numbers, strings, literals) after a ':' or in a list."""
    return [(m.start(1), m.end(1)) for m in re.finditer(rb'[:\[,]\s*("(?:[^"\\\n]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|\{\}|\[\])', data)]


WRONG_TYPES = [b"null", b"true", b"false", b'"text"', b'""', b"[]", b"{}", b"[1, 2]", b'{"a": 1}', b"1", b"-1", b"0", b"1.5", b"1e400",
               b"9223372036854775807", b"-9223372036854775808", b'"1"', b'{"nl": "x"}', b'{"nl": 1, "en": []}', b'["nl", "en"]']


def json_wrong_type(data, rng):
    spans = json_value_spans(data)
    if not spans:
        return insert_bytes(data, rng)
    start, end = rng.choice(spans)
    return data[:start] + rng.choice(WRONG_TYPES) + data[end:]


def json_deep(data, rng):
    depth = rng.choice([100, 199, 200, 201, 1000, 100_000])
    nested = rng.choice([b"[" * depth + b"]" * depth, b'{"a":' * depth + b"1" + b"}" * depth, b"[" * depth])
    spans = json_value_spans(data)
    if not spans:
        return nested
    start, end = rng.choice(spans)
    return data[:start] + nested + data[end:]


def json_duplicate_key(data, rng):
    keys = [m for m in re.finditer(rb'"([\w-]+)"\s*:\s*("(?:[^"\\\n]|\\.)*"|-?\d[\d.eE+-]*|true|false|null)', data)]
    if not keys:
        return insert_bytes(data, rng)
    m = rng.choice(keys)
    value = rng.choice([m.group(2), rng.choice(WRONG_TYPES)])
    return data[:m.end()] + b', "' + m.group(1) + b'": ' + value + data[m.end():]


def json_remove_key(data, rng):
    keys = list(re.finditer(rb'"[\w-]+"\s*:\s*("(?:[^"\\\n]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|\{\}|\[\]),?', data))
    if not keys:
        return delete_bytes(data, rng)
    m = rng.choice(keys)
    return data[:m.start()] + data[m.end():]


EVENT_KEYS = ["step", "participant", "input", "fields", "phase", "time", "id", "seq", "on_behalf", "join", "go", "reveal", "approve",
              "hide", "pause", "result", "code", "field", "reason", "duplicate"]


def random_value(rng, depth=0):
    choice = rng.random()
    if choice < 0.15:
        return rng.choice([None, True, False])
    if choice < 0.35:
        return rng.choice([0, 1, -1, 2, 3, 8, 17, 2**31, 2**53 + 1, 2**63 - 1, -2**63, 1.5, -0.0, 1e300, 5e-324])
    if choice < 0.6:
        return rng.choice([long_text(rng), junk_text(rng), "", "dot", "vote", "An", "agree", "10:42", "99:99"])
    if choice < 0.8 and depth < 3:
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    if depth < 3:
        return {rng.choice(EVENT_KEYS + ["note", "text", "rule", "answer", "nl", "en", junk_text(rng)]): random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}
    return "x"


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, element in value.items():
            yield from paths(element, prefix + (key,))
    elif isinstance(value, list):
        for index, element in enumerate(value):
            yield from paths(element, prefix + (index,))


def structured(mutate_value):
    """A mutation on parsed JSON: of the whole document, or of one line of an events file."""
    def mutation(data, rng, one_line):
        if one_line:
            lines = lines_of(data)
            candidates = [i for i, line in enumerate(lines) if line.strip().startswith(b"{")]
            if not candidates:
                return json_wrong_type(data, rng)
            index = rng.choice(candidates)
            try:
                value = json.loads(lines[index])
                ascii_only = rng.random() < 0.2
                lines[index] = json.dumps(mutate_value(value, rng), ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
            except (ValueError, RecursionError):  # not JSON (an earlier mutation), or nested too deeply
                return json_wrong_type(data, rng)
            return b"\n".join(lines)
        try:
            value = json.loads(data)
            return json.dumps(mutate_value(value, rng), indent=2, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
        except (ValueError, RecursionError):
            return json_wrong_type(data, rng)
    mutation.__name__ = mutate_value.__name__
    return mutation


def get(value, path):
    for key in path:
        value = value[key]
    return value


def set_path(value, path, new):
    if not path:
        return new
    get(value, path[:-1])[path[-1]] = new
    return value


def value_replace(value, rng):
    """A node anywhere in the JSON replaced: other type, extreme number, long or junk text."""
    all_paths = list(paths(value))
    # prefer what a hand can change without breaking a SHA-256: events, steps, participants, seed
    preferred = [p for p in all_paths if p and p[0] in ("events", "steps", "participants", "seed", "version", "format")]
    path = rng.choice(preferred if preferred and rng.random() < 0.85 else all_paths)
    return set_path(value, path, random_value(rng))


def value_delete(value, rng):
    candidates = [p for p in paths(value) if p]
    if not candidates:
        return value
    path = rng.choice(candidates)
    parent = get(value, path[:-1])
    del parent[path[-1]]
    return value


def value_add_key(value, rng):
    containers = [p for p in paths(value) if isinstance(get(value, p), dict)]
    if not containers:
        return value
    target = get(value, rng.choice(containers))
    target[rng.choice(EVENT_KEYS + ["extra", junk_text(rng)])] = random_value(rng)
    return value


def value_repeat(value, rng):
    """A list's elements repeated or shuffled: many events, steps, participants."""
    lists = [p for p in paths(value) if isinstance(get(value, p), list) and get(value, p)]
    if not lists:
        return value
    target = get(value, rng.choice(lists))
    if rng.random() < 0.5:
        size = len(json.dumps(target)) if len(target) < 10_000 else MAXIMUM_SIZE
        target.extend(target * repetitions(rng.choice([1, 10, 200]), size))
        del target[200_000:]
    else:
        rng.shuffle(target)
    return value


def value_number(value, rng):
    numbers = [p for p in paths(value) if isinstance(get(value, p), (int, float)) and not isinstance(get(value, p), bool)]
    if not numbers:
        return value
    return set_path(value, rng.choice(numbers), rng.choice([10**20, -10**20, 2**63 - 1, 2**63, -2**63, -1, 0, 1e20, -1e20, 1e308, 2**31, 2**32]))


STRUCTURED = [structured(value_replace), structured(value_delete), structured(value_add_key), structured(value_repeat), structured(value_number)]

GENERIC = [bit_flip, byte_set, truncate, delete_bytes, insert_bytes, delete_line, duplicate_line, swap_lines, move_line, extreme_number,
           replace_string, line_endings]
YAML = [yaml_anchor_alias, yaml_duplicate_key, yaml_tabs, yaml_scalar, yaml_structure]
JSON = [json_wrong_type, json_deep, json_duplicate_key, json_remove_key]


def mutate(data, rng, kind):
    """Bytes mutated by one to three mutations suited to the kind (script, events or record), and
    the names of the mutations."""
    count = 1 if rng.random() < 0.6 else rng.randint(2, 3)
    names = []
    for _ in range(count):
        choice = rng.random()
        if kind == "script":
            operator = rng.choice(YAML) if choice < 0.45 else rng.choice(GENERIC)
            data = operator(data, rng)
            names.append(operator.__name__)
        elif choice < 0.4:
            operator = rng.choice(STRUCTURED)
            data = operator(data, rng, kind == "events")
            names.append(operator.__name__)
        else:
            operator = rng.choice(JSON) if choice < 0.6 else rng.choice(GENERIC)
            data = operator(data, rng)
            names.append(operator.__name__)
        if len(data) > 8_000_000:
            data = data[:8_000_000]
    return data, names


# ---------------------------------------------------------------------------------------------
# Running one mutant.

def located_pattern(names):
    name = "(?:" + "|".join(re.escape(n) for n in names) + ")"
    # a path of names and [N] indices; what follows its first '.' may be any key, even with
    # spaces, or a quoted one (`events[3]."a:b"`): one lazy run to the next ': ', so that a long
    # line with many dots cannot make the match backtrack for ever
    field = r"[A-Za-z_][\w-]*(?:\[\d+\])*(?:\.[^\n]*?)?"

    return re.compile(rf"(?:^|\s){name}(?::\d+(?::\d+)?: |: {field}: |\b.*\bline \d+)")


DIVERGENCE = re.compile(r"^step \d+(?: \([^)]*\))?: (?:outcome|events\[\d+\])[^\n]*?: recorded [^\n]*, replayed ")


def classify(command, code, signaled, timed_out, over_memory, stdout, stderr, names):
    if timed_out:
        return "timeout"
    if over_memory:
        return "memory"
    if signaled or code not in (0, 1):
        return "crash"
    if len(stderr) > STDERR_LIMIT and (code == 1 or command != "run"):
        return "stderr>10KB"
    if code == 0:
        return "exit 0"
    text = stderr.decode("utf-8", "replace")
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return "unlocated"
    pattern = located_pattern(names)
    if command == "replay" and re.search(r": the replay differs from the record in \d+ place", lines[-1]):
        shown = stdout.decode("utf-8", "replace").splitlines()
        differences = [line for line in shown if line.startswith("step ")]
        if differences and all(DIVERGENCE.match(line) for line in differences):
            lines = lines[:-1]
    if all(pattern.search(line) for line in lines):
        return "located"
    return "unlocated"


def read_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status", "rb") as status:
            for line in status:
                if line.startswith(b"VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def execute(binary, arguments, directory, environment):
    """Runs the command in `directory`: exit code, signal, timed out, peak kB, seconds, out, err."""
    out_path, err_path = os.path.join(directory, ".stdout"), os.path.join(directory, ".stderr")
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.monotonic()
        process = subprocess.Popen([binary] + arguments, cwd=directory, env=environment, stdin=subprocess.DEVNULL,
                                   stdout=out, stderr=err, start_new_session=True)
    state = {"timed_out": False, "over_memory": False}
    done = threading.Event()

    def watch():
        deadline = started + TIMEOUT
        while not done.wait(0.05):
            if time.monotonic() > deadline:
                state["timed_out"] = True
            elif read_rss_kb(process.pid) > MEMORY_KB:
                state["over_memory"] = True
            else:
                continue
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    watcher.join()
    seconds = time.monotonic() - started
    peak = usage.ru_maxrss
    with open(out_path, "rb") as out:
        stdout = out.read(4_000_000)
    with open(err_path, "rb") as err:
        stderr = err.read(200_000)
    os.unlink(out_path)
    os.unlink(err_path)
    signaled = os.WIFSIGNALED(status)
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status)
    return code, signaled, state["timed_out"], state["over_memory"] or peak > MEMORY_KB, peak, seconds, stdout, stderr


REPORT_FORMATS = ["text", "md", "html", "json"]


def commands_for(kind, index):
    """The commands a mutant of `kind` goes through: (name, arguments, input files named)."""
    run = ["run", SCRIPT, "--events", EVENTS, "--record", OUTPUT, "--seed", "1"]
    if kind == "script":
        return [("plan", ["plan", SCRIPT], [SCRIPT]), ("run", run, [SCRIPT, EVENTS])]
    if kind == "events":
        return [("run", run, [SCRIPT, EVENTS])]
    return [("replay", ["replay", RECORD], [RECORD]),
            ("report", ["report", RECORD, "--format", REPORT_FORMATS[index % len(REPORT_FORMATS)]], [RECORD])]


def run_mutant(job):
    kind, index, files, operators, binary, environment, scratch, out_dir = job
    results = []
    for command, arguments, names in commands_for(kind, index):
        directory = tempfile.mkdtemp(prefix=f"{kind}-{index}-", dir=scratch)
        try:
            for name, content in files.items():
                with open(os.path.join(directory, name), "wb") as handle:
                    handle.write(content)
            code, signaled, timed_out, over_memory, peak, seconds, stdout, stderr = execute(binary, arguments, directory, environment)
            verdict = classify(command, code, signaled, timed_out, over_memory, stdout, stderr, names)
            saved = None
            if verdict not in ("exit 0", "located"):
                saved = save(out_dir, kind, command, verdict, index, files, operators, arguments, code, peak, seconds, stdout, stderr)
            results.append({"kind": kind, "index": index, "command": command, "verdict": verdict, "code": code, "peak_kb": peak,
                            "seconds": seconds, "saved": saved, "operators": operators,
                            "stderr": stderr[:2000].decode("utf-8", "replace") if saved else "",
                            "size": len(files[{"script": SCRIPT, "events": EVENTS, "record": RECORD}[kind]])})
        finally:
            shutil.rmtree(directory, ignore_errors=True)
    return results


def save(out_dir, kind, command, verdict, index, files, operators, arguments, code, peak, seconds, stdout, stderr):
    folder = os.path.join(out_dir, f"{kind}-{command}-{verdict.replace(' ', '-').replace('>', '-over-')}", f"{index:05d}")
    os.makedirs(folder, exist_ok=True)
    for name, content in files.items():
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(content)
    line = " ".join(["werkvorm"] + arguments)
    with open(os.path.join(folder, "command.txt"), "w") as handle:
        handle.write(f"# in this folder; WERKVORM_HOME={ROOT}\n")
        if command == "run":
            handle.write(f"rm -f {OUTPUT} {OUTPUT}.journal && ")
        handle.write(line + "\n")
        handle.write(f"# exit {code}, {seconds:.2f} s, peak {peak // 1024} MiB, class {verdict}\n")
        handle.write(f"# mutations: {', '.join(operators)}\n")
    with open(os.path.join(folder, "stderr.txt"), "wb") as handle:
        handle.write(stderr)
    with open(os.path.join(folder, "stdout.txt"), "wb") as handle:
        handle.write(stdout[:20_000])
    return folder


# ---------------------------------------------------------------------------------------------

def make_records(binary, environment, scratch):
    """The records of the examples, made by running them from the checkout."""
    records = {}
    for example in EXAMPLES:
        record = os.path.join(scratch, f"{example}.record.json")
        for leftover in (record, record + ".journal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
        arguments = [binary, "run", f"Examples/{example}.yaml", "--events", f"Examples/{example}.events.jsonl", "--record", record, "--seed", "1"]
        done = subprocess.run(arguments, cwd=ROOT, env=environment, stdin=subprocess.DEVNULL, capture_output=True)
        if done.returncode != 0:
            sys.exit(f"mutate.py: cannot make the record of {example}: {' '.join(arguments)}\n{done.stderr.decode(errors='replace')}")
        with open(record, "rb") as handle:
            records[example] = handle.read()
    return records


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def signature(result):
    """What a failure's cause looks like: its class, command and first line of error, digits and quotes out."""
    lines = [line for line in result["stderr"].splitlines() if line.strip()]
    if result["verdict"] == "crash":
        line = next((l for l in lines if "Fatal error" in l or "error:" in l.lower()), lines[0] if lines else f"exit {result['code']}")
    elif result["verdict"] == "unlocated":
        pattern = located_pattern([SCRIPT, EVENTS, RECORD])
        line = next((l for l in lines if not pattern.search(l)), lines[0] if lines else "(no standard error)")
    else:
        line = "after " + "+".join(sorted(set(result["operators"])))
    line = re.sub(r'"[^"]*"|\'[^\']*\'|“[^”]*”', '"…"', line)
    line = re.sub(r"\d+", "N", line)[:160]
    return f"{result['kind']} {result['command']} {result['verdict']}: {line}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("werkvorm", nargs="?", default=os.environ.get("WERKVORM"), help="the werkvorm binary (default: $WERKVORM)")
    parser.add_argument("--count", type=int, default=10_000, help="mutants of each kind (default 10000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the mutations (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="commands run at once (default 2)")
    parser.add_argument("--out", default=os.path.join(HERE, "findings"), help="where failing inputs go (default Tests/Fuzz/findings)")
    parser.add_argument("--kinds", default="script,events,record", help="which kinds (default script,events,record)")
    options = parser.parse_args()
    if not options.werkvorm:
        parser.error("give the werkvorm binary, or set WERKVORM")
    binary = os.path.abspath(options.werkvorm)
    if not os.access(binary, os.X_OK):
        parser.error(f"{binary} is not an executable")
    kinds = [kind for kind in options.kinds.split(",") if kind]
    for kind in kinds:
        if kind not in ("script", "events", "record"):
            parser.error(f"unknown kind {kind}; the kinds are script, events and record")

    environment = dict(os.environ)
    environment.setdefault("WERKVORM_HOME", ROOT)
    environment.pop("WERKVORM_PATH", None)
    scratch = tempfile.mkdtemp(prefix="werkvorm-mutate-")
    os.makedirs(options.out, exist_ok=True)
    started = time.monotonic()
    try:
        records = make_records(binary, environment, scratch)
        scripts = {example: read(os.path.join(ROOT, "Examples", f"{example}.yaml")) for example in EXAMPLES}
        events = {example: read(os.path.join(ROOT, "Examples", f"{example}.events.jsonl")) for example in EXAMPLES}

        def jobs():
            for kind in kinds:
                for index in range(options.count):
                    rng = random.Random(f"{options.seed}:{kind}:{index}")
                    example = EXAMPLES[index % len(EXAMPLES)]
                    files = {SCRIPT: scripts[example], EVENTS: events[example]}
                    if kind == "script":
                        files[SCRIPT], operators = mutate(scripts[example], rng, "script")
                    elif kind == "events":
                        files[EVENTS], operators = mutate(events[example], rng, "events")
                    else:
                        files = {RECORD: None}
                        files[RECORD], operators = mutate(records[example], rng, "record")
                    yield (kind, index, files, operators, binary, environment, scratch, options.out)

        results = []
        total = len(kinds) * options.count
        with concurrent.futures.ThreadPoolExecutor(max_workers=options.workers) as pool:
            pending = set()
            submitted = finished = 0
            source = jobs()
            for job in source:
                pending.add(pool.submit(run_mutant, job))
                submitted += 1
                if len(pending) >= options.workers * 4:
                    done, pending = concurrent.futures.wait(pending, return_when=concurrent.futures.FIRST_COMPLETED)
                    for future in done:
                        results += future.result()
                        finished += 1
                        if finished % 500 == 0:
                            print(f"  {finished}/{total} mutants, {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
            for future in concurrent.futures.as_completed(pending):
                results += future.result()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.monotonic() - started
    return report(results, elapsed, options)


CLASSES = ["exit 0", "located", "unlocated", "crash", "timeout", "memory", "stderr>10KB"]


def report(results, elapsed, options):
    results.sort(key=lambda r: (r["kind"], r["index"], r["command"]))
    rows = {}
    for result in results:
        rows.setdefault((result["kind"], result["command"]), []).append(result)
    header = f"{'kind':<8}{'command':<9}{'runs':>7}" + "".join(f"{c:>13}" for c in CLASSES) + f"{'mean s':>9}{'max s':>8}{'peak MiB':>10}"
    print(header)
    print("-" * len(header))
    for (kind, command), group in sorted(rows.items()):
        counts = {c: 0 for c in CLASSES}
        for result in group:
            counts[result["verdict"]] += 1
        mean = sum(r["seconds"] for r in group) / len(group)
        print(f"{kind:<8}{command:<9}{len(group):>7}" + "".join(f"{counts[c]:>13}" for c in CLASSES)
              + f"{mean:>9.3f}{max(r['seconds'] for r in group):>8.2f}{max(r['peak_kb'] for r in group) // 1024:>10}")
    print("\nslowest runs (kind command #mutant: seconds, mutations):")
    for (kind, command), group in sorted(rows.items()):
        for result in sorted(group, key=lambda r: -r["seconds"])[:3]:
            print(f"  {kind} {command} #{result['index']}: {result['seconds']:.2f} s, {result['peak_kb'] // 1024} MiB, "
                  f"{len(result.get('operators', []))} mutation(s): {', '.join(result['operators'])}; {result['verdict']}")
    runs = len(results)
    print(f"\n{runs} runs in {elapsed:.0f} s with {options.workers} workers: {elapsed / max(runs, 1):.3f} s a run (wall clock)")
    failures = [r for r in results if r["verdict"] not in ("exit 0", "located")]
    if not failures:
        print("every run ended with exit 0 or 1 within 10 s and 1 GiB, every error naming the file and line or field")
        return 0
    groups = {}
    for result in failures:
        groups.setdefault(signature(result), []).append(result)
    print(f"\n{len(failures)} runs failed the goal, in {len(groups)} groups (saved in {options.out}):")
    for key, group in sorted(groups.items(), key=lambda item: -len(item[1])):
        shortest = min(group, key=lambda r: r["size"])
        print(f"  {len(group):>5}  {key}")
        print(f"         shortest: {shortest['saved']} ({shortest['size']} bytes)")
    return 1


if __name__ == "__main__":
    sys.exit(main())
