import { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../lib/crypto/passwords";
import type { ApiKeyRecord } from "../../lib/db/repositories/api-keys";
import type { UserRecord } from "../../lib/db/repositories/users";
import { ROLES, SCOPES } from "./scopes";

/** Field schemas shared by the auth and users routes, and their response shapes. */

export const usernameField = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{3,100}$/, "3 to 100 letters, digits, _ . or -")
  .meta({ example: "ada" });

export const passwordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `at most ${PASSWORD_MAX_LENGTH} characters`);

export const roleField = z.enum(ROLES, { message: `one of ${ROLES.join(", ")}` });
export const scopeField = z.enum(SCOPES, { message: `one of ${SCOPES.join(", ")}` });

export const TokenPairSchema = z
  .object({
    access_token: z.string(),
    refresh_token: z.string(),
    token_type: z.literal("bearer"),
    expires_in: z.number().int().meta({ description: "Seconds the access token lives" }),
  })
  .meta({ id: "TokenPair" });

export const UserSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    role: roleField,
    is_active: z.boolean(),
    failed_attempts: z.number().int(),
    locked_until: z.iso.datetime().nullable(),
    last_login_at: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .meta({ id: "User" });
export type UserView = z.output<typeof UserSchema>;

export function userView(u: UserRecord): UserView {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    is_active: u.isActive,
    failed_attempts: u.failedAttempts,
    locked_until: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    last_login_at: u.lastLoginAt?.toISOString() ?? null,
    created_at: u.createdAt.toISOString(),
    updated_at: u.updatedAt.toISOString(),
  };
}

export const ApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    key_prefix: z.string().meta({ description: "The first characters of the key, to tell keys apart" }),
    scopes: z.array(scopeField),
    created_at: z.iso.datetime(),
    expires_at: z.iso.datetime().nullable(),
    last_used_at: z.iso.datetime().nullable(),
    is_active: z.boolean(),
  })
  .meta({ id: "ApiKey" });
export type ApiKeyView = z.output<typeof ApiKeySchema>;

export function apiKeyView(k: ApiKeyRecord, now = new Date()): ApiKeyView {
  return {
    id: k.id,
    name: k.name,
    key_prefix: k.keyPrefix,
    scopes: k.scopes,
    created_at: k.createdAt.toISOString(),
    expires_at: k.expiresAt?.toISOString() ?? null,
    last_used_at: k.lastUsedAt?.toISOString() ?? null,
    is_active: k.revokedAt === null && (k.expiresAt === null || k.expiresAt > now),
  };
}
