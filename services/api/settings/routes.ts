import { z } from "zod";
import type { SettingKey } from "../../lib/db/repositories/settings";
import type { ApiRouter, RouteModule } from "../http/route-kit";
import { encodeSettings, SETTINGS, SettingsPatchBody, SettingsSchema, settingsFrom } from "./setting-values";

/** /api/settings: the caller's own settings, a fixed list of typed keys. */

const ANY_ACCOUNT = { scopes: ["oracle:read"] } as const;
const DEFAULTS = settingsFrom({});
const Answer = z.object({ settings: SettingsSchema, defaults: SettingsSchema });

export const settingsRoutes: RouteModule = {
  base: "/api/settings",
  tag: "settings",
  register(r: ApiRouter) {
    r.route({
      method: "get",
      path: "/",
      summary: "Your settings: every key, with its default where you set none",
      auth: ANY_ACCOUNT,
      response: Answer,
      cache: { ttlSeconds: 300 },
      handler: async ({ deps, principal }) => ({ settings: settingsFrom(await deps.repos.settings.getAll(principal.userId)), defaults: DEFAULTS }),
    });

    r.route({
      method: "put",
      path: "/",
      summary: "Change some settings at once (null puts a key back to its default); unknown keys are refused",
      description: `Keys: ${Object.keys(SETTINGS).join(", ")}.`,
      auth: ANY_ACCOUNT,
      body: SettingsPatchBody,
      response: Answer,
      handler: async ({ deps, principal, body }) => {
        const cleared = (Object.entries(body) as [SettingKey, unknown][]).filter(([, v]) => v === null).map(([k]) => k);
        for (const key of cleared) await deps.repos.settings.remove(principal.userId, key);
        const stored = await deps.repos.settings.setMany(principal.userId, encodeSettings(body));
        return { settings: settingsFrom(stored), defaults: DEFAULTS };
      },
    });
  },
};
