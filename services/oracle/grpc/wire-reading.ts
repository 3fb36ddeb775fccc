/**
 * The engine's reading on the wire. The proto mirrors the engine's structure field for field,
 * except where protobuf cannot say the same thing; this file is those differences, in both
 * directions, so a reading that crossed the wire deep-equals the one computed in-process:
 *  - the stamp's underscored keys (_jdn, _weekday_index, ...) travel without the underscore;
 *  - synthesis is translation.full_text and travels once;
 *  - a null gender or paradox is an absent optional string;
 *  - a reading without a time of day has no ganzhi.hour key at all;
 *  - an insight dict with nothing to say is {} (an empty message on the wire);
 *  - a reading of the moment alone carries left_out and none of the person's parts.
 */
import type { SameKeys } from "../../contract";
import type { Fc60Stamp, FullReading, ThemedMessage } from "../engine";
import type { MomentReading } from "../readings/types";
import type * as Wire from "./wire-types";

/** The stamp as the proto spells it: the engine's keys without their leading underscore. */
export type WireStamp = { [K in keyof Fc60Stamp as K extends `_${infer Bare}` ? Bare : K]: Fc60Stamp[K] };
const STAMP_MATCHES: SameKeys<WireStamp, Wire.Fc60Stamp__Output> = true;
void STAMP_MATCHES;

/**
 * A reading as the decoder gives it back: every field (left_out empty for a person's reading;
 * person, birth, numerology, heartbeat and location absent for a reading of the moment alone).
 */
export type WireReading = Omit<FullReading, "fc60_stamp"> & { fc60_stamp: WireStamp; left_out: string[] };

export function toWireStamp(s: Fc60Stamp): WireStamp {
  return {
    fc60: s.fc60,
    iso: s.iso,
    tz60: s.tz60,
    y60: s.y60,
    y2k: s.y2k,
    j60: s.j60,
    mjd60: s.mjd60,
    rd60: s.rd60,
    u60: s.u60,
    chk: s.chk,
    jdn: s._jdn,
    weekday_index: s._weekday_index,
    weekday_token: s._weekday_token,
    weekday_name: s._weekday_name,
    planet: s._planet,
    domain: s._domain,
    half_marker: s._half_marker,
    hour_animal: s._hour_animal,
    minute_token: s._minute_token,
    month_animal: s._month_animal,
    dom_token: s._dom_token,
  };
}

export function fromWireStamp(w: WireStamp): Fc60Stamp {
  return {
    fc60: w.fc60,
    iso: w.iso,
    tz60: w.tz60,
    y60: w.y60,
    y2k: w.y2k,
    j60: w.j60,
    mjd60: w.mjd60,
    rd60: w.rd60,
    u60: w.u60,
    chk: w.chk,
    _jdn: w.jdn,
    _weekday_index: w.weekday_index,
    _weekday_token: w.weekday_token,
    _weekday_name: w.weekday_name,
    _planet: w.planet,
    _domain: w.domain,
    _half_marker: w.half_marker,
    _hour_animal: w.hour_animal,
    _minute_token: w.minute_token,
    _month_animal: w.month_animal,
    _dom_token: w.dom_token,
  };
}

/**
 * The object the encoder reads: the reading itself with only its stamp swapped (a shallow copy;
 * fields the proto does not name, like synthesis, are simply not written).
 */
export function toWireReading(r: FullReading | MomentReading): Omit<FullReading | MomentReading, "fc60_stamp"> & { fc60_stamp: WireStamp } {
  return { ...r, fc60_stamp: toWireStamp(r.fc60_stamp) };
}

/** Every field of the proto's Reading is one the engine's reading has (synthesis is left out on purpose). */
const READING_MATCHES: SameKeys<Omit<WireReading, "synthesis">, Wire.Reading__Output> = true;
void READING_MATCHES;

/**
 * A decoded reading made deep-equal to the engine's again; `w` is the decoder's fresh object and
 * is reused. With left_out, it is a reading of the moment alone, and has no person's parts.
 */
export function fromWireReading(w: WireReading): FullReading | MomentReading {
  const symbolic = w.reading;
  if (symbolic.paradox === undefined) symbolic.paradox = null;
  symbolic.planet_moon_insight_dict = emptyAsBare(symbolic.planet_moon_insight_dict);
  symbolic.lifepath_year_insight_dict = emptyAsBare(symbolic.lifepath_year_insight_dict);
  if (w.ganzhi.hour == null) delete w.ganzhi.hour;
  // The parts of every reading: the moment's.
  const moment = {
    current: w.current,
    patterns: w.patterns,
    confidence: w.confidence,
    synthesis: w.translation.full_text,
    fc60_stamp: fromWireStamp(w.fc60_stamp),
    moon: w.moon,
    ganzhi: w.ganzhi,
    reading: symbolic,
    translation: w.translation,
  };
  if (w.left_out.length > 0) return { ...moment, left_out: w.left_out };
  const polarity = w.numerology.gender_polarity;
  if (polarity.gender === undefined) polarity.gender = null;
  // name_read is set only for a name counted by its transliteration.
  if (w.person.name_read == null) delete w.person.name_read;
  return { person: w.person, birth: w.birth, numerology: w.numerology, heartbeat: w.heartbeat, location: w.location, ...moment };
}

type InsightDict = ThemedMessage | Record<string, never>;

function emptyAsBare(d: InsightDict | null): InsightDict {
  if (d == null) return {};
  return "theme" in d && (d.theme !== "" || d.message !== "") ? d : {};
}
