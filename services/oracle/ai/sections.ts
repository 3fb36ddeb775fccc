/**
 * The sections an interpretation is told in (the engine's translation has the same ones), how the
 * model is asked to mark them, and how its answer is split back into them.
 */
import type { Translation } from "../readings/types";

export type SectionKey = Exclude<keyof Translation, "full_text">;

export const SECTION_KEYS: readonly SectionKey[] = [
  "header",
  "universal_address",
  "core_identity",
  "foundation",
  "right_now",
  "patterns",
  "message",
  "advice",
  "caution",
  "footer",
];

/** The marker line that opens a section in the model's answer, e.g. "## core_identity". */
export function marker(key: SectionKey): string {
  return `## ${key}`;
}

const MARKER_LINE = /^\s*#{1,3}\s*([a-z_]+)\s*$/i;

export function emptySections(): Translation {
  return {
    header: "",
    universal_address: "",
    core_identity: "",
    foundation: "",
    right_now: "",
    patterns: "",
    message: "",
    advice: "",
    caution: "",
    footer: "",
    full_text: "",
  };
}

/**
 * Splits the model's answer at its marker lines. Text before the first marker, or an answer with
 * no markers at all, becomes the message; full_text is always the whole answer.
 */
export function parseSections(answer: string): Translation {
  const out = emptySections();
  const keys = new Set<string>(SECTION_KEYS);
  let current: SectionKey = "message";
  const buffers = new Map<SectionKey, string[]>();
  for (const line of answer.split("\n")) {
    const m = MARKER_LINE.exec(line);
    const key = m?.[1]?.toLowerCase();
    if (key !== undefined && keys.has(key)) {
      current = key as SectionKey;
      continue;
    }
    let buf = buffers.get(current);
    if (!buf) buffers.set(current, (buf = []));
    buf.push(line);
  }
  for (const [key, lines] of buffers) out[key] = lines.join("\n").trim();
  out.full_text = answer.trim();
  return out;
}
