/**
 * The Oracle tables: what an `oracle` backup holds and an oracle restore replaces. Profiles,
 * readings and everything that hangs off them, and the audit log (which a restore merges rather
 * than rewinds: it is append-only). Accounts, settings and Telegram links stay out: an oracle
 * restore leaves them as they are. Listed parents first.
 */
export const ORACLE_TABLES = [
  "oracle_users",
  "oracle_readings",
  "oracle_reading_users",
  "oracle_daily_readings",
  "oracle_share_links",
  "oracle_reading_feedback",
  "oracle_audit_log",
] as const;

/** The append-only table: restored by adding back the rows it lacks, never by removing any. */
export const AUDIT_TABLE = "oracle_audit_log";
