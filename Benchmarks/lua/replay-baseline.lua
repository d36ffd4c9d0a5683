-- The baseline for the replay benchmark: the standalone lua5.4 interpreter drives the same
-- engagement-voting handlers over the same 100,031 inputs, loaded as a Lua table, with no host,
-- no sandbox and no instruction hook; then again, making each input's table on the way.
-- Run from Benchmarks/: `lua5.4 lua/replay-baseline.lua`.
package.path = "../Exercises/lib/?.lua;" .. package.path
local exercise = dofile("../Exercises/engagement-voting.lua")

local participants = {}
for i = 1, 1000 do participants[i] = "anonymous-" .. i end
local params = {}
for _, param in ipairs(exercise.params) do params[param.name] = param.default end
params.dots = 20
local ctx = { lang = "nl", phase = "collect", params = params, participants = participants }

-- The inputs as a table, as the benchmark's record holds them.
local inputs = {}
for w = 1, 10 do
  for number = 1, 3 do
    inputs[#inputs + 1] = { name = "engagement", participant = participants[w],
      fields = { text = "Engagement " .. number .. " van " .. participants[w] } }
  end
end
inputs[#inputs + 1] = { phase = "vote" }
for offset, participant in ipairs(participants) do
  for round = 0, 49 do
    local note = (offset - 1 + round) % 30 + 1
    inputs[#inputs + 1] = { name = "dot", participant = participant, fields = { note = note } }
    inputs[#inputs + 1] = { name = "remove_dot", participant = participant, fields = { note = note } }
  end
end
assert(#inputs == 100031)

-- Drives the handlers over the inputs; with `build`, each input's table is made first from plain
-- values, as a host must make it (the inputs arrive as data, not as Lua tables).
local function drive(build)
  local start = os.clock()
  math.randomseed(1)
  local run = { lang = "nl", phase = "collect", params = params, participants = participants }
  local state = exercise.init(params, participants, run)
  for _, input in ipairs(inputs) do
    if input.phase and not input.name then
      run.phase = input.phase
    else
      if build then
        local fields = input.fields
        input = { name = input.name, participant = input.participant, phase = run.phase,
          fields = { note = fields.note, text = fields.text } }
      else
        input.phase = run.phase
      end
      local ok = exercise.handlers[input.name](state, input, run)
      assert(ok ~= false, "rejected")
    end
  end
  assert(exercise.outcome(state, run))
  return os.clock() - start
end

print(string.format("lua5.4: %d inputs driven in %.3f s", #inputs, drive(false)))
print(string.format("lua5.4: %d inputs made into tables and driven in %.3f s", #inputs, drive(true)))
