import type { FieldCipher } from "../../crypto/field-cipher";
import type { Database, Queryable } from "../database";
import { ApiKeysRepository } from "./api-keys";
import { AuditLogRepository } from "./audit-log";
import { DailyReadingsRepository } from "./daily-readings";
import { FeedbackRepository } from "./feedback";
import { KeptProfilesRepository } from "./kept-profiles";
import { OracleProfilesRepository } from "./oracle-profiles";
import { platformStats, type PlatformStats } from "./platform-stats";
import { ReadingsRepository } from "./readings";
import { RefreshTokensRepository } from "./refresh-tokens";
import { SettingsRepository } from "./settings";
import { ShareLinksRepository } from "./share-links";
import { TelegramRepository } from "./telegram";
import { UsersRepository } from "./users";

/**
 * Every repository over one Queryable: the Database for ordinary work, or a transaction's `tx`
 * to group several writes (repositories are cheap objects; build a set per transaction):
 *
 *   const repos = createRepositories(db, cipher);
 *   await db.transaction(async (tx) => {
 *     const t = createRepositories(tx, cipher);
 *     const reading = await t.readings.create(...);
 *     await t.daily.record(profileId, date, reading.id);
 *   });
 *
 * The cipher comes from createFieldCipher(config.encryption, logger), made once at start.
 * Over the Database, readings created at about the same time are written in one statement
 * (ReadingsRepository's batchCreates), and a profile read is kept a second (KeptProfilesRepository);
 * inside a transaction every write is its own and every read reads.
 */
export interface Repositories {
  readonly users: UsersRepository;
  readonly apiKeys: ApiKeysRepository;
  readonly refreshTokens: RefreshTokensRepository;
  readonly profiles: OracleProfilesRepository;
  readonly readings: ReadingsRepository;
  readonly daily: DailyReadingsRepository;
  readonly shareLinks: ShareLinksRepository;
  readonly feedback: FeedbackRepository;
  readonly settings: SettingsRepository;
  readonly telegram: TelegramRepository;
  readonly audit: AuditLogRepository;
  platformStats(now?: Date): Promise<PlatformStats>;
}

/** A pool (rather than one transaction's connection): writes made together may share a statement there. */
function isPool(q: Queryable): q is Database {
  return typeof (q as Partial<Database>).transaction === "function";
}

export function createRepositories(q: Queryable, cipher: FieldCipher): Repositories {
  const pooled = isPool(q);
  return {
    users: new UsersRepository(q),
    apiKeys: new ApiKeysRepository(q),
    refreshTokens: new RefreshTokensRepository(q),
    // Every reading of a stored profile reads it: over the pool, a read is kept a moment (./kept-profiles.ts).
    profiles: pooled ? new KeptProfilesRepository(q, cipher) : new OracleProfilesRepository(q, cipher),
    // Inside a transaction a failed statement aborts it, so one reading's bad row could not be
    // retried alone there: batching is for the pool only.
    readings: new ReadingsRepository(q, cipher, { batchCreates: pooled }),
    daily: new DailyReadingsRepository(q),
    shareLinks: new ShareLinksRepository(q),
    feedback: new FeedbackRepository(q),
    settings: new SettingsRepository(q),
    telegram: new TelegramRepository(q),
    audit: new AuditLogRepository(q),
    platformStats: (now) => platformStats(q, now),
  };
}

export type { Viewer, Page, PageRequest } from "../paging";
export { SYSTEM_VIEWER } from "../paging";
export * from "./users";
export * from "./api-keys";
export * from "./refresh-tokens";
export * from "./oracle-profiles";
export * from "./readings";
export * from "./daily-readings";
export * from "./share-links";
export * from "./feedback";
export * from "./settings";
export * from "./telegram";
export * from "./audit-log";
export * from "./platform-stats";
