/**
 * The daily reading: the profile's reading at 12:00 local time of a date, plus the day's insights.
 */
import { hourGanzhi, yearGanzhi } from "../engine";
import { isoDate } from "./dates";
import { readingOf } from "./engine-call";
import { EN } from "./text/en";
import { readingsTextFor, type ReadingsText } from "./text";
import type { DailyInsights, DailyReadingRequest, FullReading } from "./types";

/** Noon: the neutral middle of the day the reading stands for. */
const DAILY_HOUR = 12;

type CoreNumber = keyof typeof EN.daily.focus;

function coreNumber(n: number): CoreNumber | undefined {
  return n in EN.daily.focus ? (n as CoreNumber) : undefined;
}

/** Hours of the day whose branch is the birth-year animal (two per day: one double-hour). */
export function luckyHours(birthYear: number, dayStemIndex: number): number[] {
  const birthBranch = yearGanzhi(birthYear)[1];
  const hours: number[] = [];
  for (let h = 0; h < 24; h++) if (hourGanzhi(h, dayStemIndex)[1] === birthBranch) hours.push(h);
  return hours;
}

export function dailyInsights(reading: FullReading, birthYear: number, text: ReadingsText = EN): DailyInsights {
  const { numerology, moon, current, ganzhi } = reading;
  const day = coreNumber(numerology.personal_day);
  const month = coreNumber(numerology.personal_month);
  return {
    suggested_activities: day !== undefined ? [...text.daily.activities[day]] : [],
    energy_forecast: text.daily.energyForecast(moon.phase_name, moon.energy, current.planet, current.domain),
    lucky_hours: luckyHours(birthYear, ganzhi.day.stem_index),
    focus_area: month !== undefined ? text.daily.focus[month] : "",
    element_of_day: ganzhi.day.element,
  };
}

export function computeDailyReading(req: DailyReadingRequest): { date: string; reading: FullReading; insights: DailyInsights } {
  const at = { ...req.date, hour: DAILY_HOUR, minute: 0, second: 0 };
  const reading = readingOf({ profile: req.profile, at, locale: req.locale, atPath: "date" });
  return { date: isoDate(req.date), reading, insights: dailyInsights(reading, req.profile.birth_date.year, readingsTextFor(req.locale)) };
}
