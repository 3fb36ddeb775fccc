/**
 * What each named constraint of the schema means to a user: the API field it concerns and a
 * sentence about it. Migrations name every constraint, and a test checks that each one in the
 * live schema has an entry here, so a new constraint cannot surface as a raw driver error.
 * Limits and lists are the contract's, which the constraints themselves hold (a test checks both).
 */
import { GENDERS, LIMITS, LOCALES, NUMEROLOGY_SYSTEMS, READING_TYPES, type Range } from "../../contract";

export interface ConstraintMeaning {
  readonly field: string;
  readonly message: string;
}

const c = (field: string, message: string): ConstraintMeaning => ({ field, message });
const between = (r: Range) => `must be between ${r.min} and ${r.max}`;
const atMost = (n: number) => `must be at most ${n} characters`;
const inList = (list: readonly string[]) => `must be ${list.slice(0, -1).join(", ")} or ${list.at(-1)}`;

export const CONSTRAINTS: Readonly<Record<string, ConstraintMeaning>> = {
  // users
  users_pkey: c("id", "an account with this id already exists"),
  users_username_key: c("username", "is already taken"),
  users_username_check: c("username", "must be 3 to 100 letters, digits, '_', '.' or '-'"),
  users_role_check: c("role", "must be admin, moderator, user or readonly"),
  users_password_hash_check: c("password", "must be stored as an argon2id hash"),
  users_failed_attempts_check: c("failed_attempts", "cannot be negative"),

  // api_keys
  api_keys_pkey: c("id", "an API key with this id already exists"),
  api_keys_user_id_fkey: c("user_id", "no such account"),
  api_keys_key_hash_key: c("key", "already exists"),
  api_keys_name_check: c("name", "must be 1 to 100 characters"),
  api_keys_key_hash_check: c("key", "must be stored as a SHA-256 hash"),
  api_keys_scopes_check: c("scopes", "may only contain oracle:read, oracle:write, oracle:admin and admin"),
  api_keys_expires_at_check: c("expires_at", "must be in the future"),

  // refresh_tokens
  refresh_tokens_pkey: c("id", "a refresh token with this id already exists"),
  refresh_tokens_user_id_fkey: c("user_id", "no such account"),
  refresh_tokens_replaced_by_fkey: c("replaced_by", "no such refresh token"),
  refresh_tokens_token_hash_key: c("refresh_token", "already exists"),
  refresh_tokens_token_hash_check: c("refresh_token", "must be stored as a SHA-256 hash"),
  refresh_tokens_expires_at_check: c("expires_at", "must be after the time of issue"),

  // oracle_users (profiles)
  oracle_users_pkey: c("id", "a profile with this id already exists"),
  oracle_users_owner_id_fkey: c("owner_id", "no such account"),
  oracle_users_owner_name_birth_date_key: c("name", "a profile with this name and birth date already exists"),
  oracle_users_name_check: c("name", `must be 2 to ${LIMITS.nameLength} characters`),
  oracle_users_name_persian_check: c("name_persian", atMost(LIMITS.nameLength)),
  oracle_users_birth_date_check: c("birth_date", `must be on or after ${LIMITS.earliestBirthDate}`),
  oracle_users_mother_name_check: c("mother_name", "must not be empty"),
  oracle_users_gender_check: c("gender", inList(GENDERS)),
  oracle_users_country_check: c("country", atMost(LIMITS.placeLength)),
  oracle_users_city_check: c("city", atMost(LIMITS.placeLength)),
  oracle_users_heart_rate_bpm_check: c("heart_rate_bpm", between(LIMITS.heartRateBpm)),
  oracle_users_timezone_offset_minutes_check: c("timezone_offset_minutes", `${between(LIMITS.timezoneOffsetMinutes)} (UTC-12 to UTC+14)`),
  oracle_users_timezone_check: c("timezone", "must be an IANA time zone name such as Asia/Tehran"),
  oracle_users_latitude_check: c("latitude", between(LIMITS.latitude)),
  oracle_users_longitude_check: c("longitude", between(LIMITS.longitude)),
  oracle_users_coordinates_check: c("latitude", "latitude and longitude go together: give both or neither"),

  // oracle_readings
  oracle_readings_pkey: c("id", "a reading with this id already exists"),
  oracle_readings_owner_id_fkey: c("owner_id", "no such account"),
  oracle_readings_profile_id_fkey: c("profile_id", "no such profile"),
  oracle_readings_reading_type_check: c("reading_type", inList(READING_TYPES)),
  oracle_readings_sign_value_check: c("sign_value", atMost(LIMITS.signValueLength)),
  oracle_readings_numerology_system_check: c("numerology_system", inList(NUMEROLOGY_SYSTEMS)),
  oracle_readings_locale_check: c("locale", inList(LOCALES)),
  oracle_readings_input_check: c("input", "must be an object"),
  oracle_readings_result_check: c("result", "must be an object"),
  oracle_readings_confidence_score_check: c("confidence_score", "must be between 0 and 100"),

  // oracle_reading_users
  oracle_reading_users_pkey: c("profile_ids", "a profile appears twice in the reading"),
  oracle_reading_users_reading_id_fkey: c("reading_id", "no such reading"),
  oracle_reading_users_profile_id_fkey: c("profile_ids", "no such profile"),
  oracle_reading_users_position_key: c("profile_ids", "two profiles share one position"),
  oracle_reading_users_position_check: c("profile_ids", "a reading has at most 10 profiles"),
  oracle_reading_users_primary_key: c("profile_ids", "a reading has one primary profile"),

  // oracle_daily_readings
  oracle_daily_readings_pkey: c("date", "this profile already has a daily reading for that date"),
  oracle_daily_readings_profile_id_fkey: c("profile_id", "no such profile"),
  oracle_daily_readings_reading_id_fkey: c("reading_id", "no such reading"),
  oracle_daily_readings_reading_id_key: c("reading_id", "is already the daily reading of another date"),

  // daily_reading_runs
  daily_reading_runs_pkey: c("date", "the daily readings of this date are already on record"),

  // oracle_share_links
  oracle_share_links_pkey: c("id", "a share link with this id already exists"),
  oracle_share_links_reading_id_fkey: c("reading_id", "no such reading"),
  oracle_share_links_created_by_fkey: c("created_by", "no such account"),
  oracle_share_links_token_hash_key: c("token", "already exists"),
  oracle_share_links_token_hash_check: c("token", "must be stored as a SHA-256 hash"),
  oracle_share_links_shared_parts_check: c("shared_parts", "may only contain result, interpretation, question and profile"),
  oracle_share_links_expires_at_check: c("expires_at", "must be in the future"),
  oracle_share_links_view_count_check: c("view_count", "cannot be negative"),

  // oracle_reading_feedback
  oracle_reading_feedback_pkey: c("id", "a feedback with this id already exists"),
  oracle_reading_feedback_reading_id_fkey: c("reading_id", "no such reading"),
  oracle_reading_feedback_user_id_fkey: c("user_id", "no such account"),
  oracle_reading_feedback_reading_user_key: c("reading_id", "you already left feedback on this reading"),
  oracle_reading_feedback_rating_check: c("rating", "must be a whole number from 1 to 5"),
  oracle_reading_feedback_section_feedback_check: c("section_feedback", "must map section names to true or false"),
  oracle_reading_feedback_text_feedback_check: c("text_feedback", "must be at most 1000 characters"),

  // user_settings
  user_settings_pkey: c("setting_key", "is already set"),
  user_settings_user_id_fkey: c("user_id", "no such account"),
  user_settings_setting_key_check: c("setting_key", "is not a known setting"),
  user_settings_setting_value_check: c("setting_value", "must be at most 500 characters"),

  // telegram
  telegram_links_pkey: c("chat_id", "this chat is already linked"),
  telegram_links_user_id_fkey: c("user_id", "no such account"),
  telegram_links_telegram_username_check: c("telegram_username", "must be at most 64 characters"),
  telegram_link_codes_pkey: c("code", "already exists"),
  telegram_link_codes_user_id_fkey: c("user_id", "no such account"),
  telegram_link_codes_code_hash_check: c("code", "must be stored as a SHA-256 hash"),
  telegram_link_codes_expires_at_check: c("expires_at", "must be in the future"),
  telegram_daily_preferences_pkey: c("chat_id", "already has daily preferences"),
  telegram_daily_preferences_chat_id_fkey: c("chat_id", "this chat is not linked"),
  telegram_daily_preferences_profile_id_fkey: c("profile_id", "no such profile"),
  telegram_daily_preferences_timezone_offset_minutes_check: c("timezone_offset_minutes", "must be between -720 and 840"),

  // oracle_audit_log
  oracle_audit_log_pkey: c("id", "an audit entry with this id already exists"),
  oracle_audit_log_action_check: c("action", "must be 1 to 100 lowercase letters, digits, '_', '.', ':' or '-'"),
  oracle_audit_log_resource_type_check: c("resource_type", "must be at most 100 characters"),
  oracle_audit_log_resource_id_check: c("resource_id", "must be at most 200 characters"),
  oracle_audit_log_severity_check: c("severity", "must be debug, info, warning, error or critical"),
  oracle_audit_log_details_check: c("details", "must be an object"),
};

export function describeConstraint(name: string | undefined): ConstraintMeaning | undefined {
  return name === undefined ? undefined : CONSTRAINTS[name];
}
