import { KeptCopies } from "../../lib/cache/kept-copies";
import { onSettingsChange, SettingsRepository, type SettingKey } from "../../lib/db/repositories/settings";

/**
 * How long this process keeps an account's settings once read. Every reading request reads them
 * (they fill what its body leaves out); a change made in this process drops the copy at once, one
 * made by another replica is seen within this time.
 */
export const SETTINGS_KEPT_MS = 1_000;

type Stored = Partial<Record<SettingKey, string>>;

/** The settings repository with its reads kept SETTINGS_KEPT_MS per account; `close()` stops following changes. */
export class KeptSettingsRepository extends SettingsRepository {
  private readonly copies = new KeptCopies<Readonly<Stored>>({ ttlMs: SETTINGS_KEPT_MS });
  private readonly stopListening = onSettingsChange((userId) => this.copies.invalidate(userId));

  // A frozen copy: callers share it, and none may change what the next one reads.
  override getAll(userId: string): Promise<Stored> {
    return this.copies.get(userId, async () => Object.freeze(await super.getAll(userId)));
  }

  close(): void {
    this.stopListening();
  }
}
