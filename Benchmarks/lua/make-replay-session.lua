-- Writes the replay benchmark's session as a script and an events file, for `werkvorm run`:
-- PARTICIPANTS participants (`roster: - anonymous: N`), one engagement-voting step, 30
-- engagements by the first 10 participants, the vote, then ROUNDS dots placed and taken back by
-- every participant. The defaults (1,000 and 50) make the 100,031 events of the benchmark
-- package's record (Benchmarks/ReplayBenchmarks); 10,000 participants make 1,000,031.
--
--   lua5.4 lua/make-replay-session.lua DIR [PARTICIPANTS] [ROUNDS]
--   werkvorm run --library ../Exercises DIR/replay.yaml --events DIR/replay.events.jsonl \
--     --record DIR/replay.record.json --seed 1
local dir = assert(arg[1], "usage: lua5.4 make-replay-session.lua DIR [PARTICIPANTS] [ROUNDS]")
local count = math.tointeger(tonumber(arg[2] or "1000"))
local rounds = math.tointeger(tonumber(arg[3] or "50"))
assert(count and count >= 10 and rounds and rounds >= 1, "PARTICIPANTS must be at least 10, ROUNDS at least 1")

local script = assert(io.open(dir .. "/replay.yaml", "w"))
script:write(string.format([[
title: Replay benchmark
language: nl
date: 2024-01-01
start: "09:00"
roster:
  - anonymous: %d
steps:
  - exercise: engagement-voting
    minutes: 60
    params:
      dots: 20
]], count))
script:close()

local events = assert(io.open(dir .. "/replay.events.jsonl", "w"))
local f = string.format
local n = 0
for w = 1, 10 do
  for number = 1, 3 do
    events:write(f('{"step": 1, "participant": "anonymous-%d", "input": "engagement", '
      .. '"fields": {"text": "Engagement %d van anonymous-%d"}}\n', w, number, w))
    n = n + 1
  end
end
events:write('{"step": 1, "phase": "vote"}\n')
n = n + 1
for offset = 0, count - 1 do
  local lines = {}
  for round = 0, rounds - 1 do
    local note = (offset + round) % 30 + 1
    local who = offset + 1
    lines[#lines + 1] =
      f('{"step": 1, "participant": "anonymous-%d", "input": "dot", "fields": {"note": %d}}\n', who, note)
    lines[#lines + 1] =
      f('{"step": 1, "participant": "anonymous-%d", "input": "remove_dot", "fields": {"note": %d}}\n', who, note)
  end
  events:write(table.concat(lines))
  n = n + 2 * rounds
end
events:close()
print(f("wrote %s/replay.yaml and %s/replay.events.jsonl: %d participants, %d events", dir, dir, count, n))
