import type { IncomingMessage } from "node:http";
import type { Request, RequestHandler } from "express";
import { HOUR, ipKeyGenerator, MINUTE, rateLimit, type Options } from "express-rate-limit";
import { FallbackRateStore } from "../../lib/cache/fallback-rate-store";
import type { RedisConnection } from "../../lib/cache/redis-connection";
import { HEALTH_PATHS } from "../../lib/health-paths";
import type { Logger } from "../../lib/logger";
import { principalKey, type Principal } from "../auth/principal";
import { tooManyRequests, type HttpError } from "./errors";

export interface LimitSetting {
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateLimitSettings {
  /** Every API request of one principal (or one address when anonymous). */
  readonly general: LimitSetting;
  /** Readings that may call the AI interpreter. */
  readonly ai: LimitSetting;
  /** Failed logins, counted per address and per username separately. */
  readonly login: LimitSetting;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  general: { limit: 60, windowMs: MINUTE },
  ai: { limit: 100, windowMs: HOUR },
  login: { limit: 5, windowMs: MINUTE },
};

export interface RateLimiters {
  readonly general: RequestHandler;
  /** Apply to routes that may call the AI interpreter (the route toolkit does, given `rateLimit: "ai"`). */
  readonly ai: RequestHandler;
  readonly loginByIp: RequestHandler;
  readonly loginByUsername: RequestHandler;
  /**
   * The general limit for a request the cached-read fast lane answers: counted once in the same
   * store, with the headers and the 429 the middleware gives. Only for requests presenting an
   * access token, which the trusted service (its own key as the credential) never does.
   */
  countGeneral(principal: Principal, path: string): Promise<LimitOutcome>;
  /** Hands a request counted by countGeneral to Express: the general middleware then applies that count instead of counting again. */
  handOver(req: IncomingMessage, outcome: LimitOutcome): void;
  shutdown(): void;
}

/** What the general limit made of one request. */
export interface LimitOutcome {
  /** RateLimit-Policy and RateLimit (and Retry-After when refused); none when the count failed and the request passes. */
  readonly headers: readonly (readonly [string, string])[];
  /** The error to answer with when the request is over the limit. */
  readonly refused?: HttpError;
}

/** Probes and scrapes come every few seconds from the same address; they are cheap and never limited. */
const UNLIMITED_PATHS: ReadonlySet<string> = new Set([HEALTH_PATHS.apiLive, HEALTH_PATHS.apiReady, HEALTH_PATHS.metrics]);

function clientKey(req: Request): string {
  return req.principal ? principalKey(req.principal) : `ip:${ipKeyGenerator(req.ip ?? "unknown")}`;
}

/**
 * The API's limiters. Counters live in Redis (shared by every replica) and in memory while Redis
 * is away. A limited request gets the one error shape with Retry-After; it passes the security and
 * CORS middleware before reaching here, so a 429 carries their headers like any response.
 */
export function createRateLimiters(
  redis: RedisConnection | undefined,
  settings: RateLimitSettings,
  keyPrefix: string,
  logger: Logger,
  /** Requests a trusted service makes for many users at once (the Telegram bot, which limits each chat itself). */
  trusted: (req: Request) => boolean = () => false,
): RateLimiters {
  const stores: FallbackRateStore[] = [];
  const storeFor = (name: string): FallbackRateStore => {
    const store = new FallbackRateStore(redis, `${keyPrefix}rl:${name}:`, logger);
    stores.push(store);
    return store;
  };
  const limiter = (name: string, setting: LimitSetting, options: Partial<Options>, store = storeFor(name)): RequestHandler => {
    return rateLimit({
      windowMs: setting.windowMs,
      limit: setting.limit,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      store,
      passOnStoreError: true,
      logger: { error: (err, message) => logger.error({ err }, message ?? "rate limiter error"), warn: (message) => logger.warn(message) },
      handler: (req, _res, next) => {
        next(overLimit(setting, (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime));
      },
      ...options,
    });
  };

  const generalStore = storeFor("general");
  const counted = new WeakMap<IncomingMessage, LimitOutcome>();
  return {
    general: countedOnce(counted, unlessExempt(limiter("general", settings.general, { keyGenerator: clientKey }, generalStore), trusted)),
    handOver: (req, outcome) => counted.set(req, outcome),
    countGeneral: (principal, path) => (UNLIMITED_PATHS.has(path) ? Promise.resolve({ headers: [] }) : count(generalStore, settings.general, principalKey(principal), logger)),
    ai: limiter("ai", settings.ai, { keyGenerator: clientKey }),
    // Only failures count: a person who types their password right is never locked out by these.
    loginByIp: limiter("login-ip", settings.login, {
      keyGenerator: (req) => ipKeyGenerator(req.ip ?? "unknown"),
      skipSuccessfulRequests: true,
    }),
    loginByUsername: limiter("login-user", settings.login, {
      keyGenerator: (req) => String((req.body as { username?: unknown } | undefined)?.username).toLowerCase(),
      skip: (req) => typeof (req.body as { username?: unknown } | undefined)?.username !== "string",
      skipSuccessfulRequests: true,
    }),
    shutdown: () => {
      for (const store of stores) store.shutdown();
    },
  };
}

/** A request already counted by the fast lane gets that count's headers and answer, not a second count. */
function countedOnce(counted: WeakMap<IncomingMessage, LimitOutcome>, limiter: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const outcome = counted.get(req);
    if (!outcome) {
      limiter(req, res, next);
      return;
    }
    for (const [name, value] of outcome.headers) res.setHeader(name, value);
    next(outcome.refused);
  };
}

/** Probes, scrapes and preflights pass without touching the limiter at all (it is asynchronous, so not free). */
function unlessExempt(limiter: RequestHandler, trusted: (req: Request) => boolean): RequestHandler {
  return (req, res, next) => {
    if (req.method === "OPTIONS" || UNLIMITED_PATHS.has(req.path) || trusted(req)) next();
    else void limiter(req, res, next);
  };
}

/** The 429 of a limit, its Retry-After running to the window's reset. */
function overLimit(setting: LimitSetting, reset: Date | undefined): HttpError {
  const retryAfter = reset ? (reset.getTime() - Date.now()) / 1000 : setting.windowMs / 1000;
  return tooManyRequests(`too many requests; limit ${setting.limit} per ${describeWindow(setting.windowMs)}`, retryAfter);
}

/**
 * One request counted as express-rate-limit counts it under the options above (draft-7 headers,
 * passOnStoreError): the same store, the same headers, the same refusal; without its per-request
 * chain of awaits and debug formatting, which cost more than the cached answer it guards.
 */
async function count(store: FallbackRateStore, setting: LimitSetting, key: string, logger: Logger): Promise<LimitOutcome> {
  let counted: Awaited<ReturnType<FallbackRateStore["increment"]>>;
  try {
    counted = await store.increment(key);
  } catch (err) {
    logger.error({ err }, "express-rate-limit: error from store, allowing request without rate-limiting.");
    return { headers: [] };
  }
  const { totalHits, resetTime } = counted;
  const windowSeconds = Math.ceil(setting.windowMs / 1000);
  const resetSeconds = resetTime ? Math.max(0, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : windowSeconds;
  const headers: (readonly [string, string])[] = [
    ["RateLimit-Policy", `${setting.limit};w=${windowSeconds}`],
    ["RateLimit", `limit=${setting.limit}, remaining=${Math.max(setting.limit - totalHits, 0)}, reset=${resetSeconds}`],
  ];
  if (totalHits <= setting.limit) return { headers };
  headers.push(["Retry-After", String(resetSeconds)]);
  return { headers, refused: overLimit(setting, resetTime) };
}

function describeWindow(ms: number): string {
  if (ms % HOUR === 0) return ms === HOUR ? "hour" : `${ms / HOUR} hours`;
  if (ms % MINUTE === 0) return ms === MINUTE ? "minute" : `${ms / MINUTE} minutes`;
  return `${Math.round(ms / 1000)} seconds`;
}
