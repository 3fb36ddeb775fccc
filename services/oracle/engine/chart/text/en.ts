/** The chart in English: our own short meanings for every number of every part. */
import { buildMeanings, type ChartWords } from "./chart-text";

const SYSTEM_WORD = { pythagorean: "Pythagorean", chaldean: "Chaldean", abjad: "Abjad" } as const;

const ROUTE_WORD = {
  as_written: "read as written",
  "any-ascii": "transliterated to Latin with any-ascii",
  "pinyin-pro": "written in pinyin with pinyin-pro",
  "pinyin-pro+any-ascii": "transliterated with pinyin-pro and any-ascii",
} as const;

export const EN_WORDS: ChartWords = {
  facets: {
    1: { path: "leading, starting and standing on your own", gift: "initiative and original ideas", wish: "independence and the first word", face: "a confident, direct self-starter", season: "new beginnings and bold first steps" },
    2: { path: "partnership, patience and diplomacy", gift: "tact, listening and bringing people together", wish: "closeness, peace and being understood", face: "a gentle, considerate companion", season: "cooperation, patience and quiet growth" },
    3: { path: "expression, joy and creative play", gift: "words, art and lifting a room", wish: "creating and being heard", face: "a warm, witty and lively presence", season: "creativity, friends and speaking up" },
    4: { path: "building steady foundations through work", gift: "order, method and reliable effort", wish: "security and things done properly", face: "a dependable, practical worker", season: "hard work, planning and putting things in order" },
    5: { path: "freedom, change and experience", gift: "adaptability, curiosity and persuasion", wish: "variety, travel and room to move", face: "a restless, magnetic adventurer", season: "change, movement and the unexpected" },
    6: { path: "care, responsibility and home", gift: "nurturing, healing and making things beautiful", wish: "love, harmony and a family to look after", face: "a caring, trustworthy helper", season: "duty, family and matters of the heart" },
    7: { path: "study, solitude and the search for truth", gift: "analysis, insight and depth", wish: "understanding and quiet time to think", face: "a reserved, thoughtful observer", season: "reflection, study and inner work" },
    8: { path: "ambition and mastery of the material world", gift: "management, judgement and building wealth", wish: "achievement, recognition and control of your course", face: "a capable, authoritative figure", season: "effort rewarded, money and weighty decisions" },
    9: { path: "compassion, service and letting go", gift: "generosity, vision and broad understanding", wish: "a kinder world", face: "a generous, worldly humanitarian", season: "endings, release and clearing space" },
    11: { path: "inspiration and intuition held to a higher standard", gift: "insight that lights the way for others", wish: "spiritual meaning and the chance to inspire", face: "a sensitive, visionary presence", season: "sharpened intuition and sudden insight" },
    22: { path: "turning large visions into lasting works", gift: "practical mastery on a grand scale", wish: "something built to outlive you", face: "a capable builder with a wide view", season: "ambitious plans made concrete" },
    33: { path: "teaching and healing through selfless love", gift: "compassionate guidance that lifts others", wish: "healing and serving with love", face: "a warm, devoted guide", season: "service, care and responsibility for others" },
  },
  frames: {
    life_path: (f) => `Your road: ${f.path}.`,
    pinnacle: (f) => `A stretch of life that turns on ${f.path}.`,
    expression: (f) => `You are built for ${f.gift}.`,
    maturity: (f) => `In the second half of life your gifts ripen into ${f.gift}.`,
    hidden_passion: (f) => `A talent that keeps coming back: ${f.gift}.`,
    birthday: (f) => `The gift of your birthday: ${f.gift}.`,
    balance: (f) => `Under pressure, you steady yourself through ${f.gift}.`,
    rational_thought: (f) => `You think best by way of ${f.gift}.`,
    soul_urge: (f) => `At heart you want ${f.wish}.`,
    first_vowel: (f) => `Your first instinct reaches for ${f.wish}.`,
    personality: (f) => `At first sight others meet ${f.face}.`,
    cornerstone: (f) => `You start things as ${f.face}.`,
    capstone: (f) => `You finish things as ${f.face}.`,
    personal_year: (f) => `This year brings ${f.season}.`,
    personal_month: (f) => `This month brings ${f.season}.`,
    personal_day: (f) => `Today brings ${f.season}.`,
  },
  challenge: {
    0: "The challenge of choice: every lesson is open to you and none is forced.",
    1: "Standing up for yourself without pushing others down.",
    2: "Oversensitivity: not letting small slights or the fear of conflict rule you.",
    3: "Doubting your voice: speaking and creating without scattering your energy.",
    4: "Patience with routine: steady work without rigidity.",
    5: "Freedom with restraint: change without recklessness or excess.",
    6: "Responsibility without control: caring without imposing your ideals.",
    7: "Trust: opening up instead of withdrawing into doubt.",
    8: "Money and power in balance: neither chasing them nor fearing them.",
  },
  karmicDebt: {
    13: "A debt of effort: shortcuts fail, and steady, honest work pays it back.",
    14: "A debt of freedom: moderation in pleasure and change sets you free.",
    16: "A debt of ego: pride falls so that humility and real insight can rise.",
    19: "A debt of power: standing alone must turn into giving and accepting help.",
  },
  karmicLesson: {
    1: "Learn to take the initiative and trust your own judgement.",
    2: "Learn patience, tact and working with others.",
    3: "Learn to express yourself, and to enjoy it.",
    4: "Learn order, discipline and steady work.",
    5: "Learn to welcome change and new experience.",
    6: "Learn to accept responsibility for home and for others.",
    7: "Learn to look beneath the surface and trust your inner voice.",
    8: "Learn to handle money, authority and your own strength.",
    9: "Learn compassion and a view wider than your own.",
  },
  subconsciousSelf: {
    1: "In a crisis you have few tools at hand: ask for help early.",
    2: "Under strain you lean on one or two habits; widen them.",
    3: "Pressure scatters you; a simple plan brings you back.",
    4: "You meet trouble cautiously, one step at a time.",
    5: "You meet surprises with flexibility, sometimes too quickly.",
    6: "In a crisis you think of others first and hold things together.",
    7: "You step back, think it through and answer trouble calmly.",
    8: "You take charge in an emergency and manage it well.",
    9: "You can draw on every resource; little throws you for long.",
  },
  labels: {
    month: "month",
    day: "day",
    year: "year",
    lifePath: "life path",
    expression: "expression",
    firstName: "first name",
    birthday: "birthday",
    personalYear: "personal year",
    personalMonth: "personal month",
    initials: "initials",
    present: "present",
    missing: "missing",
    most: "most frequent",
    none: "none",
    masterKept: "master number, kept",
    noLetters: "No letter of this kind is in the name, so the number is 0.",
    times: (n, count) => `${n}×${count}`,
    pinnacle: (i) => `pinnacle ${i}`,
    challenge: (i) => `challenge ${i}`,
  },
  scripts: {
    latin: "Latin",
    persian: "Persian",
    arabic: "Arabic",
    cyrillic: "Cyrillic",
    greek: "Greek",
    hebrew: "Hebrew",
    devanagari: "Devanagari",
    han: "Chinese",
    kana: "Japanese kana",
    hangul: "Korean Hangul",
    thai: "Thai",
    armenian: "Armenian",
    georgian: "Georgian",
    other: "another",
  },
  systemReason(choice, system, script, route) {
    const scriptWord = EN_WORDS.scripts[script];
    const how = ROUTE_WORD[route];
    if (choice !== "auto") return `${SYSTEM_WORD[system]}, as chosen; ${scriptWord} script, ${how}`;
    if (system === "abjad") return `auto: ${scriptWord} script is counted in Abjad, letter by letter as written`;
    return `auto: ${scriptWord} script, ${how}, counted in Pythagorean`;
  },
};

export const EN_CHART = buildMeanings(EN_WORDS);
