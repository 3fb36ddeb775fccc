/**
 * The two halves of a chart that depend on one input alone, and how each is frozen. A part is
 * shared by every chart of the same name (or birth date), so it is frozen through and through; the
 * freezing follows each part's shape, object by object, rather than walking it generically
 * (listing every object's values and asking whether each is frozen cost more than the chart's own
 * arithmetic). chart-frozen.test.ts checks that nothing in a part is left unfrozen.
 */
import type { Chart, ChartLetter, ChartNumber, ChartPeriod, LetterNumber, NumberSet } from "./chart-types";
import type { DatePart } from "./date-numbers";

/** Everything a chart takes from the name alone. */
export interface NamePart {
  name: Chart["name"];
  system: Chart["system"];
  /** Frozen one by one as they are made (see countedLetters). */
  letters: ChartLetter[];
  expression: ChartNumber;
  soul_urge: ChartNumber;
  personality: ChartNumber;
  balance: ChartNumber;
  subconscious_self: ChartNumber;
  hidden_passion: NumberSet;
  karmic_lessons: NumberSet;
  cornerstone: LetterNumber;
  capstone: LetterNumber;
  first_vowel: LetterNumber | null;
  /** The first name's sum reduced, and its working, for the rational thought number. */
  firstName: number;
  firstNameWorking: string;
}

/** Everything a chart takes from the birth date alone. */
export interface BirthPart {
  birth_date: string;
  month: DatePart;
  day: DatePart;
  life_path: ChartNumber;
  birthday: ChartNumber;
  pinnacles: ChartPeriod[];
  challenges: ChartPeriod[];
}

/** A set's meanings are shared frozen entries already (see setMeaning). */
function freezeSet(s: NumberSet): void {
  Object.freeze(s.numbers);
  Object.freeze(s.meanings);
  Object.freeze(s);
}

function freezeAll(items: readonly object[]): void {
  for (let i = 0; i < items.length; i++) Object.freeze(items[i]);
  Object.freeze(items);
}

/**
 * The system, the subconscious self, the cornerstone, capstone and first vowel, a date's month and
 * day and the birthday are shared entries, frozen as they are made (see chart.ts and
 * date-numbers.ts); the rest is frozen here.
 */
export function freezeNamePart(p: NamePart): NamePart {
  Object.freeze(p.name);
  Object.freeze(p.letters);
  Object.freeze(p.expression);
  Object.freeze(p.soul_urge);
  Object.freeze(p.personality);
  Object.freeze(p.balance);
  freezeSet(p.hidden_passion);
  freezeSet(p.karmic_lessons);
  return Object.freeze(p);
}

export function freezeBirthPart(p: BirthPart): BirthPart {
  Object.freeze(p.life_path);
  freezeAll(p.pinnacles);
  freezeAll(p.challenges);
  return Object.freeze(p);
}
