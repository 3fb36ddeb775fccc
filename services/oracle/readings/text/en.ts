/**
 * What the reading types say in words (English). The engine's own prose lives with the engine;
 * this is the prose of the layer above it: daily insights, compatibility, timing.
 */
import type { CompatibilityClass, Dimension, StampProblem, TimingQuality } from "../types";

type CoreNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 11 | 22 | 33;

export interface ReadingsText {
  daily: {
    activities: Readonly<Record<CoreNumber, readonly string[]>>;
    focus: Readonly<Record<CoreNumber, string>>;
    energyForecast(phase: string, energy: string, planet: string, domain: string): string;
  };
  compatibility: {
    dimension: Readonly<Record<Dimension, string>>;
    pair: Readonly<Record<CompatibilityClass, string>>;
    group: Readonly<Record<CompatibilityClass, string>>;
    diverseElements: string;
    singleElement(element: string): string;
    pairLine(a: string, b: string, percentage: number, description: string): string;
  };
  timing: {
    moon(phase: string, score: number): string;
    day(number: number, master: boolean): string;
    hour(hour: number, number: number, master: boolean): string;
    weekday(planet: string): string;
    quality: Readonly<Record<TimingQuality, string>>;
  };
  /** A name or question reading asked without a profile: what it leaves out, and why. */
  moment: {
    leftOut(hasName: boolean): string;
  };
  /** Why a stamp is not one the encoder could have written. */
  stampProblem(problem: StampProblem): string;
}

export const EN: ReadingsText = {
  daily: {
    activities: {
      1: ["Begin the thing you have been circling", "Make the first move in a conversation", "Decide alone and stand by it"],
      2: ["Work alongside someone rather than ahead of them", "Smooth over a misunderstanding", "Listen longer than you speak"],
      3: ["Make something with your hands or your voice", "Put an idea into words and share it", "Spend time with people who lift you"],
      4: ["Clear and order your workspace", "Lay one solid brick of a long project", "Write tomorrow's plan tonight"],
      5: ["Try a route, dish or method you have never used", "Go somewhere unfamiliar, even nearby", "Say yes to a change you would usually resist"],
      6: ["Offer help before it is asked for", "Give your attention to home and family", "Make a room more beautiful"],
      7: ["Read, research or study something deeply", "Sit in quiet for a while", "Ask yourself the question you keep avoiding"],
      8: ["Review money and set one clear target", "Take charge of a stalled decision", "Act boldly where you have prepared well"],
      9: ["Give something away: time, help or things", "Finish what is half done", "Let go of a habit that has run its course"],
      11: ["Trust the first impression and follow it", "Encourage someone who needs a spark", "Make room for reflection or prayer"],
      22: ["Work on the plan that is bigger than you", "Turn one vision into a concrete step", "Build for the years ahead, not the week"],
      33: ["Teach or mentor someone", "Meet a difficult person with patience", "Heal a rift by understanding it first"],
    },
    focus: {
      1: "Fresh starts and standing on your own",
      2: "Partnerships and patient cooperation",
      3: "Expression, creativity and communication",
      4: "Foundations, routine and discipline",
      5: "Freedom, movement and welcome change",
      6: "Home, family and responsibility",
      7: "Inner reflection and spiritual study",
      8: "Career, money and material goals",
      9: "Completion, release and service to others",
      11: "Intuition, inspiration and spiritual awareness",
      22: "Large plans and building them into reality",
      33: "Compassion, teaching and healing",
    },
    energyForecast: (phase, energy, planet, domain) =>
      `The ${phase} brings a ${energy.toLowerCase()} energy, and ${planet} rules the day: ${domain.charAt(0).toLowerCase()}${domain.slice(1)}.`,
  },
  compatibility: {
    dimension: {
      life_path: "life paths",
      element: "birth-year elements",
      animal: "birth-year animals",
      moon: "moon phases at birth",
      patterns: "shared patterns",
    },
    pair: {
      excellent: "A natural harmony: these two strengthen each other with little effort.",
      good: "Complementary energies: what one lacks, the other tends to bring.",
      mixed: "Some alignment and some friction: the bond grows where both stay attentive.",
      challenging: "Friction runs through this pair; it can teach a great deal, but not easily.",
    },
    group: {
      excellent: "An exceptionally harmonious group with a strong shared current",
      good: "A well-matched group whose strengths complement one another",
      mixed: "A varied group: different energies that ask for mutual respect",
      challenging: "A demanding mix in which individual strengths may pull apart",
    },
    diverseElements: "Its elements are widely spread, so many ways of working meet here.",
    singleElement: (element) => `Every member shares ${element}, which focuses the group but narrows it.`,
    pairLine: (a, b, percentage, description) => `${a} and ${b}: ${percentage}%. ${description}`,
  },
  timing: {
    moon: (phase, score) =>
      score >= 0.9
        ? `${phase}: a peak of the lunar cycle`
        : score >= 0.7
          ? `${phase}: a supportive phase`
          : score >= 0.6
            ? `${phase}: a workable phase`
            : `${phase}: a low ebb of the cycle`,
    day: (number, master) =>
      master
        ? `The date reduces to the master number ${number}`
        : number === 1 || number === 8 || number === 9
          ? `The date reduces to ${number}, a number of power`
          : number === 3 || number === 5 || number === 7
            ? `The date reduces to ${number}, a lively number`
            : `The date reduces to ${number}, a quiet number`,
    hour: (hour, number, master) =>
      master
        ? `Hour ${hour} is the master number ${number}`
        : number === 1 || number === 8 || number === 9
          ? `Hour ${hour} reduces to ${number}, a number of power`
          : number === 3 || number === 5 || number === 7
            ? `Hour ${hour} reduces to ${number}, a lively number`
            : `Hour ${hour} reduces to ${number}, a quiet number`,
    weekday: (planet) =>
      planet === "Jupiter" || planet === "Venus"
        ? `${planet} rules the day, traditionally a fortunate one`
        : planet === "Sun"
          ? "The Sun rules the day, bright and open"
          : `${planet} rules the day`,
    quality: {
      excellent: "Strongly aligned",
      good: "Well aligned",
      fair: "Moderately aligned",
      poor: "Weakly aligned",
    },
  },
  moment: {
    leftOut: (hasName) =>
      "No profile was given, so this reading has no birth date: the life path, the personal year, month and day and the heartbeat are left out, " +
      (hasName ? "and the name's own numbers stand alone. " : "and so is any number of a name. ") +
      "What follows reads the moment itself. Ask with a profile for the rest.",
  },
  stampProblem: (p) => {
    switch (p.kind) {
      case "parts": return "expected a date part and at most one time part";
      case "date_shape": return "the date part must be WEEKDAY-MONTH-DAY";
      case "weekday": return `unknown weekday token "${p.token}"`;
      case "month": return `unknown month token "${p.token}"`;
      case "day": return `day ${p.day} does not exist in month ${p.month}`;
      case "half": return "the time part must start with ☀ or 🌙";
      case "hour": return "unknown hour animal in the time part";
      case "time_shape": return "the time part must be HOUR-MINUTE-SECOND";
      case "token": return `"${p.token}" is not a stamp token (an animal and an element, four letters)`;
    }
  },
};
