/**
 * Theme labels of the signal combiner. A theme is data (compared exactly); the message that goes
 * with it is prose and lives in text/<locale>/.
 */
import type { MoonPhase, Planet } from "./symbol-tables";

/** Theme of a weekday planet under a moon phase, phases in the order of moon-engine PHASE_NAMES. */
export const PLANET_MOON_THEMES: Readonly<Record<Planet, readonly string[]>> = {
  Sun: ["Hidden Potential", "Emerging Will", "Identity Tested", "Refining Purpose", "Radiant Revelation", "Generous Glow", "Core Reckoning", "Quiet Sovereignty"],
  Moon: ["Deep Reset", "Emotional Seedling", "Feeling the Friction", "Emotional Refinement", "Emotional Flood", "Grateful Heart", "Emotional Release", "Inner Sanctuary"],
  Mars: ["Coiled Spring", "First Strike", "Battle Decision", "Sharpening the Edge", "Warrior Illuminated", "Teaching Strength", "Laying Down Arms", "Resting Warrior"],
  Mercury: ["Silent Mind", "First Words", "Debate Within", "Crafting the Message", "Crystal Clarity", "Sharing Knowledge", "Revising Thought", "Mental Rest"],
  Jupiter: ["Seeding Abundance", "Growing Faith", "Expanding Through Challenge", "Refining Abundance", "Harvest of Wisdom", "Philanthropic Flow", "Philosophical Pruning", "Quiet Gratitude"],
  Venus: ["Love Incubating", "Beauty Budding", "Values Tested", "Perfecting Harmony", "Love Illuminated", "Graceful Generosity", "Releasing Attachment", "Self-Love Retreat"],
  Saturn: ["Foundation in Darkness", "Early Commitment", "Test of Resolve", "Mastering the Details", "Earned Authority", "Elder Wisdom", "Structural Release", "Final Lesson"],
};

/** Theme for a pair with no entry (never reached with real planets and phases). */
export const UNCHARTED_PLANET_MOON_THEME = "Uncharted Alignment";

/** Theme of life path L (row L-1) in personal year Y (column Y-1), for 1-9. */
export const LIFE_PATH_YEAR_THEMES: readonly (readonly string[])[] = [
  ["Double Ignition", "Leader Listens", "Creative Spark", "Building the Vision", "Pioneer Unleashed", "Leader as Guardian", "Solitary Strategy", "Power Surge", "Pioneer's Completion"],
  ["Diplomat Steps Forward", "Double Harmony", "Harmony Expressed", "Patient Foundation", "Gentle Adventurer", "Heart of Home", "Intuitive Depths", "Cooperative Power", "Releasing Bonds"],
  ["Creative Launch", "Collaborative Art", "Triple Expression", "Disciplined Creativity", "Joyful Exploration", "Creative Nurturing", "Artist in Solitude", "Creative Empire", "Final Performance"],
  ["New Blueprint", "Building Together", "Playful Structure", "Double Foundation", "Flexible Framework", "Home Builder", "Inner Architecture", "Material Mastery", "Demolition and Design"],
  ["Adventure Begins", "Explorer Settles In", "Storyteller's Journey", "Freedom Meets Form", "Maximum Velocity", "Rooted Wanderer", "Inner Expedition", "Freedom and Fortune", "Freedom Through Release"],
  ["Guardian's New Chapter", "Deepening Devotion", "Joyful Service", "Strengthening the Nest", "Guardian Unchained", "Double Devotion", "Sacred Service", "Abundant Caretaker", "Completing the Circle"],
  ["Seeker's Fresh Start", "Wisdom in Partnership", "Inner Wisdom Expressed", "Systematic Discovery", "Nomadic Philosopher", "Wisdom Serves Love", "Double Depth", "Monetized Insight", "Philosopher's Completion"],
  ["Empire Begins", "Strategic Alliance", "Charismatic Authority", "Fortified Empire", "Dynamic Power", "Benevolent Authority", "Strategic Retreat", "Maximum Authority", "Legacy Completion"],
  ["Sage's New Dawn", "Compassionate Connection", "Universal Voice", "Wisdom Made Practical", "Sage's Wandering", "Healing Presence", "Ultimate Contemplation", "Humanitarian Power", "Grand Completion"],
];

/** Theme when a life path and year cannot be placed in the 9 x 9 table. */
export const UNIQUE_INTERSECTION_THEME = "Unique Intersection";

/** Master numbers fall back to their root for table lookups. */
export const MASTER_ROOTS: Readonly<Record<number, number>> = { 11: 2, 22: 4, 33: 6 };

export type HarmonyType = "harmony" | "clash" | "resonance" | "neutral";

/**
 * The animal pairs with a named relationship; any other pair is neutral. A pair of one animal
 * with itself is a resonance. Keys are the two tokens joined by "-" in the order listed here.
 */
export const ANIMAL_PAIRS: ReadonlyArray<readonly [string, string, HarmonyType]> = [
  ["RA", "OX", "harmony"],
  ["TI", "PI", "harmony"],
  ["RU", "DO", "harmony"],
  ["DR", "RO", "harmony"],
  ["SN", "MO", "harmony"],
  ["HO", "GO", "harmony"],
  ["RA", "HO", "clash"],
  ["OX", "GO", "clash"],
  ["TI", "MO", "clash"],
  ["RU", "RO", "clash"],
  ["DR", "DO", "clash"],
  ["SN", "PI", "clash"],
  ["RA", "DR", "neutral"],
  ["OX", "SN", "neutral"],
  ["TI", "HO", "neutral"],
  ["RU", "GO", "neutral"],
  ["MO", "DR", "neutral"],
  ["RO", "SN", "neutral"],
  ["DO", "TI", "neutral"],
  ["PI", "RU", "neutral"],
];

/** Element pairs that oppose each other, detected by name in signal messages. */
export const ELEMENT_CLASHES: ReadonlyArray<readonly [string, string]> = [
  ["Fire", "Water"],
  ["Wood", "Metal"],
];

export type { MoonPhase, Planet };
