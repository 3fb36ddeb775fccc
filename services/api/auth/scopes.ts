import { API_KEY_SCOPES, type ApiKeyScope } from "../../lib/db/repositories/api-keys";
import { ROLES, type Role } from "../../lib/db/repositories/users";

/**
 * Roles, scopes and what each role may grant. A scope of one area implies the lesser ones of the
 * same area (oracle:admin ⊃ oracle:write ⊃ oracle:read); `admin` is the platform administration
 * scope and implies nothing else. Roles and scope names are the ones the database accepts.
 */
export { ROLES, type Role };

export const SCOPES = API_KEY_SCOPES;
export type Scope = ApiKeyScope;

/** What each role can do, before expansion. */
const ROLE_SCOPES: Readonly<Record<Role, readonly Scope[]>> = {
  admin: ["oracle:admin", "admin"],
  moderator: ["oracle:admin"],
  user: ["oracle:write"],
  readonly: ["oracle:read"],
};

/** Seniority: a moderator manages only accounts below moderator and grants only roles below it. */
const RANK: Readonly<Record<Role, number>> = { admin: 3, moderator: 2, user: 1, readonly: 0 };

/**
 * Seeing and moderating every account's data (profiles, readings, users below one's rank) takes
 * this scope; admins and moderators hold it, and an API key carries it only when its creator did.
 */
export const MODERATION_SCOPE: Scope = "oracle:admin";

const IMPLIES: Readonly<Record<Scope, readonly Scope[]>> = {
  "oracle:admin": ["oracle:admin", "oracle:write", "oracle:read"],
  "oracle:write": ["oracle:write", "oracle:read"],
  "oracle:read": ["oracle:read"],
  admin: ["admin"],
};

export function isRole(v: unknown): v is Role {
  return typeof v === "string" && (ROLES as readonly string[]).includes(v);
}

export function isScope(v: unknown): v is Scope {
  return typeof v === "string" && (SCOPES as readonly string[]).includes(v);
}

/** Every scope the given ones imply. */
export function expandScopes(scopes: Iterable<Scope>): ReadonlySet<Scope> {
  const out = new Set<Scope>();
  for (const s of scopes) for (const implied of IMPLIES[s]) out.add(implied);
  return out;
}

export function roleScopes(role: Role): ReadonlySet<Scope> {
  return expandScopes(ROLE_SCOPES[role]);
}

/**
 * The scopes an API key acts with: those it was given, cut down to what its owner holds today, so a
 * key never outlives a demotion. A key created without scopes acts with its owner's.
 */
export function effectiveKeyScopes(keyScopes: readonly string[], ownerRole: Role): ReadonlySet<Scope> {
  const owner = roleScopes(ownerRole);
  if (keyScopes.length === 0) return owner;
  const granted = expandScopes(keyScopes.filter(isScope));
  return new Set([...granted].filter((s) => owner.has(s)));
}

/** The requested scopes the holder does not have (empty: the request is within the holder's reach). */
export function scopesBeyond(requested: readonly Scope[], held: ReadonlySet<Scope>): Scope[] {
  return requested.filter((s) => !held.has(s));
}

/**
 * May `actor` act on an account whose role is `target`, or give an account the role `target`?
 * Admins always; everyone else only below their own rank.
 */
export function outranks(actor: Role, target: Role): boolean {
  return actor === "admin" || RANK[actor] > RANK[target];
}
