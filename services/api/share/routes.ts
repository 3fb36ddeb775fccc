import { z } from "zod";
import { hashToken, issueToken } from "../../lib/crypto/tokens";
import { SHARED_PARTS, type ShareLink } from "../../lib/db/repositories/share-links";
import { conflict, forbidden, notFound } from "../http/errors";
import type { ApiRouter, RouteModule } from "../http/route-kit";
import { READ, viewerOf, WRITE } from "../oracle/access";
import { iso, isoOrNull } from "../oracle/fields";
import { readSetting } from "../settings/setting-values";
import { openSharedReading, SHARE_TOKEN } from "./open-shared";
import { SharedReadingSchema } from "./shared-view";

/**
 * Share links: the owner of a reading makes an expiring link; anyone holding it reads the reading,
 * decrypted and cut down to the parts the owner chose. Only a hash of the token is stored, so the
 * token is shown once, at creation. Expired links answer 410; revoked ones 404.
 */

/** Active links one reading may have at a time. */
export const MAX_ACTIVE_LINKS = 10;
const TOKEN_BYTES = 32;

const tokenParams = z.object({ token: z.string().regex(SHARE_TOKEN, "not a share token") });
const partsField = z
  .array(z.enum(SHARED_PARTS, { message: `parts are ${SHARED_PARTS.join(", ")}` }))
  .min(1, "share at least one part")
  .refine((parts) => new Set(parts).size === parts.length, "each part once");

const LinkSchema = z
  .object({
    id: z.uuid(),
    reading_id: z.uuid(),
    shared_parts: z.array(z.enum(SHARED_PARTS)),
    expires_at: z.iso.datetime(),
    view_count: z.number().int(),
    last_viewed_at: z.iso.datetime().nullable(),
    revoked_at: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
    status: z.enum(["active", "expired", "revoked"]),
  })
  .meta({ id: "ShareLink" });

function linkView(l: ShareLink, now = new Date()): z.output<typeof LinkSchema> {
  return {
    id: l.id,
    reading_id: l.readingId,
    shared_parts: l.sharedParts,
    expires_at: iso(l.expiresAt),
    view_count: l.viewCount,
    last_viewed_at: isoOrNull(l.lastViewedAt),
    revoked_at: isoOrNull(l.revokedAt),
    created_at: iso(l.createdAt),
    status: l.revokedAt ? "revoked" : l.expiresAt <= now ? "expired" : "active",
  };
}

export const shareRoutes: RouteModule = {
  base: "/api/share",
  tag: "share",
  register(r: ApiRouter) {
    r.route({
      method: "post",
      path: "/",
      summary: "Share one of your readings: an expiring link (the token is shown only now)",
      auth: WRITE,
      body: z.strictObject({
        reading_id: z.uuid(),
        expires_in_days: z.number().int("expected a whole number of days").min(1).max(365).default(7),
        parts: partsField.default(["result", "interpretation"]).meta({ description: "What a visitor sees" }),
      }),
      response: LinkSchema.extend({ token: z.string(), url: z.string(), api_url: z.string() }),
      status: 201,
      errors: {
        403: "Sharing is turned off in your settings (share_enabled)",
        404: "No such reading, or not yours",
        409: `The reading already has ${MAX_ACTIVE_LINKS} active links`,
      },
      handler: async ({ deps, principal, body, audit }) => {
        // Only the owner shares: an administrator's wider view does not extend to publishing others' readings.
        const reading = await deps.repos.readings.get(body.reading_id, { userId: principal.userId, seesAll: false });
        if (!reading) throw notFound("reading");
        if ((await readSetting(deps.repos.settings, principal.userId, "share_enabled")) === false) throw forbidden("sharing is turned off in your settings (share_enabled)");
        if ((await deps.repos.shareLinks.countActiveForReading(reading.id)) >= MAX_ACTIVE_LINKS) {
          throw conflict(`a reading may have at most ${MAX_ACTIVE_LINKS} active links; revoke one first`, "reading_id");
        }
        const { token, hash } = issueToken("", TOKEN_BYTES);
        const link = await deps.repos.shareLinks.create({
          readingId: reading.id,
          createdBy: principal.userId,
          tokenHash: hash,
          expiresAt: new Date(Date.now() + body.expires_in_days * 86_400_000),
          sharedParts: body.parts,
        });
        await audit({ action: "share_link.create", resourceType: "share_link", resourceId: link.id, details: { reading_id: reading.id, parts: body.parts } });
        return { ...linkView(link), token, url: `/share/${token}`, api_url: `/api/share/${token}` };
      },
    });

    r.route({
      method: "get",
      path: "/links",
      summary: "Your share links (every owner's for administrators and moderators), with their view counts",
      auth: READ,
      query: z.object({ reading_id: z.uuid().optional() }),
      response: z.object({ links: z.array(LinkSchema) }),
      handler: async ({ deps, principal, query }) => {
        const links = query.reading_id
          ? await deps.repos.shareLinks.listForReading(query.reading_id, viewerOf(principal))
          : await deps.repos.shareLinks.listForUser(principal.userId);
        const now = new Date();
        return { links: links.map((l) => linkView(l, now)) };
      },
    });

    r.route({
      method: "delete",
      path: "/links/:link_id",
      summary: "Revoke a share link by its id",
      auth: WRITE,
      params: z.object({ link_id: z.uuid() }),
      status: 204,
      errors: { 404: "No such live link, or not yours" },
      handler: async ({ deps, principal, params, audit }) => {
        if (!(await deps.repos.shareLinks.revoke(params.link_id, viewerOf(principal)))) throw notFound("share link");
        await audit({ action: "share_link.revoke", resourceType: "share_link", resourceId: params.link_id });
      },
    });

    r.route({
      method: "get",
      path: "/:token",
      summary: "Read a shared reading (no sign-in): what its owner shared, decrypted; counts a view",
      auth: "public",
      params: tokenParams,
      response: z.object({ reading: SharedReadingSchema, shared_parts: z.array(z.enum(SHARED_PARTS)), view_count: z.number().int(), expires_at: z.iso.datetime() }),
      errors: { 404: "Unknown or revoked link, or the reading was deleted", 410: "The link has expired" },
      handler: async ({ deps, params, res }) => {
        const opened = await openSharedReading(deps, params.token);
        // A shared page is the owner's data: never kept by shared caches or indexed.
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Robots-Tag", "noindex");
        return opened;
      },
    });

    r.route({
      method: "delete",
      path: "/:token",
      summary: "Revoke a share link by its token",
      auth: WRITE,
      params: tokenParams,
      status: 204,
      errors: { 404: "No such live link, or not yours" },
      handler: async ({ deps, principal, params, audit }) => {
        if (!(await deps.repos.shareLinks.revokeByToken(hashToken(params.token), viewerOf(principal)))) throw notFound("share link");
        await audit({ action: "share_link.revoke", resourceType: "share_link" });
      },
    });
  },
};
