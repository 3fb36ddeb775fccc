import type { FieldCipher, FieldLocation } from "../crypto/field-cipher";
import { DecryptionError } from "../crypto/field-cipher";
import { sealJson } from "../crypto/sealed-json";
import type { Database, Queryable } from "./database";
import { searchColumns } from "./reading-search";

/**
 * Re-encrypts every encrypted field under the current key: mother names of profiles, and the
 * question, AI text, sealed parts of input/result and the private search tokens of readings.
 * Values written by an older key (NPS_PREVIOUS_ENCRYPTION_KEY), by the earlier ENC4 format, or
 * as plaintext while encryption was off are all rewritten; values already under the current
 * key are left alone.
 *
 * Safe to stop at any moment and run again: rows are taken in id order in batches, each batch
 * rewritten in its own transaction with its rows locked, and because every stored value names
 * the key that wrote it, a second run simply skips what the first finished. A value that no
 * configured key opens is never overwritten: it is reported in `failures`.
 */

export interface RotationProgress {
  readonly table: string;
  readonly scanned: number;
  readonly total: number;
  readonly rewritten: number;
}

export interface RotationFailure {
  readonly table: string;
  readonly id: string;
  readonly reason: string;
}

export interface RotationResult {
  readonly scanned: number;
  readonly rewritten: number;
  readonly interrupted: boolean;
  readonly failures: RotationFailure[];
}

export interface RotationOptions {
  readonly batchSize?: number;
  /** Stops after the batch in progress. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RotationProgress) => void;
  /** Runs inside each batch's transaction after its writes, before the commit (a crash there loses nothing). */
  readonly beforeCommit?: (batch: { table: string; ids: string[] }) => Promise<void> | void;
}

export class RotationError extends Error {
  override readonly name = "RotationError";
}

const ZERO_UUID = "00000000-0000-0000-0000-000000000000";
const ROTATION_LOCK = "nps:encryption-rotate";

interface TablePass<R extends { id: string }> {
  readonly table: string;
  select(tx: Queryable, after: string, limit: number): Promise<R[]>;
  /** Rewrites one row when needed; true when it was written. */
  rewrite(tx: Queryable, row: R): Promise<boolean>;
}

function reencrypt(cipher: FieldCipher, value: string | null, at: FieldLocation): { value: string | null; plain: string | null; changed: boolean } {
  if (value === null) return { value: null, plain: null, changed: false };
  const plain = cipher.decrypt(value, at);
  if (cipher.isCurrent(value)) return { value, plain, changed: false };
  return { value: cipher.encrypt(plain, at), plain, changed: true };
}

function profilesPass(cipher: FieldCipher): TablePass<{ id: string; mother_name: string; mother_name_persian: string | null }> {
  const at = (id: string, column: string) => ({ table: "oracle_users", column, rowId: id });
  return {
    table: "oracle_users",
    async select(tx, after, limit) {
      const { rows } = await tx.query<{ id: string; mother_name: string; mother_name_persian: string | null }>(
        `SELECT id, mother_name, mother_name_persian FROM oracle_users WHERE id > $1 ORDER BY id LIMIT $2 FOR UPDATE`,
        [after, limit],
      );
      return rows;
    },
    async rewrite(tx, row) {
      const mother = reencrypt(cipher, row.mother_name, at(row.id, "mother_name"));
      const persian = reencrypt(cipher, row.mother_name_persian, at(row.id, "mother_name_persian"));
      if (!mother.changed && !persian.changed) return false;
      await tx.query(`UPDATE oracle_users SET mother_name = $2, mother_name_persian = $3 WHERE id = $1`, [row.id, mother.value, persian.value]);
      return true;
    },
  };
}

interface ReadingRotationRow {
  id: string;
  question: string | null;
  ai_interpretation: string | null;
  input: Record<string, unknown>;
  result: Record<string, unknown>;
  profiles: { id: string; m: string; mp: string | null }[];
}

function readingsPass(cipher: FieldCipher): TablePass<ReadingRotationRow> {
  const at = (id: string, column: string) => ({ table: "oracle_readings", column, rowId: id });
  return {
    table: "oracle_readings",
    async select(tx, after, limit) {
      const { rows } = await tx.query<ReadingRotationRow>(
        `SELECT r.id, r.question, r.ai_interpretation, r.input, r.result,
                (SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'm', p.mother_name, 'mp', p.mother_name_persian)), '[]'::jsonb)
                   FROM oracle_users p
                  WHERE p.id = r.profile_id OR p.id IN (SELECT ru.profile_id FROM oracle_reading_users ru WHERE ru.reading_id = r.id)) AS profiles
           FROM oracle_readings r WHERE r.id > $1 ORDER BY r.id LIMIT $2 FOR UPDATE OF r`,
        [after, limit],
      );
      return rows;
    },
    async rewrite(tx, row) {
      const question = reencrypt(cipher, row.question, at(row.id, "question"));
      const ai = reencrypt(cipher, row.ai_interpretation, at(row.id, "ai_interpretation"));
      const secrets = [question.plain, ai.plain];
      for (const p of row.profiles) {
        const profileAt = (column: string) => ({ table: "oracle_users", column, rowId: p.id });
        secrets.push(cipher.decrypt(p.m, profileAt("mother_name")), cipher.decryptNullable(p.mp, profileAt("mother_name_persian")));
      }
      const known = secrets.filter((s): s is string => s !== null);
      const input = sealJson(row.input, cipher, at(row.id, "input"), known);
      const result = sealJson(row.result, cipher, at(row.id, "result"), known);
      const textChanged = question.changed || ai.changed;
      if (!textChanged && !input.changed && !result.changed) return false;
      const blind = searchColumns({ publicText: [], privateText: [question.plain, ai.plain] }, cipher).blind;
      await tx.query(
        `UPDATE oracle_readings
            SET question = $2, ai_interpretation = $3, input = $4, result = $5,
                search_blind = CASE WHEN $7 THEN array_to_tsvector($6::text[]) ELSE search_blind END
          WHERE id = $1`,
        [row.id, question.value, ai.value, input.value, result.value, blind, textChanged],
      );
      return true;
    },
  };
}

async function countRows(db: Database, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return rows[0]!.n;
}

export async function rotateEncryption(db: Database, cipher: FieldCipher, options: RotationOptions = {}): Promise<RotationResult> {
  if (!cipher.encrypting) throw new RotationError("encryption is off (ENCRYPTION_ENABLED=false or no NPS_ENCRYPTION_KEY): there is no key to rotate to");
  const batchSize = options.batchSize ?? 200;
  const lock = await db.connect();
  try {
    const { rows } = await lock.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS ok", [ROTATION_LOCK]);
    if (!rows[0]?.ok) throw new RotationError("another key rotation is running against this database");
    try {
      const failures: RotationFailure[] = [];
      let scanned = 0;
      let rewritten = 0;
      const passes: TablePass<{ id: string }>[] = [profilesPass(cipher), readingsPass(cipher)] as TablePass<{ id: string }>[];
      for (const pass of passes) {
        const total = await countRows(db, pass.table);
        let tableScanned = 0;
        let tableRewritten = 0;
        let after = ZERO_UUID;
        options.onProgress?.({ table: pass.table, scanned: 0, total, rewritten: 0 });
        for (;;) {
          if (options.signal?.aborted) return { scanned, rewritten, interrupted: true, failures };
          const batch = await db.transaction(async (tx) => {
            const rows = await pass.select(tx, after, batchSize);
            let written = 0;
            for (const row of rows) {
              try {
                if (await pass.rewrite(tx, row)) written++;
              } catch (err) {
                if (!(err instanceof DecryptionError)) throw err;
                failures.push({ table: pass.table, id: row.id, reason: err.message });
              }
            }
            if (rows.length > 0) await options.beforeCommit?.({ table: pass.table, ids: rows.map((r) => r.id) });
            return { count: rows.length, written, last: rows.at(-1)?.id };
          });
          if (batch.count === 0 || batch.last === undefined) break;
          after = batch.last;
          tableScanned += batch.count;
          tableRewritten += batch.written;
          scanned += batch.count;
          rewritten += batch.written;
          options.onProgress?.({ table: pass.table, scanned: tableScanned, total: Math.max(total, tableScanned), rewritten: tableRewritten });
          if (batch.count < batchSize) break;
        }
      }
      return { scanned, rewritten, interrupted: false, failures };
    } finally {
      await lock.query("SELECT pg_advisory_unlock(hashtext($1))", [ROTATION_LOCK]);
    }
  } finally {
    lock.release();
  }
}
