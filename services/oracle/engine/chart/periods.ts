/**
 * The four pinnacles and four challenges. The month, day and year of birth are each reduced to one
 * digit; pinnacles add them (masters kept in the result), challenges subtract them. The first
 * period ends at 36 minus the life path (its root for a master), the next two last nine years
 * each, and the fourth runs for the rest of life.
 */
import type { CalendarDate } from "../reading-input";
import type { ChartPeriod } from "./chart-types";
import { dayOrMonth, yearPart, type DatePart } from "./date-numbers";
import { letterNumber } from "./name-letters";
import { sum2, type Reduction } from "./reduce";
import type { ChartText } from "./text";

interface Span {
  from_age: number;
  to_age: number | null;
}

function spans(lifePath: number): Span[] {
  const end = 36 - letterNumber(lifePath);
  return [
    { from_age: 0, to_age: end },
    { from_age: end, to_age: end + 9 },
    { from_age: end + 9, to_age: end + 18 },
    { from_age: end + 18, to_age: null },
  ];
}

function period(index: 1 | 2 | 3 | 4, span: Span, birthYear: number, number: number, master: boolean, working: string, meaning: string): ChartPeriod {
  return {
    index,
    number,
    master,
    karmic_debt: null,
    working,
    meaning,
    from_age: span.from_age,
    to_age: span.to_age,
    from_year: birthYear + span.from_age,
    to_year: span.to_age === null ? null : birthYear + span.to_age,
  };
}

interface Parts {
  m: DatePart;
  d: DatePart;
  y: DatePart;
}

function birthParts(birth: CalendarDate, text: ChartText): Parts {
  const l = text.words.labels;
  return { m: dayOrMonth(l.month, birth.month, false), d: dayOrMonth(l.day, birth.day, false), y: yearPart(l.year, birth.year, false) };
}

/** The pinnacles and the challenges, from the birth date's parts reduced once. */
export function periods(birth: CalendarDate, lifePath: number, text: ChartText): { pinnacles: ChartPeriod[]; challenges: ChartPeriod[] } {
  const parts = birthParts(birth, text);
  const s = spans(lifePath);
  return { pinnacles: pinnacles(parts, s, birth.year, text), challenges: challenges(parts, s, birth.year, text) };
}

interface Added {
  r: Readonly<Reduction>;
  working: string;
}

function added(a: DatePart, b: DatePart): Added {
  const s = sum2(a.value, b.value);
  return { r: s.r, working: `${a.text} + ${b.text}: ${s.working}` };
}

/** An earlier pinnacle as a single digit, for the third: a master 11 counts as 2. */
function asDigit(label: string, n: number): DatePart {
  const root = letterNumber(n);
  return { value: root, text: `${label} (${n === root ? n : `${n} → ${root}`})` };
}

/**
 * The third pinnacle and challenge depend only on the first two numbers (each at most 33) and the
 * language, so each is worked out once per pair and shared.
 */
const PAIRS = 64;
const THIRD_PINNACLES = new WeakMap<ChartText, (Added | undefined)[]>();
const THIRD_CHALLENGES = new WeakMap<ChartText, (Subtracted | undefined)[]>();

function third<T extends object>(table: WeakMap<ChartText, (T | undefined)[]>, text: ChartText, a: number, b: number, make: () => T): T {
  if (!(a >= 0 && a < PAIRS && b >= 0 && b < PAIRS)) return make();
  let row = table.get(text);
  if (row === undefined) table.set(text, (row = new Array<T | undefined>(PAIRS * PAIRS).fill(undefined)));
  return (row[a * PAIRS + b] ??= Object.freeze(make()));
}

function pinnacles({ m, d, y }: Parts, s: Span[], birthYear: number, text: ChartText): ChartPeriod[] {
  const l = text.words.labels;
  const p1 = added(m, d);
  const p2 = added(d, y);
  const p3 = third(THIRD_PINNACLES, text, p1.r.value, p2.r.value, () => added(asDigit(l.pinnacle(1), p1.r.value), asDigit(l.pinnacle(2), p2.r.value)));
  const p4 = added(m, y);
  const all = [p1, p2, p3, p4];
  const out: ChartPeriod[] = [];
  for (let i = 0; i < 4; i++) {
    const p = all[i]!;
    out.push(period((i + 1) as 1, s[i]!, birthYear, p.r.value, p.r.master, p.r.master ? `${p.working} (${l.masterKept})` : p.working, text.meaning("pinnacle", p.r.value)));
  }
  return out;
}

interface Subtracted {
  n: number;
  working: string;
}

function subtracted(a: DatePart, b: DatePart): Subtracted {
  const n = Math.abs(a.value - b.value);
  return { n, working: `|${a.text} − ${b.text}| = |${a.value}−${b.value}| = ${n}` };
}

function challenges({ m, d, y }: Parts, s: Span[], birthYear: number, text: ChartText): ChartPeriod[] {
  const l = text.words.labels;
  const c1 = subtracted(m, d);
  const c2 = subtracted(d, y);
  const c3 = third(THIRD_CHALLENGES, text, c1.n, c2.n, () => subtracted({ value: c1.n, text: `${l.challenge(1)} (${c1.n})` }, { value: c2.n, text: `${l.challenge(2)} (${c2.n})` }));
  const c4 = subtracted(m, y);
  const all = [c1, c2, c3, c4];
  const out: ChartPeriod[] = [];
  for (let i = 0; i < 4; i++) out.push(period((i + 1) as 1, s[i]!, birthYear, all[i]!.n, false, all[i]!.working, text.meaning("challenge", all[i]!.n)));
  return out;
}
