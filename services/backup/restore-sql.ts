import type { BackupType } from "../lib/backup-kinds";
import { isSafeTableName } from "./backup-files";
import { quoteIdent } from "./database-facts";
import { AUDIT_TABLE, ORACLE_TABLES } from "./oracle-tables";

/**
 * The SQL psql runs around a dump to restore it atomically: one transaction that opens before
 * the dump's first statement and commits after a check of every table's row count, so a failure
 * anywhere (a bad statement, a wrong count, a killed psql or a lost connection) leaves the old
 * data. Pure text builders; restore.ts streams prelude + dump + postlude into psql.
 *
 * full: the public schema is dropped and created again, then the dump recreates everything.
 * oracle: the Oracle tables are emptied and refilled from a data-only dump. Foreign keys from
 * other tables into them are dropped for the load and added back after, applying their own ON
 * DELETE rule to rows whose target is gone; the append-only audit log is merged (the rows it
 * had, plus the backup's), never rewound.
 */

export interface RestoreSqlOptions {
  readonly type: BackupType;
  /** The row counts the sidecar promises, checked before COMMIT. */
  readonly rowCounts: Readonly<Record<string, number>>;
  /** Scratch databases only: drop the Oracle tables' keys into tables a scratch copy leaves empty. */
  readonly scratch?: boolean;
}

const LOCK_TIMEOUT = "'30s'";

function table(name: string): string {
  if (!isSafeTableName(name)) throw new Error(`unsafe table name ${name}`);
  return `public.${quoteIdent(name)}`;
}

export function restorePrelude(o: RestoreSqlOptions): string {
  // An empty search_path, as the dump's own: every name below is qualified, and so are the
  // constraint definitions saved here to be replayed after the dump.
  const lines = ["BEGIN;", `SET LOCAL lock_timeout = ${LOCK_TIMEOUT};`, "SET LOCAL search_path = '';"];
  if (o.type === "full") {
    lines.push(
      "DROP SCHEMA IF EXISTS public CASCADE;",
      "CREATE SCHEMA public;",
      // The defaults PostgreSQL 15 gives a new database's public schema.
      "DO $nps$ BEGIN IF pg_has_role(current_user, 'pg_database_owner', 'MEMBER') THEN ALTER SCHEMA public OWNER TO pg_database_owner; END IF; END $nps$;",
      "GRANT USAGE ON SCHEMA public TO PUBLIC;",
      "COMMENT ON SCHEMA public IS 'standard public schema';",
    );
    return `${lines.join("\n")}\n`;
  }
  const all = ORACLE_TABLES.map(table);
  const regclasses = `ARRAY[${ORACLE_TABLES.map((t) => `'${table(t)}'::regclass`).join(", ")}]`;
  lines.push(
    `LOCK TABLE ${all.join(", ")} IN ACCESS EXCLUSIVE MODE;`,
    `CREATE TEMP TABLE nps_restore_audit ON COMMIT DROP AS SELECT * FROM ${table(AUDIT_TABLE)};`,
    // Keys from the other tables into the Oracle tables, to drop now and add back after the load.
    `CREATE TEMP TABLE nps_restore_fks ON COMMIT DROP AS
  SELECT format('%I.%I', n.nspname, r.relname) AS tbl, c.conname, pg_get_constraintdef(c.oid) AS def,
         c.confdeltype, c.conrelid, c.conkey, c.confrelid, c.confkey
  FROM pg_constraint c JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
  WHERE c.contype = 'f' AND c.confrelid = ANY (${regclasses}) AND NOT c.conrelid = ANY (${regclasses});`,
    `DO $nps$ DECLARE f record; BEGIN
  FOR f IN SELECT * FROM pg_temp.nps_restore_fks LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', f.tbl, f.conname);
  END LOOP;
END $nps$;`,
  );
  if (o.scratch) {
    lines.push(`DO $nps$ DECLARE f record; BEGIN
  FOR f IN SELECT c.conrelid::regclass::text AS tbl, c.conname FROM pg_constraint c
           WHERE c.contype = 'f' AND c.conrelid = ANY (${regclasses}) AND NOT c.confrelid = ANY (${regclasses}) LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', f.tbl, f.conname);
  END LOOP;
END $nps$;`);
  }
  lines.push(
    `ALTER TABLE ${table(AUDIT_TABLE)} DISABLE TRIGGER USER;`,
    `TRUNCATE ${all.join(", ")};`,
    `ALTER TABLE ${table(AUDIT_TABLE)} ENABLE TRIGGER USER;`,
  );
  return `${lines.join("\n")}\n`;
}

export function restorePostlude(o: RestoreSqlOptions): string {
  const lines: string[] = [];
  if (o.type === "oracle") {
    const audit = table(AUDIT_TABLE);
    lines.push(
      `INSERT INTO ${audit} OVERRIDING SYSTEM VALUE SELECT k.* FROM pg_temp.nps_restore_audit k WHERE NOT EXISTS (SELECT 1 FROM ${audit} a WHERE a.id = k.id);`,
      `SELECT pg_catalog.setval(pg_catalog.pg_get_serial_sequence('${audit}', 'id'), COALESCE((SELECT max(id) FROM ${audit}), 1), (SELECT count(*) > 0 FROM ${audit}));`,
      `DO $nps$
DECLARE f record; cols text; refcols text; nulls text; orphan text;
BEGIN
  FOR f IN SELECT * FROM pg_temp.nps_restore_fks LOOP
    SELECT string_agg(format('t.%I', a.attname), ', ' ORDER BY k.i), string_agg('NULL', ', ')
      INTO cols, nulls
      FROM unnest(f.conkey) WITH ORDINALITY AS k(attnum, i) JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.attnum;
    SELECT string_agg(format('r.%I', a.attname), ', ' ORDER BY k.i)
      INTO refcols
      FROM unnest(f.confkey) WITH ORDINALITY AS k(attnum, i) JOIN pg_attribute a ON a.attrelid = f.confrelid AND a.attnum = k.attnum;
    orphan := format('ROW(%s) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM %s r WHERE ROW(%s) = ROW(%s))', cols, f.confrelid::regclass, refcols, cols);
    IF f.confdeltype = 'n' THEN
      EXECUTE format('UPDATE %s t SET (%s) = ROW(%s) WHERE %s', f.tbl, replace(cols, 't.', ''), nulls, orphan);
    ELSIF f.confdeltype = 'c' THEN
      EXECUTE format('DELETE FROM %s t WHERE %s', f.tbl, orphan);
    END IF;
    EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', f.tbl, f.conname, f.def);
  END LOOP;
END $nps$;`,
    );
  }
  const checks = Object.entries(o.rowCounts).map(([name, expected]) => {
    if (!Number.isSafeInteger(expected) || expected < 0) throw new Error(`bad row count for ${name}`);
    // The audit log keeps the rows it had besides the backup's, so it may hold more.
    const merged = o.type === "oracle" && name === AUDIT_TABLE;
    const bad = merged ? `n < ${expected}` : `n <> ${expected}`;
    return `  SELECT count(*) INTO n FROM ${table(name)};
  IF ${bad} THEN RAISE EXCEPTION 'nps-restore: % holds % rows after the restore, the backup holds ${expected}', '${name}', n; END IF;`;
  });
  lines.push(`DO $nps$ DECLARE n bigint; BEGIN\n${checks.join("\n")}\nEND $nps$;`, "COMMIT;");
  return `${lines.join("\n")}\n`;
}
