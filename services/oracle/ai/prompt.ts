/**
 * What the model is told. The system prompt sets the voice and the answer's format; the user
 * prompt lays out the reading's numbers as plain labelled lines, so the model interprets the
 * engine's results rather than inventing its own.
 */
import { DEFAULT_LOCALE, LOCALE_LANGUAGES } from "../../contract";
import { isMomentReading } from "../readings/moment-reading";
import type { FullReading, GroupAnalysis, Locale, MomentReading, PairCompatibility, ReadingType } from "../readings/types";
import { marker, SECTION_KEYS } from "./sections";

export const SYSTEM_PROMPT = [
  "You interpret numerology readings for NPS, an app that combines the FC60 base-60 time stamp,",
  "Pythagorean, Chaldean and Abjad numerology, the moon's phase and the Chinese sexagenary cycle.",
  "Speak warmly and plainly to the person, in the language the prompt names (English unless it says",
  "otherwise). Ground every statement in the numbers you are",
  "given; present them as patterns to reflect on, never as certain predictions. Give no medical, legal",
  "or financial instructions.",
  "",
  "Answer in these sections, each opened by its marker line exactly as written, in this order:",
  ...SECTION_KEYS.map((k) => marker(k)),
  "Leave out a section only when the reading gives nothing for it.",
].join("\n");

export interface ReadingPromptInput {
  readonly type: ReadingType;
  readonly reading: FullReading | MomentReading;
  /** Lines about the reading type itself (the question and its number, the name, the day's insights). */
  readonly context?: readonly string[];
  readonly inquiry?: Readonly<Record<string, string>> | null;
  /** The language to answer in; default English. */
  readonly locale?: Locale | null;
}

/** The language line: only a locale other than the default changes what the model is asked. */
function languageLines(locale: Locale | null | undefined): string[] {
  return locale && locale !== DEFAULT_LOCALE ? [`ANSWER IN: ${LOCALE_LANGUAGES[locale]} (the section markers stay as written)`] : [];
}

function inquiryLines(inquiry: Readonly<Record<string, string>> | null | undefined): string[] {
  if (!inquiry) return [];
  const entries = Object.entries(inquiry);
  if (entries.length === 0) return [];
  return ["WHAT THE PERSON TOLD US", ...entries.map(([k, v]) => `${k.replace(/_/g, " ")}: ${v}`), ""];
}

/** The person's own lines: who, and the numbers drawn from their name and birth date. */
function personLines(r: FullReading): string[] {
  const n = r.numerology;
  const lines = [
    `Person: ${r.person.name}, born ${r.person.birthdate} (${r.person.age_years} years)`,
    `Life path ${n.life_path.number} (${n.life_path.title}: ${n.life_path.message})`,
    `Expression ${n.expression}, soul urge ${n.soul_urge}, personality ${n.personality}`,
    `Personal year ${n.personal_year}, month ${n.personal_month}, day ${n.personal_day}`,
    `Polarity: ${n.gender_polarity.label}`,
  ];
  if (n.mother_influence !== undefined) lines.push(`Mother's influence: ${n.mother_influence}`);
  lines.push(`Heartbeat: ${r.heartbeat.bpm} BPM (${r.heartbeat.bpm_source}), ${r.heartbeat.element}`);
  if (r.location) lines.push(`Place: ${r.location.lat_hemisphere}/${r.location.lon_hemisphere}, ${r.location.element}`);
  return lines;
}

/** The numbers of one reading as labelled lines; a reading of the moment alone says what it lacks. */
export function readingLines(r: FullReading | MomentReading): string[] {
  const lines = isMomentReading(r)
    ? [`No profile and no birth date: there is no life path, personal number or heartbeat to speak of (left out: ${r.left_out.join(", ")})`]
    : personLines(r);
  lines.push(
    `Moment: ${r.fc60_stamp.iso}, ${r.current.weekday} ruled by ${r.current.planet} (${r.current.domain})`,
    `FC60 stamp: ${r.fc60_stamp.fc60}  checksum ${r.fc60_stamp.chk}`,
    `Moon: ${r.moon.phase_name} ${r.moon.emoji}, ${r.moon.illumination}% lit, energy ${r.moon.energy}; best for ${r.moon.best_for}; avoid ${r.moon.avoid}`,
    `Year: ${r.ganzhi.year.traditional_name} (${r.ganzhi.year.polarity}); day: ${r.ganzhi.day.element} ${r.ganzhi.day.animal_name}` +
      (r.ganzhi.hour ? `; hour: ${r.ganzhi.hour.animal_name}` : ""),
  );
  for (const p of r.patterns.detected) lines.push(`Pattern (${p.strength}): ${p.message}`);
  lines.push(`Confidence: ${r.confidence.score}% (${r.confidence.level})`);
  return lines;
}

export function readingPrompt(input: ReadingPromptInput): string {
  return [
    `READING TYPE: ${input.type}`,
    ...languageLines(input.locale),
    ...(input.context ?? []),
    "",
    ...inquiryLines(input.inquiry),
    "THE NUMBERS",
    ...readingLines(input.reading),
    "",
    "THE ENGINE'S OWN READING (for reference; say it in your own words)",
    input.reading.translation.full_text,
  ].join("\n");
}

export interface MultiPromptInput {
  readonly readings: readonly FullReading[];
  readonly pairs: readonly PairCompatibility[];
  readonly group: GroupAnalysis | null;
  readonly inquiry?: Readonly<Record<string, string>> | null;
  readonly locale?: Locale | null;
}

export function multiPrompt(input: MultiPromptInput): string {
  const parts = ["READING TYPE: multi", ...languageLines(input.locale), `MEMBERS: ${input.readings.length}`, "", ...inquiryLines(input.inquiry)];
  input.readings.forEach((r, i) => parts.push(`MEMBER ${i + 1}`, ...readingLines(r), ""));
  parts.push("PAIRS");
  for (const p of input.pairs) {
    const d = p.dimensions;
    parts.push(
      `${p.a_name} and ${p.b_name}: ${p.percentage}% (${p.classification}); life path ${d.life_path}, element ${d.element}, animal ${d.animal}, moon ${d.moon}, patterns ${d.patterns}`,
    );
  }
  if (input.group) {
    const g = input.group;
    parts.push("", `GROUP: harmony ${g.harmony_percentage}% (${g.classification}); dominant element ${g.dominant_element}, dominant animal ${g.dominant_animal}`, g.summary);
  }
  parts.push("", "Tell each member's part briefly, then how they meet as pairs and as a group.");
  return parts.join("\n");
}
