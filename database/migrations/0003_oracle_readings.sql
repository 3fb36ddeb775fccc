-- Readings and what hangs off them: the profiles of a multi reading, the daily reading of a
-- profile, share links and feedback.
-- question and ai_interpretation hold ciphertext whenever encryption is on, and so does every
-- copy of them (and of a mother's name) inside input and result. The search columns never see
-- ciphertext: search_terms holds public words (type, sign value, profile names); search_blind
-- holds keyed hashes of the private words, so questions are searchable without being readable.

-- Up Migration

CREATE TABLE oracle_readings (
  id                uuid             NOT NULL DEFAULT gen_random_uuid(),
  owner_id          uuid             NOT NULL,
  profile_id        uuid,
  reading_type      text             NOT NULL,
  sign_value        text,
  numerology_system text,
  locale            text             NOT NULL DEFAULT 'en',
  input             jsonb            NOT NULL DEFAULT '{}',
  result            jsonb            NOT NULL,
  question          text,
  ai_interpretation text,
  confidence_score  double precision,
  is_favorite       boolean          NOT NULL DEFAULT false,
  search_terms      tsvector         NOT NULL DEFAULT ''::tsvector,
  search_blind      tsvector         NOT NULL DEFAULT ''::tsvector,
  created_at        timestamptz      NOT NULL DEFAULT now(),
  updated_at        timestamptz      NOT NULL DEFAULT now(),
  deleted_at        timestamptz,
  CONSTRAINT oracle_readings_pkey PRIMARY KEY (id),
  CONSTRAINT oracle_readings_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT oracle_readings_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES oracle_users (id) ON DELETE SET NULL,
  CONSTRAINT oracle_readings_reading_type_check
    CHECK (reading_type IN ('time', 'name', 'question', 'daily', 'multi', 'timing', 'stamp')),
  CONSTRAINT oracle_readings_sign_value_check CHECK (char_length(sign_value) <= 200),
  CONSTRAINT oracle_readings_numerology_system_check
    CHECK (numerology_system IN ('pythagorean', 'chaldean', 'abjad')),
  CONSTRAINT oracle_readings_locale_check CHECK (locale IN ('en', 'fa')),
  CONSTRAINT oracle_readings_input_check CHECK (jsonb_typeof(input) = 'object'),
  CONSTRAINT oracle_readings_result_check CHECK (jsonb_typeof(result) = 'object'),
  CONSTRAINT oracle_readings_confidence_score_check CHECK (confidence_score BETWEEN 0 AND 100)
);
CREATE INDEX oracle_readings_owner_created_idx
  ON oracle_readings (owner_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX oracle_readings_owner_type_created_idx
  ON oracle_readings (owner_id, reading_type, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX oracle_readings_owner_favorite_idx
  ON oracle_readings (owner_id, created_at DESC) WHERE deleted_at IS NULL AND is_favorite;
CREATE INDEX oracle_readings_owner_confidence_idx
  ON oracle_readings (owner_id, confidence_score DESC) WHERE deleted_at IS NULL;
CREATE INDEX oracle_readings_created_idx
  ON oracle_readings (created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX oracle_readings_profile_idx
  ON oracle_readings (profile_id, created_at DESC);
CREATE INDEX oracle_readings_search_idx
  ON oracle_readings USING gin ((search_terms || search_blind));
CREATE TRIGGER oracle_readings_touch_updated_at BEFORE UPDATE ON oracle_readings
  FOR EACH ROW EXECUTE FUNCTION nps_touch_updated_at();

-- The profiles of a multi reading, in the order they were given.
CREATE TABLE oracle_reading_users (
  reading_id uuid     NOT NULL,
  profile_id uuid     NOT NULL,
  position   smallint NOT NULL,
  is_primary boolean  NOT NULL DEFAULT false,
  CONSTRAINT oracle_reading_users_pkey PRIMARY KEY (reading_id, profile_id),
  CONSTRAINT oracle_reading_users_reading_id_fkey FOREIGN KEY (reading_id) REFERENCES oracle_readings (id) ON DELETE CASCADE,
  CONSTRAINT oracle_reading_users_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES oracle_users (id) ON DELETE CASCADE,
  CONSTRAINT oracle_reading_users_position_key UNIQUE (reading_id, position),
  CONSTRAINT oracle_reading_users_position_check CHECK (position BETWEEN 0 AND 9)
);
CREATE UNIQUE INDEX oracle_reading_users_primary_key
  ON oracle_reading_users (reading_id) WHERE is_primary;
CREATE INDEX oracle_reading_users_profile_idx ON oracle_reading_users (profile_id);

-- One daily reading per profile and date; its content lives in oracle_readings.
CREATE TABLE oracle_daily_readings (
  profile_id   uuid        NOT NULL,
  reading_date date        NOT NULL,
  reading_id   uuid        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT oracle_daily_readings_pkey PRIMARY KEY (profile_id, reading_date),
  CONSTRAINT oracle_daily_readings_profile_id_fkey FOREIGN KEY (profile_id) REFERENCES oracle_users (id) ON DELETE CASCADE,
  CONSTRAINT oracle_daily_readings_reading_id_fkey FOREIGN KEY (reading_id) REFERENCES oracle_readings (id) ON DELETE CASCADE,
  CONSTRAINT oracle_daily_readings_reading_id_key UNIQUE (reading_id)
);

-- Share links: only a SHA-256 of the token is kept. shared_parts says what a visitor sees.
CREATE TABLE oracle_share_links (
  id             uuid        NOT NULL DEFAULT gen_random_uuid(),
  reading_id     uuid        NOT NULL,
  created_by     uuid        NOT NULL,
  token_hash     bytea       NOT NULL,
  shared_parts   text[]      NOT NULL DEFAULT ARRAY['result', 'interpretation']::text[],
  expires_at     timestamptz NOT NULL,
  view_count     integer     NOT NULL DEFAULT 0,
  last_viewed_at timestamptz,
  revoked_at     timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT oracle_share_links_pkey PRIMARY KEY (id),
  CONSTRAINT oracle_share_links_reading_id_fkey FOREIGN KEY (reading_id) REFERENCES oracle_readings (id) ON DELETE CASCADE,
  CONSTRAINT oracle_share_links_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT oracle_share_links_token_hash_key UNIQUE (token_hash),
  CONSTRAINT oracle_share_links_token_hash_check CHECK (octet_length(token_hash) = 32),
  CONSTRAINT oracle_share_links_shared_parts_check
    CHECK (shared_parts <@ ARRAY['result', 'interpretation', 'question', 'profile']::text[]),
  CONSTRAINT oracle_share_links_expires_at_check CHECK (expires_at > created_at),
  CONSTRAINT oracle_share_links_view_count_check CHECK (view_count >= 0)
);
CREATE INDEX oracle_share_links_reading_idx ON oracle_share_links (reading_id) WHERE revoked_at IS NULL;
CREATE INDEX oracle_share_links_created_by_idx ON oracle_share_links (created_by, created_at DESC);

-- One feedback per reading and account; section_feedback maps a section name to helpful or not.
CREATE TABLE oracle_reading_feedback (
  id               uuid        NOT NULL DEFAULT gen_random_uuid(),
  reading_id       uuid        NOT NULL,
  user_id          uuid        NOT NULL,
  rating           smallint    NOT NULL,
  section_feedback jsonb       NOT NULL DEFAULT '{}',
  text_feedback    text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT oracle_reading_feedback_pkey PRIMARY KEY (id),
  CONSTRAINT oracle_reading_feedback_reading_id_fkey FOREIGN KEY (reading_id) REFERENCES oracle_readings (id) ON DELETE CASCADE,
  CONSTRAINT oracle_reading_feedback_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT oracle_reading_feedback_reading_user_key UNIQUE (reading_id, user_id),
  CONSTRAINT oracle_reading_feedback_rating_check CHECK (rating BETWEEN 1 AND 5),
  CONSTRAINT oracle_reading_feedback_section_feedback_check CHECK (jsonb_typeof(section_feedback) = 'object'),
  CONSTRAINT oracle_reading_feedback_text_feedback_check CHECK (char_length(text_feedback) <= 1000)
);
CREATE INDEX oracle_reading_feedback_user_idx ON oracle_reading_feedback (user_id);
CREATE TRIGGER oracle_reading_feedback_touch_updated_at BEFORE UPDATE ON oracle_reading_feedback
  FOR EACH ROW EXECUTE FUNCTION nps_touch_updated_at();

-- Down Migration

DROP TABLE oracle_reading_feedback;
DROP TABLE oracle_share_links;
DROP TABLE oracle_daily_readings;
DROP TABLE oracle_reading_users;
DROP TABLE oracle_readings;
