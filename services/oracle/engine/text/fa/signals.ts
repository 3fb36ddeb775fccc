/**
 * Signal messages in Persian. The combiner may scan these for element names to find tensions, so
 * only domAnimalElement names an element, and only through its elementName argument.
 */
import type { SignalText } from "../engine-text";
import { action, animal, domain, fd, phaseName, PHASES, planet, times, trait, twoDecimals } from "./words";

export const SIGNALS: SignalText = {
  animalRepetition: (rep) =>
    `${animal(rep.animal_name)} ${times(rep.count)} در مهر این لحظه دیده می‌شود، فراخوانی به ${trait(rep.animal_name, rep.trait)}. ${action(rep.animal_name, rep.action)}.`,
  dayPlanet: (p, d) => `${planet(p)} فرمانروای روز است: ${domain(p, d)}.`,
  moonPhase: (moon) => {
    const phase = PHASES[moon.phase_name];
    return `${moon.emoji} ${phaseName(moon.phase_name)}، ${twoDecimals(moon.age)} روز از آغاز چرخه و ${fd(Math.round(moon.illumination))}٪ روشن: هنگامِ ${phase?.energy ?? moon.energy}، خوب برای ${phase?.bestFor ?? moon.best_for}.`;
  },
  domAnimalElement: (animalName, elementName, el) => `این تاریخ ${animal(animalName)} را با ${elementNameFa(elementName)} همراه دارد که از ${el.meaning} سخن می‌گوید.`,
  hourAnimal: (animalName, t) => `ساعتِ ${animal(animalName)}: ${trait(animalName, t)}.`,
};

function elementNameFa(name: string): string {
  return { Wood: "چوب", Fire: "آتش", Earth: "خاک", Metal: "فلز", Water: "آب" }[name] ?? name;
}
