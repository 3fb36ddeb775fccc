-- Statements that run longer than 30 s are cancelled. Set on the database, not sent by each
-- connection as a startup parameter, which PgBouncer refuses ("unsupported startup parameter");
-- a database default also holds for every server connection a transaction pool hands out.

-- Up Migration

DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET statement_timeout = %L', current_database(), '30s');
END
$$;

-- Down Migration

DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I RESET statement_timeout', current_database());
END
$$;
