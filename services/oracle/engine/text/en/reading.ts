/** The symbolic reading's own sentences: opening, core signal, context lines and closing. */
import type { ReadingText } from "../engine-text";
import { ANIMAL_ELEMENT } from "./animal-element";
import { ELEMENTS } from "./elements";
import { SIGNALS } from "./signals";
import { groupThousands, lowerFirst, planetPhrase, times, withArticle } from "./words";

const LATITUDE_SIDE: Readonly<Record<string, string>> = { N: "north of the equator", S: "south of the equator" };
const LONGITUDE_SIDE: Readonly<Record<string, string>> = { E: "east of Greenwich", W: "west of Greenwich" };

export const READING: ReadingText = {
  signals: SIGNALS,
  elements: ELEMENTS,
  animalElement: ANIMAL_ELEMENT,
  animalElementLine: (animalName, elementName, description) => `${animalName} with ${elementName}: ${description}`,
  paradox:
    "The stamp marks this as a daylight hour, yet it is the middle of the night. Small hours like these are good for honest thinking: note down what seems clear now and look at it again in daylight.",
  opening: (planet, weekdayName, time) =>
    `This ${weekdayName} belongs to ${planetPhrase(planet)}. ${time.context}: ${lowerFirst(time.energy)}.`,
  coreSignal: (rep) =>
    `Above everything else today stands the ${rep.animal_name}, seen ${times(rep.count)}: ${lowerFirst(rep.trait)}. ${rep.action}.`,
  dayEnergy: (animalName, elementName, element) =>
    `The date's token joins the ${animalName} to ${elementName}: ${element.meaning}, with a risk of ${element.shadow}.`,
  personalOverlay: (lifePath, title, message, personalYear) =>
    `Your direction as the ${title} (Life Path ${lifePath}) is to ${lowerFirst(message)}; this year, Personal Year ${personalYear}, sets the scene for it.`,
  heartbeatContext: (hb) =>
    `At ${hb.bpm_source === "actual" ? "" : "about "}${hb.bpm} beats a minute (${hb.element} in the five-element cycle), your heart has already beaten roughly ${groupThousands(hb.total_lifetime_beats)} times in your life.`,
  locationContext: (loc) =>
    `By latitude your place belongs to ${loc.element}; being ${LATITUDE_SIDE[loc.lat_hemisphere]} and ${LONGITUDE_SIDE[loc.lon_hemisphere]} gives it ${loc.lat_polarity} and ${loc.lon_polarity} polarity.`,
  yearContext: (year) =>
    `In the sixty-year cycle, ${year.year} is ${withArticle(year.traditional_name)} year (${year.gz_token}), ${year.element} in its ${year.polarity} phase.`,
  closing: "Read all of this as a mirror for reflection rather than a forecast; what you do with the day is still yours to decide.",
};
