-- The audit log: append-only. Actors are recorded by id and name without a foreign key, so
-- the history outlives the accounts it mentions; a trigger refuses UPDATE, DELETE and TRUNCATE.

-- Up Migration

CREATE TABLE oracle_audit_log (
  id             bigint      GENERATED ALWAYS AS IDENTITY,
  occurred_at    timestamptz NOT NULL DEFAULT now(),
  actor_id       uuid,
  actor_username text,
  api_key_id     uuid,
  action         text        NOT NULL,
  resource_type  text,
  resource_id    text,
  success        boolean     NOT NULL,
  ip_address     inet,
  severity       text        NOT NULL DEFAULT 'info',
  details        jsonb       NOT NULL DEFAULT '{}',
  CONSTRAINT oracle_audit_log_pkey PRIMARY KEY (id),
  CONSTRAINT oracle_audit_log_action_check CHECK (action ~ '^[a-z0-9_.:-]{1,100}$'),
  CONSTRAINT oracle_audit_log_resource_type_check CHECK (char_length(resource_type) <= 100),
  CONSTRAINT oracle_audit_log_resource_id_check CHECK (char_length(resource_id) <= 200),
  CONSTRAINT oracle_audit_log_severity_check CHECK (severity IN ('debug', 'info', 'warning', 'error', 'critical')),
  CONSTRAINT oracle_audit_log_details_check CHECK (jsonb_typeof(details) = 'object')
);
CREATE INDEX oracle_audit_log_occurred_idx ON oracle_audit_log (occurred_at DESC);
CREATE INDEX oracle_audit_log_action_idx ON oracle_audit_log (action, occurred_at DESC);
CREATE INDEX oracle_audit_log_actor_idx ON oracle_audit_log (actor_id, occurred_at DESC);
CREATE INDEX oracle_audit_log_resource_idx ON oracle_audit_log (resource_type, resource_id);
CREATE INDEX oracle_audit_log_failures_idx ON oracle_audit_log (occurred_at DESC) WHERE NOT success;

CREATE FUNCTION nps_audit_log_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'oracle_audit_log is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER oracle_audit_log_append_only BEFORE UPDATE OR DELETE ON oracle_audit_log
  FOR EACH ROW EXECUTE FUNCTION nps_audit_log_append_only();
CREATE TRIGGER oracle_audit_log_no_truncate BEFORE TRUNCATE ON oracle_audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION nps_audit_log_append_only();

-- Down Migration

DROP TABLE oracle_audit_log;
DROP FUNCTION nps_audit_log_append_only();
