/**
 * The shapes the engine returns. Keys are snake_case on purpose: the reference cases, the Oracle
 * service, the API and stored readings all share this one structure, so it never gets renamed
 * between layers.
 */
import type { ChartName } from "./chart/chart-types";

/** A wall-clock moment without a zone: only its fields are read, never the system clock. */
export interface NaiveDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** `FC60StampEngine.encode`: the public stamp fields plus the underscored fields later tiers read. */
export interface Fc60Stamp {
  fc60: string;
  iso: string;
  tz60: string;
  y60: string;
  y2k: string;
  j60: string;
  mjd60: string;
  rd60: string;
  u60: string;
  chk: string;
  _jdn: number;
  _weekday_index: number;
  _weekday_token: string;
  _weekday_name: string;
  _planet: string;
  _domain: string;
  /** "☀", "🌙", or "" for a date-only stamp. */
  _half_marker: string;
  _hour_animal: string;
  _minute_token: string;
  _month_animal: string;
  _dom_token: string;
}

export interface WeekdayInfo {
  index: number;
  token: string;
  name: string;
  planet: string;
  domain: string;
}

export interface LifePathInfo {
  number: number;
  title: string;
  message: string;
}

export interface GenderPolarity {
  gender: string | null;
  polarity: number;
  label: string;
}

/** `NumerologyEngine.complete_profile`; `mother_influence` exists only when a mother's name was given. */
export interface NumerologyProfile {
  life_path: LifePathInfo;
  expression: number;
  soul_urge: number;
  personality: number;
  personal_year: number;
  personal_month: number;
  personal_day: number;
  gender_polarity: GenderPolarity;
  mother_influence?: number;
}

export interface MoonInfo {
  phase_name: string;
  emoji: string;
  age: number;
  illumination: number;
  energy: string;
  best_for: string;
  avoid: string;
}

export interface GanzhiDayInfo {
  jdn: number;
  stem_index: number;
  branch_index: number;
  stem_token: string;
  branch_token: string;
  gz_token: string;
  stem_name: string;
  animal_name: string;
  element: string;
  polarity: string;
}

export interface GanzhiYearInfo extends Omit<GanzhiDayInfo, "jdn"> {
  year: number;
  traditional_name: string;
}

export interface GanzhiHourInfo {
  stem_token: string;
  branch_token: string;
  animal_name: string;
}

/** `hour` is present only when the reading was given a time of day. */
export interface GanzhiData {
  year: GanzhiYearInfo;
  day: GanzhiDayInfo;
  hour?: GanzhiHourInfo;
}

export interface HeartbeatProfile {
  age: number;
  bpm: number;
  bpm_source: "actual" | "estimated";
  beats_per_day: number;
  total_lifetime_beats: number;
  element: string;
  rhythm_token: string;
  life_pulse_signature: string;
}

export interface LocationSignature {
  latitude: number;
  longitude: number;
  element: string;
  timezone_estimate: number;
  lat_hemisphere: "N" | "S";
  lon_hemisphere: "E" | "W";
  lat_polarity: "Yang" | "Yin";
  lon_polarity: "Yang" | "Yin";
}

// ---- synthesis ----

export type SignalPriority = "Very High" | "High" | "Medium" | "Low-Medium" | "Low" | "Background";

export type SignalType = "animal_repetition" | "day_planet" | "moon_phase" | "dom_animal_element" | "hour_animal";

export interface Signal {
  type: string;
  priority: string;
  message: string;
}

export interface AnimalRepetition {
  animal: string;
  animal_name: string;
  count: number;
  priority: "Very High" | "High";
  trait: string;
  action: string;
}

export interface TimeContext {
  context: string;
  energy: string;
}

/** A planet-moon or life-path-year combination: `theme` is a fixed label, `message` is prose. */
export interface ThemedMessage {
  theme: string;
  message: string;
}

export interface HarmonyResult {
  type: "harmony" | "clash" | "resonance" | "neutral";
  meaning: string;
}

export interface CombinedSignals {
  primary_message: string;
  supporting_messages: string[];
  tensions: string[];
  recommended_actions: string[];
}

/** `ReadingEngine.generate_reading`. */
export interface SymbolicReading {
  opening: string;
  core_signal: string;
  day_energy: string;
  moon_context: string;
  personal_overlay: string;
  heartbeat_context: string;
  location_context: string;
  year_context: string;
  time_context: TimeContext;
  paradox: string | null;
  closing: string;
  signals: Signal[];
  animal_repetitions: AnimalRepetition[];
  confidence: number;
  animal_element_description: string;
  planet_moon_insight: string;
  lifepath_year_insight: string;
  /** `{}` when there was nothing to cross-reference. */
  planet_moon_insight_dict: ThemedMessage | Record<string, never>;
  lifepath_year_insight_dict: ThemedMessage | Record<string, never>;
  animals_collected: string[];
  combined_signals: CombinedSignals;
}

/** The nine sections of `UniverseTranslator.translate`, plus their concatenation. */
export interface Translation {
  header: string;
  universal_address: string;
  core_identity: string;
  foundation: string;
  right_now: string;
  patterns: string;
  message: string;
  advice: string;
  caution: string;
  footer: string;
  full_text: string;
}

export type TranslationSection = Exclude<keyof Translation, "full_text">;

export type DetectedPattern =
  | { type: "number_repetition"; number: number; occurrences: number; strength: "high" | "medium"; message: string }
  | { type: "master_number"; number: number; strength: "very_high"; message: string }
  | { type: "animal_repetition"; animal: string; occurrences: number; strength: "very_high" | "high"; message: string };

export interface Patterns {
  detected: DetectedPattern[];
  count: number;
}

export type ConfidenceLevel = "low" | "medium" | "high" | "very_high";

export interface Confidence {
  score: number;
  level: ConfidenceLevel;
  factors: string;
}

/** `MasterOrchestrator.generate_reading` in mode "full". */
export interface FullReading {
  person: {
    name: string;
    birthdate: string;
    age_years: number;
    age_days: number;
    /** Set by the Oracle's readings: the letters the name was counted by (its Latin form for another script) and the route. */
    name_read?: ChartName;
  };
  birth: { jdn: number; jdn_fc60: string; weekday: string; planet: string; year_fc60: string };
  current: {
    date: string;
    jdn: number;
    jdn_fc60: string;
    weekday: string;
    planet: string;
    domain: string;
    year_fc60: string;
  };
  numerology: NumerologyProfile;
  patterns: Patterns;
  confidence: Confidence;
  /** The translation's full text. */
  synthesis: string;
  fc60_stamp: Fc60Stamp;
  moon: MoonInfo;
  ganzhi: GanzhiData;
  heartbeat: HeartbeatProfile;
  location: LocationSignature | null;
  reading: SymbolicReading;
  translation: Translation;
}

/** `MasterOrchestrator.generate_reading` in mode "stamp_only". */
export interface StampOnlyReading {
  fc60_stamp: Fc60Stamp;
}
