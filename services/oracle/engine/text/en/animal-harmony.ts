/** How two branch animals get along. Pair keys follow ANIMAL_PAIRS ("RA-OX"). */

export const PAIRS: Readonly<Record<string, string>> = {
  // harmonies
  "RA-OX": "The Rat's quick wits and the Ox's staying power complete each other: one spots the chance, the other sees it through.",
  "TI-PI": "The Tiger brings nerve and the Pig brings goodwill; together they make a bravery that is also kind.",
  "RU-DO": "The Rabbit senses what is needed and the Dog makes sure it gets done: a pairing you can rely on.",
  "DR-RO": "The Dragon's sense of destiny meets the Rooster's candour: ambition kept honest, and honesty given scale.",
  "SN-MO": "The Snake's patience and the Monkey's quickness make a clever team that sees both the long game and the shortcut.",
  "HO-GO": "The Horse's drive carries the Goat's imagination out into the world, and the imagination gives the drive somewhere to go.",
  // clashes
  "RA-HO": "The Rat wants a plan and the Horse wants to go now. Agree on the first step and let the rest be discovered.",
  "OX-GO": "The Ox wants routine and the Goat wants inspiration. Keep a schedule, with room in it for a mood.",
  "TI-MO": "The Tiger wants command and the Monkey loves to bend the rules. Expect sparks until someone laughs.",
  "RU-RO": "The Rabbit hints and the Rooster states. Say what you mean, and say it gently.",
  "DR-DO": "The Dragon dreams of more while the Dog guards what is already here. Make the big move without abandoning your post.",
  "SN-PI": "The Snake counts and the Pig gives without counting. Be generous today, but read the terms first.",
  // neutral, but worth a word
  "RA-DR": "Rat and Dragon rarely compete: one looks for openings, the other for destiny, and both get what they came for.",
  "OX-SN": "Ox and Snake are both patient, so the day moves slowly and thoroughly.",
  "TI-HO": "Tiger and Horse both want room to roam; give each its own task and they will not collide.",
  "RU-GO": "Rabbit and Goat make a soft, artistic pairing, good for anything that needs taste.",
  "MO-DR": "Monkey and Dragon get on well enough: big plans, clever shortcuts, few arguments.",
  "RO-SN": "Rooster and Snake both care about getting things right; one says it, the other notices it.",
  "DO-TI": "Dog and Tiger share a sense of fairness; expect loyalty from one and boldness from the other.",
  "PI-RU": "Pig and Rabbit make easy company; a good day for a slow meal with friends.",
};

/** An animal meeting itself: its quality doubled. */
export const RESONANCE: Readonly<Record<string, string>> = {
  RA: "Two Rats double your alertness. You will notice openings others miss; move on the best one quickly.",
  OX: "Two Oxen make a wall of resolve. Pick the task that needs stamina and see it through.",
  TI: "Two Tigers double the daring. Choose one brave thing and do it well rather than ten things at once.",
  RU: "Two Rabbits deepen your sensitivity. Notice how places and people make you feel; it is information.",
  DR: "Two Dragons magnify change. Say yes to the larger version of the plan.",
  SN: "Two Snakes sharpen your insight. Read the fine print, on paper and in people.",
  HO: "Two Horses double the urge to move. Travel, run, change the scenery, and let someone know where you are headed.",
  GO: "Two Goats fill the day with imagination. Make room for something beautiful, even something small.",
  MO: "Two Monkeys make the mind quick and playful. Solve the puzzle, then check it was the right puzzle.",
  RO: "Two Roosters bring unusual clarity. Say exactly what you mean, and kindly.",
  DO: "Two Dogs double your protectiveness. Check in on the people you look after, and let them look after you too.",
  PI: "Two Pigs overflow with warmth. Host, feed, share; generosity comes easily today.",
};

export const NEUTRAL_DEFAULT = "These two energies sit side by side without much pull either way.";

/** Element tensions found among the signals. */
export const ELEMENT_CLASH: Readonly<Record<string, string>> = {
  "Fire-Water": "Fire and Water are both in play: enthusiasm may cool suddenly, or calm may boil over.",
  "Wood-Metal": "Wood and Metal are both in play: new plans may meet hard limits, so decide which ones deserve to survive.",
};
