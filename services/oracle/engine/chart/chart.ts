/**
 * The complete chart of a name and a birth date, every number with its working. The life path,
 * expression, soul urge, personality and personal cycles are computed exactly as the readings
 * compute them (masters kept at every step); the rest follow the common definitions:
 *
 * - maturity = life path + expression; birthday = the day of birth reduced;
 * - rational thought = the first name's number + the birthday number;
 * - balance = the initials' values summed and reduced to one digit;
 * - karmic debt = 13, 14, 16 or 19 met while reducing the life path, expression, soul urge,
 *   personality or birthday;
 * - karmic lessons = the numbers no letter of the name carries (1-9; 1-8 in Chaldean, which gives
 *   no letter 9); subconscious self = how many of them are present; hidden passion = the most
 *   frequent; in abjad a letter's number is its value's digital root;
 * - cornerstone and capstone = the first and last letters of the first name; first vowel = its
 *   first vowel;
 * - pinnacles and challenges: see periods.ts.
 *
 * Bad input throws InvalidInputError naming the field, as the rest of the engine does.
 */
import { InvalidInputError } from "../../../lib/errors";
import { isValidDate } from "../core/julian-date-engine";
import { NAME_ROUTES, readName, type NameRoute } from "../script/read-name";
import { NAME_SCRIPTS, type NameScript } from "../script/name-script";
import { parseSystemChoice } from "../personal/numerology-system";
import type { CalendarDate, NumerologySystem, NumerologySystemChoice } from "../reading-input";
import { CHART_LOCALES, type Chart, type ChartInput, type ChartLetter, type ChartLocale, type ChartNumber, type ChartPart, type KarmicDebtFound, type LetterNumber, type NumberSet } from "./chart-types";
import { BoundedCache } from "../bounded-cache";
import { freezeBirthPart, freezeNamePart, type BirthPart, type NamePart } from "./chart-parts";
import { dayOrMonth, yearPart } from "./date-numbers";
import { countedLetters, inWord, letterNumber, lettersWorking, sumOf } from "./name-letters";
import { periods } from "./periods";
import { labelled, reduce, reduced, stepsOf, sum2, sum3, type Reduction } from "./reduce";
import { chartTextFor, type ChartText } from "./text";

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** "01" to "31": a month or a day as a date writes it, made once. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 32 }, (_, n) => pad(n, 2));

function isoDate(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${TWO_DIGITS[d.month] ?? pad(d.month, 2)}-${TWO_DIGITS[d.day] ?? pad(d.day, 2)}`;
}

function checkDate(field: string, value: unknown): CalendarDate {
  if (typeof value !== "object" || value === null) throw new InvalidInputError(field, "must be {year, month, day}");
  const { year, month, day } = value as Record<string, unknown>;
  // Checked in this order, without a list of pairs per call (every chart checks two dates).
  if (!Number.isInteger(year)) throw new InvalidInputError(field, "year must be a whole number");
  if (!Number.isInteger(month)) throw new InvalidInputError(field, "month must be a whole number");
  if (!Number.isInteger(day)) throw new InvalidInputError(field, "day must be a whole number");
  const d = { year: year as number, month: month as number, day: day as number };
  if (d.year < 1 || d.year > 9999) throw new InvalidInputError(field, "year must be from 1 to 9999");
  if (!isValidDate(d.year, d.month, d.day)) throw new InvalidInputError(field, `${isoDate(d)} is not a day of the calendar`);
  return d;
}

function checkLocale(locale: unknown): ChartLocale {
  if (locale === undefined) return "en";
  if (!(CHART_LOCALES as readonly unknown[]).includes(locale)) throw new InvalidInputError("locale", `must be one of ${CHART_LOCALES.join(", ")}`);
  return locale as ChartLocale;
}

function isAfter(a: CalendarDate, b: CalendarDate): boolean {
  return a.year !== b.year ? a.year > b.year : a.month !== b.month ? a.month > b.month : a.day > b.day;
}

/** A chart number from a reduction; karmic debt only where the part records it. */
function numberOf(part: ChartPart, r: Readonly<Reduction>, working: string, text: ChartText, recordDebt = false): ChartNumber {
  const kept = r.master ? ` (${text.words.labels.masterKept})` : "";
  return {
    number: r.value,
    master: r.master,
    karmic_debt: recordDebt ? r.debt : null,
    working: working + kept,
    meaning: r.value === 0 ? text.words.labels.noLetters : text.meaning(part, r.value),
  };
}

/** A name number: the letters summed and reduced ("none = 0" when there are none). */
function lettersNumber(part: ChartPart, letters: readonly ChartLetter[], text: ChartText, recordDebt: boolean): ChartNumber {
  const r = reduced(sumOf(letters));
  const working = letters.length === 0 ? `${text.words.labels.none} = 0` : `${lettersWorking(letters)} = ${r.chain[0]}${r.steps}`;
  return numberOf(part, r, working, text, recordDebt);
}

type LetterPart = "cornerstone" | "capstone" | "first_vowel";
const LETTER_PARTS: readonly LetterPart[] = ["cornerstone", "capstone", "first_vowel"];

function makeLetterAt(part: LetterPart, l: ChartLetter, text: ChartText): LetterNumber {
  const n = letterNumber(l.value);
  const working = n === l.value ? `${l.letter} = ${l.value}` : `${l.letter} = ${l.value}${reduced(l.value, false).steps}`;
  return Object.freeze({ letter: l.letter, number: n, master: false, karmic_debt: null, working, meaning: text.meaning(part, n) });
}

/**
 * A letter's number depends only on the letter, its value, the part and the language: one frozen
 * entry each, shared, for the letters of one UTF-16 unit (every name uses a few dozen). The table
 * is bounded; letters past it are made per chart.
 */
const SHARED_LETTER_NUMBERS = 8192;
const LETTER_NUMBERS = new WeakMap<ChartText, Map<number, LetterNumber>>();

function letterAt(part: LetterPart, l: ChartLetter, text: ChartText): LetterNumber {
  if (l.letter.length !== 1 || !(l.value >= 0 && l.value < 0x400 && Number.isInteger(l.value))) return makeLetterAt(part, l, text);
  let table = LETTER_NUMBERS.get(text);
  if (table === undefined) LETTER_NUMBERS.set(text, (table = new Map()));
  const key = ((LETTER_PARTS.indexOf(part) * 0x10000 + l.letter.charCodeAt(0)) * 0x400) + l.value;
  let hit = table.get(key);
  if (hit === undefined) {
    hit = makeLetterAt(part, l, text);
    if (table.size < SHARED_LETTER_NUMBERS) table.set(key, hit);
  }
  return hit;
}

/** The system a name was read in and why: one frozen entry per language, choice, system, script and road. */
const SYSTEMS = new WeakMap<ChartText, Map<number, NamePart["system"]>>();
const CHOICES: readonly NumerologySystemChoice[] = ["auto", "pythagorean", "chaldean", "abjad"];

function systemOf(choice: NumerologySystemChoice, system: NumerologySystem, script: NameScript, route: NameRoute, text: ChartText): NamePart["system"] {
  let table = SYSTEMS.get(text);
  if (table === undefined) SYSTEMS.set(text, (table = new Map()));
  const key = ((CHOICES.indexOf(choice) * 4 + CHOICES.indexOf(system)) * NAME_SCRIPTS.length + NAME_SCRIPTS.indexOf(script)) * NAME_ROUTES.length + NAME_ROUTES.indexOf(route);
  let hit = table.get(key);
  if (hit === undefined) table.set(key, (hit = Object.freeze({ name: system, choice, reason: text.words.systemReason(choice, system, script, route) })));
  return hit;
}

/** The subconscious self for `missing` lessons out of `top`: one frozen entry per language and count. */
const SUBCONSCIOUS = new WeakMap<ChartText, (ChartNumber | undefined)[]>();

function subconsciousSelf(top: number, missing: number, text: ChartText): ChartNumber {
  let row = SUBCONSCIOUS.get(text);
  if (row === undefined) SUBCONSCIOUS.set(text, (row = new Array<ChartNumber | undefined>(20).fill(undefined)));
  const present = top - missing;
  return (row[(top === 9 ? 10 : 0) + missing] ??= Object.freeze({
    number: present,
    master: false,
    karmic_debt: null,
    working: `${top} − ${missing} (${text.words.labels.missing}) = ${present}`,
    meaning: text.meaning("subconscious_self", present),
  }));
}

/** How often each number 1..top occurs among the letters. */
function tally(letters: readonly ChartLetter[], top: number): number[] {
  const counts = new Array<number>(top + 1).fill(0);
  for (const l of letters) {
    const n = letterNumber(l.value);
    if (n <= top) counts[n]!++;
  }
  return counts;
}

/** A number's meaning in a set, one frozen entry per language, part and number, shared by every chart. */
const SET_MEANINGS = new WeakMap<ChartText, Map<ChartPart, NumberSet["meanings"]>>();

function setMeaning(part: ChartPart, n: number, text: ChartText): NumberSet["meanings"][number] {
  let byPart = SET_MEANINGS.get(text);
  if (byPart === undefined) SET_MEANINGS.set(text, (byPart = new Map()));
  let row = byPart.get(part);
  if (row === undefined) byPart.set(part, (row = []));
  return (row[n] ??= Object.freeze({ number: n, meaning: text.meaning(part, n) }));
}

function numberSet(part: ChartPart, numbers: number[], working: string, text: ChartText): NumberSet {
  return { numbers, working, meanings: numbers.map((n) => setMeaning(part, n, text)) };
}

function namePart(fullName: string, choice: NumerologySystemChoice, text: ChartText): NamePart {
  const l = text.words.labels;
  const name = readName(fullName, choice, "full_name");
  const system: NumerologySystem = name.system;
  const letters = countedLetters(name.counted, system);
  const vowels: ChartLetter[] = [];
  const consonants: ChartLetter[] = [];
  const firstName: ChartLetter[] = [];
  const initials: ChartLetter[] = [];
  for (const x of letters) {
    (x.vowel ? vowels : consonants).push(x);
    if (x.word === 0) firstName.push(x);
    if (initials.length === x.word) initials.push(inWord(x, 0, system));
  }
  const fnR = reduced(sumOf(firstName));
  const balR = reduced(sumOf(initials), false);

  // Chaldean gives no letter the value 9, so its lessons are sought among 1-8.
  const top = system === "chaldean" ? 8 : 9;
  const counts = tally(letters, top);
  // The lists are joined by hand as they are made: no list of strings per chart.
  let presentText = `${l.present}: `;
  const missing: number[] = [];
  let most = 0;
  for (let n = 1; n <= top; n++) {
    if (counts[n]! > 0) presentText += (n - 1 > missing.length ? ", " : "") + l.times(n, counts[n]!);
    else missing.push(n);
    most = Math.max(most, counts[n]!);
  }
  const passion: number[] = [];
  let passionText = "";
  for (let n = 1; n <= top; n++) {
    if (counts[n] !== most) continue;
    passionText += (passion.length > 0 ? ", " : "") + l.times(n, most);
    passion.push(n);
  }
  let firstVowel: ChartLetter | undefined;
  for (const x of firstName) if (x.vowel && firstVowel === undefined) firstVowel = x;

  return {
    name: { given: name.given, counted: name.counted, script: name.script, route: name.route },
    system: systemOf(name.choice, system, name.script, name.route, text),
    letters,
    expression: lettersNumber("expression", letters, text, true),
    soul_urge: lettersNumber("soul_urge", vowels, text, true),
    personality: lettersNumber("personality", consonants, text, true),
    balance: numberOf("balance", balR, `${l.initials} ${lettersWorking(initials)} = ${balR.chain[0]}${balR.steps}`, text),
    subconscious_self: subconsciousSelf(top, missing.length, text),
    hidden_passion: numberSet("hidden_passion", passion, `${presentText}; ${l.most}: ${passionText}`, text),
    karmic_lessons: numberSet("karmic_lesson", missing, `${presentText}; ${l.missing}: ${missing.length > 0 ? missing.join(", ") : l.none}`, text),
    cornerstone: letterAt("cornerstone", firstName[0]!, text),
    capstone: letterAt("capstone", firstName[firstName.length - 1]!, text),
    first_vowel: firstVowel ? letterAt("first_vowel", firstVowel, text) : null,
    firstName: fnR.value,
    firstNameWorking: `${l.firstName} ${lettersWorking(firstName)} = ${fnR.chain[0]}${fnR.steps}`,
  };
}

/** The birthday number depends on the day alone: one frozen entry per language and day. */
const BIRTHDAYS = new WeakMap<ChartText, (ChartNumber | undefined)[]>();

function birthdayOf(day: number, text: ChartText): ChartNumber {
  let row = BIRTHDAYS.get(text);
  if (row === undefined) BIRTHDAYS.set(text, (row = new Array<ChartNumber | undefined>(32).fill(undefined)));
  const bR = reduce(day);
  return (row[day] ??= Object.freeze(numberOf("birthday", bR, labelled(text.words.labels.day, day, bR), text, true)));
}

function birthPart(birth: CalendarDate, text: ChartText): BirthPart {
  const l = text.words.labels;
  // Life path: month, day and year reduced with masters kept, then their sum (as the readings do).
  const m = dayOrMonth(l.month, birth.month, true);
  const d = dayOrMonth(l.day, birth.day, true);
  const y = yearPart(l.year, birth.year, true);
  const lp = sum3(m.value, d.value, y.value);
  const life_path = numberOf("life_path", lp.r, `${m.text} + ${d.text} + ${y.text}: ${lp.working}`, text, true);
  return {
    birth_date: isoDate(birth),
    month: m,
    day: d,
    life_path,
    birthday: birthdayOf(birth.day, text),
    ...periods(birth, life_path.number, text),
  };
}

/** The parts whose karmic debt a chart lists, in the chart's order; karmicDebts takes their numbers in this order. */
const KARMIC_DEBT_PARTS = ["life_path", "expression", "soul_urge", "personality", "birthday"] as const satisfies readonly KarmicDebtFound["part"][];

function karmicDebts(numbers: readonly ChartNumber[], text: ChartText): KarmicDebtFound[] {
  const out: KarmicDebtFound[] = [];
  for (let i = 0; i < KARMIC_DEBT_PARTS.length; i++) {
    const debt = numbers[i]!.karmic_debt;
    if (debt !== null) out.push({ number: debt, part: KARMIC_DEBT_PARTS[i]!, meaning: text.meaning("karmic_debt", debt) });
  }
  return out;
}

/** A birth date as one small whole number (a cheaper key than a string). */
function birthKey(d: CalendarDate): number {
  return d.year * 10_000 + d.month * 100 + d.day;
}

// Repeated names and shared birth dates are common; each part is worked out once. A name's
// variant is its language and system choice, a birth date's its language.
const NAME_PARTS = new BoundedCache<string, NamePart>(4096, CHART_LOCALES.length * CHOICES.length, freezeNamePart);
const BIRTH_PARTS = new BoundedCache<number, BirthPart>(4096, CHART_LOCALES.length, freezeBirthPart);

export function computeChart(input: ChartInput): Chart {
  if (typeof input !== "object" || input === null) throw new InvalidInputError("input", "must be an object");
  const birth = checkDate("birth_date", input.birth);
  const at = checkDate("at", input.at);
  if (isAfter(birth, at)) throw new InvalidInputError("birth_date", `is after the chart's date ${isoDate(at)}`);
  const locale = checkLocale(input.locale);
  const text = chartTextFor(locale);
  const l = text.words.labels;
  if (typeof input.fullName !== "string") throw new InvalidInputError("full_name", "must be a string");
  const choice = parseSystemChoice(input.system ?? "auto");
  const localeIndex = CHART_LOCALES.indexOf(locale);
  const np = NAME_PARTS.get(localeIndex * CHOICES.length + CHOICES.indexOf(choice), input.fullName, () => namePart(input.fullName, choice, text));
  const bp = BIRTH_PARTS.get(localeIndex, birthKey(birth), () => birthPart(birth, text));
  const { life_path, birthday, month: m, day: d } = bp;
  const { expression, soul_urge, personality } = np;

  const mat = sum2(life_path.number, expression.number);
  const maturity = numberOf("maturity", mat.r, `${l.lifePath} ${life_path.number} + ${l.expression} ${expression.number}: ${mat.working}`, text);
  const rt = sum2(np.firstName, birthday.number);
  const rational_thought = numberOf("rational_thought", rt.r, `${np.firstNameWorking}; ${l.birthday} ${birthday.number}: ${rt.working}`, text);

  const karmic_debts = karmicDebts([life_path, expression, soul_urge, personality, birthday], text);

  // Personal cycles, as the readings compute them: the birth month and day with the year asked about.
  const atYear = yearPart(l.year, at.year, true);
  const py = sum3(m.value, d.value, atYear.value);
  const personal_year = numberOf("personal_year", py.r, `${m.text} + ${d.text} + ${atYear.text}: ${py.working}`, text);
  const pm = sum2(py.r.value, at.month);
  const personal_month = numberOf("personal_month", pm.r, `${l.personalYear} ${py.r.value} + ${l.month} ${at.month}: ${pm.working}`, text);
  const pd = sum2(pm.r.value, at.day);
  const personal_day = numberOf("personal_day", pd.r, `${l.personalMonth} ${pm.r.value} + ${l.day} ${at.day}: ${pd.working}`, text);

  return {
    name: np.name,
    system: np.system,
    locale,
    birth_date: bp.birth_date,
    at: isoDate(at),
    letters: np.letters,
    life_path,
    expression,
    soul_urge,
    personality,
    maturity,
    birthday,
    balance: np.balance,
    rational_thought,
    subconscious_self: np.subconscious_self,
    hidden_passion: np.hidden_passion,
    karmic_lessons: np.karmic_lessons,
    karmic_debts,
    cornerstone: np.cornerstone,
    capstone: np.capstone,
    first_vowel: np.first_vowel,
    pinnacles: bp.pinnacles,
    challenges: bp.challenges,
    personal_year,
    personal_month,
    personal_day,
  };
}
