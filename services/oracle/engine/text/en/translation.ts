/** The nine sections of a translated reading: their sentences, labels and headings. */
import type { TranslationText } from "../engine-text";
import { EXPRESSION, LIFE_PATH, PERSONALITY, PERSONAL_YEAR, SOUL_URGE } from "./core-identity";
import { commaList, joinList, lowerFirst, planetPhrase, times, upperFirst } from "./words";

function confidenceWord(score: number): string {
  if (score >= 85) return "very strong";
  if (score >= 75) return "strong";
  if (score >= 65) return "moderate";
  return "tentative";
}

const RELATION: Readonly<Record<string, string>> = {
  harmony: "work in harmony",
  clash: "pull against each other",
  resonance: "echo each other",
  neutral: "simply coexist",
};

export const TRANSLATION: TranslationText = {
  header: (name, date, confidence) =>
    `A reading for ${name || "you"}\n${date}\nConfidence ${confidence}% (${confidenceWord(confidence)})`,
  universalAddress: (fc60, j60, y60) =>
    `These three codes name this exact moment in the FC60 system: the day and time, the count of days, and the year.\n\nFC60  ${fc60}\nJ60   ${j60}\nY60   ${y60}`,

  lifePath: LIFE_PATH,
  expression: EXPRESSION,
  soulUrge: SOUL_URGE,
  personality: PERSONALITY,
  personalYear: PERSONAL_YEAR,
  lifePathHeading: (lifePath, title) => `Life Path ${lifePath}: the ${title}`,
  expressionFallback: (n) =>
    n === 0
      ? "Your name has no letters this system counts, so it gives no Expression number; your actions speak for you instead."
      : `Expression ${n} describes how you put your abilities to work in the world.`,
  soulUrgeFallback: (n) =>
    n === 0
      ? "No vowels of your name are counted in this system, so your Soul Urge stays unspoken; listen for it in what you long for."
      : `Soul Urge ${n} points to what your heart quietly wants.`,
  personalityFallback: (n) =>
    n === 0
      ? "No consonants of your name are counted in this system, so your Personality number is silent; first impressions are yours to shape."
      : `Personality ${n} is the impression you make before people know you well.`,
  personalYearLine: (personalYear, theme) => `This is your Personal Year ${personalYear}, ${theme}.`,
  lifePathYearBridge: (lifePath, _title, personalYear, theme, message) =>
    `${theme} (Life Path ${lifePath} in Personal Year ${personalYear}): ${message}`,

  foundationMatching: (motherNumber) =>
    `Your mother's name adds up to Expression ${motherNumber}, the same number as your Life Path. Her influence and your own direction agree, which makes family a place to draw strength from rather than push against.`,
  foundationDiffering: (motherNumber, lifePath) =>
    `Your mother's name adds up to Expression ${motherNumber}, while your Life Path is ${lifePath}. Some of what you learned at home will suit your path and some will not; keeping the first and questioning the second is part of your work.`,

  rightNowPlanet: (planet, domain) => `${upperFirst(planetPhrase(planet))} sets the tone today, with ${lowerFirst(domain)} in the spotlight.`,
  rightNowHour: (hourMessage) => `${hourMessage} Keep that quality in mind until the hour changes.`,
  rightNowPlanetMoon: (_planet, theme, message) => `The day's ruler and the moon's phase together: "${theme}". ${message}`,

  patternsIntro: "Some animals appear more than once in this moment's stamp, and repeats carry extra weight.",
  positions: { month: "the month", day: "the day", hour: "the hour", minute: "the minute" },
  patternAnimal: (rep, positions) => {
    // The year's branch is the one animal outside the stamp's four positions.
    const where = positions.length < rep.count ? [...positions, "the year"] : positions;
    return (
      `${upperFirst(times(rep.count))}, the ${rep.animal_name}: ${lowerFirst(rep.trait)}` +
      (where.length > 0 ? `, found in ${joinList(where)}.` : ".")
    );
  },
  patternHarmony: (first, second, type, meaning) =>
    `The ${first.animal_name} and the ${second.animal_name} ${RELATION[type] ?? "meet"}. ${meaning}`,
  patternNumber: (n, count) =>
    `Your profile holds the number ${n} ${times(count)}, so its themes weigh more than the rest.`,
  patternsNone: "No strong repetitions stand out right now; the moment is evenly balanced.",

  messageIntro: "Here is how today's signals fit together.",
  messageFallback: "The moment is balanced, with no single direction pulling hard.",

  adviceLabels: ["Lead with this", "Keep in mind", "Before the day is out"],
  adviceItem: (index, label, text) => `${index}. ${label}: ${text}`,
  adviceDefaults: [
    "Give your full attention to one conversation today.",
    "Before bed, name one thing that went well.",
    "Drink water, get outside and move a little; the basics help on any day.",
  ],

  cautionIntro: "A few things to watch for today.",
  cautionShadow: (elementName, element) => `Today's ${elementName} energy can tip into ${element.shadow}. ${element.counter}`,
  cautionTension: (tension) => `Friction to watch: ${tension}`,

  footer: (confidence, sources, missing) =>
    `Confidence: ${confidence}% (${confidenceWord(confidence)})\nInputs used: ${commaList(sources)}` +
    (missing.length > 0 ? `\nMissing: ${commaList(missing)}` : "") +
    "\nA reading offers things to think about; it does not foretell events. Your own judgement comes first.",
  sources: {
    stamp: "FC60 stamp",
    weekday: "weekday and planet",
    numerology: "numerology",
    moon: "moon phase",
    ganzhi: "sexagenary cycle",
    heartbeat: "heartbeat",
    location: "location",
  },
  missing: { location: "location", mother: "mother's name", heartbeat: "heart rate", time: "time of day" },
  headings: {
    universalAddress: "YOUR ADDRESS IN TIME",
    coreIdentity: "WHO YOU ARE",
    foundation: "WHERE YOU COME FROM",
    rightNow: "RIGHT NOW",
    patterns: "PATTERNS",
    message: "THE MESSAGE",
    advice: "ADVICE FOR TODAY",
    caution: "A WORD OF CAUTION",
  },
  divider: "\n────────────────────────────────────────\n",
};
