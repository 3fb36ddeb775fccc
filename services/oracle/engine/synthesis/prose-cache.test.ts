import { expect } from "chai";
import { ANIMALS, ELEMENT_NAMES } from "../core/tokens";
import { DOMAINS, PLANETS, WEEKDAY_NAMES } from "../core/weekday-calculator";
import { heartbeatProfile } from "../personal/heartbeat-engine";
import { LIFE_PATH_MEANINGS } from "../personal/numerology-engine";
import { fullYearInfo } from "../universal/ganzhi-engine";
import { locationSignature } from "../universal/location-engine";
import { fullMoonInfo } from "../universal/moon-engine";
import type { AnimalRepetition } from "../result-types";
import { DEFAULT_TEXT as T } from "../text";
import { ProseCache, numberSlot } from "./prose-cache";
import { ANIMAL_TRAITS, TIME_BANDS, type ElementName } from "./symbol-tables";

function rep(animal: string, count: number): AnimalRepetition {
  const info = ANIMAL_TRAITS[animal]!;
  return { animal, animal_name: info.name, count, priority: count >= 3 ? "Very High" : "High", trait: info.trait, action: info.action };
}

/** Asks twice (the second answer comes from the cache) and expects the locale's own sentence both times. */
function twice(get: () => string, direct: string): void {
  expect(get()).to.equal(direct);
  expect(get()).to.equal(direct);
}

describe("prose cache", () => {
  it("numbers 1-9 and the master numbers have slots; others do not", () => {
    expect([1, 9, 11, 22, 33].map(numberSlot)).to.deep.equal([0, 8, 9, 10, 11]);
    expect([0, 10, 12, 44, 2.5, -1].map(numberSlot)).to.deep.equal([-1, -1, -1, -1, -1, -1]);
  });

  it("remembers exactly the sentences the locale writes for canonical inputs", () => {
    const cache = new ProseCache(T);
    for (const animal of ANIMALS) {
      for (let count = 2; count <= 5; count++) {
        twice(() => cache.repetitionSignal(rep(animal, count)), T.reading.signals.animalRepetition(rep(animal, count)));
        twice(() => cache.coreSignal(rep(animal, count)), T.reading.coreSignal(rep(animal, count)));
      }
    }
    PLANETS.forEach((planet, w) => {
      twice(() => cache.dayPlanetSignal(w, planet, DOMAINS[w]!), T.reading.signals.dayPlanet(planet, DOMAINS[w]!));
      twice(() => cache.rightNowPlanet(w, planet, DOMAINS[w]!), T.translation.rightNowPlanet(planet, DOMAINS[w]!));
      TIME_BANDS.forEach((band, k) => {
        const time = { context: band.context, energy: band.energy };
        twice(() => cache.opening(w, k, planet, WEEKDAY_NAMES[w]!, time), T.reading.opening(planet, WEEKDAY_NAMES[w]!, time));
      });
    });
    for (let jdn = 2461000; jdn < 2461040; jdn++) {
      const moon = fullMoonInfo(jdn);
      twice(() => cache.moonSignal(moon), T.reading.signals.moonPhase(moon));
    }
    for (const lp of [1, 5, 9, 11, 22, 33]) {
      const [title, message] = LIFE_PATH_MEANINGS[lp]!;
      for (const py of [1, 4, 9, 11, 22]) {
        twice(() => cache.personalOverlay(lp, title, message, py), T.reading.personalOverlay(lp, title, message, py));
        twice(() => cache.lifePathAction(message, py, lp), T.combiner.actions.fromLifePath(message, py));
      }
    }
    for (const [lat, lon] of [[40.7, -74], [-23.5, 46.6], [0, 0], [-89, -179]] as const) {
      const loc = locationSignature(lat, lon);
      twice(() => cache.locationContext(loc), T.reading.locationContext(loc));
    }
    for (const year of [1899, 1969, 2026, 2100]) {
      const info = fullYearInfo(year);
      twice(() => cache.yearContext(info, true), T.reading.yearContext(info));
    }
    for (const [age, bpm] of [[35, 68], [35, null], [0, 120], [90, 55]] as const) {
      const hb = heartbeatProfile(age, bpm);
      twice(() => cache.heartbeatContext(hb), T.reading.heartbeatContext(hb));
    }
    for (const element of ELEMENT_NAMES as ElementName[]) {
      twice(() => cache.cautionShadow(element, T.reading.elements[element]), T.translation.cautionShadow(element, T.reading.elements[element]));
    }
  });

  it("writes afresh when the inputs are not the canonical ones for their key", () => {
    const cache = new ProseCache(T);
    const odd = { ...rep("OX", 2), trait: "Something else entirely" };
    cache.repetitionSignal(rep("OX", 2));
    expect(cache.repetitionSignal(odd)).to.equal(T.reading.signals.animalRepetition(odd));
    cache.dayPlanetSignal(5, "Venus", DOMAINS[5]!);
    expect(cache.dayPlanetSignal(5, "Venus", "Something else")).to.equal(T.reading.signals.dayPlanet("Venus", "Something else"));
    const year = fullYearInfo(2026);
    cache.yearContext(year, true);
    const forged = { ...year, traditional_name: "Forged Name" };
    expect(cache.yearContext(forged, false)).to.equal(T.reading.yearContext(forged));
    const moon = fullMoonInfo(2461081);
    cache.moonSignal(moon);
    const otherBestFor = { ...moon, best_for: "Something else" };
    expect(cache.moonSignal(otherBestFor)).to.equal(T.reading.signals.moonPhase(otherBestFor));
    const [title, message] = LIFE_PATH_MEANINGS[5]!;
    cache.personalOverlay(5, title, message, 3);
    expect(cache.personalOverlay(5, "Other", message, 3)).to.equal(T.reading.personalOverlay(5, "Other", message, 3));
  });
});
