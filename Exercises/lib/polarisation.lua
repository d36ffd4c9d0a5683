-- polarisation: Bart Brandsma's polarisation map, as data.
--
--   polarisation.places           -> the places on the map, left pole to right
--                                    pole: { value =, x =, y =, label =, short = }
--   polarisation.place_of[value]  -> the place with that value
--   polarisation.position_options -> the places one can choose, as the options
--                                    of a choice field (the scapegoat is not one)
--   polarisation.game_changers    -> the four game changers for the
--                                    professional, as choice options

-- The places on the map, left pole to right pole. x runs from the left pole
-- (-1) to the right pole (1), y from the ground (0) up (1). The scapegoat is
-- not a place one chooses: the facilitator marks it (see `scapegoat`).
local places = {
  { value = "pusher_left", x = -1, y = 0.5,
    label = { nl = "Pusher (linkerpool)", en = "Pusher (left pole)" }, short = "Pusher" },
  { value = "joiner_left", x = -0.5, y = 0.5,
    label = { nl = "Joiner (linkerpool)", en = "Joiner (left pole)" }, short = "Joiner" },
  { value = "middle", x = 0, y = 0.1,
    label = { nl = "Stille midden", en = "Silent middle" } },
  { value = "bridge_builder", x = 0, y = 0.9,
    label = { nl = "Bruggenbouwer", en = "Bridge builder" } },
  { value = "joiner_right", x = 0.5, y = 0.5,
    label = { nl = "Joiner (rechterpool)", en = "Joiner (right pole)" }, short = "Joiner" },
  { value = "pusher_right", x = 1, y = 0.5,
    label = { nl = "Pusher (rechterpool)", en = "Pusher (right pole)" }, short = "Pusher" },
  { value = "scapegoat", x = 0, y = 0.5,
    label = { nl = "Zondebok", en = "Scapegoat" } },
}

local place_of = {}
for _, place in ipairs(places) do
  place_of[place.value] = place
end

local position_options = {}
for _, place in ipairs(places) do
  if place.value ~= "scapegoat" then
    position_options[#position_options + 1] = { value = place.value, label = place.label, x = place.x, y = place.y }
  end
end

-- Brandsma's four game changers for the professional.
local game_changers = {
  { value = "target_group", label = { nl = "Verander van doelgroep: het midden, niet de pushers",
    en = "Change the target group: the middle, not the pushers" } },
  { value = "subject", label = { nl = "Verander van onderwerp: de zorgen van het midden",
    en = "Change the subject: the concerns of the middle" } },
  { value = "position", label = { nl = "Verander van positie: in het midden, verbonden",
    en = "Change your position: in the middle, connected" } },
  { value = "tone", label = { nl = "Verander van toon: bemiddelend, niet moraliseren",
    en = "Change the tone: mediating, no moralising" } },
}

return {
  places = places,
  place_of = place_of,
  position_options = position_options,
  game_changers = game_changers,
}
