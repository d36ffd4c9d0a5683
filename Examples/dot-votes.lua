-- The dot votes on engagements of "Iedereen Mee", session 6 (Sint-Niklaas, 23 June 2023):
-- every participant had 5 coloured dots and could stack them on one post-it or spread them.
-- Run it with `werkvorm lua Examples/dot-votes.lua`: it uses the exercise standard library
-- (Exercises/lib) in exactly the sandbox that exercises get.
local rank = require("rank")

local votes = {
  ["Ik durf met ervaringsdeskundigen aan de slag te gaan"] = 7,
  ["Ik zou graag confronterende bevragingen doen binnen adviesraad, commissie en personeelsteam"] = 6,
  ["Ik neem graag thema interculturalisering in mijn huidige werking"] = 6,
  ["Ik blijf vormingen volgen in verband met racisme en dekolonisatie"] = 5,
  ["Ik zou graag algemeen de groepswerking vanuit een inclusieve bril bekijken"] = 4,
  ["Bewust blijven van mijn eigen blinde vlekken en anderen helpen om hun eigen blinde vlekken te zien"] = 4,
  ["Ik engageer me om meer samenwerkingen te doen met organisaties onderling"] = 3,
  ["Ik zou graag moeilijke gesprekken niet uit de weg gaan omwille van drukte of tijdsgebrek"] = 3,
  ["Ik ga op zoek naar meer diverse vrijwilligers"] = 3,
  ["Ik wil een safe space creëren in mijn werking"] = 3,
  ["Ik wil mijn cliënten die nieuwkomers zijn meer betrekken in het leven van onze stad"] = 3,
  ["Ik wil graag een dialoog met politie over polarisatie, racisme en vooroordelen"] = 2,
  ["Ik wil meer personen van kleur en personen met migratieachtergrond binnentrekken in mijn organisatie"] = 1,
}

local ranked = rank.by_count(votes)
local total = 0
for _, entry in ipairs(ranked) do total = total + entry.count end

return {
  session = "Iedereen Mee, sessie 6",
  dots = total,
  chosen = rank.top(ranked, 2),
  ranking = ranked,
}
