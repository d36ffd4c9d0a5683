-- rank: ranking counted things.
--
--   rank.by_count(counts) -> { { key =, count =, rank = }, ... }
--     highest count first; ties share a rank (1, 2, 2, 4: "standard
--     competition ranking") and are ordered by key.
--   rank.top(ranked, k)   -> the entries with rank <= k, ties included
--     (new tables, so an entry never appears twice in an outcome).
--   rank.listed(counts [, skip]) -> what by_count gives for a list of counts
--     (key = position), leaving out the positions for which skip(key) is
--     true; made without pairs, which in the sandbox sorts every key first:
--     the list is walked in order, grouped by count, and only the few
--     different counts are sorted. For thousands of counts kept up to date.
--
-- Keys are ordered numbers first (ascending), then strings (byte-wise), so
-- the result never depends on the order in which `pairs` visits the keys.

local function key_before(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then
    return ta == "number"
  end
  return a < b
end

-- Keys of one type sort with Lua's own comparison, which calls no Lua
-- function per comparison; a mix of numbers and strings needs key_before.
-- Keys that are in order already (as pairs often gives them) stay as they are.
local function sort_keys(keys)
  local kind, sorted = type(keys[1]), true
  for index = 2, #keys do
    local key = keys[index]
    if type(key) ~= kind then
      table.sort(keys, key_before)
      return
    end
    if sorted and key < keys[index - 1] then
      sorted = false
    end
  end
  if not sorted then
    table.sort(keys)
  end
end

-- The keys are grouped by count and each group is sorted on its own: with
-- thousands of keys and few different counts (a tally of dots) this is much
-- faster than sorting all entries with one comparison function.
local function by_count(counts)
  local keys_with, levels = {}, {}
  for key, count in pairs(counts) do
    local keys = keys_with[count]
    if keys == nil then
      keys = {}
      keys_with[count] = keys
      levels[#levels + 1] = count
    end
    keys[#keys + 1] = key
  end
  table.sort(levels, function(a, b) return a > b end)
  local ranked = {}
  for _, level in ipairs(levels) do
    local keys = keys_with[level]
    sort_keys(keys)
    local first = #ranked + 1 -- ties share the rank of the first of them
    for _, key in ipairs(keys) do
      ranked[#ranked + 1] = { key = key, count = counts[key], rank = first }
    end
  end
  return ranked
end

local function copy(entry)
  local result = {}
  for key, value in pairs(entry) do
    result[key] = value
  end
  return result
end

local function top(ranked, k)
  local chosen = {}
  for _, entry in ipairs(ranked) do
    if entry.rank <= k then
      chosen[#chosen + 1] = copy(entry)
    end
  end
  return chosen
end

local function listed(counts, skip)
  local with_count, levels = {}, {}
  for key, count in ipairs(counts) do
    if not (skip and skip(key)) then
      local keys = with_count[count]
      if keys == nil then
        keys = {}
        with_count[count] = keys
        levels[#levels + 1] = count
      end
      keys[#keys + 1] = key
    end
  end
  table.sort(levels, function(a, b) return a > b end)
  local ranking = {}
  for _, count in ipairs(levels) do
    local rank_of_ties = #ranking + 1
    for _, key in ipairs(with_count[count]) do
      ranking[#ranking + 1] = { key = key, count = count, rank = rank_of_ties }
    end
  end
  return ranking
end

return {
  by_count = by_count,
  top = top,
  listed = listed,
}
