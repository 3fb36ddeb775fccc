/**
 * Signal messages. The combiner scans these for element names to find tensions, so only
 * domAnimalElement may name an element, and only through its elementName argument.
 */
import type { SignalText } from "../engine-text";
import { lowerFirst, planetPhrase, times, twoDecimals, upperFirst } from "./words";

export const SIGNALS: SignalText = {
  animalRepetition: (rep) =>
    `The ${rep.animal_name} turns up ${times(rep.count)} in this moment's stamp, a call to ${lowerFirst(rep.trait)}. ${rep.action}.`,
  dayPlanet: (planet, domain) => `${upperFirst(planetPhrase(planet))} rules the day: ${lowerFirst(domain)}.`,
  moonPhase: (moon) =>
    `${moon.emoji} ${moon.phase_name}, ${twoDecimals(moon.age)} days into the cycle and ${Math.round(moon.illumination)}% lit: a time to ${lowerFirst(moon.energy)}, good for ${lowerFirst(moon.best_for)}.`,
  domAnimalElement: (animalName, elementName, element) =>
    `The date carries the ${animalName} with ${elementName}, which speaks of ${element.meaning}.`,
  hourAnimal: (animalName, trait) => `Hour of the ${animalName}: ${lowerFirst(trait)}.`,
};
