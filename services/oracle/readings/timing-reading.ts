/**
 * Timing alignment: how well a local moment lines up, from four factors scored 0..1 and averaged
 * (the moon's phase, the date's number, the hour's number, the weekday's planet), and the best
 * hours of the same day.
 */
import { LIMITS } from "../../contract";
import { digitalRoot, gregorianToJdn, MASTER_NUMBERS, moonPhase, PHASE_NAMES, PLANETS, weekdayFromJdn } from "../engine";
import { readingsTextFor, type ReadingsText } from "./text";
import type { BestHour, TimingAlignment, TimingFactor, TimingQuality, TimingRequest } from "./types";

/** By phase index, New Moon .. Waning Crescent: the full and new moons are the peaks. */
const MOON_SCORES = [0.9, 0.5, 0.6, 0.7, 1.0, 0.7, 0.6, 0.4] as const;
/** By weekday index, Sunday .. Saturday: Jupiter's and Venus's days are the traditionally fortunate ones. */
const WEEKDAY_SCORES = [0.7, 0.5, 0.6, 0.6, 0.9, 0.8, 0.5] as const;

const POWER_NUMBERS = new Set([1, 8, 9]);
const LIVELY_NUMBERS = new Set([3, 5, 7]);

export const DEFAULT_BEST_HOURS = LIMITS.defaultBestHours;
/** The hour scored when the moment has none. */
const DEFAULT_HOUR = 12;

export function qualityOf(score: number): TimingQuality {
  return score >= 0.8 ? "excellent" : score >= 0.65 ? "good" : score >= 0.5 ? "fair" : "poor";
}

function numberScore(n: number, strong: number, lively: number, quiet: number): number {
  return MASTER_NUMBERS.has(n) || POWER_NUMBERS.has(n) ? strong : LIVELY_NUMBERS.has(n) ? lively : quiet;
}

/** The hour's number: midnight opens the day and counts as 1. */
function hourNumber(hour: number): number {
  return hour === 0 ? 1 : digitalRoot(hour);
}

function hourFactor(hour: number, text: ReadingsText): TimingFactor {
  const n = hourNumber(hour);
  return {
    name: "hour_number",
    value: String(n),
    score: numberScore(n, 0.85, 0.65, 0.45),
    note: text.timing.hour(hour, n, MASTER_NUMBERS.has(n)),
  };
}

/** The factors that are the same for every hour of a date. */
function dayFactors(year: number, month: number, day: number, text: ReadingsText): { moon: TimingFactor; date: TimingFactor; weekday: TimingFactor } {
  const jdn = gregorianToJdn(year, month, day);
  const phase = moonPhase(jdn)[0];
  const moonS = MOON_SCORES[PHASE_NAMES.indexOf(phase)] ?? 0.5;
  const dayN = digitalRoot(year + month + day);
  const planet = PLANETS[weekdayFromJdn(jdn)]!;
  return {
    moon: { name: "moon_phase", value: phase, score: moonS, note: text.timing.moon(phase, moonS) },
    date: {
      name: "day_number",
      value: String(dayN),
      score: numberScore(dayN, 0.9, 0.7, 0.5),
      note: text.timing.day(dayN, MASTER_NUMBERS.has(dayN)),
    },
    weekday: { name: "weekday", value: planet, score: WEEKDAY_SCORES[weekdayFromJdn(jdn)]!, note: text.timing.weekday(planet) },
  };
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function mean(factors: readonly TimingFactor[]): number {
  return round4(factors.reduce((s, f) => s + f.score, 0) / factors.length);
}

/** Day-level factors this strong are named among an hour's reasons. */
const STRONG = 0.8;

export function computeTiming(req: TimingRequest): TimingAlignment {
  const { year, month, day } = req.at;
  const text = readingsTextFor(req.locale);
  const { moon, date, weekday } = dayFactors(year, month, day, text);
  const factors = [moon, date, hourFactor(req.at.hour ?? DEFAULT_HOUR, text), weekday];
  const score = mean(factors);
  const strongDay = [moon, date, weekday].filter((f) => f.score >= STRONG).map((f) => f.note);

  const hours: BestHour[] = [];
  for (let h = 0; h < 24; h++) {
    const hf = hourFactor(h, text);
    const s = mean([moon, date, hf, weekday]);
    hours.push({ hour: h, score: s, quality: qualityOf(s), reasons: [hf.note, ...strongDay] });
  }
  hours.sort((a, b) => b.score - a.score || a.hour - b.hour);
  const count = req.best_hours || DEFAULT_BEST_HOURS;

  return { alignment_score: score, quality: qualityOf(score), moon_phase: moon.value, factors, best_hours: hours.slice(0, count) };
}
