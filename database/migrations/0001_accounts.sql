-- Accounts: the people who sign in, their API keys and their refresh tokens.
-- Every constraint is named: services/lib/db/constraint-errors.ts turns each name into a
-- message that names the offending field.

-- Up Migration

CREATE EXTENSION IF NOT EXISTS citext;

-- Keeps updated_at honest whatever code path writes the row.
CREATE FUNCTION nps_touch_updated_at() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TABLE users (
  id                  uuid        NOT NULL DEFAULT gen_random_uuid(),
  username            citext      NOT NULL,
  password_hash       text        NOT NULL,
  role                text        NOT NULL DEFAULT 'user',
  is_active           boolean     NOT NULL DEFAULT true,
  failed_attempts     integer     NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  last_login_at       timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT users_username_key UNIQUE (username),
  CONSTRAINT users_username_check CHECK (username ~ '^[A-Za-z0-9_.-]{3,100}$'),
  CONSTRAINT users_role_check CHECK (role IN ('admin', 'moderator', 'user', 'readonly')),
  CONSTRAINT users_password_hash_check CHECK (password_hash LIKE '$argon2id$%'),
  CONSTRAINT users_failed_attempts_check CHECK (failed_attempts >= 0)
);
CREATE INDEX users_role_idx ON users (role, is_active);
CREATE INDEX users_created_at_idx ON users (created_at DESC);
CREATE TRIGGER users_touch_updated_at BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION nps_touch_updated_at();

-- Only a SHA-256 of each key is kept; the key itself is shown once, at creation.
CREATE TABLE api_keys (
  id           uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id      uuid        NOT NULL,
  name         text        NOT NULL,
  key_prefix   text        NOT NULL,
  key_hash     bytea       NOT NULL,
  scopes       text[]      NOT NULL DEFAULT '{}',
  expires_at   timestamptz,
  last_used_at timestamptz,
  revoked_at   timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT api_keys_pkey PRIMARY KEY (id),
  CONSTRAINT api_keys_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash),
  CONSTRAINT api_keys_name_check CHECK (char_length(name) BETWEEN 1 AND 100),
  CONSTRAINT api_keys_key_hash_check CHECK (octet_length(key_hash) = 32),
  CONSTRAINT api_keys_scopes_check CHECK (scopes <@ ARRAY['oracle:read', 'oracle:write', 'oracle:admin', 'admin']::text[]),
  CONSTRAINT api_keys_expires_at_check CHECK (expires_at IS NULL OR expires_at > created_at)
);
CREATE INDEX api_keys_user_id_idx ON api_keys (user_id, created_at DESC);

-- Refresh tokens rotate within a family; presenting a used token revokes the whole family.
CREATE TABLE refresh_tokens (
  id          uuid        NOT NULL DEFAULT gen_random_uuid(),
  user_id     uuid        NOT NULL,
  family_id   uuid        NOT NULL,
  token_hash  bytea       NOT NULL,
  issued_at   timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  revoked_at  timestamptz,
  replaced_by uuid,
  CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id),
  CONSTRAINT refresh_tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT refresh_tokens_replaced_by_fkey FOREIGN KEY (replaced_by) REFERENCES refresh_tokens (id) ON DELETE SET NULL,
  CONSTRAINT refresh_tokens_token_hash_key UNIQUE (token_hash),
  CONSTRAINT refresh_tokens_token_hash_check CHECK (octet_length(token_hash) = 32),
  CONSTRAINT refresh_tokens_expires_at_check CHECK (expires_at > issued_at)
);
CREATE INDEX refresh_tokens_family_id_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_id_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_expires_at_idx ON refresh_tokens (expires_at);
CREATE INDEX refresh_tokens_replaced_by_idx ON refresh_tokens (replaced_by);

-- Down Migration

DROP TABLE refresh_tokens;
DROP TABLE api_keys;
DROP TABLE users;
DROP FUNCTION nps_touch_updated_at();
DROP EXTENSION IF EXISTS citext;
