import type { Request, RequestHandler } from "express";
import { HOUR, ipKeyGenerator, MINUTE, rateLimit, type Options } from "express-rate-limit";
import { FallbackRateStore } from "../../lib/cache/fallback-rate-store";
import type { RedisConnection } from "../../lib/cache/redis-connection";
import { HEALTH_PATHS } from "../../lib/health-paths";
import type { Logger } from "../../lib/logger";
import { principalKey } from "../auth/principal";
import { tooManyRequests } from "./errors";

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
  shutdown(): void;
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
  const limiter = (name: string, setting: LimitSetting, options: Partial<Options>): RequestHandler => {
    const store = new FallbackRateStore(redis, `${keyPrefix}rl:${name}:`, logger);
    stores.push(store);
    return rateLimit({
      windowMs: setting.windowMs,
      limit: setting.limit,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      store,
      passOnStoreError: true,
      logger: { error: (err, message) => logger.error({ err }, message ?? "rate limiter error"), warn: (message) => logger.warn(message) },
      handler: (req, _res, next) => {
        const reset = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
        const retryAfter = reset ? (reset.getTime() - Date.now()) / 1000 : setting.windowMs / 1000;
        next(tooManyRequests(`too many requests; limit ${setting.limit} per ${describeWindow(setting.windowMs)}`, retryAfter));
      },
      ...options,
    });
  };

  return {
    general: unlessExempt(limiter("general", settings.general, { keyGenerator: clientKey }), trusted),
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

/** Probes, scrapes and preflights pass without touching the limiter at all (it is asynchronous, so not free). */
function unlessExempt(limiter: RequestHandler, trusted: (req: Request) => boolean): RequestHandler {
  return (req, res, next) => {
    if (req.method === "OPTIONS" || UNLIMITED_PATHS.has(req.path) || trusted(req)) next();
    else void limiter(req, res, next);
  };
}

function describeWindow(ms: number): string {
  if (ms % HOUR === 0) return ms === HOUR ? "hour" : `${ms / HOUR} hours`;
  if (ms % MINUTE === 0) return ms === MINUTE ? "minute" : `${ms / MINUTE} minutes`;
  return `${Math.round(ms / 1000)} seconds`;
}
