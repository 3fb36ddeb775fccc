/** `{"$datetime": "YYYY-MM-DDTHH:MM:SS"}` in case arguments -> the engine's NaiveDateTime. */
import type { NaiveDateTime } from "../result-types";

const DATETIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

export function parseNaiveDateTime(text: string): NaiveDateTime {
  const m = DATETIME.exec(text);
  if (m === null) throw new Error(`bad $datetime '${text}': want YYYY-MM-DDTHH:MM:SS`);
  return { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]! };
}

function isDatetimeMarker(value: object): value is { $datetime: string } {
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === "$datetime" && typeof (value as { $datetime: unknown }).$datetime === "string";
}

/** A copy of an argument with every $datetime marker, at any depth, converted. */
export function convertArgument(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convertArgument);
  if (value !== null && typeof value === "object") {
    if (isDatetimeMarker(value)) return parseNaiveDateTime(value.$datetime);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = convertArgument(v);
    return out;
  }
  return value;
}
