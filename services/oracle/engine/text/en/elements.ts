/**
 * The five elements in words. Meanings are spoken inside signal messages, so none of them may
 * contain the name of another element (see engine-text.ts).
 */
import type { ElementName, ElementText } from "../engine-text";

export const ELEMENTS: Readonly<Record<ElementName, ElementText>> = {
  Wood: {
    meaning: "growth, plans and beginnings",
    shadow: "spreading yourself too thin",
    counter: "Pick one of today's ideas and give it a deadline; let the others wait on a list.",
  },
  Fire: {
    meaning: "energy, warmth and change",
    shadow: "running out of fuel",
    counter: "Build a real pause into the day; rest is what keeps a flame going.",
  },
  Earth: {
    meaning: "steadiness and practical care",
    shadow: "getting stuck in a rut",
    counter: "Take a different route, change the order of your tasks, move your chair: a little novelty keeps you from settling in too deep.",
  },
  Metal: {
    meaning: "clarity, order and precision",
    shadow: "hardness and inflexibility",
    counter: "When you catch yourself insisting on the one right way, ask what a second way would look like.",
  },
  Water: {
    meaning: "feeling, intuition and depth",
    shadow: "being swamped",
    counter: "If everything feels urgent, talk it through with someone; said aloud, it shrinks to its real size.",
  },
};
