/**
 * The Oracle's requests and results. Field names are the contract's (services/contract), the same
 * as the REST API's and proto/oracle.proto's, so a request reads the same from the API's edge to the
 * engine, and a result is the same object whether it was computed in-process or travelled over gRPC.
 * A reading is the engine's own structure (FullReading), untouched.
 */
import type { CalendarDate, Gender, Locale, NumerologySystem, NumerologySystemChoice, OracleProfile, QuestionCategory, ReadingType, Script } from "../../contract";
import type { ChartName, FullReading, LocalMoment, Translation } from "../engine";

export type { CalendarDate, FullReading, Gender, Locale, LocalMoment, NumerologySystem, NumerologySystemChoice, OracleProfile, QuestionCategory, ReadingType, Script, Translation };
export { GENDERS, QUESTION_CATEGORIES, READING_TYPES, SCRIPTS } from "../../contract";

/**
 * A reading of the moment alone: a name or question reading asked without a profile has no birth
 * date, so nothing drawn from one (./moment-reading.ts). `left_out` names what is missing.
 */
export type MomentReading = Omit<FullReading, "person" | "birth" | "numerology" | "heartbeat" | "location"> & { left_out: string[] };

/** The language a result is told in: any request may name it; default "en". */
export interface Told {
  locale?: Locale | null;
}

/** What a reading request may ask besides its numbers: the language, and an AI interpretation. */
export interface Telling extends Told {
  /** Ask for the AI interpretation; default false. */
  include_ai?: boolean | null;
  /** What the person told us, for the interpretation. */
  inquiry_context?: Record<string, string> | null;
}

/** The reading told in sections: by the AI model when ai_generated, otherwise the engine's own text. */
export interface Interpretation {
  ai_generated: boolean;
  /** The model that wrote it; "" when ai_generated is false. */
  model: string;
  cached: boolean;
  sections: Translation;
}

// ── time ──

export interface TimeReadingRequest extends Telling {
  profile: OracleProfile;
  at: LocalMoment;
}

export interface TimeReadingResult {
  reading: FullReading;
  /** null unless the request asked for one. */
  interpretation: Interpretation | null;
}

// ── daily ──

export interface DailyReadingRequest extends Telling {
  profile: OracleProfile;
  date: CalendarDate;
}

export interface DailyInsights {
  suggested_activities: string[];
  energy_forecast: string;
  lucky_hours: number[];
  focus_area: string;
  element_of_day: string;
}

export interface DailyReadingResult {
  /** YYYY-MM-DD */
  date: string;
  reading: FullReading;
  insights: DailyInsights;
  interpretation: Interpretation | null;
}

// ── name ──

export interface NameReadingRequest extends Telling {
  name: string;
  numerology_system?: NumerologySystemChoice | null;
  /** Whose reading surrounds the name; absent: the moment alone, with no birth date. */
  profile?: OracleProfile | null;
  at: LocalMoment;
}

export interface LetterValue {
  letter: string;
  value: number;
  /** Fire, Earth, Metal, Water or Wood by value; "" for a letter worth 0. */
  element: string;
}

export interface NameReadingResult {
  name: string;
  detected_script: Script;
  /** The letters counted: the name as written, or its Latin transliteration, and the route taken. */
  name_read: ChartName;
  numerology_system: NumerologySystem;
  expression: number;
  soul_urge: number;
  personality: number;
  /** The profile's; null without one (there is no birth date to take it from). */
  life_path: number | null;
  letters: LetterValue[];
  reading: FullReading | MomentReading;
  interpretation: Interpretation | null;
}

// ── question ──

export interface QuestionReadingRequest extends Telling {
  question: string;
  /** The system for the question's number; default "auto" (by the question's script). */
  numerology_system?: NumerologySystemChoice | null;
  /** Absent: detected from the question's words. */
  category?: QuestionCategory | null;
  profile?: OracleProfile | null;
  at: LocalMoment;
}

export interface QuestionReadingResult {
  question: string;
  question_number: number;
  is_master_number: boolean;
  raw_letter_sum: number;
  /** The letters counted: the question as written, or its Latin transliteration, and the route taken. */
  question_read: ChartName;
  detected_script: Script;
  numerology_system: NumerologySystem;
  category: QuestionCategory;
  category_detected: boolean;
  /** The asker's reading; the moment alone without a profile. */
  reading: FullReading | MomentReading;
  interpretation: Interpretation | null;
}

// ── multi ──

export interface MultiReadingRequest extends Telling {
  profiles: OracleProfile[];
  at: LocalMoment;
}

export const COMPATIBILITY_CLASSES = ["excellent", "good", "mixed", "challenging"] as const;
export type CompatibilityClass = (typeof COMPATIBILITY_CLASSES)[number];

export interface CompatibilityDimensions {
  life_path: number;
  element: number;
  animal: number;
  moon: number;
  patterns: number;
}

export type Dimension = keyof CompatibilityDimensions;

export interface PairCompatibility {
  a_index: number;
  b_index: number;
  a_name: string;
  b_name: string;
  score: number;
  percentage: number;
  classification: CompatibilityClass;
  dimensions: CompatibilityDimensions;
  strengths: Dimension[];
  challenges: Dimension[];
  description: string;
}

export interface GroupAnalysis {
  harmony_score: number;
  harmony_percentage: number;
  classification: CompatibilityClass;
  element_balance: Record<string, number>;
  animal_distribution: Record<string, number>;
  dominant_element: string;
  dominant_animal: string;
  summary: string;
}

export interface MultiReadingResult {
  readings: FullReading[];
  pairs: PairCompatibility[];
  /** Only for three profiles or more. */
  group: GroupAnalysis | null;
  interpretation: Interpretation | null;
}

// ── timing ──

export interface TimingRequest extends Told {
  /** Without an hour, 12:00 is taken. */
  at: LocalMoment;
  /** How many hours to list, 1..24; default 5. */
  best_hours?: number | null;
}

export const TIMING_QUALITIES = ["poor", "fair", "good", "excellent"] as const;
export type TimingQuality = (typeof TIMING_QUALITIES)[number];

export const TIMING_FACTORS = ["moon_phase", "day_number", "hour_number", "weekday"] as const;
export type TimingFactorName = (typeof TIMING_FACTORS)[number];

export interface TimingFactor {
  name: TimingFactorName;
  value: string;
  score: number;
  note: string;
}

export interface BestHour {
  hour: number;
  score: number;
  quality: TimingQuality;
  reasons: string[];
}

export interface TimingAlignment {
  alignment_score: number;
  quality: TimingQuality;
  moon_phase: string;
  factors: TimingFactor[];
  best_hours: BestHour[];
}

// ── stamp check ──

/** Why a stamp could not have been written by the encoder; the words are the locale's. */
export type StampProblem =
  | { kind: "parts" | "date_shape" | "half" | "hour" | "time_shape" }
  | { kind: "weekday" | "month" | "token"; token: string }
  | { kind: "day"; day: number; month: number };

export interface StampCheckRequest extends Told {
  stamp: string;
}

export interface StampToken {
  token: string;
  value: number;
  animal_name: string;
  element_name: string;
}

export interface StampTime {
  half: "AM" | "PM";
  hour: number;
  hour_animal: string;
  minute: StampToken;
  second: StampToken;
}

export interface DecodedStamp {
  weekday_token: string;
  weekday_name: string;
  month_token: string;
  month: number;
  month_animal: string;
  day: StampToken;
  time: StampTime | null;
}

export interface StampCheck {
  valid: boolean;
  stamp: string;
  /** Why it is not valid; "" when valid. */
  error: string;
  decoded: DecodedStamp | null;
}
