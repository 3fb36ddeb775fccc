/** The terminal rendering of a reading: the translated sections, then the key numbers at a glance. */
import type { FullReading, NumerologySystem } from "../engine";

function row(label: string, value: string): string {
  return `  ${label.padEnd(15)}${value}`;
}

/** The numbers behind the prose, one per line. */
export function keyNumbers(r: FullReading, system: NumerologySystem): string {
  const n = r.numerology;
  const g = r.ganzhi;
  const hb = r.heartbeat;
  const lines = [
    "KEY NUMBERS",
    row("Life Path", `${n.life_path.number} (${n.life_path.title})`),
    row("Expression", String(n.expression)),
    row("Soul Urge", String(n.soul_urge)),
    row("Personality", String(n.personality)),
    row("Personal", `year ${n.personal_year}, month ${n.personal_month}, day ${n.personal_day}`),
  ];
  if (n.mother_influence !== undefined) lines.push(row("Mother's name", `expression ${n.mother_influence}`));
  lines.push(
    row("Polarity", n.gender_polarity.label),
    row("System", system),
    row("Born", `${r.person.birthdate}, a ${r.birth.weekday} (${r.birth.planet}); ${r.person.age_years} years, ${r.person.age_days.toLocaleString("en-US")} days`),
    row("FC60", `${r.fc60_stamp.fc60}  (check ${r.fc60_stamp.chk})`),
    row("Moment", `${r.fc60_stamp.iso}, ${r.current.weekday} (${r.current.planet})`),
    row("Moon", `${r.moon.emoji} ${r.moon.phase_name}, ${r.moon.age} days, ${r.moon.illumination}% lit`),
    row("Pillars", `year ${g.year.gz_token} ${g.year.traditional_name}, day ${g.day.gz_token}` + (g.hour ? `, hour ${g.hour.stem_token}-${g.hour.branch_token}` : "")),
    row("Heartbeat", `${hb.bpm} bpm (${hb.bpm_source}), ${hb.element}, ${hb.total_lifetime_beats.toLocaleString("en-US")} beats so far`),
  );
  if (r.location) {
    const l = r.location;
    lines.push(row("Location", `${l.latitude}, ${l.longitude}: ${l.element}, ${l.lat_hemisphere}/${l.lon_hemisphere}, about UTC${l.timezone_estimate >= 0 ? "+" : ""}${l.timezone_estimate}`));
  }
  lines.push(row("Confidence", `${r.confidence.score}% (${r.confidence.level})`));
  return lines.join("\n");
}

export function formatReading(r: FullReading, system: NumerologySystem): string {
  return `${r.translation.full_text}\n\n${keyNumbers(r, system)}`;
}
