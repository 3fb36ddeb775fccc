/** Paragraphs for the core numbers of a profile: life path, expression, soul urge, personality, year. */
import type { NumberTable } from "../engine-text";

export const LIFE_PATH: NumberTable = {
  1: "Life asks you to go first. You learn by trying rather than by asking, and you are happiest when a project carries your own stamp; your growing edge is accepting help without feeling smaller for it.",
  2: "Life asks you to connect. You notice moods, smooth rough edges and make partnerships work; your growing edge is treating your own needs as seriously as everyone else's.",
  3: "Life asks you to express. Talk, writing, art and humour come easily, and people brighten around you; your growing edge is finishing what you start before chasing the next idea.",
  4: "Life asks you to build. You like plans, lists and things that hold up over time, and people trust you with the details; your growing edge is staying flexible when the plan meets real life.",
  5: "Life asks you to explore. Change energises you and routine drains you, and you learn fastest on the move; your growing edge is staying with something long enough to see it pay off.",
  6: "Life asks you to care. Home, family and community gather around you, and places feel better for your presence; your growing edge is looking after yourself with the same attention.",
  7: "Life asks you to understand. You question, research and reflect, and you are at ease in your own company; your growing edge is sharing what you find instead of keeping it private.",
  8: "Life asks you to achieve. You read power, money and organisations well and can steer big efforts; your growing edge is measuring success by the good it does as well as by the results.",
  9: "Life asks you to serve something larger. You see the whole picture, forgive readily and give generously; your growing edge is letting finished chapters close.",
  11: "Master number 11 asks you to inspire. Ideas and intuitions reach you early and vividly; your growing edge is turning them into plain words and practical steps others can follow.",
  22: "Master number 22 asks you to build on a large scale. You can hold a big vision and the detail it needs at the same time; your growing edge is pacing yourself for work that takes years.",
  33: "Master number 33 asks you to teach through care. People grow in your presence, often without being told how; your growing edge is keeping enough for yourself while you give.",
};

export const EXPRESSION: NumberTable = {
  1: "Expression 1: your talents show when you take the initiative. Independent projects and first attempts are where you do your best work.",
  2: "Expression 2: your talents show in partnership. You listen, mediate and keep teams running smoothly.",
  3: "Expression 3: your talents show in communication. Words, performance and humour are your natural tools.",
  4: "Expression 4: your talents show in organisation. Hand you a mess and you will hand back a system.",
  5: "Expression 5: your talents show in variety. You adapt quickly, sell ideas well and thrive in new situations.",
  6: "Expression 6: your talents show in care and craft. You make homes, teams and spaces work better for the people in them.",
  7: "Expression 7: your talents show in analysis. Research, expertise and careful thought are your strengths.",
  8: "Expression 8: your talents show in management. You handle resources, negotiations and large goals with confidence.",
  9: "Expression 9: your talents show in service. You rally people around ideals and see what the wider world needs.",
  11: "Expression 11, a master number: your talents show in inspiration. You can put intuition into words that move people.",
  22: "Expression 22, a master number: your talents show in building institutions and systems that serve many.",
  33: "Expression 33, a master number: your talents show in teaching and healing; people learn from how you treat them.",
};

export const SOUL_URGE: NumberTable = {
  1: "Soul Urge 1: what you most want is to be your own person and to see your own ideas succeed.",
  2: "Soul Urge 2: what you most want is a close, peaceful bond with someone who truly gets you.",
  3: "Soul Urge 3: what you most want is room to create and the pleasure of sharing what you make.",
  4: "Soul Urge 4: what you most want is security: a settled life and work that lasts.",
  5: "Soul Urge 5: what you most want is freedom, novelty and a life that never goes stale.",
  6: "Soul Urge 6: what you most want is a loving home, with the people you care for safe and well.",
  7: "Soul Urge 7: what you most want is to understand how things really are, with time and quiet to think.",
  8: "Soul Urge 8: what you most want is to accomplish something significant and be recognised for it.",
  9: "Soul Urge 9: what you most want is to know your life made things better for others.",
  11: "Soul Urge 11, a master number: what you most want is to live by a higher truth and help others find it.",
  22: "Soul Urge 22, a master number: what you most want is to leave behind something built that improves many lives.",
  33: "Soul Urge 33, a master number: what you most want is to help people heal and grow.",
};

export const PERSONALITY: NumberTable = {
  1: "Personality 1: at first meeting you seem self-assured and direct.",
  2: "Personality 2: at first meeting you seem gentle, approachable and easy to trust.",
  3: "Personality 3: at first meeting you seem fun, talkative and bright.",
  4: "Personality 4: at first meeting you seem sensible, steady and dependable.",
  5: "Personality 5: at first meeting you seem energetic, curious and up for anything.",
  6: "Personality 6: at first meeting you seem kind and responsible, the one who checks that everyone is fine.",
  7: "Personality 7: at first meeting you seem reserved and thoughtful, someone worth getting to know.",
  8: "Personality 8: at first meeting you seem capable and in charge.",
  9: "Personality 9: at first meeting you seem tolerant and generous, wise beyond your years.",
  11: "Personality 11, a master number: at first meeting you seem intense and inspiring, hard to forget.",
  22: "Personality 22, a master number: at first meeting you seem like someone who gets big things done.",
  33: "Personality 33, a master number: at first meeting you seem warm and calming, someone people open up to.",
};

export const PERSONAL_YEAR: NumberTable = {
  1: "a year for starting over on your own terms",
  2: "a year for patience and for the people beside you",
  3: "a year for making things, talking and enjoying company",
  4: "a year for hard work and firm foundations",
  5: "a year for movement, change and new experiences",
  6: "a year that centres on home, family and the duties of care",
  7: "a year for study, rest and looking inward",
  8: "a year for ambition, money and visible results",
  9: "a year for finishing, clearing out and giving back",
  11: "a master year of heightened intuition",
  22: "a master year for large and lasting projects",
  33: "a master year of service through care and teaching",
};
