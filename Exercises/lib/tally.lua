-- tally: counting things.
--
--   tally.count(list [, key_fn]) -> { [key] = count }
--   tally.add(counts, key [, n])  -> counts (changed in place)
--
-- Without key_fn every element of the list is its own key. A key_fn that
-- returns nil leaves that element out.

local function identity(value)
  return value
end

local function add(counts, key, n)
  counts[key] = (counts[key] or 0) + (n or 1)
  return counts
end

local function count(list, key_fn)
  local key_of = key_fn or identity
  local counts = {}
  for _, element in ipairs(list) do
    local key = key_of(element)
    if key ~= nil then
      add(counts, key)
    end
  end
  return counts
end

return {
  count = count,
  add = add,
}
