import { z } from "zod";
import { notFound } from "../http/errors";
import { pagingQuery, queryBool } from "../http/query-fields";
import type { ApiRouter } from "../http/route-kit";
import { clearOwnerCache, READ, viewerOf, WRITE } from "./access";
import { profileIdParams, text } from "./fields";
import {
  ProfileCreateBody,
  ProfileListItemSchema,
  ProfilePatchBody,
  ProfileSchema,
  profileFieldsFrom,
  profileListItemView,
  profileView,
} from "./profile-schemas";

/**
 * Oracle profiles: the people readings are about. An owner reaches only their own; administrators
 * and moderators reach every owner's. Another owner's profile answers 404, as if it did not exist.
 */

const CACHE = { ttlSeconds: 60 } as const;

export function registerProfileRoutes(r: ApiRouter): void {
  r.route({
    method: "get",
    path: "/profiles",
    summary: "List profiles (your own; every owner's for administrators and moderators)",
    auth: READ,
    query: pagingQuery().extend({
      search: text(100).optional().meta({ description: "Part of the name or the Persian name" }),
      owner_id: z.uuid().optional().meta({ description: "Only this owner's (administrators and moderators)" }),
      include_deleted: queryBool.default(false),
      sort_by: z.enum(["created_at", "name", "birth_date", "updated_at"]).default("created_at"),
      sort_order: z.enum(["asc", "desc"]).default("desc"),
    }),
    response: z.object({ profiles: z.array(ProfileListItemSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
    cache: CACHE,
    handler: async ({ deps, principal, query }) => {
      const page = await deps.repos.profiles.list(viewerOf(principal), {
        search: query.search,
        ownerId: query.owner_id,
        includeDeleted: query.include_deleted,
        sortBy: query.sort_by,
        sortOrder: query.sort_order,
        limit: query.limit,
        offset: query.offset,
      });
      return { profiles: page.items.map(profileListItemView), total: page.total, limit: page.limit, offset: page.offset };
    },
  });

  r.route({
    method: "post",
    path: "/profiles",
    summary: "Create a profile (the mother's names are stored encrypted)",
    auth: WRITE,
    body: ProfileCreateBody,
    response: ProfileSchema,
    status: 201,
    errors: { 409: "You already have a profile with this name and birth date" },
    handler: async (ctx) => {
      const profile = await ctx.deps.repos.profiles.create(ctx.principal.userId, profileFieldsFrom(ctx.body));
      await ctx.audit({ action: "oracle_user.create", resourceType: "oracle_user", resourceId: profile.id });
      return profileView(profile);
    },
  });

  r.route({
    method: "get",
    path: "/profiles/:profile_id",
    summary: "Read one profile",
    auth: READ,
    params: profileIdParams,
    response: ProfileSchema,
    cache: CACHE,
    errors: { 404: "No such profile, or not yours" },
    handler: async ({ deps, principal, params }) => {
      const profile = await deps.repos.profiles.get(params.profile_id, viewerOf(principal));
      if (!profile) throw notFound("profile");
      return profileView(profile);
    },
  });

  r.route({
    method: "patch",
    path: "/profiles/:profile_id",
    summary: "Change some of a profile's fields (null clears an optional one)",
    auth: WRITE,
    params: profileIdParams,
    body: ProfilePatchBody,
    response: ProfileSchema,
    errors: { 404: "No such profile, or not yours", 409: "The owner already has a profile with this name and birth date" },
    handler: async (ctx) => {
      const updated = await ctx.deps.repos.profiles.update(ctx.params.profile_id, viewerOf(ctx.principal), profileFieldsFrom(ctx.body));
      if (!updated) throw notFound("profile");
      await clearOwnerCache(ctx, ctx.principal, updated.owner_id);
      await ctx.audit({ action: "oracle_user.update", resourceType: "oracle_user", resourceId: updated.id, details: { fields: Object.keys(ctx.body) } });
      return profileView(updated);
    },
  });

  r.route({
    method: "delete",
    path: "/profiles/:profile_id",
    summary: "Delete a profile (soft: its readings stay in their owner's history)",
    auth: WRITE,
    params: profileIdParams,
    status: 204,
    errors: { 404: "No such profile, or not yours" },
    handler: async (ctx) => {
      const deleted = await ctx.deps.repos.profiles.softDelete(ctx.params.profile_id, viewerOf(ctx.principal));
      if (!deleted) throw notFound("profile");
      await clearOwnerCache(ctx, ctx.principal, deleted.owner_id);
      await ctx.audit({ action: "oracle_user.delete", resourceType: "oracle_user", resourceId: deleted.id });
    },
  });
}
