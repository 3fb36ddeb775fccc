/**
 * Stamp check: decodes an FC60 stamp ("VE-OX-OXFI ☀OX-RUWU-RAWU") and says whether it is one the
 * encoder could have written. A malformed stamp is an answer (valid: false, with the reason), not
 * an error; only a missing or oversized stamp is bad input.
 */
import { InvalidInputError } from "../../lib/errors";
import { decodeStamp, digit60, getAnimalName, getElementName, isValidDate } from "../engine";
import { readingsTextFor } from "./text";
import type { DecodedStamp, StampCheck, StampCheckRequest, StampProblem, StampToken } from "./types";

/** A leap year, so that the 29th of the second month is a real day. */
const ANY_LEAP_YEAR = 2000;

function token(t: string): StampToken {
  const value = digit60(t);
  return { token: t, value, animal_name: getAnimalName(Math.floor(value / 5)), element_name: getElementName(value % 5) };
}

class NotAStamp extends Error {
  constructor(readonly problem: StampProblem) {
    super(problem.kind);
  }
}

/** The engine refuses a bad token without saying which in our words: find it among the stamp's tokens. */
function badToken(stamp: string): StampProblem {
  const tokens = stamp.replace(/^[^ ]+-[^ ]+-/, "").split(/[ -]/).map((t) => t.replace(/^(☀|🌙)/u, ""));
  for (const t of tokens) {
    try {
      digit60(t);
    } catch {
      return { kind: "token", token: t };
    }
  }
  return { kind: "token", token: stamp };
}

function decodeStrict(stamp: string): DecodedStamp {
  const parts = stamp.split(" ");
  if (parts.length > 2) throw new NotAStamp({ kind: "parts" });
  if (parts[0]!.split("-").length !== 3) throw new NotAStamp({ kind: "date_shape" });
  const d = decodeStamp(stamp);
  if (d.weekday_name === "Unknown") throw new NotAStamp({ kind: "weekday", token: d.weekday_token! });
  if (d.month === undefined) throw new NotAStamp({ kind: "month", token: d.month_token! });
  if (!isValidDate(ANY_LEAP_YEAR, d.month, d.day!)) throw new NotAStamp({ kind: "day", day: d.day!, month: d.month });
  const decoded: DecodedStamp = {
    weekday_token: d.weekday_token!,
    weekday_name: d.weekday_name!,
    month_token: d.month_token!,
    month: d.month,
    month_animal: getAnimalName(d.month - 1),
    day: token(d.dom_token!),
    time: null,
  };
  if (parts.length === 2) {
    if (d.half !== "AM" && d.half !== "PM") throw new NotAStamp({ kind: "half" });
    if (d.hour === undefined) throw new NotAStamp({ kind: "hour" });
    if (d.second_token === undefined || parts[1]!.split("-").length !== 3) throw new NotAStamp({ kind: "time_shape" });
    decoded.time = { half: d.half, hour: d.hour, hour_animal: d.hour_animal!, minute: token(d.minute_token!), second: token(d.second_token) };
  }
  return decoded;
}

export function checkStamp(req: StampCheckRequest): StampCheck {
  const stamp = req.stamp.trim();
  try {
    return { valid: true, stamp, error: "", decoded: decodeStrict(stamp) };
  } catch (err) {
    if (err instanceof NotAStamp || err instanceof InvalidInputError) {
      const problem = err instanceof NotAStamp ? err.problem : badToken(stamp);
      return { valid: false, stamp, error: readingsTextFor(req.locale).stampProblem(problem), decoded: null };
    }
    throw err;
  }
}
