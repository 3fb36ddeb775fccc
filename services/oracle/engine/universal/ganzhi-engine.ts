/** The sexagenary (stem-branch) cycle of years, days and double-hours. */
import type { GanzhiDayInfo, GanzhiYearInfo } from "../result-types";
import { floorDiv, pyMod } from "../core/py-math";
import { ANIMALS as BRANCH_TOKENS, ANIMAL_NAMES as BRANCH_NAMES } from "../core/tokens";

export const STEMS: readonly string[] = ["JA", "YI", "BI", "DI", "WW", "JI", "GE", "XI", "RE", "GU"];
export const STEM_NAMES: readonly string[] = ["Jiǎ", "Yǐ", "Bǐng", "Dīng", "Wù", "Jǐ", "Gēng", "Xīn", "Rén", "Guǐ"];
export const STEM_ELEMENTS: readonly string[] = ["Wood", "Wood", "Fire", "Fire", "Earth", "Earth", "Metal", "Metal", "Water", "Water"];
export const STEM_POLARITIES: readonly string[] = ["Yang", "Yin", "Yang", "Yin", "Yang", "Yin", "Yang", "Yin", "Yang", "Yin"];
/** The twelve branches are the base-60 animals. */
export const ANIMALS: readonly string[] = BRANCH_TOKENS;
export const ANIMAL_NAMES: readonly string[] = BRANCH_NAMES;

/** [stem index, branch index] of a year; 4 CE was a Wood Rat year. */
export function yearGanzhi(year: number): [number, number] {
  return [pyMod(year - 4, 10), pyMod(year - 4, 12)];
}

export function yearGanzhiTokens(year: number): [string, string] {
  const [s, b] = yearGanzhi(year);
  return [STEMS[s]!, ANIMALS[b]!];
}

/** [stem index, branch index] of a day: position (JDN + 49) mod 60 in the cycle. */
export function dayGanzhi(jdn: number): [number, number] {
  const gz = pyMod(jdn + 49, 60);
  return [gz % 10, gz % 12];
}

export function dayGanzhiTokens(jdn: number): [string, string] {
  const [s, b] = dayGanzhi(jdn);
  return [STEMS[s]!, ANIMALS[b]!];
}

/** [stem index, branch index] of an hour: double-hours start at 23:00, stems follow the day's stem. */
export function hourGanzhi(hour: number, dayStemIdx: number): [number, number] {
  const branch = pyMod(floorDiv(hour + 1, 2), 12);
  return [pyMod(dayStemIdx * 2 + branch, 10), branch];
}

export function hourGanzhiTokens(hour: number, dayStemIdx: number): [string, string] {
  const [s, b] = hourGanzhi(hour, dayStemIdx);
  return [STEMS[s]!, ANIMALS[b]!];
}

/**
 * The fields a year and a day of the cycle share. Callers add their own key to this object rather
 * than spreading it: a spread copy costs several times the literal on the reading's hot path.
 */
function stemBranchInfo(s: number, b: number): Omit<GanzhiDayInfo, "jdn"> {
  return {
    stem_index: s,
    branch_index: b,
    stem_token: STEMS[s]!,
    branch_token: ANIMALS[b]!,
    gz_token: STEMS[s]! + "-" + ANIMALS[b]!,
    stem_name: STEM_NAMES[s]!,
    animal_name: ANIMAL_NAMES[b]!,
    element: STEM_ELEMENTS[s]!,
    polarity: STEM_POLARITIES[s]!,
  };
}

export function fullYearInfo(year: number): GanzhiYearInfo {
  const [s, b] = yearGanzhi(year);
  const info = stemBranchInfo(s, b) as GanzhiYearInfo;
  info.year = year;
  info.traditional_name = STEM_ELEMENTS[s]! + " " + ANIMAL_NAMES[b]!;
  return info;
}

export function fullDayInfo(jdn: number): GanzhiDayInfo {
  const [s, b] = dayGanzhi(jdn);
  const info = stemBranchInfo(s, b) as GanzhiDayInfo;
  info.jdn = jdn;
  return info;
}
