import { z } from "zod";
import { generatePassword, hashPassword } from "../../lib/crypto/passwords";
import type { UserRecord } from "../../lib/db/repositories/users";
import type { Principal } from "../auth/principal";
import { MODERATION_SCOPE, outranks, type Role } from "../auth/scopes";
import { passwordField, roleField, UserSchema, userView, usernameField, type UserView } from "../auth/schemas";
import { forbidden, notFound } from "../http/errors";
import type { ApiRouter, RequiredAuth, RouteModule } from "../http/route-kit";
import { pagingQuery, queryBool } from "../http/query-fields";

/**
 * Account management for administrators and moderators: the worked example of the route toolkit
 * (services/api/README.md). Nobody manages their own account here (that is /api/auth), and a
 * moderator manages only accounts below moderator and grants only roles below it.
 */

const MANAGERS: RequiredAuth = { roles: ["admin", "moderator"], scopes: [MODERATION_SCOPE] };

const userIdParams = z.object({ user_id: z.uuid() });

/** What every write on another account shares: who may call, which account, how it can fail. */
const ON_ACCOUNT = {
  auth: MANAGERS,
  params: userIdParams,
  errors: { 403: "Your own account, or one at or above your rank (or a role at or above it)", 404: "No such account" },
};

const UserWithCountSchema = UserSchema.extend({ reading_count: z.number().int() });

/** The target account, after the rules every write shares: it exists, it is not the caller, the caller outranks it. */
async function manageable(r: ApiRouter, actor: Principal, userId: string): Promise<UserRecord> {
  const target = await r.deps.repos.users.findById(userId);
  if (!target) throw notFound("user");
  if (target.id === actor.userId) throw forbidden("manage your own account through /api/auth");
  if (!outranks(actor.role, target.role)) throw forbidden(`a ${actor.role} cannot manage a ${target.role} account`);
  return target;
}

/** The account as it is now (after a write), or 404 if it vanished meanwhile. */
function viewOf(user: UserRecord | null): UserView {
  if (!user) throw notFound("user");
  return userView(user);
}

function assertMayGrant(actor: Principal, role: Role): void {
  if (!outranks(actor.role, role)) throw forbidden(`a ${actor.role} cannot grant the role ${role}`);
}

export const userRoutes: RouteModule = {
  base: "/api/users",
  tag: "users",
  register(r: ApiRouter) {
    r.route({
      method: "get",
      path: "/",
      summary: "List accounts",
      auth: MANAGERS,
      query: pagingQuery().extend({
        role: roleField.optional(),
        is_active: queryBool.optional(),
        search: z.string().max(100).optional(),
        sort_by: z.enum(["username", "role", "created_at", "last_login_at", "is_active"]).default("created_at"),
        sort_order: z.enum(["asc", "desc"]).default("desc"),
      }),
      response: z.object({ users: z.array(UserWithCountSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
      handler: async ({ deps, query }) => {
        const page = await deps.repos.users.list({
          role: query.role,
          isActive: query.is_active,
          search: query.search,
          sortBy: query.sort_by,
          sortOrder: query.sort_order,
          limit: query.limit,
          offset: query.offset,
        });
        return { users: page.items.map((u) => ({ ...userView(u), reading_count: u.readingCount })), total: page.total, limit: page.limit, offset: page.offset };
      },
    });

    r.route({
      method: "get",
      path: "/:user_id",
      summary: "Read one account",
      auth: MANAGERS,
      params: userIdParams,
      response: UserSchema,
      errors: { 404: "No such account" },
      handler: async ({ deps, params }) => {
        return viewOf(await deps.repos.users.findById(params.user_id));
      },
    });

    r.route({
      method: "patch",
      path: "/:user_id",
      summary: "Rename, activate or deactivate an account",
      ...ON_ACCOUNT,
      body: z
        .object({ username: usernameField.optional(), is_active: z.boolean().optional() })
        .refine((b) => b.username !== undefined || b.is_active !== undefined, { message: "give username or is_active" }),
      response: UserSchema,
      errors: { ...ON_ACCOUNT.errors, 409: "The username is taken" },
      handler: async (ctx) => {
        const target = await manageable(r, ctx.principal, ctx.params.user_id);
        const updated = await ctx.deps.repos.users.update(target.id, { username: ctx.body.username, isActive: ctx.body.is_active });
        if (ctx.body.is_active === false) await endEverySession(r, target.id);
        await ctx.audit({ action: "system_user.update", resourceType: "user", resourceId: target.id, details: { ...ctx.body } });
        return viewOf(updated);
      },
    });

    r.route({
      method: "delete",
      path: "/:user_id",
      summary: "Deactivate an account (its sessions end and its API keys stop working; the account and its data stay)",
      ...ON_ACCOUNT,
      response: UserSchema,
      handler: async (ctx) => {
        const target = await manageable(r, ctx.principal, ctx.params.user_id);
        const updated = await ctx.deps.repos.users.update(target.id, { isActive: false });
        await endEverySession(r, target.id);
        await ctx.audit({ action: "system_user.deactivate", resourceType: "user", resourceId: target.id });
        return viewOf(updated);
      },
    });

    r.route({
      method: "post",
      path: "/:user_id/reset-password",
      summary: "Set a new password (or generate one, returned once); clears any lockout and ends the account's sessions",
      ...ON_ACCOUNT,
      body: z.object({ new_password: passwordField.optional() }),
      response: z.object({ user: UserSchema, temporary_password: z.string().optional() }),
      handler: async (ctx) => {
        const target = await manageable(r, ctx.principal, ctx.params.user_id);
        const generated = ctx.body.new_password === undefined ? generatePassword() : undefined;
        const password = ctx.body.new_password ?? generated!;
        await ctx.deps.repos.users.setPassword(target.id, await hashPassword(password, ctx.deps.passwordCost));
        await endEverySession(r, target.id);
        await ctx.audit({ action: "system_user.password_reset", resourceType: "user", resourceId: target.id, details: { generated: generated !== undefined } });
        return { user: viewOf(await ctx.deps.repos.users.findById(target.id)), ...(generated ? { temporary_password: generated } : {}) };
      },
    });

    r.route({
      method: "post",
      path: "/:user_id/unlock",
      summary: "Lift a lockout after failed logins",
      ...ON_ACCOUNT,
      response: UserSchema,
      handler: async (ctx) => {
        const target = await manageable(r, ctx.principal, ctx.params.user_id);
        await ctx.deps.repos.users.unlock(target.id);
        await ctx.audit({ action: "system_user.unlock", resourceType: "user", resourceId: target.id });
        return viewOf(await ctx.deps.repos.users.findById(target.id));
      },
    });

    r.route({
      method: "put",
      path: "/:user_id/role",
      summary: "Change an account's role",
      ...ON_ACCOUNT,
      body: z.object({ role: roleField }),
      response: UserSchema,
      handler: async (ctx) => {
        const target = await manageable(r, ctx.principal, ctx.params.user_id);
        assertMayGrant(ctx.principal, ctx.body.role);
        const updated = await ctx.deps.repos.users.update(target.id, { role: ctx.body.role });
        await ctx.audit({ action: "system_user.role_change", resourceType: "user", resourceId: target.id, details: { from: target.role, to: ctx.body.role } });
        return viewOf(updated);
      },
    });
  },
};

/**
 * Ends every sign-in session of an account. Its access tokens already fail the per-request check
 * (inactive account, or a password stamp that no longer matches); API keys of an inactive account
 * are refused by the key lookup, and work again if the account is reactivated.
 */
async function endEverySession(r: ApiRouter, userId: string): Promise<void> {
  await r.deps.repos.refreshTokens.revokeAllForUser(userId);
}
