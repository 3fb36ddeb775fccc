import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { Request, RequestHandler } from "express";
import passport from "passport";
import { Strategy as JwtStrategy, type VerifiedCallback } from "passport-jwt";
import type { CacheLayer } from "../../lib/cache/cache-layer";
import { hashToken } from "../../lib/crypto/tokens";
import { KeptCopies } from "../../lib/cache/kept-copies";
import type { Repositories } from "../../lib/db/repositories";
import { onAccountChange, type UserRecord } from "../../lib/db/repositories/users";
import type { Logger } from "../../lib/logger";
import { unauthorized } from "../http/errors";
import { asAccessClaims, issuedInTheFuture, signingKey, verifyOptions, type TokenSettings } from "./access-tokens";
import type { Principal } from "./principal";
import { effectiveKeyScopes, roleScopes } from "./scopes";
import { VerifiedTokens } from "./verified-tokens";

/** API keys start with this, which is how a bearer credential is told apart from a JWT. */
export const API_KEY_PREFIX = "nps_";

/** The revocation id of a whole login session (refresh family): logout and refresh reuse set it. */
export const sessionRevocationId = (sessionId: string): string => `sid:${sessionId}`;

type Credential = { readonly kind: "jwt" | "api-key"; readonly value: string };

/** The credential a request presents: X-API-Key, or Authorization: Bearer (an API key or a JWT). */
export function credentialOf(headers: IncomingHttpHeaders): Credential | undefined {
  const apiKey = headers["x-api-key"];
  if (typeof apiKey === "string" && apiKey.length > 0) return { kind: "api-key", value: apiKey };
  const auth = headers.authorization;
  if (typeof auth !== "string") return undefined;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(auth);
  if (!match) return undefined;
  const value = match[1]!;
  return { kind: value.startsWith(API_KEY_PREFIX) ? "api-key" : "jwt", value };
}

/** Why a token was refused, in words a client can act on, without detail an attacker could use. */
function describeFailure(info: unknown): string {
  if (info instanceof Error && info.name === "TokenExpiredError") return "token expired; refresh it or sign in again";
  if (typeof info === "string") return info;
  if (info instanceof Error && info.name === "AuthFailure") return info.message;
  return "invalid token";
}

class AuthFailure extends Error {
  override readonly name = "AuthFailure";
}

/**
 * An API-key strategy for passport: the key from X-API-Key or a Bearer header, looked up by its
 * SHA-256, acting with the key's scopes cut down to what its owner holds today.
 */
class ApiKeyStrategy extends passport.Strategy {
  override name = "api-key";
  constructor(private readonly verify: (key: string) => Promise<Principal | string>) {
    super();
  }

  override authenticate(req: Request): void {
    const credential = credentialOf(req.headers);
    if (!credential || credential.kind !== "api-key") {
      this.fail("no API key", 401);
      return;
    }
    this.verify(credential.value).then(
      (result) => (typeof result === "string" ? this.fail(result, 401) : this.success(result)),
      (err: unknown) => this.error(err instanceof Error ? err : new Error(String(err))),
    );
  }
}

export interface AuthenticatorDeps {
  readonly tokens: TokenSettings;
  readonly repos: Pick<Repositories, "users" | "apiKeys">;
  readonly cacheLayer: Pick<CacheLayer, "revocations">;
  readonly logger: Logger;
}

/**
 * How long an account read for a token check is kept in this process. Changes made here drop it
 * at once; a change made by another replica is seen within this time. Revocations (logout, refresh
 * reuse) are checked on every request regardless.
 */
export const ACCOUNT_CACHE_MS = 1_000;

/**
 * Resolves credentials to a principal with passport: passport-jwt for access tokens (algorithm,
 * issuer, audience and age pinned), and the API-key strategy. A token verified once is taken as
 * verified for VERIFIED_TOKEN_MS (./verified-tokens.ts); revocation is checked on every request, the
 * account's state and password changes as ACCOUNT_CACHE_MS says. API_SECRET_KEY only signs:
 * presented as a credential it is neither a valid JWT nor a known key, and is refused like any other
 * wrong token.
 */
export class Authenticator {
  private readonly passport = new passport.Passport();
  /** Concurrent requests of one account share its read; a missing account is not kept. */
  private readonly accounts = new KeptCopies<UserRecord | null>({ ttlMs: ACCOUNT_CACHE_MS, keep: (user) => user !== null });
  private readonly verified: VerifiedTokens;
  /** Each request's check of a verified token, made once: the fast lane's, when Express answers after it. */
  private readonly checked = new WeakMap<IncomingMessage, Promise<Principal | string>>();
  private readonly stopListening: () => void;

  constructor(private readonly deps: AuthenticatorDeps) {
    const options = verifyOptions(deps.tokens);
    this.verified = new VerifiedTokens(deps.tokens.jwtExpireMinutes * 60);
    this.passport.use(
      "jwt",
      new JwtStrategy(
        {
          jwtFromRequest: (req: Request) => {
            const c = credentialOf(req.headers);
            return c?.kind === "jwt" ? c.value : null;
          },
          // A KeyObject (passport-jwt hands it to jsonwebtoken as is); its typings only name string | Buffer.
          secretOrKey: signingKey(deps.tokens) as unknown as string,
          algorithms: options.algorithms,
          issuer: options.issuer as string,
          audience: options.audience as string,
          jsonWebTokenOptions: { maxAge: options.maxAge, clockTolerance: options.clockTolerance },
          passReqToCallback: true,
        },
        (req: Request, payload: unknown, done: VerifiedCallback) => {
          // The signature and pinned claims held: these bytes need not be verified again for a while.
          const claims = asAccessClaims(payload);
          const token = credentialOf(req.headers)?.value;
          if (claims && token !== undefined) this.verified.remember(token, claims);
          this.verifyToken(payload).then(
            (result) => (typeof result === "string" ? done(null, false, new AuthFailure(result)) : done(null, result)),
            (err: unknown) => done(err, false),
          );
        },
      ),
    );
    this.passport.use("api-key", new ApiKeyStrategy((key) => this.verifyApiKey(key)));
    this.stopListening = onAccountChange((id) => this.accounts.invalidate(id));
  }

  /** Stops following account changes (the app is closing). */
  close(): void {
    this.stopListening();
  }

  /** The account behind a token: from this process's short-lived copy, or the database. */
  private account(id: string): Promise<UserRecord | null> {
    return this.accounts.get(id, () => this.deps.repos.users.findById(id));
  }

  /**
   * Optional authentication for every request: sets req.principal when valid credentials are
   * presented, req.authFailure when invalid ones are; routes decide whether they need a principal.
   */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const credential = credentialOf(req.headers);
      if (!credential) {
        next();
        return;
      }
      const known = this.verifiedPrincipal(req);
      if (known) {
        known.then((result) => {
          if (typeof result === "string") req.authFailure = result;
          else req.principal = result;
          next();
        }, next);
        return;
      }
      const run = this.passport.authenticate(credential.kind, { session: false }, (err: unknown, user: Principal | false, info: unknown) => {
        if (err) {
          next(err);
          return;
        }
        if (user) req.principal = user;
        else req.authFailure = describeFailure(info);
        next();
      }) as RequestHandler;
      run(req, res, next);
    };
  }

  /**
   * When the request's credential is an access token this process verified lately, what it comes
   * to (the principal, or why it is refused), revocation and the account checked as on every
   * request, once per request; undefined for any other credential, which passport resolves. The
   * cached-read fast lane asks first, and the middleware reuses its answer when Express follows.
   */
  verifiedPrincipal(req: IncomingMessage): Promise<Principal | string> | undefined {
    const earlier = this.checked.get(req);
    if (earlier) return earlier;
    const credential = credentialOf(req.headers);
    const claims = credential?.kind === "jwt" ? this.verified.get(credential.value) : undefined;
    if (!claims) return undefined;
    const check = this.verifyToken(claims);
    this.checked.set(req, check);
    return check;
  }

  /** For the WebSocket: a raw token or API key to its principal; throws a 401 HttpError when refused. */
  authenticate(credential: string): Promise<Principal> {
    const req = { headers: { authorization: `Bearer ${credential}` } } as unknown as Request;
    return new Promise((resolve, reject) => {
      const kind = credentialOf(req.headers)?.kind ?? "jwt";
      const run = this.passport.authenticate(kind, { session: false }, (err: unknown, user: Principal | false, info: unknown) => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else if (user) resolve(user);
        else reject(unauthorized(describeFailure(info)));
      }) as RequestHandler;
      run(req, {} as never, (err?: unknown) => reject(err instanceof Error ? err : unauthorized()));
    });
  }

  private async verifyToken(payload: unknown): Promise<Principal | string> {
    const claims = asAccessClaims(payload);
    if (!claims) return "invalid token";
    if (issuedInTheFuture(claims)) return "token issued in the future; check the clocks and sign in again";
    // Both lookups at once: one round trip's wait instead of two.
    const [revoked, user] = await Promise.all([
      this.deps.cacheLayer.revocations.isRevoked(claims.jti, sessionRevocationId(claims.sid)),
      this.account(claims.sub),
    ]);
    if (revoked) return "token revoked; sign in again";
    if (!user || !user.isActive) return "account disabled or removed";
    if (user.passwordChangedAt.getTime() !== claims.pwd) return "the password changed since this token was issued; sign in again";
    return {
      kind: "token",
      userId: user.id,
      username: user.username,
      role: user.role,
      scopes: roleScopes(user.role),
      token: { id: claims.jti, expiresAt: claims.exp, sessionId: claims.sid },
    };
  }

  private async verifyApiKey(key: string): Promise<Principal | string> {
    const found = await this.deps.repos.apiKeys.findActiveByHash(hashToken(key));
    if (!found) return "invalid, revoked or expired API key";
    const { key: record, owner } = found;
    this.deps.repos.apiKeys.touch(record.id).catch((err: unknown) => this.deps.logger.debug({ err }, "API key last-use not recorded"));
    return {
      kind: "api_key",
      userId: owner.id,
      username: owner.username,
      role: owner.role,
      scopes: effectiveKeyScopes(record.scopes, owner.role),
      apiKeyId: record.id,
    };
  }
}
