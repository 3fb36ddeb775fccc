/** Moon phase from a JDN by the mean synodic month, counted from the new moon of 2000-01-06. */
import type { MoonInfo } from "../result-types";
import { correctlyRoundedCos } from "../core/correctly-rounded-cos";
import { pyFloatMod, roundTo } from "../core/py-math";

export const SYNODIC_MONTH = 29.530588853;
export const REFERENCE_JDN = 2451550.1;

/** Upper bounds (exclusive) of the first seven phases' ages, in days. */
export const PHASE_BOUNDARIES: readonly number[] = [1.85, 7.38, 11.07, 14.77, 16.61, 22.14, 25.83];

export const PHASE_NAMES: readonly string[] = [
  "New Moon", "Waxing Crescent", "First Quarter", "Waxing Gibbous", "Full Moon", "Waning Gibbous", "Last Quarter", "Waning Crescent",
];

export const PHASE_EMOJIS: readonly string[] = ["🌑", "🌒", "🌓", "🌔", "🌕", "🌖", "🌗", "🌘"];

export const PHASE_ENERGY: ReadonlyMap<string, string> = new Map([
  ["New Moon", "Seed"],
  ["Waxing Crescent", "Build"],
  ["First Quarter", "Challenge"],
  ["Waxing Gibbous", "Refine"],
  ["Full Moon", "Culminate"],
  ["Waning Gibbous", "Share"],
  ["Last Quarter", "Release"],
  ["Waning Crescent", "Rest"],
]);

export const PHASE_BEST_FOR: ReadonlyMap<string, string> = new Map([
  ["New Moon", "Setting intentions, starting projects"],
  ["Waxing Crescent", "Taking first steps, gathering resources"],
  ["First Quarter", "Making decisions, overcoming obstacles"],
  ["Waxing Gibbous", "Editing, perfecting, patience"],
  ["Full Moon", "Celebrating, releasing, clarity"],
  ["Waning Gibbous", "Teaching, distributing, gratitude"],
  ["Last Quarter", "Letting go, forgiving, cleaning"],
  ["Waning Crescent", "Reflection, preparation, dreaming"],
]);

export const PHASE_AVOID: ReadonlyMap<string, string> = new Map([
  ["New Moon", "Big reveals, launches"],
  ["Waxing Crescent", "Giving up"],
  ["First Quarter", "Avoiding conflict"],
  ["Waxing Gibbous", "Starting new things"],
  ["Full Moon", "Starting (too intense)"],
  ["Waning Gibbous", "Hoarding"],
  ["Last Quarter", "Holding on"],
  ["Waning Crescent", "Pushing hard"],
]);

/** Days since the last mean new moon, in [0, SYNODIC_MONTH). */
export function moonAge(jdn: number): number {
  return pyFloatMod(jdn - REFERENCE_JDN, SYNODIC_MONTH);
}

function phaseIndex(age: number): number {
  for (let i = 0; i < PHASE_BOUNDARIES.length; i++) if (age < PHASE_BOUNDARIES[i]!) return i;
  return 7;
}

/** [phase name, emoji, age in days]. */
export function moonPhase(jdn: number): [string, string, number] {
  const age = moonAge(jdn);
  const i = phaseIndex(age);
  return [PHASE_NAMES[i]!, PHASE_EMOJIS[i]!, age];
}

function illuminationArgument(age: number): number {
  return (2.0 * Math.PI * age) / SYNODIC_MONTH;
}

/** Lit fraction in percent: 50 * (1 - cos(2 pi age / synodic month)), correctly rounded cosine. */
export function moonIllumination(age: number): number {
  return 50.0 * (1.0 - correctlyRoundedCos(illuminationArgument(age)));
}

/**
 * Illumination to one decimal. Math.cos is within an ulp of the correctly rounded cosine, which
 * can only change the rounding right at a half-tenth; there the exact cosine decides.
 */
function roundedIllumination(age: number): number {
  const fast = 50.0 * (1.0 - Math.cos(illuminationArgument(age)));
  const tenths = fast * 10;
  if (Math.abs(tenths - Math.floor(tenths) - 0.5) > 1e-6) return roundTo(fast, 1);
  return roundTo(moonIllumination(age), 1);
}

export function moonEnergy(phaseName: string): string {
  return PHASE_ENERGY.get(phaseName) ?? "Unknown";
}

export function fullMoonInfo(jdn: number): MoonInfo {
  const age = moonAge(jdn);
  const i = phaseIndex(age);
  const name = PHASE_NAMES[i]!;
  return {
    phase_name: name,
    emoji: PHASE_EMOJIS[i]!,
    age: roundTo(age, 2),
    illumination: roundedIllumination(age),
    energy: PHASE_ENERGY.get(name)!,
    best_for: PHASE_BEST_FOR.get(name)!,
    avoid: PHASE_AVOID.get(name)!,
  };
}
