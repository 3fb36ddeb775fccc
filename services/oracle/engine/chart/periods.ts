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
import { reduce, sumWorking } from "./reduce";
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
    ...span,
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

export function pinnacles(birth: CalendarDate, lifePath: number, text: ChartText): ChartPeriod[] {
  const { m, d, y } = birthParts(birth, text);
  const l = text.words.labels;
  const add = (a: DatePart, b: DatePart) => {
    const r = reduce(a.value + b.value);
    return { r, working: `${a.text} + ${b.text}: ${sumWorking([a.value, b.value], r)}` };
  };
  const p1 = add(m, d);
  const p2 = add(d, y);
  const p4 = add(m, y);
  // The third adds the first two as single digits: a master 11 counts as 2 here.
  const asDigit = (index: number, n: number) => ({ value: letterNumber(n), text: `${l.pinnacle(index)} (${n === letterNumber(n) ? n : `${n} → ${letterNumber(n)}`})` });
  const a = asDigit(1, p1.r.value);
  const b = asDigit(2, p2.r.value);
  const p3 = add(a, b);
  const s = spans(lifePath);
  return [p1, p2, p3, p4].map((p, i) =>
    period((i + 1) as 1, s[i]!, birth.year, p.r.value, p.r.master, p.working + (p.r.master ? ` (${l.masterKept})` : ""), text.meaning("pinnacle", p.r.value)),
  );
}

export function challenges(birth: CalendarDate, lifePath: number, text: ChartText): ChartPeriod[] {
  const { m, d, y } = birthParts(birth, text);
  const l = text.words.labels;
  const sub = (a: DatePart, b: DatePart) => {
    const n = Math.abs(a.value - b.value);
    return { n, working: `|${a.text} − ${b.text}| = |${a.value}−${b.value}| = ${n}` };
  };
  const c1 = sub(m, d);
  const c2 = sub(d, y);
  const c3 = sub({ value: c1.n, text: `${l.challenge(1)} (${c1.n})` }, { value: c2.n, text: `${l.challenge(2)} (${c2.n})` });
  const c4 = sub(m, y);
  const s = spans(lifePath);
  return [c1, c2, c3, c4].map((c, i) => period((i + 1) as 1, s[i]!, birth.year, c.n, false, c.working, text.meaning("challenge", c.n)));
}
