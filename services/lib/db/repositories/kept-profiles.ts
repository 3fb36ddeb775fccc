import { KeptCopies } from "../../cache/kept-copies";
import type { Viewer } from "../paging";
import { onProfileChange, OracleProfilesRepository, type Profile } from "./oracle-profiles";

/**
 * How long this process keeps a profile once read. Every reading of a stored profile reads it
 * first; an update or delete made in this process drops the copy at once, one made by another
 * replica is seen here within this time, so a reading asked for on this replica up to this long
 * after an edit elsewhere is computed from the profile as it was just before (as if asked a moment
 * earlier). The same window as an account's settings (api/settings/kept-settings.ts).
 */
export const PROFILE_KEPT_MS = 1_000;

const MAX_KEPT_PROFILES = 10_000;

/** Whose copy: the owner's own, or the one every viewer who sees all shares (they read the same row). */
const SEES_ALL = "*";
const keyOf = (id: string, whose: string): string => `${id} ${whose}`;
const whoseCopy = (viewer: Viewer): string => (viewer.seesAll ? SEES_ALL : viewer.userId);

/**
 * The profiles repository with get() kept PROFILE_KEPT_MS per profile and viewer. A copy is kept
 * only of a profile found, so it sits under its owner's key (or the see-all key) and nobody else's:
 * another owner asking reads the database and finds nothing, as before.
 */
export class KeptProfilesRepository extends OracleProfilesRepository {
  private readonly copies = new KeptCopies<Profile | null>({ ttlMs: PROFILE_KEPT_MS, maxEntries: MAX_KEPT_PROFILES, keep: (p) => p !== null });

  constructor(...args: ConstructorParameters<typeof OracleProfilesRepository>) {
    super(...args);
    // Held weakly: a repository set that is dropped (one per test, say) stops listening at the next change.
    const copies = new WeakRef(this.copies);
    const stop = onProfileChange(({ id, ownerId }) => {
      const kept = copies.deref();
      if (!kept) return void stop();
      kept.invalidate(keyOf(id, ownerId));
      kept.invalidate(keyOf(id, SEES_ALL));
    });
  }

  // A frozen copy: callers share it, and none may change what the next one reads.
  override get(id: string, viewer: Viewer, options: { includeDeleted?: boolean } = {}): Promise<Profile | null> {
    if (options.includeDeleted) return super.get(id, viewer, options);
    return this.copies.get(keyOf(id, whoseCopy(viewer)), async () => {
      const profile = await super.get(id, viewer);
      return profile && Object.freeze(profile);
    });
  }
}
