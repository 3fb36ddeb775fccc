-- Profiles keep an IANA time zone beside their UTC offset. The offset of a moment comes from the
-- zone at that moment (daylight saving included); profiles made before keep their offsets as they are.

-- Up Migration

ALTER TABLE oracle_users ADD COLUMN timezone text;
ALTER TABLE oracle_users ADD CONSTRAINT oracle_users_timezone_check
  CHECK (char_length(timezone) BETWEEN 1 AND 64 AND timezone ~ '^[A-Za-z][A-Za-z0-9_+/-]*$');

-- The first administrator's password is printed once at first start; the account must choose its own.
ALTER TABLE users ADD COLUMN password_change_required boolean NOT NULL DEFAULT false;

-- Down Migration

ALTER TABLE users DROP COLUMN password_change_required;
ALTER TABLE oracle_users DROP CONSTRAINT oracle_users_timezone_check;
ALTER TABLE oracle_users DROP COLUMN timezone;
