/** English: every sentence the engine can say. */
import type { EngineText } from "../engine-text";
import { ACTIONS } from "./actions";
import { ELEMENT_CLASH, NEUTRAL_DEFAULT, PAIRS, RESONANCE } from "./animal-harmony";
import { LIFE_PATH_YEAR, lifePathYearFallback, masterPathNote, masterYearNote } from "./lifepath-year";
import { PATTERNS } from "./patterns";
import { PLANET_MOON, planetMoonFallback } from "./planet-moon";
import { READING } from "./reading";
import { TOKEN } from "./token";
import { TRANSLATION } from "./translation";

export const EN: EngineText = {
  combiner: {
    planetMoon: PLANET_MOON,
    planetMoonFallback,
    lifePathYear: LIFE_PATH_YEAR,
    masterPathNote,
    masterYearNote,
    lifePathYearFallback,
    pairs: PAIRS,
    resonance: RESONANCE,
    neutralDefault: NEUTRAL_DEFAULT,
    elementClash: ELEMENT_CLASH,
    themedInsight: (theme, message) => `${theme}: ${message}`,
    actions: ACTIONS,
  },
  reading: READING,
  translation: TRANSLATION,
  patterns: PATTERNS,
  token: TOKEN,
};
