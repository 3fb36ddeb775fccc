/** Runs `nps chart`: reads the clock once, computes, prints text or JSON. */
import { CliError } from "../../cli-error";
import { InvalidInputError } from "../../lib/errors";
import type { CalendarDate } from "../engine";
import { computeChartCompatibility, computeChartReading, validateChart, validateChartCompatibility } from "../readings/chart-reading";
import { formatChart, formatCompatibility } from "./chart-format";
import { parseDate } from "./reading-options";

export interface ChartOptions {
  name?: string;
  birth?: string;
  at?: string;
  system?: string;
  locale?: string;
  withName?: string;
  withBirth?: string;
  json?: boolean;
}

/** Request fields -> the options that gave them. */
const OPTION_OF: ReadonlyArray<readonly [RegExp, string]> = [
  [/^b\.name$/, "--with-name"],
  [/^b\.birth_date/, "--with-birth"],
  [/^(a\.)?name$/, "--name"],
  [/^(a\.)?birth_date/, "--birth"],
  [/numerology_system$/, "--system"],
  [/^locale$/, "--locale"],
  [/^at/, "--at"],
];

function asOption(err: InvalidInputError): CliError {
  const option = OPTION_OF.find(([re]) => re.test(err.field))?.[1] ?? err.field;
  return new CliError(`${option}: ${err.reason}`, 2);
}

function required(option: string, value: string | undefined, what: string): string {
  if (value === undefined || value.trim() === "") throw new CliError(`${option}: ${what} is required`, 2);
  return value;
}

export function runChart(opts: ChartOptions, out: (s: string) => void, now: Date): void {
  const name = required("--name", opts.name, "a name");
  const birth = parseDate("--birth", required("--birth", opts.birth, "a birth date (YYYY-MM-DD)"));
  const at: CalendarDate = opts.at !== undefined ? parseDate("--at", opts.at) : { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  const system = opts.system?.trim() ?? null;
  if ((opts.withName === undefined) !== (opts.withBirth === undefined)) {
    throw new CliError(`${opts.withName === undefined ? "--with-name" : "--with-birth"}: give --with-name and --with-birth together`, 2);
  }
  try {
    if (opts.withName !== undefined) {
      const other = { name: opts.withName, birth_date: parseDate("--with-birth", opts.withBirth!), numerology_system: system };
      const result = computeChartCompatibility(validateChartCompatibility({ a: { name, birth_date: birth, numerology_system: system }, b: other, at }));
      out(opts.json ? JSON.stringify(result, null, 2) + "\n" : formatCompatibility(result));
      return;
    }
    const chart = computeChartReading(validateChart({ name, birth_date: birth, numerology_system: system, at, locale: opts.locale ?? null }));
    out(opts.json ? JSON.stringify(chart, null, 2) + "\n" : formatChart(chart));
  } catch (err) {
    throw err instanceof InvalidInputError ? asOption(err) : err;
  }
}
