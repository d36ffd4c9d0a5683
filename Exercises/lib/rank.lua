-- rank: ranking counted things.
--
--   rank.by_count(counts) -> { { key =, count =, rank = }, ... }
--     highest count first; ties share a rank (1, 2, 2, 4: "standard
--     competition ranking") and are ordered by key.
--   rank.top(ranked, k)   -> the entries with rank <= k, ties included
--     (new tables, so an entry never appears twice in an outcome).
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

local function entry_before(a, b)
  if a.count ~= b.count then
    return a.count > b.count
  end
  return key_before(a.key, b.key)
end

local function by_count(counts)
  local ranked = {}
  for key, count in pairs(counts) do
    ranked[#ranked + 1] = { key = key, count = count }
  end
  table.sort(ranked, entry_before)
  for position, entry in ipairs(ranked) do
    local previous = ranked[position - 1]
    if previous and previous.count == entry.count then
      entry.rank = previous.rank
    else
      entry.rank = position
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

return {
  by_count = by_count,
  top = top,
}
