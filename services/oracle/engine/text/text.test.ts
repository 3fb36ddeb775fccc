import { expect } from "chai";
import { describeToken } from "../core/base60-codec";
import { ANIMALS, ELEMENT_NAMES, TOKEN60 } from "../core/tokens";
import { DOMAINS, PLANETS } from "../core/weekday-calculator";
import { fullMoonInfo, PHASE_NAMES } from "../universal/moon-engine";
import { ANIMAL_PAIRS } from "../synthesis/combination-tables";
import { elementsInMessages } from "../synthesis/signal-combiner";
import { ANIMAL_TRAITS, type ElementName, type MoonPhase, type Planet } from "../synthesis/symbol-tables";
import type { AnimalRepetition } from "../result-types";
import { LOCALES } from "../reading-input";
import { textFor, type NumberTable } from ".";

const CORE_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 22, 33] as const;

function repetition(animal: string, count: number): AnimalRepetition {
  const info = ANIMAL_TRAITS[animal]!;
  return { animal, animal_name: info.name, count, priority: count >= 3 ? "Very High" : "High", trait: info.trait, action: info.action };
}

for (const locale of LOCALES) {
  const text = textFor(locale);

  describe(`engine text (${locale})`, () => {
    it("has a message for every planet under every moon phase", () => {
      for (const planet of PLANETS) {
        for (const phase of PHASE_NAMES) {
          expect(text.combiner.planetMoon[planet as Planet][phase as MoonPhase], `${planet} / ${phase}`).to.be.a("string").and.not.equal("");
        }
      }
    });

    it("has a message for every life path 1-9 in every personal year 1-9, all different", () => {
      const seen = new Set<string>();
      for (let lp = 1; lp <= 9; lp++) {
        const row = text.combiner.lifePathYear[lp as 1];
        expect(row, `life path ${lp}`).to.have.length(9);
        for (const m of row) {
          expect(m).to.not.equal("");
          seen.add(m);
        }
      }
      expect(seen.size).to.equal(81);
    });

    it("names every animal pair, every resonance and both element tensions", () => {
      for (const [a, b] of ANIMAL_PAIRS) expect(text.combiner.pairs[`${a}-${b}`], `${a}-${b}`).to.be.a("string").and.not.equal("");
      expect(Object.keys(text.combiner.pairs)).to.have.length(ANIMAL_PAIRS.length);
      for (const animal of ANIMALS) expect(text.combiner.resonance[animal], animal).to.be.a("string").and.not.equal("");
      expect(text.combiner.elementClash["Fire-Water"]).to.be.a("string").and.not.equal("");
      expect(text.combiner.elementClash["Wood-Metal"]).to.be.a("string").and.not.equal("");
    });

    it("describes all sixty day tokens and every core number", () => {
      for (const token of TOKEN60) expect(text.reading.animalElement[token], token).to.be.a("string").and.not.equal("");
      const tables: Record<string, NumberTable> = {
        lifePath: text.translation.lifePath,
        expression: text.translation.expression,
        soulUrge: text.translation.soulUrge,
        personality: text.translation.personality,
        personalYear: text.translation.personalYear,
      };
      for (const [name, table] of Object.entries(tables)) {
        for (const n of CORE_NUMBERS) expect(table[n], `${name} ${n}`).to.be.a("string").and.not.equal("");
      }
    });

    // The combiner finds element tensions by searching signal messages for element names; the
    // reading engine relies on its own signals naming no element but the day token's.
    it("names no element in a signal message except the day token's own", () => {
      const messages: string[] = [];
      for (const animal of ANIMALS) {
        for (let count = 2; count <= 5; count++) messages.push(text.reading.signals.animalRepetition(repetition(animal, count)));
        const info = ANIMAL_TRAITS[animal]!;
        messages.push(text.reading.signals.hourAnimal(info.name, info.trait));
      }
      PLANETS.forEach((planet, i) => messages.push(text.reading.signals.dayPlanet(planet, DOMAINS[i]!)));
      // Every phase, at ages across the whole cycle.
      for (let jdn = 2461000; jdn < 2461030; jdn++) messages.push(text.reading.signals.moonPhase(fullMoonInfo(jdn)));
      expect(elementsInMessages(messages.map((message) => ({ message })))).to.deep.equal(new Set());

      for (const token of TOKEN60) {
        const animal = ANIMAL_TRAITS[token.slice(0, 2)]!.name;
        const element = ELEMENT_NAMES[TOKEN60.indexOf(token) % 5] as ElementName;
        const message = text.reading.signals.domAnimalElement(animal, element, text.reading.elements[element]);
        expect(elementsInMessages([{ message }]), token).to.deep.equal(new Set([element]));
      }
    });

    it("reads a base-60 token aloud with its value, animal and element", () => {
      const sentence = text.token.describe("SNFI", 26, "Snake", "Fire");
      const [value, animal, element] = locale === "fa" ? ["۲۶", "مار", "آتش"] : ["26", "Snake", "Fire"];
      expect(sentence).to.include(value).and.include(animal).and.include(element);
      if (locale === "en") expect(describeToken("SNFI")).to.equal(sentence);
    });
  });
}
