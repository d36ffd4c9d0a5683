#!/usr/bin/env python3
"""Usage: Benchmarks/exercises-at-scale.py OUTDIR [--werkvorm BIN] [--before REV] [--after DIR] [--only NAME ...]
                                            [--repeat N] [--no-calls]

Times the shipped exercises on large sessions, before and after a change, with whole commands.

For each scenario below it writes a session script (NAME.yaml) and an events file
(NAME.events.jsonl) into OUTDIR, then, for each side, runs

    werkvorm run NAME.yaml --events NAME.events.jsonl --record NAME.SIDE.record.json --seed 1
    werkvorm replay NAME.SIDE.record.json

under /usr/bin/time, and prints a table of wall-clock seconds and peak resident memory. The
replay runs the exercise code the record carries, so it times the side that recorded it. Last,
`werkvorm replay NAME.before.record.json --library AFTER/Exercises` replays the record made
before against the exercises after, and the column "same" says whether every result and
outcome came out identical ("n/a" when the record made before does not replay by itself).

The sides: "before" is the library of git revision REV (default: main), taken out of this
repository with `git archive` into OUTDIR/before; "after" is DIR (default: this checkout). Each
side runs with WERKVORM_HOME set to its library, from OUTDIR, so that no ./Exercises is picked up.

It also times outcome() or a participant's view() alone for some scenarios: `werkvorm lua`
runs a small harness (OUTDIR/harness-SIDE-NAME/harness-K.lua) that builds the same state in
the sandbox with the scenario's inputs and then makes K calls; the time of one call is the CPU
time (user + system) with K calls minus that with 0 calls, divided by K, the best of 3 runs.

BIN is the werkvorm binary (default: $WERKVORM, else .build/release/werkvorm, else werkvorm on
PATH). --only takes scenario names (or prefixes: --only house-rules). With --repeat N every
command runs N times and the median is shown; --no-calls leaves out the single calls. Needs
Python 3 and git; nothing else. All of it takes about ten minutes on a 2-core machine, most of
it the "before" side of house-rules and questions.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tarfile
import io

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

HEADER = 'title: Op schaal\nlanguage: nl\ndate: 2024-01-01\nstart: "09:00"\n'


def names(n):
    return [f"p{i}" for i in range(1, n + 1)]


def script(roster, exercise, params):
    lines = [HEADER, "roster:\n"]
    lines += [f"  - {who}\n" for who in roster]
    lines.append(f"steps:\n  - exercise: {exercise}\n")
    if params:
        lines.append("    params:\n")
    for key, value in params.items():
        lines.append(f"      {key}: {json.dumps(value)}\n")
    return "".join(lines)


def inp(who, name, **fields):
    event = {"step": 1, "input": name, "fields": fields}
    if who is not None:
        event["participant"] = who
    return event


def phase(name):
    return {"step": 1, "phase": name}


# ---------------------------------------------------------------- scenarios
# Each returns (roster, exercise, params, events). Events are made with a seeded random, so
# every run writes the same files.

def engagement_voting(people, notes):
    def make():
        r = random.Random(1)
        roster = names(people)
        events = []
        written = 0
        for round_ in range(3):
            for who in roster:
                if written < notes:
                    written += 1
                    events.append(inp(who, "engagement", text=f"Engagement {written}: ik wil {who} helpen"))
        events.append(phase("vote"))
        for index, who in enumerate(roster):
            placed = []
            for _ in range(5):
                note = r.randint(1, notes)
                placed.append(note)
                events.append(inp(who, "dot", note=note))
            if index % 10 == 0:  # every tenth moves a dot
                events.append(inp(who, "remove_dot", note=placed[0]))
                events.append(inp(who, "dot", note=r.randint(1, notes)))
        events.append(phase("results"))
        return roster, "engagement-voting", {"max_per_person": 3}, events
    return make


def house_rules(events_wanted):
    """Everyone proposes one agreement, then answers four at random: 5 events a person, + 1."""
    def make():
        r = random.Random(1)
        people = (events_wanted - 1) // 5
        roster = names(people)
        events = [inp(who, "propose", text=f"We laten {who} uitpraten, ook als het schuurt.") for who in roster]
        events.append(phase("consent"))
        rules = 7 + people  # the brave starter list and the proposals
        for who in roster:
            for _ in range(4):
                answer = r.choice(["agree", "agree", "live_with", "object"])
                events.append(inp(who, "consent", rule=r.randint(1, rules), answer=answer, reason=f"Reden van {who}"))
        return roster, "house-rules", {}, events
    return make


def house_rules_consent(people):
    def make():
        r = random.Random(1)
        roster = names(people)
        events = [phase("consent")]
        answers = ["agree", "live_with", "object"]
        for rule in range(1, 8):  # the 7 rules of the brave starter list
            for who in roster:
                answer = r.choice(answers)
                events.append(inp(who, "consent", rule=rule, answer=answer, reason=f"Reden van {who}"))
        events.append(phase("close"))
        return roster, "house-rules", {}, events
    return make


def questions(count):
    def make():
        r = random.Random(1)
        roster = names(count // 3)
        events = []
        number = 0
        for round_ in range(3):
            for who in roster:
                number += 1
                events.append(inp(who, "question", text=f"Vraag {number} van {who}: hoe gaat u dit aanpakken?"))
        events.append(phase("session"))
        for who in roster:
            events.append(inp(who, "upvote", question=r.randint(1, number)))
        events.append(phase("close"))
        return roster, "questions", {}, events
    return make


def why_yes_why_not(arguments):
    def make():
        r = random.Random(1)
        roster = names(arguments // 5)
        events = []
        sides = {"pro": [], "con": []}
        number = 0
        for round_ in range(5):
            for who in roster:
                side = r.choice(["pro", "con"])
                fields = {"side": side, "text": f"Argument {number + 1} van {who}"}
                if sides[side] and r.random() < 0.5:
                    fields["follows"] = r.choice(sides[side])
                number += 1
                sides[side].append(number)
                events.append(inp(who, "argument", **fields))
        events.append(phase("discuss"))
        return roster, "why-yes-why-not", {"max_per_person": 5}, events
    return make


def engagement_to_action(answers):
    def make():
        roster = names(answers // 4)
        events = [phase("work")]
        kinds = ["visible", "chafe", "first_step", "needs"]
        for index, who in enumerate(roster):
            for question in kinds:
                events.append(inp(who, "answer", group=1, question=question, text=f"Antwoord van {who}"))
        return roster, "engagement-to-action", {"groups": 1}, events
    return make


def check_in(people):
    def make():
        roster = names(people)
        events = []
        for index, who in enumerate(roster):
            if index % 4 == 3:
                events.append(inp(who, "pass"))
            else:
                events.append(inp(who, "statement", text=f"Ik ben {who} en ik kom uit de wijk"))
        return roster, "check-in", {"mode": "pairs"}, events
    return make


def polarisation_map(people):
    def make():
        r = random.Random(1)
        roster = names(people)
        places = ["pusher_left", "joiner_left", "middle", "bridge_builder", "joiner_right", "pusher_right"]
        events = []
        for round_ in range(3):
            if round_ > 0:
                events.append(inp(None, "next_round"))
            for who in roster:
                if round_ == 0 or r.random() < 0.3:
                    events.append(inp(who, "position", position=r.choice(places)))
        events.append(inp(None, "scapegoat", participant=roster[0]))
        return roster, "polarisation-map", {"rounds": 3}, [phase("map")] + events
    return make


def open_question(people, answers_each):
    def make():
        r = random.Random(1)
        roster = names(people)
        vocabulary = [f"woord{i}" for i in range(1, 3001)]
        events = []
        for _ in range(answers_each):
            for who in roster:
                words = [vocabulary[min(int(r.paretovariate(0.8)), 3000) - 1] for _ in range(r.randint(2, 7))]
                events.append(inp(who, "answer", text=" ".join(words)))
        return roster, "open-question", {"max_answers": answers_each}, events
    return make


SCENARIOS = [
    ("engagement-voting-1000x3000", engagement_voting(1000, 3000)),
    ("engagement-voting-2000x6000", engagement_voting(2000, 6000)),
    ("house-rules-3251", house_rules(3251)),
    ("house-rules-6501", house_rules(6501)),
    ("house-rules-13001", house_rules(13001)),
    ("house-rules-consent-2000x7", house_rules_consent(2000)),
    ("questions-3000", questions(3000)),
    ("questions-6000", questions(6000)),
    ("why-yes-why-not-2000", why_yes_why_not(2000)),
    ("why-yes-why-not-4000", why_yes_why_not(4000)),
    ("engagement-to-action-4000", engagement_to_action(4000)),
    ("open-question-1000x10", open_question(1000, 10)),
    ("check-in-1000", check_in(1000)),
    ("polarisation-map-1000", polarisation_map(1000)),
]

# ------------------------------------------------------- one call alone
# The harness applies the scenario's inputs in the sandbox, in one call (so it runs with a
# large instruction limit), then calls outcome() or view() K times.

HARNESS = r"""
local exercise = require("subject")
local events = require("subject_events")
local params = {}
for _, p in ipairs(exercise.params) do params[p.name] = p.default end
for key, value in pairs(events.params) do params[key] = value end
local participants = {}
for index, who in ipairs(events.roster) do participants[index] = who end
local phase = exercise.phases[1].id
local ctx = { lang = "nl", phase = phase, params = params, participants = participants }
local state = exercise.init(params, participants, ctx)
for _, event in ipairs(events.list) do
  if event.phase then
    phase = event.phase
    ctx.phase = phase
  else
    local input = { name = event.input, participant = event.participant, fields = event.fields, phase = phase }
    exercise.handlers[event.input](state, input, ctx)
  end
end
local result
for call = 1, __CALLS__ do
  __CALL__
end
return { calls = __CALLS__, events = #events.list }
"""


def lua_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        # JSON's escapes of quotes, backslashes, \n and \t are Lua's too (the texts here have no
        # other control characters); UTF-8 stays as it is
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "{" + ",".join(lua_value(v) for v in value) + "}"
    if isinstance(value, dict):
        return "{" + ",".join(f"[{lua_value(k)}]={lua_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


# scenario -> (what is called, calls before, calls after)
CALLS = {
    "outcome": "result = exercise.outcome(state, ctx)",
    "view": "result = exercise.view(state, participants[call % #participants + 1], ctx)",
}
TIMED_CALLS = {
    "engagement-voting-1000x3000": ("outcome", 1, 200),
    "engagement-voting-2000x6000": ("outcome", 1, 100),
    "why-yes-why-not-2000": ("outcome", 1, 100),
    "open-question-1000x10": ("outcome", 20, 20),
    "check-in-1000": ("view", 1000, 1000),
    "polarisation-map-1000": ("view", 1000, 1000),
}

# ---------------------------------------------------------------- running


def timed(command, env, cwd, cpu=False):
    """(seconds, peak KB, exit code, last line); seconds of wall clock, or of CPU with cpu."""
    full = ["/usr/bin/time", "-f", "%e %M %U %S"] + command
    done = subprocess.run(full, env=env, cwd=cwd, capture_output=True, text=True)
    last = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    try:
        wall, kb, user, system = last.split()
        seconds = float(user) + float(system) if cpu else float(wall)
        kb = int(kb)
    except ValueError:
        seconds, kb = float("nan"), 0
    tail = (done.stdout.strip().splitlines() or [""])[-1]
    if done.returncode != 0:
        tail = "exit %d: %s" % (done.returncode, (done.stderr.strip().splitlines() or [""])[0][:160])
    return seconds, kb, done.returncode, tail


def median_of(command, env, cwd, repeat, cpu=False, best=False):
    runs = [timed(command, env, cwd, cpu) for _ in range(repeat)]
    seconds = (min if best else statistics.median)(run[0] for run in runs)
    kb = max(run[1] for run in runs)
    return seconds, kb, runs[-1][2], runs[-1][3]


def find_werkvorm(given):
    if given:
        return given
    if os.environ.get("WERKVORM"):
        return os.environ["WERKVORM"]
    release = os.path.join(ROOT, ".build", "release", "werkvorm")
    if os.path.exists(release):
        return release
    return shutil.which("werkvorm") or sys.exit("no werkvorm binary: give --werkvorm BIN")


def library_of_revision(rev, into):
    archive = subprocess.run(["git", "-C", ROOT, "archive", "--format=tar", rev, "Exercises", "Plugins"],
                             capture_output=True, check=True).stdout
    if os.path.exists(into):
        shutil.rmtree(into)
    os.makedirs(into)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into)
    return into


def write_scenario(out, name, make):
    roster, exercise, params, events = make()
    with open(os.path.join(out, name + ".yaml"), "w") as f:
        f.write(script(roster, exercise, params))
    with open(os.path.join(out, name + ".events.jsonl"), "w") as f:
        for event in events:
            f.write(json.dumps(event, ensure_ascii=False) + "\n")
    return roster, exercise, params, events


def write_harness(out, side, home, name, scenario, call, calls):
    roster, exercise, params, events = scenario
    folder = os.path.join(out, f"harness-{side}-{name}")
    os.makedirs(os.path.join(folder, "lib"), exist_ok=True)
    shutil.copy(os.path.join(home, "Exercises", exercise + ".lua"), os.path.join(folder, "lib", "subject.lua"))
    listed = []
    for event in events:
        if "phase" in event:
            listed.append({"phase": event["phase"]})
        else:
            entry = {"input": event["input"], "fields": event["fields"]}
            if "participant" in event:
                entry["participant"] = event["participant"]
            listed.append(entry)
    with open(os.path.join(folder, "lib", "subject_events.lua"), "w") as f:
        f.write("return { roster = " + lua_value(roster) + ", params = " + lua_value(params)
                + ", list = {\n" + ",\n".join(lua_value(e) for e in listed) + "\n} }\n")
    files = []
    for k in (0, calls):
        path = os.path.join(folder, f"harness-{k}.lua")
        with open(path, "w") as f:
            f.write(HARNESS.replace("__CALLS__", str(k)).replace("__CALL__", CALLS[call]))
        files.append(path)
    return files


def main():
    parser = argparse.ArgumentParser(description="Time the shipped exercises on large sessions.",
                                     usage=__doc__.splitlines()[0][len("Usage: "):])
    parser.add_argument("out")
    parser.add_argument("--werkvorm")
    parser.add_argument("--before", default="main")
    parser.add_argument("--after", default=ROOT)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-calls", action="store_true", help="skip timing outcome() and view() alone")
    args = parser.parse_args()

    werkvorm = os.path.abspath(find_werkvorm(args.werkvorm))
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    sides = [("before", library_of_revision(args.before, os.path.join(out, "before"))),
             ("after", os.path.abspath(args.after))]
    chosen = [(n, m) for n, m in SCENARIOS if not args.only or any(n.startswith(o) for o in args.only)]

    print(f"werkvorm: {werkvorm}")
    print(f"before: {args.before} ({sides[0][1]}); after: {sides[1][1]}")
    print(f"files in {out}; median of {args.repeat} run(s) each\n")
    header = f"{'scenario':30} {'events':>7}  {'command':7} {'before':>16} {'after':>16}  {'same':4}  result"
    print(header)
    print("-" * len(header))
    call_rows = []
    for name, make in chosen:
        scenario = write_scenario(out, name, make)
        cells = {}
        for side, home in sides:
            env = dict(os.environ, WERKVORM_HOME=home)
            record = f"{name}.{side}.record.json"
            for path in (record, record + ".journal"):
                if os.path.exists(os.path.join(out, path)):
                    os.remove(os.path.join(out, path))
            cells[(side, "run")] = median_of(
                [werkvorm, "run", name + ".yaml", "--events", name + ".events.jsonl", "--record", record,
                 "--seed", "1"], env, out, args.repeat)
            cells[(side, "replay")] = median_of([werkvorm, "replay", record], env, out, args.repeat)
            if name in TIMED_CALLS and not args.no_calls:
                call, before_calls, after_calls = TIMED_CALLS[name]
                calls = before_calls if side == "before" else after_calls
                zero, many = write_harness(out, side, home, name, scenario, call, calls)
                limit = ["--max-instructions", str(10 ** 12), "--max-memory", str(2 ** 31)]
                t0 = median_of([werkvorm, "lua", zero] + limit, env, out, max(args.repeat, 3), cpu=True, best=True)
                tk = median_of([werkvorm, "lua", many] + limit, env, out, max(args.repeat, 3), cpu=True, best=True)
                per_call = (tk[0] - t0[0]) / calls * 1000 if t0[2] == 0 and tk[2] == 0 else float("nan")
                cells[(side, "call")] = (per_call, calls, tk[2], tk[3], call)
        same = subprocess.run([werkvorm, "replay", f"{name}.before.record.json", "--library",
                               os.path.join(sides[1][1], "Exercises")],
                              env=dict(os.environ, WERKVORM_HOME=sides[1][1]), cwd=out, capture_output=True)
        if cells[("before", "replay")][2] != 0:
            identical = "n/a"  # the record made before does not replay by itself either
        else:
            identical = "yes" if same.returncode == 0 else f"NO (exit {same.returncode})"
        for command in ("run", "replay"):
            before, after = cells[("before", command)], cells[("after", command)]
            fmt = lambda c: f"{c[0]:6.2f} s {c[1] / 1024:5.0f} MB" if c[2] == 0 else f"{'exit ' + str(c[2]):>16}"
            print(f"{name if command == 'run' else '':30} {len(scenario[3]) if command == 'run' else '':>7}  "
                  f"{command:7} {fmt(before):>16} {fmt(after):>16}  {identical if command == 'run' else '':4}  "
                  f"{after[3][:60]}", flush=True)
            if before[2] != 0:
                print(f"{'':30} {'':7}  {'':7} before: {before[3]}")
        if ("after", "call") in cells:
            call_rows.append((name, cells[("before", "call")], cells[("after", "call")]))
    if call_rows:
        print("\nOne call alone, in the sandbox (werkvorm lua; CPU ms per call, from K calls minus 0 calls):")
        for name, before, after in call_rows:
            show = lambda c: f"{c[0]:9.3f} ms (K={c[1]})" if c[2] == 0 else f"failed: {c[3][:60]}"
            print(f"  {name:30} {after[4] + '()':10} before {show(before):>24}   after {show(after):>24}")


if __name__ == "__main__":
    main()
