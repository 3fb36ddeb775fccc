/**
 * The multi reading: two to five profiles read at one moment, every pair's compatibility, and a
 * group analysis from three members up.
 */
import { fullYearInfo, moonPhase, PHASE_NAMES, type DetectedPattern } from "../engine";
import { allPairs, groupAnalysis, type Member } from "./compatibility";
import { readingOf } from "./engine-call";
import { readingsTextFor } from "./text";
import type { FullReading, GroupAnalysis, MultiReadingRequest, OracleProfile, PairCompatibility } from "./types";

/** Groups this size and larger get a group analysis. */
export const GROUP_FROM = 3;

function patternKey(p: DetectedPattern): string {
  return p.type === "animal_repetition" ? `${p.type}:${p.animal}` : `${p.type}:${p.number}`;
}

/** What compatibility compares, taken from a member's birth and reading. */
export function memberOf(profile: OracleProfile, reading: FullReading): Member {
  const year = fullYearInfo(profile.birth_date.year);
  return {
    name: profile.name,
    lifePath: reading.numerology.life_path.number,
    element: year.element,
    branch: year.branch_index,
    animal: year.animal_name,
    moonPhase: PHASE_NAMES.indexOf(moonPhase(reading.birth.jdn)[0]),
    patterns: reading.patterns.detected.map(patternKey),
  };
}

export function computeMultiReading(req: MultiReadingRequest): {
  readings: FullReading[];
  pairs: PairCompatibility[];
  group: GroupAnalysis | null;
} {
  const readings = req.profiles.map((profile, i) => readingOf({ profile, at: req.at, locale: req.locale, profilePath: `profiles[${i}]` }));
  const members = req.profiles.map((profile, i) => memberOf(profile, readings[i]!));
  const text = readingsTextFor(req.locale);
  const pairs = allPairs(members, text);
  const group = members.length >= GROUP_FROM ? groupAnalysis(members, pairs, text) : null;
  return { readings, pairs, group };
}
