import { z } from "zod";
import { hashPassword, verifyPassword } from "../../lib/crypto/passwords";
import { issueToken } from "../../lib/crypto/tokens";
import { badRequest, forbidden, notFound } from "../http/errors";
import type { ApiRouter, AuthRule, RouteContext, RouteModule } from "../http/route-kit";
import { API_KEY_PREFIX } from "./authenticator";
import type { Principal } from "./principal";
import { hasScope } from "./principal";
import { scopesBeyond } from "./scopes";
import {
  ApiKeySchema,
  apiKeyView,
  passwordField,
  roleField,
  scopeField,
  TokenPairSchema,
  UserSchema,
  userView,
  usernameField,
} from "./schemas";
import { Sessions } from "./sessions";

const ANY = {} as const;
const KEY_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;

const MeSchema = UserSchema.extend({
  scopes: z.array(scopeField),
  password_change_required: z.boolean().meta({ description: "The password was generated (the first administrator's): choose one with change-password" }),
  auth: z.object({ kind: z.enum(["token", "api_key"]), api_key_id: z.uuid().optional(), expires_at: z.iso.datetime().optional() }),
}).meta({ id: "Me" });

function sessions(ctx: Pick<RouteContext<unknown, unknown, unknown, AuthRule>, "deps" | "audit">): Sessions {
  const { config, repos, cacheLayer } = ctx.deps;
  return new Sessions({ tokens: config.api, repos, cacheLayer, audit: (e) => ctx.audit(e) });
}

/** Password changes and sign-outs need a signed-in session, not an API key. */
function requireSession(principal: Principal, what: string): void {
  if (principal.kind !== "token") throw forbidden(`${what} needs a signed-in session, not an API key`);
}

export const authRoutes: RouteModule = {
  base: "/api/auth",
  tag: "auth",
  register(r: ApiRouter) {
    r.route({
      method: "post",
      path: "/login",
      summary: "Sign in with username and password",
      description: "Five failed attempts in a row lock the account for 15 minutes (423). Failed attempts are also limited per address and per username (429).",
      auth: "public",
      middleware: [r.limiters.loginByIp, r.limiters.loginByUsername],
      body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(1024) }),
      response: TokenPairSchema,
      errors: { 401: "Wrong username or password", 403: "Account disabled", 423: "Account locked" },
      handler: async (ctx) => {
        const { user: _user, ...pair } = await sessions(ctx).login(ctx.body.username, ctx.body.password);
        return pair;
      },
    });

    r.route({
      method: "post",
      path: "/refresh",
      summary: "Trade a refresh token for a new token pair (the old refresh token is spent)",
      description: "Presenting a spent refresh token again revokes its whole session.",
      auth: "public",
      body: z.object({ refresh_token: z.string().min(1).max(200) }),
      response: TokenPairSchema,
      errors: { 401: "Unknown, expired, revoked or reused refresh token" },
      handler: (ctx) => sessions(ctx).refresh(ctx.body.refresh_token),
    });

    r.route({
      method: "post",
      path: "/logout",
      summary: "Sign out: revoke this access token and its session's refresh tokens",
      auth: ANY,
      status: 204,
      handler: async (ctx) => {
        requireSession(ctx.principal, "signing out");
        await sessions(ctx).logout(ctx.principal);
        await ctx.audit({ action: "auth.logout" });
      },
    });

    r.route({
      method: "get",
      path: "/me",
      summary: "The caller's account",
      auth: ANY,
      response: MeSchema,
      handler: async (ctx) => {
        const user = await ctx.deps.repos.users.findById(ctx.principal.userId);
        if (!user) throw notFound("account");
        const p = ctx.principal;
        return {
          ...userView(user),
          scopes: [...p.scopes],
          password_change_required: user.passwordChangeRequired,
          auth: {
            kind: p.kind,
            ...(p.apiKeyId ? { api_key_id: p.apiKeyId } : {}),
            ...(p.token ? { expires_at: new Date(p.token.expiresAt * 1000).toISOString() } : {}),
          },
        };
      },
    });

    r.route({
      method: "post",
      path: "/change-password",
      summary: "Change the caller's password; every earlier session ends and a fresh token pair is returned",
      auth: ANY,
      body: z.object({ current_password: z.string().min(1).max(1024), new_password: passwordField }),
      response: TokenPairSchema,
      handler: async (ctx) => {
        requireSession(ctx.principal, "changing the password");
        const { users, refreshTokens } = ctx.deps.repos;
        const user = await users.findById(ctx.principal.userId);
        if (!user) throw notFound("account");
        if (!(await verifyPassword(user.passwordHash, ctx.body.current_password))) {
          await ctx.audit({ action: "auth.password_change", success: false, details: { reason: "wrong current password" } });
          throw badRequest("current_password", "is not your current password");
        }
        if (ctx.body.new_password === ctx.body.current_password) throw badRequest("new_password", "must differ from the current password");
        await users.setPassword(user.id, await hashPassword(ctx.body.new_password, ctx.deps.passwordCost));
        await refreshTokens.revokeAllForUser(user.id);
        const updated = await users.findById(user.id);
        if (!updated) throw notFound("account");
        await ctx.audit({ action: "auth.password_change", resourceType: "user", resourceId: user.id });
        return sessions(ctx).startSession(updated);
      },
    });

    r.route({
      method: "post",
      path: "/register",
      summary: "Create an account (administrators only; there is no public sign-up)",
      auth: { scopes: ["admin"] },
      body: z.object({ username: usernameField, password: passwordField, role: roleField.default("user") }),
      response: UserSchema,
      status: 201,
      errors: { 409: "The username is taken" },
      handler: async (ctx) => {
        const user = await ctx.deps.repos.users.create({
          username: ctx.body.username,
          passwordHash: await hashPassword(ctx.body.password, ctx.deps.passwordCost),
          role: ctx.body.role,
        });
        await ctx.audit({ action: "auth.register", resourceType: "user", resourceId: user.id, details: { username: user.username, role: user.role } });
        return userView(user);
      },
    });

    r.route({
      method: "post",
      path: "/api-keys",
      summary: "Create an API key; the key itself is in this response only",
      description: "A key can carry only scopes its creator holds (for a key made with a key: that key's scopes).",
      auth: ANY,
      body: z.object({
        name: z.string().trim().min(1).max(100),
        scopes: z.array(scopeField).min(1, "at least one scope").max(4),
        expires_in_days: z.number().int().min(1).max(3650).optional(),
      }),
      response: ApiKeySchema.extend({ key: z.string() }),
      status: 201,
      errors: { 403: "A requested scope exceeds the caller's" },
      handler: async (ctx) => {
        const beyond = scopesBeyond(ctx.body.scopes, ctx.principal.scopes);
        if (beyond.length > 0) {
          await ctx.audit({ action: "auth.api_key_created", success: false, details: { refused_scopes: beyond } });
          throw forbidden(`cannot grant scopes you do not hold: ${beyond.join(", ")}`);
        }
        const issued = issueToken(API_KEY_PREFIX);
        const expiresAt = ctx.body.expires_in_days ? new Date(Date.now() + ctx.body.expires_in_days * 86_400_000) : null;
        const record = await ctx.deps.repos.apiKeys.create({
          userId: ctx.principal.userId,
          name: ctx.body.name,
          keyHash: issued.hash,
          keyPrefix: issued.token.slice(0, KEY_PREFIX_LENGTH),
          scopes: [...new Set(ctx.body.scopes)],
          expiresAt,
        });
        await ctx.audit({ action: "auth.api_key_created", resourceType: "api_key", resourceId: record.id, details: { scopes: record.scopes } });
        return { ...apiKeyView(record), key: issued.token };
      },
    });

    r.route({
      method: "get",
      path: "/api-keys",
      summary: "The caller's active API keys",
      auth: ANY,
      response: z.object({ api_keys: z.array(ApiKeySchema) }),
      handler: async (ctx) => {
        const keys = await ctx.deps.repos.apiKeys.listForUser(ctx.principal.userId);
        return { api_keys: keys.map((k) => apiKeyView(k)) };
      },
    });

    r.route({
      method: "delete",
      path: "/api-keys/:key_id",
      summary: "Revoke an API key (its owner, or an administrator)",
      auth: ANY,
      params: z.object({ key_id: z.uuid() }),
      status: 204,
      errors: { 404: "No such active key of the caller's" },
      handler: async (ctx) => {
        const ownerId = hasScope(ctx.principal, "admin") ? undefined : ctx.principal.userId;
        const revoked = await ctx.deps.repos.apiKeys.revoke(ctx.params.key_id, { ownerId });
        if (!revoked) throw notFound("API key");
        await ctx.audit({ action: "auth.api_key_revoked", resourceType: "api_key", resourceId: ctx.params.key_id });
      },
    });
  },
};
