import type { CacheLayer } from "../../lib/cache/cache-layer";
import { issueToken, hashToken } from "../../lib/crypto/tokens";
import { verifyPassword } from "../../lib/crypto/passwords";
import type { Repositories } from "../../lib/db/repositories";
import type { LockoutPolicy, UserRecord } from "../../lib/db/repositories/users";
import { forbidden, locked, unauthorized } from "../http/errors";
import type { AuditEntry } from "../audit";
import { signAccessToken, type TokenSettings } from "./access-tokens";
import { sessionRevocationId } from "./authenticator";
import type { Principal } from "./principal";

/** 5 failures in a row lock an account for 15 minutes. */
export const LOCKOUT: LockoutPolicy = { maxAttempts: 5, lockSeconds: 15 * 60 };
export const REFRESH_TOKEN_DAYS = 30;

export interface TokenPair {
  readonly access_token: string;
  readonly refresh_token: string;
  readonly token_type: "bearer";
  /** Seconds the access token lives. */
  readonly expires_in: number;
}

export interface SessionDeps {
  readonly tokens: TokenSettings;
  readonly repos: Pick<Repositories, "users" | "refreshTokens">;
  readonly cacheLayer: Pick<CacheLayer, "revocations">;
  /** Audit writer bound to the current request. */
  readonly audit: (entry: AuditEntry) => Promise<void>;
}

const INVALID_LOGIN = "invalid username or password";

/**
 * Sign-in sessions: login, refresh with rotation, logout. One login starts a refresh family;
 * each refresh spends the presented token and issues its successor; presenting a spent token
 * again means it was stolen, so the whole family (and its access tokens) is revoked.
 */
export class Sessions {
  constructor(private readonly deps: SessionDeps) {}

  async login(username: string, password: string, now = new Date()): Promise<TokenPair & { user: UserRecord }> {
    const { users } = this.deps.repos;
    const user = await users.findByUsername(username);
    if (user?.lockedUntil && user.lockedUntil > now) {
      await this.deps.audit({ action: "auth.failed", success: false, actor: { id: user.id, username: user.username }, details: { reason: "locked" } });
      throw locked("account locked after repeated failed logins; try again later", secondsUntil(user.lockedUntil, now));
    }
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok) {
      if (!user) {
        await this.deps.audit({ action: "auth.failed", success: false, actor: { id: null, username: username.slice(0, 100) }, details: { reason: "unknown user" } });
        throw unauthorized(INVALID_LOGIN);
      }
      const failure = await users.recordFailedLogin(user.id, LOCKOUT);
      if (failure?.lockedUntil) {
        await this.deps.audit({ action: "auth.lockout", success: false, actor: { id: user.id, username: user.username }, details: { failed_attempts: failure.failedAttempts } });
        throw locked(`too many failed logins; the account is locked for ${LOCKOUT.lockSeconds / 60} minutes`, secondsUntil(failure.lockedUntil, now));
      }
      await this.deps.audit({ action: "auth.failed", success: false, actor: { id: user.id, username: user.username }, details: { reason: "wrong password" } });
      throw unauthorized(INVALID_LOGIN);
    }
    // Only a caller who knows the password learns that the account is disabled.
    if (!user.isActive) throw forbidden("this account is disabled");
    await users.recordSuccessfulLogin(user.id);
    const pair = await this.startSession(user);
    await this.deps.audit({ action: "auth.login", actor: { id: user.id, username: user.username } });
    return { ...pair, user };
  }

  /** A new refresh family and its first token pair (login, and after a password change). */
  async startSession(user: UserRecord): Promise<TokenPair> {
    const refresh = issueToken();
    const record = await this.deps.repos.refreshTokens.issue({ userId: user.id, tokenHash: refresh.hash, expiresAt: refreshExpiry() });
    return this.pair(user, record.familyId, refresh.token);
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const next = issueToken();
    const outcome = await this.deps.repos.refreshTokens.rotate(hashToken(refreshToken), next.hash, refreshExpiry());
    switch (outcome.status) {
      case "rotated": {
        const user = await this.deps.repos.users.findById(outcome.token.userId);
        if (!user || !user.isActive) throw unauthorized("invalid refresh token");
        await this.deps.audit({ action: "auth.token_refresh", actor: { id: user.id, username: user.username } });
        return this.pair(user, outcome.token.familyId, next.token);
      }
      case "reused": {
        // The family's access tokens die with it, not only its refresh tokens.
        await this.deps.cacheLayer.revocations.revoke(sessionRevocationId(outcome.familyId), this.accessHorizon());
        await this.deps.audit({ action: "auth.refresh_reuse", success: false, actor: { id: outcome.userId, username: null }, details: { family_id: outcome.familyId } });
        throw unauthorized("refresh token already used; the session has been revoked, sign in again");
      }
      default:
        throw unauthorized("invalid refresh token");
    }
  }

  /** Ends the caller's session: its access token and every token of its refresh family. */
  async logout(principal: Principal): Promise<void> {
    const token = principal.token;
    if (!token) return;
    const { revocations } = this.deps.cacheLayer;
    await revocations.revoke(token.id, token.expiresAt);
    await revocations.revoke(sessionRevocationId(token.sessionId), this.accessHorizon());
    await this.deps.repos.refreshTokens.revokeFamily(token.sessionId);
  }

  private async pair(user: UserRecord, familyId: string, refreshToken: string): Promise<TokenPair> {
    const access = signAccessToken(this.deps.tokens, { userId: user.id, passwordChangedAt: user.passwordChangedAt }, familyId);
    return { access_token: access.token, refresh_token: refreshToken, token_type: "bearer", expires_in: access.expiresIn };
  }

  /** Epoch seconds by which every access token issued now will have expired. */
  private accessHorizon(): number {
    return Math.floor(Date.now() / 1000) + this.deps.tokens.jwtExpireMinutes * 60;
  }
}

function refreshExpiry(): Date {
  return new Date(Date.now() + REFRESH_TOKEN_DAYS * 24 * 3600 * 1000);
}

function secondsUntil(when: Date, now: Date): number {
  return Math.max(1, Math.ceil((when.getTime() - now.getTime()) / 1000));
}
