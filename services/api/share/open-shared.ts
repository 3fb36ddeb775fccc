import { hashToken } from "../../lib/crypto/tokens";
import { SYSTEM_VIEWER } from "../../lib/db/paging";
import type { SharedPart } from "../../lib/db/repositories/share-links";
import type { ApiDeps } from "../deps";
import { gone, notFound } from "../http/errors";
import { iso } from "../oracle/fields";
import { sharedView, type SharedReading } from "./shared-view";

/** A share token as issued: 32 random bytes, base64url. */
export const SHARE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface OpenedShare {
  readonly reading: SharedReading;
  readonly shared_parts: SharedPart[];
  readonly view_count: number;
  readonly expires_at: string;
}

/**
 * What a share token opens, for GET /api/share/:token and the page at /share/:token: counts a
 * view, then the reading cut to the parts its owner chose. Expired: 410; unknown, revoked or the
 * reading deleted: 404.
 */
export async function openSharedReading(deps: ApiDeps, token: string): Promise<OpenedShare> {
  const opened = await deps.repos.shareLinks.open(hashToken(token));
  if (opened.status === "expired") throw gone("this share link has expired");
  if (opened.status !== "ok") throw notFound("share link");
  const { link } = opened;
  const reading = await deps.repos.readings.get(link.readingId, SYSTEM_VIEWER);
  if (!reading) throw notFound("share link");
  // Read even when the profile is not shared: the view needs to know what to leave out.
  const profiles = await deps.repos.profiles.getMany(reading.profileIds, SYSTEM_VIEWER);
  return { reading: sharedView(reading, link.sharedParts, profiles), shared_parts: link.sharedParts, view_count: link.viewCount, expires_at: iso(link.expiresAt) };
}
