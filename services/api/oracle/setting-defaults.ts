import type { Request, RequestHandler } from "express";
import type { SettingKey } from "../../lib/db/repositories/settings";
import type { ApiDeps } from "../deps";
import { settingsFrom } from "../settings/setting-values";

/**
 * An account's saved settings as the defaults of its reading requests: what the caller leaves out
 * of the body, the settings give (numerology_system, the language as locale, and for
 * POST /readings the default_reading_type); what the caller says wins. Runs before validation,
 * on the raw body, so the request is then checked exactly as if the caller had written it.
 */

/** The reading types whose bodies take a numerology_system. */
const SYSTEM_TYPES = new Set(["time", "daily", "name", "question", "multi"]);

export interface SettingDefaultsOptions {
  /** The body's reading type when the route fixes it (POST /name); absent: the body's reading_type. */
  readonly readingType?: string;
  /** Whose settings: the caller's by default; the bot's routes name the chat's linked account. */
  readonly accountOf?: (req: Request) => Promise<string | undefined>;
}

/** The language readings are told in: the locale setting (the bot's /language sets it), else the language one. */
export function settingsLocale(stored: Partial<Record<SettingKey, string>>): "en" | "fa" | undefined {
  const settings = settingsFrom(stored);
  return stored.locale !== undefined ? settings.locale : stored.language !== undefined ? settings.language : undefined;
}

export function settingDefaults(deps: ApiDeps, options: SettingDefaultsOptions = {}): RequestHandler {
  return async (req, _res, next) => {
    const body = req.body as Record<string, unknown> | undefined;
    // Not an object: validation says so. No account: authentication has answered, or will.
    const account = body !== null && typeof body === "object" && !Array.isArray(body) ? await (options.accountOf?.(req) ?? req.principal?.userId) : undefined;
    if (!account || !body) {
      next();
      return;
    }
    const stored = await deps.repos.settings.getAll(account);
    const settings = settingsFrom(stored);
    if (options.readingType === undefined && body.reading_type === undefined) body.reading_type = settings.default_reading_type;
    const type = options.readingType ?? body.reading_type;
    body.locale ??= settingsLocale(stored);
    if (body.numerology_system === undefined && stored.numerology_system !== undefined && typeof type === "string" && SYSTEM_TYPES.has(type)) {
      body.numerology_system = settings.numerology_system;
    }
    next();
  };
}
