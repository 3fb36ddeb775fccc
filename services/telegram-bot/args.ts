/**
 * The words after a command, checked. Each parser answers the value or null; the command then
 * answers a one-line usage that says what to type instead. Pure: no I/O, no clock.
 */

/** "/time@NpsBot 14:30" -> { name: "time", args: "14:30" }; null when the text is not a command. */
export function splitCommand(text: string): { name: string; args: string } | null {
  const m = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  return m ? { name: m[1]!.toLowerCase(), args: (m[2] ?? "").trim() } : null;
}

/** HH:MM, 00:00 to 23:59. */
export function parseClock(s: string): string | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(s);
  return m ? `${m[1]!.padStart(2, "0")}:${m[2]}` : null;
}

/** YYYY-MM-DD, a real calendar day. */
export function parseDate(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1 ? m[0] : null;
}

/** /time [HH:MM] [YYYY-MM-DD], in either order. */
export function parseTimeArgs(args: string): { time?: string; date?: string } | null {
  const out: { time?: string; date?: string } = {};
  for (const word of args.split(/\s+/).filter(Boolean)) {
    const time = parseClock(word);
    const date = parseDate(word);
    if (time && !out.time) out.time = time;
    else if (date && !out.date) out.date = date;
    else return null;
  }
  return out;
}

/**
 * /chart [NAME YYYY-MM-DD]: nothing (the first profile's chart), or a name in any script followed
 * by a birth date; null for anything else.
 */
export function parseChartArgs(args: string): { name?: string; birth_date?: string } | null {
  const words = args.split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  const birth = parseDate(words[words.length - 1]!);
  const name = words.slice(0, -1).join(" ");
  return birth && name ? { name, birth_date: birth } : null;
}

/** A UTC offset "+03:30", "-05:00", "+5" or "UTC+4" in minutes, within Telegram users' real range (-12:00 to +14:00). */
export function parseOffset(s: string): number | null {
  const m = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?([0-5]\d))?$/i.exec(s.trim());
  if (!m) return /^(?:UTC|GMT|Z|0)$/i.test(s.trim()) ? 0 : null;
  const minutes = (Number(m[2]) * 60 + Number(m[3] ?? 0)) * (m[1] === "-" ? -1 : 1);
  return minutes >= -720 && minutes <= 840 ? minutes : null;
}

/** Minutes as "+03:30". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** The names of /compare: separated by commas when there is one, else by spaces. */
export function splitNames(args: string): string[] {
  const parts = args.includes(",") || args.includes("،") ? args.split(/[,،]/) : args.split(/\s+/);
  return parts.map((p) => p.trim()).filter(Boolean);
}
