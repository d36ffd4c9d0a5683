-- groups: dividing participants, with the session's seeded math.random.
--
--   groups.shuffle(list)  -> a new list in random order (Fisher-Yates)
--   groups.pairs(ids)     -> random groups of 2; one group of 3 when the
--                            count is odd (nobody talks alone); a single
--                            id gives one group of 1
--   groups.split(ids, n)  -> n random groups, sizes differing by at most 1,
--                            the larger groups first; a group may be empty
--                            when there are fewer ids than groups
--   groups.split_listed(ids, n) -> the same groups, each listed in the order
--                            of ids (the roster order), as a room reads them
--   groups.find(list, id) -> the number of the group that holds id, or nil
--   groups.join(list, id) -> puts id in the smallest group (the first of
--                            them) and returns its number: someone who comes
--                            in late, without moving anyone
--
-- shuffle, pairs, split and split_listed leave their argument unchanged.

local function shuffle(list)
  local result = {}
  for index, value in ipairs(list) do
    result[index] = value
  end
  for index = #result, 2, -1 do
    local other = math.random(index)
    result[index], result[other] = result[other], result[index]
  end
  return result
end

local function make_pairs(ids)
  local shuffled = shuffle(ids)
  local result = {}
  for index = 1, #shuffled - 1, 2 do
    result[#result + 1] = { shuffled[index], shuffled[index + 1] }
  end
  if #shuffled % 2 == 1 then
    local last = shuffled[#shuffled]
    if #result == 0 then
      result[1] = { last }
    else
      table.insert(result[#result], last)
    end
  end
  return result
end

local function split(ids, n)
  assert(math.type(n) == "integer" and n >= 1, "groups.split: n must be an integer >= 1")
  local shuffled = shuffle(ids)
  local base, extra = #shuffled // n, #shuffled % n
  local result, next_index = {}, 1
  for group = 1, n do
    local size = base + (group <= extra and 1 or 0)
    local members = {}
    for offset = 0, size - 1 do
      members[#members + 1] = shuffled[next_index + offset]
    end
    next_index = next_index + size
    result[group] = members
  end
  return result
end

local function split_listed(ids, n)
  local position = {}
  for index, id in ipairs(ids) do
    position[id] = index
  end
  local drawn = split(ids, n)
  for _, members in ipairs(drawn) do
    table.sort(members, function(a, b) return position[a] < position[b] end)
  end
  return drawn
end

local function find(list, id)
  for group, members in ipairs(list) do
    for _, member in ipairs(members) do
      if member == id then
        return group
      end
    end
  end
end

local function join(list, id)
  if #list == 0 then
    return nil
  end
  local smallest = 1
  for group, members in ipairs(list) do
    if #members < #list[smallest] then
      smallest = group
    end
  end
  table.insert(list[smallest], id)
  return smallest
end

return {
  shuffle = shuffle,
  pairs = make_pairs,
  split = split,
  split_listed = split_listed,
  find = find,
  join = join,
}
