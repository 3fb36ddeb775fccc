-- Per-account settings (a fixed list of keys), Telegram chat links with their one-time link
-- codes, and each chat's daily delivery preferences.

-- Up Migration

CREATE TABLE user_settings (
  user_id       uuid        NOT NULL,
  setting_key   text        NOT NULL,
  setting_value text        NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT user_settings_pkey PRIMARY KEY (user_id, setting_key),
  CONSTRAINT user_settings_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT user_settings_setting_key_check CHECK (setting_key IN (
    'locale', 'language', 'theme', 'default_reading_type', 'timezone', 'numerology_system',
    'auto_daily', 'notifications_enabled', 'daily_delivery_time', 'reading_history_visible',
    'share_enabled', 'dark_mode', 'font_size', 'sound_enabled')),
  CONSTRAINT user_settings_setting_value_check CHECK (char_length(setting_value) <= 500)
);
CREATE TRIGGER user_settings_touch_updated_at BEFORE UPDATE ON user_settings
  FOR EACH ROW EXECUTE FUNCTION nps_touch_updated_at();

-- A chat linked to an account. Relinking a chat moves it to the new account.
CREATE TABLE telegram_links (
  chat_id           bigint      NOT NULL,
  user_id           uuid        NOT NULL,
  telegram_username text,
  is_active         boolean     NOT NULL DEFAULT true,
  linked_at         timestamptz NOT NULL DEFAULT now(),
  last_active_at    timestamptz,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT telegram_links_pkey PRIMARY KEY (chat_id),
  CONSTRAINT telegram_links_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT telegram_links_telegram_username_check CHECK (char_length(telegram_username) <= 64)
);
CREATE INDEX telegram_links_user_idx ON telegram_links (user_id) WHERE is_active;
CREATE TRIGGER telegram_links_touch_updated_at BEFORE UPDATE ON telegram_links
  FOR EACH ROW EXECUTE FUNCTION nps_touch_updated_at();

-- One-time codes an account hands to the bot to link a chat; only a SHA-256 is kept.
CREATE TABLE telegram_link_codes (
  code_hash       bytea       NOT NULL,
  user_id         uuid        NOT NULL,
  expires_at      timestamptz NOT NULL,
  used_at         timestamptz,
  used_by_chat_id bigint,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT telegram_link_codes_pkey PRIMARY KEY (code_hash),
  CONSTRAINT telegram_link_codes_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT telegram_link_codes_code_hash_check CHECK (octet_length(code_hash) = 32),
  CONSTRAINT telegram_link_codes_expires_at_check CHECK (expires_at > created_at)
);
CREATE INDEX telegram_link_codes_user_idx ON telegram_link_codes (user_id);
CREATE INDEX telegram_link_codes_expires_at_idx ON telegram_link_codes (expires_at);

CREATE TABLE telegram_daily_preferences (
  chat_id                 bigint      NOT NULL,
  daily_enabled           boolean     NOT NULL DEFAULT false,
  delivery_time           time        NOT NULL DEFAULT '08:00',
  timezone_offset_minutes smallint    NOT NULL DEFAULT 0,
  profile_id              uuid,
  last_delivered_date     date,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT telegram_daily_preferences_pkey PRIMARY KEY (chat_id),
  CONSTRAINT telegram_daily_preferences_chat_id_fkey FOREIGN KEY (chat_id) REFERENCES telegram_links (chat_id) ON DELETE CASCADE,
  CONSTRAINT telegram_daily_preferences_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES oracle_users (id) ON DELETE SET NULL,
  CONSTRAINT telegram_daily_preferences_timezone_offset_minutes_check CHECK (timezone_offset_minutes BETWEEN -720 AND 840)
);
CREATE INDEX telegram_daily_preferences_enabled_idx ON telegram_daily_preferences (delivery_time) WHERE daily_enabled;
CREATE INDEX telegram_daily_preferences_profile_idx ON telegram_daily_preferences (profile_id);
CREATE TRIGGER telegram_daily_preferences_touch_updated_at BEFORE UPDATE ON telegram_daily_preferences
  FOR EACH ROW EXECUTE FUNCTION nps_touch_updated_at();

-- Down Migration

DROP TABLE telegram_daily_preferences;
DROP TABLE telegram_link_codes;
DROP TABLE telegram_links;
DROP TABLE user_settings;
