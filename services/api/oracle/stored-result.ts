import type { ReadingType } from "../../contract";
import { engineResult } from "../../oracle/readings/reading-service";
import type { Interpretation } from "../../oracle/readings";

/**
 * How a reading's result is kept. Every number and every word of the engine's answer follows from
 * the request the Oracle was asked (the engine is pure), so a stored reading keeps that request,
 * and whether its interpretation was the engine's own text or the model's (the model's words are
 * kept, sealed: nothing derives them). Shown, it is computed again in this process: the same
 * answer, in about the time of one engine call, from a row of a few hundred bytes instead of tens
 * of kilobytes of prose. Rows written before this format hold the whole result and are shown as
 * they are.
 */

/** Where a stored result keeps its interpretation (a key the repository always seals as a whole). */
export const STORED_INTERPRETATION_KEY = "ai_interpretation";

const FORMAT = 2;

/** null: none was asked; "engine": the engine's own text; "model": the model's, kept beside. */
type Told = null | "engine" | "model";

interface StoredRecipe {
  readonly format: typeof FORMAT;
  /** The Oracle's request, without what only the model reads and without the question (its own, encrypted column). */
  readonly request: Record<string, unknown>;
  readonly told: Told;
  readonly [STORED_INTERPRETATION_KEY]?: Interpretation;
}

type Json = Record<string, unknown>;

function isRecipe(stored: Json): stored is Json & StoredRecipe {
  return stored.format === FORMAT && typeof stored.request === "object" && stored.request !== null;
}

/** A result as the API shows it: the Oracle's result, its interpretation under STORED_INTERPRETATION_KEY. */
export function shownResult(result: Json): Json {
  if (!("interpretation" in result)) return { ...result };
  const { interpretation, ...rest } = result;
  return { ...rest, [STORED_INTERPRETATION_KEY]: interpretation };
}

/** What a reading stores of the Oracle's request and answer. */
export function storedResult(request: object, result: object): Json {
  const { include_ai: _ai, inquiry_context: _context, question: _question, ...kept } = request as Json;
  const interpretation = (result as { interpretation?: Interpretation | null }).interpretation ?? null;
  const told: Told = interpretation === null ? null : interpretation.ai_generated ? "model" : "engine";
  return { format: FORMAT, request: kept, told, ...(told === "model" ? { [STORED_INTERPRETATION_KEY]: interpretation } : {}) };
}

/** The result of a stored reading as the API shows it (computed again from its request when stored so). */
export function expandResult(type: ReadingType, stored: Json, question: string | null): Json {
  if (!isRecipe(stored)) return stored;
  const request = question === null ? stored.request : { ...stored.request, question };
  const result = engineResult(type, request as never, stored.told === "engine") as unknown as Json;
  return shownResult(stored.told === "model" ? { ...result, interpretation: stored[STORED_INTERPRETATION_KEY] } : result);
}

/** The text of a stored reading's interpretation, whoever told it (null: none). */
export function toldTextOf(type: ReadingType, stored: Json, question: string | null, kept: string | null): string | null {
  if (kept !== null || !isRecipe(stored) || stored.told !== "engine") return kept;
  const interpretation = expandResult(type, stored, question)[STORED_INTERPRETATION_KEY] as Interpretation | null;
  return interpretation?.sections.full_text ?? null;
}
