/** Calendar helpers shared by validation and the reading types. */

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** YYYY-MM-DD */
export function isoDate(d: DateParts): string {
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

/** Whether day a comes after day b (times of day are not compared). */
export function isAfter(a: DateParts, b: DateParts): boolean {
  return a.year !== b.year ? a.year > b.year : a.month !== b.month ? a.month > b.month : a.day > b.day;
}
