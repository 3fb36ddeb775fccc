import { createSecretKey, randomUUID, type KeyObject } from "node:crypto";
import jwt from "jsonwebtoken";
import type { Config } from "../../lib/config/load-config";

/** Pinned claims: a token from anywhere else (another issuer, another audience) is refused. */
export const TOKEN_ISSUER = "nps-api";
export const TOKEN_AUDIENCE = "nps";
/** Marks access tokens, so no other JWT signed with the same key can stand in for one. */
export const ACCESS_TOKEN_TYPE = "access";

/** Clock skew tolerated between replicas when checking iat, nbf and exp. */
export const CLOCK_TOLERANCE_SECONDS = 5;

export type TokenSettings = Pick<Config["api"], "secretKey" | "jwtAlgorithm" | "jwtExpireMinutes">;

/** The claims NPS puts in an access token. */
export interface AccessClaims {
  readonly sub: string;
  readonly jti: string;
  /** The refresh family (login session) the token belongs to; logout revokes it. */
  readonly sid: string;
  readonly typ: typeof ACCESS_TOKEN_TYPE;
  /**
   * When the account's password last changed (epoch ms) as the token was signed: a token whose
   * stamp differs from the account's is from before a password change or reset, and is refused.
   */
  readonly pwd: number;
  readonly iat: number;
  readonly exp: number;
  readonly iss: string;
  readonly aud: string;
}

const keys = new Map<string, KeyObject>();

/**
 * The signing secret as a KeyObject, made once per secret. Given a plain string, jsonwebtoken
 * first tries (and fails) to parse it as a public key on every verification, which costs more
 * than the verification itself; a secret KeyObject also rules out any asymmetric algorithm.
 */
export function signingKey(settings: Pick<TokenSettings, "secretKey">): KeyObject {
  let key = keys.get(settings.secretKey);
  if (!key) {
    key = createSecretKey(Buffer.from(settings.secretKey, "utf8"));
    keys.set(settings.secretKey, key);
  }
  return key;
}

export interface IssuedAccessToken {
  readonly token: string;
  readonly jti: string;
  /** Epoch seconds. */
  readonly expiresAt: number;
  readonly expiresIn: number;
}

export interface TokenSubject {
  readonly userId: string;
  readonly passwordChangedAt: Date;
}

export function signAccessToken(settings: TokenSettings, subject: TokenSubject, sessionId: string, now = Date.now()): IssuedAccessToken {
  const jti = randomUUID();
  const iat = Math.floor(now / 1000);
  const expiresIn = settings.jwtExpireMinutes * 60;
  const claims = { typ: ACCESS_TOKEN_TYPE, sid: sessionId, pwd: subject.passwordChangedAt.getTime(), iat };
  const token = jwt.sign(claims, signingKey(settings), {
    algorithm: settings.jwtAlgorithm,
    subject: subject.userId,
    jwtid: jti,
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    expiresIn,
  });
  return { token, jti, expiresAt: iat + expiresIn, expiresIn };
}

/** The verification options both passport-jwt and the WebSocket use: algorithm, issuer, audience and age pinned. */
export function verifyOptions(settings: TokenSettings): jwt.VerifyOptions & { algorithms: jwt.Algorithm[] } {
  return {
    algorithms: [settings.jwtAlgorithm],
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
    maxAge: `${settings.jwtExpireMinutes}m`,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
}

/**
 * A token whose iat lies ahead of this clock by more than the tolerance. jsonwebtoken checks exp,
 * nbf and (with maxAge) an iat too old, never one too new; such a token was minted by a clock
 * that is wrong, or by someone choosing their own lifetime.
 */
export function issuedInTheFuture(claims: Pick<AccessClaims, "iat">, now = Date.now()): boolean {
  return claims.iat > Math.floor(now / 1000) + CLOCK_TOLERANCE_SECONDS;
}

/** Narrows a verified payload to NPS access claims; anything else (a token of another kind) is undefined. */
export function asAccessClaims(payload: unknown): AccessClaims | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const p = payload as Record<string, unknown>;
  if (p.typ !== ACCESS_TOKEN_TYPE) return undefined;
  if (typeof p.sub !== "string" || typeof p.jti !== "string" || typeof p.sid !== "string") return undefined;
  if (typeof p.iat !== "number" || typeof p.exp !== "number" || typeof p.pwd !== "number") return undefined;
  return p as unknown as AccessClaims;
}
