/**
 * A shared reading with the profile left out: nothing in it may say who the reading is about.
 * Two passes over the stored result, pure:
 * - structure: the keys that hold the person (name, birth date, the numbers drawn from them,
 *   heartbeat, location) are dropped wherever they sit, and so are list items of a personal kind
 *   (a repeated core number);
 * - prose: names become "the person" (or "Person 1", "Person 2"... when there are several), and
 *   every line that gives a birth date or year, or speaks of the numbers drawn from the person,
 *   is dropped, in the engine's text and the AI's alike. Lines are the engine's paragraphs; a
 *   reading keeps what it says about the moment (the stamp, the moon, the day's animals).
 */

/** Keys whose value describes the person, at any depth. */
const PERSONAL_KEYS = new Set([
  "person",
  "birth",
  "numerology",
  "heartbeat",
  "location",
  "a_name",
  "b_name",
  "personal_overlay",
  "heartbeat_context",
  "location_context",
  "lifepath_year_insight",
  "lifepath_year_insight_dict",
  "header",
  "core_identity",
  "foundation",
]);

/** A name reading's own subject is a name: with the profile left out, only its moment stays. */
const NAME_READING_KEYS = new Set(["name", "name_read", "letters", "expression", "soul_urge", "personality", "life_path", "detected_script"]);

/** Items of these kinds (patterns, insights) are about the person's numbers. */
const PERSONAL_KINDS = new Set(["number_repetition", "master_number", "lifepath_year"]);

/**
 * How the engine's prose speaks of what is drawn from the person (its text is English; an AI
 * interpretation in another language is still caught by the names and dates).
 */
const PERSONAL_TERMS = [
  "life path",
  "personal year",
  "personal month",
  "personal day",
  "expression",
  "soul urge",
  "personality",
  "core number",
  "your profile",
  "your heart",
  "heartbeat",
  "beats a minute",
  "mother",
  "birth",
  "born",
  "your age",
  "years old",
];

export interface PersonMarkers {
  /** Each person's names (a full name, a Persian name...), in the reading's order; each word of them counts. */
  readonly names: readonly (readonly string[])[];
  /** Birth dates, YYYY-MM-DD. */
  readonly birthDates: readonly string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The words of a name: split at spaces, hyphens and the zero-width non-joiner of Persian. */
const splitName = (name: string): string[] => name.split(/[\s\-\u200c]+/u).filter(Boolean);
const word = (s: string) => `(?<![\\p{L}\\p{N}])${escape(s)}(?![\\p{L}\\p{N}])`;

/** Lines with any of these go: the birth dates and years, and the words of personal numbers. */
function personalLine(markers: PersonMarkers): RegExp {
  const dates = markers.birthDates.flatMap((d) => [d, d.slice(0, 4)]);
  return new RegExp([...new Set([...dates, ...PERSONAL_TERMS])].map(word).join("|"), "iu");
}

/** Each person's whole names, then each word of them (longest first), and the label that replaces them. */
function nameReplacements(markers: PersonMarkers): [RegExp, string][] {
  const people = markers.names.filter((names) => names.some((n) => n.trim() !== ""));
  const out: [string, string][] = [];
  people.forEach((names, i) => {
    const label = people.length === 1 ? "the person" : `Person ${i + 1}`;
    const words = names.flatMap(splitName).filter((w) => [...w].length >= 2);
    for (const term of [...names.filter((n) => n.trim() !== ""), ...words]) out.push([term, label]);
  });
  out.sort((a, b) => b[0].length - a[0].length);
  return out.map(([term, label]) => [new RegExp(word(term), "giu"), label]);
}

/** The names and birth dates found in a stored result (each reading's person, each pair's names), after those given. */
export function markersIn(result: unknown, extra: PersonMarkers = { names: [], birthDates: [] }): PersonMarkers {
  const names = extra.names.map((n) => [...n]);
  const wordsOf = (name: string) => splitName(name.toLowerCase());
  const add = (name: string) => {
    if (name.trim() === "") return;
    // "Ann" in a pair is the "Ann Weaver" of a profile: the same person, not another.
    const same = names.find((known) => wordsOf(name).every((w) => known.some((k) => wordsOf(k).includes(w))));
    if (same) {
      if (!same.includes(name)) same.push(name);
    } else names.push([name]);
  };
  const birthDates = new Set(extra.birthDates);
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    const person = o.person as { name?: unknown; birthdate?: unknown; name_read?: { counted?: unknown } } | undefined;
    if (person && typeof person === "object") {
      if (typeof person.name === "string") {
        add(person.name);
        // The Latin form a name in another script was counted by names the same person.
        const counted = person.name_read?.counted;
        const own = names.find((known) => known.includes(person.name as string));
        if (typeof counted === "string" && counted.trim() !== "" && own && !own.includes(counted)) own.push(counted);
      }
      if (typeof person.birthdate === "string") birthDates.add(person.birthdate);
    }
    for (const key of ["a_name", "b_name"]) if (typeof o[key] === "string") add(o[key] as string);
    Object.values(o).forEach(visit);
  };
  visit(result);
  return { names, birthDates: [...birthDates] };
}

/** A copy of `node` with the person taken out, by structure and by prose. */
export function withoutThePerson(node: unknown, markers: PersonMarkers, options: { nameReading?: boolean } = {}): unknown {
  const dropLine = personalLine(markers);
  const renames = nameReplacements(markers);
  // Lines are the engine's paragraphs (and the header's rows); blank runs left behind close up.
  const prose = (text: string) =>
    renames
      .reduce((s, [name, label]) => s.replace(name, label), text)
      .split("\n")
      .filter((line) => !dropLine.test(line))
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === "string") return prose(value);
    if (Array.isArray(value)) {
      return value
        .filter((item) => !(item && typeof item === "object" && PERSONAL_KINDS.has(String((item as { type?: unknown }).type))))
        .map((item) => walk(item, depth + 1))
        .filter((item) => item !== "");
    }
    if (value === null || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (PERSONAL_KEYS.has(key)) continue;
      if (depth === 0 && options.nameReading && NAME_READING_KEYS.has(key)) continue;
      out[key] = walk(v, depth + 1);
    }
    return out;
  };
  return walk(node, 0);
}
