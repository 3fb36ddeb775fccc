/** Small English helpers shared by the en tables. Hot path: plain string operations only. */

// The strings these see are table labels (traits, domains, moon phrases): a few dozen distinct
// values, so remembering each answer turns case changes into one map lookup. User text never
// passes through them, and the caches stop growing past a fixed size all the same.
const LOWER_FIRST = new Map<string, string>();
const UPPER_FIRST = new Map<string, string>();
const CACHE_LIMIT = 4096;

export function lowerFirst(s: string): string {
  let out = LOWER_FIRST.get(s);
  if (out === undefined) {
    out = s.length === 0 ? s : s[0]!.toLowerCase() + s.slice(1);
    if (LOWER_FIRST.size < CACHE_LIMIT) LOWER_FIRST.set(s, out);
  }
  return out;
}

export function upperFirst(s: string): string {
  let out = UPPER_FIRST.get(s);
  if (out === undefined) {
    out = s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
    if (UPPER_FIRST.size < CACHE_LIMIT) UPPER_FIRST.set(s, out);
  }
  return out;
}

const PAD = ["00", "01", "02", "03", "04", "05", "06", "07", "08", "09"];

/** 22.05 -> "22.05", 3 -> "3.00": two decimals by integer arithmetic (no float printing). */
export function twoDecimals(x: number): string {
  const hundredths = Math.round(x * 100);
  const whole = Math.trunc(hundredths / 100);
  const frac = Math.abs(hundredths - whole * 100);
  return (hundredths < 0 && whole === 0 ? "-" : "") + whole + "." + (frac < 10 ? PAD[frac] : frac);
}

const TIMES = ["no times", "once", "twice", "three times", "four times", "five times", "six times"];

/** "twice", "three times", ... */
export function times(count: number): string {
  return count >= 0 && count < TIMES.length ? TIMES[count] : `${count} times`;
}

/** 1477947600 -> "1,477,947,600" without Intl (this runs once per reading). */
export function groupThousands(n: number): string {
  const negative = n < 0;
  let digits = String(negative ? -n : n);
  let out = "";
  while (digits.length > 3) {
    out = "," + digits.slice(-3) + out;
    digits = digits.slice(0, -3);
  }
  return (negative ? "-" : "") + digits + out;
}

/** "a, b, c" */
export function commaList(items: readonly string[]): string {
  let out = "";
  for (let i = 0; i < items.length; i++) out += (i > 0 ? ", " : "") + items[i];
  return out;
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  const last = items.length - 1;
  let out = "";
  for (let i = 0; i <= last; i++) out += (i === 0 ? "" : i === last ? " and " : ", ") + items[i];
  return out;
}

const PLANET_PHRASES: Readonly<Record<string, string>> = { Sun: "the Sun", Moon: "the Moon" };

/** "the Sun", "the Moon", "Mars", ... */
export function planetPhrase(planet: string): string {
  return PLANET_PHRASES[planet] ?? planet;
}

/** "a Fire Horse", "an Earth Rooster". */
export function withArticle(phrase: string): string {
  const c = phrase.charCodeAt(0) | 0x20;
  return (c === 0x61 || c === 0x65 || c === 0x69 || c === 0x6f || c === 0x75 ? "an " : "a ") + phrase;
}
