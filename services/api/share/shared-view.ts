import { z } from "zod";
import type { Profile } from "../../lib/db/repositories/oracle-profiles";
import type { Reading } from "../../lib/db/repositories/readings";
import type { SharedPart } from "../../lib/db/repositories/share-links";
import { InterpretationSchema, splitResult } from "../oracle/reading-schemas";
import { expandResult } from "../oracle/stored-result";
import { iso, localeField, readingTypeField, storedSystemField } from "../oracle/fields";
import { markersIn, withoutThePerson } from "./without-the-person";

/**
 * What a visitor with a share link sees: the reading decrypted, cut down to the parts its owner
 * chose. "result" is the structured numbers; "interpretation" the told text (the AI's, and the
 * engine's own prose inside the result); "question" the question asked; "profile" who the reading
 * is about (names and birth dates, never a mother's name or a place). Without "profile", nothing
 * left may name the person or carry what is drawn from them (./without-the-person.ts). Pure: no I/O.
 */

/** Keys of a stored result that belong to another part than "result". */
const KEYS_OF_PART: Readonly<Record<Exclude<SharedPart, "result">, readonly string[]>> = {
  interpretation: ["translation", "synthesis"],
  question: ["question", "question_read"],
  profile: ["person", "a_name", "b_name"],
};

export const SharedReadingSchema = z
  .object({
    id: z.uuid(),
    reading_type: readingTypeField,
    sign_value: z.string().nullable(),
    numerology_system: storedSystemField.nullable(),
    locale: localeField,
    created_at: z.iso.datetime(),
    result: z.record(z.string(), z.unknown()).optional(),
    ai_interpretation: InterpretationSchema.nullable().optional(),
    question: z.string().nullable().optional(),
    profiles: z.array(z.object({ name: z.string(), name_persian: z.string().nullable(), birth_date: z.string() })).optional(),
  })
  .meta({ id: "SharedReading" });

export type SharedReading = z.output<typeof SharedReadingSchema>;

/** A copy of `node` without the given keys at any depth. */
function without(node: unknown, keys: ReadonlySet<string>): unknown {
  if (Array.isArray(node)) return node.map((item) => without(item, keys));
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (!keys.has(key)) out[key] = without(value, keys);
  return out;
}

/**
 * `profiles`: the reading's profiles as stored (deleted ones included), in the reading's order;
 * shown only when "profile" is shared, and otherwise used to find every mention of them.
 */
export function sharedView(reading: Reading, parts: readonly SharedPart[], profiles: readonly Profile[]): SharedReading {
  const shared = new Set(parts);
  const anonymous = !shared.has("profile");
  const nameReading = reading.readingType === "name";
  const markers = markersIn(reading.result, {
    names: [...profiles.map((p) => [p.name, p.name_persian ?? ""]), ...(nameReading && reading.signValue ? [[reading.signValue]] : [])],
    birthDates: profiles.map((p) => p.birth_date),
  });
  const keepTo = <T>(value: T): T => (anonymous ? (withoutThePerson(value, markers, { nameReading }) as T) : value);
  const view: SharedReading = {
    id: reading.id,
    reading_type: reading.readingType,
    // A question reading's sign value is empty; a name reading's is the name read: part of its result, and a person's name.
    sign_value: shared.has("result") && !(anonymous && nameReading) ? reading.signValue : null,
    numerology_system: reading.numerologySystem,
    locale: reading.locale,
    created_at: iso(reading.createdAt),
  };
  const { result, interpretation } = splitResult(expandResult(reading.readingType, reading.result, reading.question));
  if (shared.has("result")) {
    const hidden = new Set(Object.entries(KEYS_OF_PART).flatMap(([part, keys]) => (shared.has(part as SharedPart) ? [] : keys)));
    view.result = keepTo(without(result, hidden) as Record<string, unknown>);
  }
  if (shared.has("interpretation")) view.ai_interpretation = interpretation && keepTo(interpretation);
  if (shared.has("question")) view.question = reading.question === null ? null : keepTo(reading.question);
  if (shared.has("profile")) view.profiles = profiles.map((p) => ({ name: p.name, name_persian: p.name_persian, birth_date: p.birth_date }));
  return view;
}
