/**
 * IANA time zones through the platform's own ICU data (Node ships the full tz database and keeps
 * it current with each release): whether a zone name is known, and its offset at an instant, so
 * daylight saving is part of every answer. Pure apart from reading that data.
 */

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = FORMATTERS.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    FORMATTERS.set(zone, f);
  }
  return f;
}

/** True for a zone name the tz database knows ("Asia/Tehran", "UTC"); offsets like "+03:30" are not zones. */
export function isTimeZone(zone: string): boolean {
  if (zone === "" || zone.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone)) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC that `zone` observes at `instant` (daylight saving included). */
export function offsetMinutesAt(zone: string, instant: Date): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(instant)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wall - whole) / 60_000);
}

/**
 * The offset in force in `zone` when its clocks show this local date and time. A wall time that
 * a spring-forward skips takes the offset from before the change; one that a fall-back repeats
 * takes the earlier (daylight) reading, as most calendars do.
 */
export function offsetMinutesAtLocal(zone: string, local: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number }): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour ?? 12, local.minute ?? 0, local.second ?? 0);
  const before = offsetMinutesAt(zone, new Date(wall - 36 * 3_600_000));
  const after = offsetMinutesAt(zone, new Date(wall + 36 * 3_600_000));
  const shows = (offset: number) => offsetMinutesAt(zone, new Date(wall - offset * 60_000)) === offset;
  const valid = [before, after].filter(shows);
  return valid.length === 0 ? before : Math.max(...valid);
}
