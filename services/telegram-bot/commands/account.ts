import { escapeHtml } from "../../lib/telegram/telegram-api";
import { ApiCallError } from "../api-client";
import { formatOffset, parseOffset } from "../args";
import { roleName, TEXTS } from "../text";
import type { Command, CommandContext, LinkedContext } from "./command";

/** /start, /help, /link, /unlink, /status, /profile, /language, /timezone. */

const USER_COMMANDS = ["start", "help", "link", "unlink", "status", "profile", "time", "name", "question", "chart", "daily", "history", "compare", "daily_on", "daily_off", "daily_time", "timezone", "language"];
export const ADMIN_COMMANDS = ["admin_stats", "admin_users", "admin_broadcast"];
export { USER_COMMANDS };

const linked = (ctx: CommandContext) => ctx as LinkedContext;

export const start: Command = {
  name: "start",
  access: "any",
  async run(ctx) {
    await ctx.reply(ctx.chat.linked ? ctx.t.welcome(escapeHtml(ctx.chat.username)) : `${ctx.t.welcome(null)}\n\n${ctx.t.notLinked}`);
    return "ok";
  },
};

export const help: Command = {
  name: "help",
  access: "any",
  async run(ctx) {
    const line = (name: string) => `/${name}: ${escapeHtml(ctx.t.commands[name] ?? "")}`;
    const parts = [ctx.t.helpTitle, ...USER_COMMANDS.map(line)];
    if (ctx.chat.linked && ctx.chat.role === "admin") parts.push("", ctx.t.helpAdmin, ...ADMIN_COMMANDS.map(line));
    if (!ctx.chat.linked) parts.push("", ctx.t.notLinked);
    await ctx.reply(parts.join("\n"));
    return "ok";
  },
};

export const link: Command = {
  name: "link",
  access: "any",
  async run(ctx) {
    const code = ctx.args.split(/\s+/)[0] ?? "";
    if (!/^[A-Za-z0-9_-]{8,100}$/.test(code)) {
      await ctx.reply(ctx.t.linkUsage);
      return "bad_input";
    }
    try {
      const account = await ctx.env.api.link(code, ctx.chatId, ctx.telegramUsername);
      // The account's own language from now on.
      const status = await ctx.env.api.chat(ctx.chatId);
      const t = status.linked ? TEXTS[status.locale] : ctx.t;
      await ctx.reply(t.linked(escapeHtml(account.username)));
      return "ok";
    } catch (err) {
      if (err instanceof ApiCallError && err.status === 400) {
        await ctx.reply(ctx.t.linkBadCode);
        return "bad_input";
      }
      throw err;
    }
  },
};

export const unlink: Command = {
  name: "unlink",
  access: "linked",
  async run(ctx) {
    await ctx.env.api.unlink(ctx.chatId);
    await ctx.reply(ctx.t.unlinked);
    return "ok";
  },
};

export function dailyLine(ctx: LinkedContext, prefs = ctx.chat.preferences): string {
  return ctx.t.dailyState({ on: prefs.daily_enabled, time: prefs.delivery_time, offset: formatOffset(prefs.timezone_offset_minutes) });
}

export const status: Command = {
  name: "status",
  access: "linked",
  async run(raw) {
    const ctx = linked(raw);
    const c = ctx.chat;
    await ctx.reply(
      ctx.t.status({ username: escapeHtml(c.username), role: escapeHtml(roleName(ctx.t, c.role)), profiles: c.profile_count, readings: c.reading_count, daily: dailyLine(ctx), language: ctx.t.labels.language }),
    );
    return "ok";
  },
};

export const profile: Command = {
  name: "profile",
  access: "linked",
  async run(ctx) {
    const profiles = await ctx.env.api.profiles(ctx.chatId);
    if (profiles.length === 0) {
      await ctx.reply(ctx.t.noProfile);
      return "ok";
    }
    const lines = profiles.map((p, i) => `${i + 1}. <b>${escapeHtml(p.name)}</b>${p.name_persian ? ` (${escapeHtml(p.name_persian)})` : ""} · ${p.birth_date}`);
    await ctx.reply([ctx.t.profilesTitle, ...lines].join("\n"));
    return "ok";
  },
};

export const language: Command = {
  name: "language",
  access: "linked",
  async run(ctx) {
    const choice = ctx.args.trim().toLowerCase();
    if (choice !== "en" && choice !== "fa") {
      await ctx.reply(ctx.t.languageUsage);
      return "bad_input";
    }
    await ctx.env.api.setLocale(ctx.chatId, choice);
    await ctx.reply(TEXTS[choice].languageSet);
    return "ok";
  },
};

export const timezone: Command = {
  name: "timezone",
  access: "linked",
  async run(raw) {
    const ctx = linked(raw);
    const minutes = parseOffset(ctx.args);
    if (minutes === null || ctx.args.trim() === "") {
      await ctx.reply(ctx.t.timezoneUsage);
      return "bad_input";
    }
    const prefs = await ctx.env.api.setPreferences(ctx.chatId, { timezone_offset_minutes: minutes });
    await ctx.reply(dailyLine(ctx, prefs));
    return "ok";
  },
};
