/** The shapes the page reads from the REST API (see /openapi.json); only the fields it uses. */

export type ReadingType = "time" | "daily" | "name" | "question" | "multi" | "timing" | "stamp" | "chart";
export const READING_TYPES: readonly ReadingType[] = ["time", "daily", "name", "question", "multi", "timing", "stamp", "chart"];
export type System = "auto" | "pythagorean" | "chaldean" | "abjad";
export const SYSTEMS: readonly System[] = ["auto", "pythagorean", "chaldean", "abjad"];
export const CATEGORIES = ["love", "career", "health", "finance", "family", "spiritual", "general"] as const;
export type Role = "admin" | "moderator" | "user" | "readonly";
export type ElementName = "Wood" | "Fire" | "Earth" | "Metal" | "Water";
export const ELEMENTS: readonly ElementName[] = ["Wood", "Fire", "Earth", "Metal", "Water"];

export interface Me {
  id: string;
  username: string;
  role: Role;
  scopes: string[];
  password_change_required?: boolean;
}

export interface Profile {
  id: string;
  name: string;
  name_persian: string | null;
  birth_date: string;
  mother_name: string;
  mother_name_persian: string | null;
  gender: "male" | "female" | null;
  country: string | null;
  city: string | null;
  heart_rate_bpm: number | null;
  timezone_offset_minutes: number | null;
  timezone?: string | null;
  latitude: number | null;
  longitude: number | null;
  reading_count?: number;
}

export interface Interpretation {
  ai_generated: boolean;
  model: string;
  sections: Record<string, string>;
}

export interface Reading {
  id: string;
  reading_type: ReadingType;
  profile_id: string | null;
  profile_ids: string[];
  sign_value: string | null;
  numerology_system: string | null;
  locale: "en" | "fa";
  question: string | null;
  result: Record<string, unknown>;
  ai_interpretation: Interpretation | null;
  confidence_score: number | null;
  is_favorite: boolean;
  created_at: string;
}

export interface ReadingSummary extends Omit<Reading, "result" | "ai_interpretation"> {
  preview: string | null;
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  readings: T[];
}

export interface ShareLink {
  id: string;
  token: string;
  url: string;
  expires_at: string;
  shared_parts: string[];
}

export interface SharedReading {
  reading: Partial<Reading> & { reading_type: ReadingType; created_at: string; locale: "en" | "fa"; profiles?: { name: string; name_persian: string | null; birth_date: string }[] };
  shared_parts: string[];
  view_count: number;
  expires_at: string;
}

export interface Country {
  code: string;
  name: string;
  name_en: string;
  name_fa: string;
  timezone: string | null;
  timezones: string[];
  latitude: number | null;
  longitude: number | null;
}

export interface City {
  name: string;
  province: string;
  country_code: string;
  latitude: number;
  longitude: number;
  timezone: string;
  population: number;
}

export type Settings = Record<string, string | boolean | null>;
