-- Oracle profiles: the people readings are about, each owned by one account.
-- mother_name and mother_name_persian hold ciphertext (nps1:...) whenever encryption is on.

-- Up Migration

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE oracle_users (
  id                      uuid             NOT NULL DEFAULT gen_random_uuid(),
  owner_id                uuid             NOT NULL,
  name                    text             NOT NULL,
  name_persian            text,
  birth_date              date             NOT NULL,
  mother_name             text             NOT NULL,
  mother_name_persian     text,
  gender                  text,
  country                 text,
  city                    text,
  heart_rate_bpm          smallint,
  timezone_offset_minutes smallint,
  latitude                double precision,
  longitude               double precision,
  created_at              timestamptz      NOT NULL DEFAULT now(),
  updated_at              timestamptz      NOT NULL DEFAULT now(),
  deleted_at              timestamptz,
  CONSTRAINT oracle_users_pkey PRIMARY KEY (id),
  CONSTRAINT oracle_users_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT oracle_users_name_check CHECK (char_length(btrim(name)) BETWEEN 2 AND 200),
  CONSTRAINT oracle_users_name_persian_check CHECK (char_length(name_persian) <= 200),
  CONSTRAINT oracle_users_birth_date_check CHECK (birth_date >= DATE '1900-01-01'),
  CONSTRAINT oracle_users_mother_name_check CHECK (mother_name <> ''),
  CONSTRAINT oracle_users_gender_check CHECK (gender IN ('male', 'female')),
  CONSTRAINT oracle_users_country_check CHECK (char_length(country) <= 100),
  CONSTRAINT oracle_users_city_check CHECK (char_length(city) <= 100),
  CONSTRAINT oracle_users_heart_rate_bpm_check CHECK (heart_rate_bpm BETWEEN 30 AND 220),
  CONSTRAINT oracle_users_timezone_offset_minutes_check CHECK (timezone_offset_minutes BETWEEN -720 AND 840),
  CONSTRAINT oracle_users_latitude_check CHECK (latitude BETWEEN -90 AND 90),
  CONSTRAINT oracle_users_longitude_check CHECK (longitude BETWEEN -180 AND 180),
  CONSTRAINT oracle_users_coordinates_check CHECK ((latitude IS NULL) = (longitude IS NULL))
);

-- One live profile per owner, name (case-insensitive) and birth date; deleted rows do not count.
CREATE UNIQUE INDEX oracle_users_owner_name_birth_date_key
  ON oracle_users (owner_id, lower(name), birth_date) WHERE deleted_at IS NULL;
CREATE INDEX oracle_users_owner_created_idx
  ON oracle_users (owner_id, created_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX oracle_users_created_idx
  ON oracle_users (created_at DESC) WHERE deleted_at IS NULL;
-- Substring search over names (the admin view searches every owner's profiles).
CREATE INDEX oracle_users_name_trgm_idx
  ON oracle_users USING gin (lower(name) gin_trgm_ops, lower(coalesce(name_persian, '')) gin_trgm_ops);
CREATE TRIGGER oracle_users_touch_updated_at BEFORE UPDATE ON oracle_users
  FOR EACH ROW EXECUTE FUNCTION nps_touch_updated_at();

-- Down Migration

DROP TABLE oracle_users;
DROP EXTENSION IF EXISTS pg_trgm;
