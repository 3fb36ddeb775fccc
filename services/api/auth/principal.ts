import { MODERATION_SCOPE, type Role, type Scope } from "./scopes";

/** Who is calling: an account signed in with an access token, or one of its API keys. */
export interface Principal {
  readonly kind: "token" | "api_key";
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  /** Expanded: a holder of oracle:write also holds oracle:read here. */
  readonly scopes: ReadonlySet<Scope>;
  /** Access tokens: the token's id and expiry (epoch seconds), and the refresh family it belongs to. */
  readonly token?: { readonly id: string; readonly expiresAt: number; readonly sessionId: string };
  readonly apiKeyId?: string;
}

export function hasScope(principal: Principal, scope: Scope): boolean {
  return principal.scopes.has(scope);
}

/** True when the principal sees every account's data (admins and moderators), not only its own. */
export function seesAll(principal: Principal): boolean {
  return principal.scopes.has(MODERATION_SCOPE);
}

/** The key a principal's rate limits count under: the API key, or else the account; never anything from a token. */
export function principalKey(principal: Principal): string {
  return principal.apiKeyId ? `key:${principal.apiKeyId}` : `user:${principal.userId}`;
}
