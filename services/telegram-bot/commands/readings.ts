import { escapeHtml } from "../../lib/telegram/telegram-api";
import { ApiCallError, type ProfileItem, type Reading } from "../api-client";
import { parseChartArgs, parseTimeArgs, splitNames } from "../args";
import { formatReading, formatSummary, readingUrl } from "../format";
import type { CallbackHandler, Command, CommandContext, Keyboard, Outcome } from "./command";
import { pageOf, pager } from "./command";

/** /time, /name, /question, /chart, /daily, /compare (each makes a stored reading), and /history with its pages. */

const HISTORY_PAGE = 5;

const linkButton = (ctx: Pick<CommandContext, "t" | "env">, r: Reading): Keyboard => ({ inline_keyboard: [[{ text: ctx.t.labels.fullReading, url: readingUrl(ctx.env.frontendUrl, r.id) }]] });

async function firstProfile(ctx: CommandContext): Promise<ProfileItem | undefined> {
  return (await ctx.env.api.profiles(ctx.chatId))[0];
}

/**
 * Makes a reading and replies with it; a 400 the reading names (`refused` answers the one-line
 * reply, or null to let the error through) gets that line instead.
 */
async function makeAndReply(ctx: CommandContext, make: () => Promise<Reading>, refused: (err: ApiCallError) => string | null): Promise<Outcome> {
  let reading: Reading;
  try {
    reading = await make();
  } catch (err) {
    const line = err instanceof ApiCallError && err.status === 400 ? refused(err) : null;
    if (line === null) throw err;
    await ctx.reply(line);
    return "bad_input";
  }
  await ctx.reply(formatReading(reading, ctx.t, ctx.env.frontendUrl), linkButton(ctx, reading));
  return "ok";
}

/** A reading of POST /readings; a date the reading cannot take gets a one-line answer. */
function readAndReply(ctx: CommandContext, body: Record<string, unknown>): Promise<Outcome> {
  return makeAndReply(ctx, () => ctx.env.api.reading(ctx.chatId, { ...body, locale: ctx.lang }), (err) => ("date" in err.fields ? ctx.t.badDate : null));
}

export const time: Command = {
  name: "time",
  access: "linked",
  reading: true,
  async run(ctx) {
    const when = parseTimeArgs(ctx.args);
    if (!when) {
      await ctx.reply(ctx.t.timeUsage);
      return "bad_input";
    }
    const profile = await firstProfile(ctx);
    if (!profile) {
      await ctx.reply(ctx.t.noProfile);
      return "bad_input";
    }
    return readAndReply(ctx, { reading_type: "time", profile_id: profile.id, ...when });
  },
};

export const name: Command = {
  name: "name",
  access: "linked",
  reading: true,
  async run(ctx) {
    const given = ctx.args.trim();
    if (given.length > 200) {
      await ctx.reply(ctx.t.nameUsage);
      return "bad_input";
    }
    if (given) return readAndReply(ctx, { reading_type: "name", name: given });
    const profile = await firstProfile(ctx);
    if (!profile) {
      await ctx.reply(ctx.t.nameUsage);
      return "bad_input";
    }
    return readAndReply(ctx, { reading_type: "name", name: profile.name, profile_id: profile.id });
  },
};

export const question: Command = {
  name: "question",
  access: "linked",
  reading: true,
  async run(ctx) {
    const text = ctx.args.trim();
    if (!text || text.length > 1000) {
      await ctx.reply(ctx.t.questionUsage);
      return "bad_input";
    }
    const profile = await firstProfile(ctx);
    return readAndReply(ctx, { reading_type: "question", question: text, ...(profile ? { profile_id: profile.id } : {}) });
  },
};

export const chart: Command = {
  name: "chart",
  access: "linked",
  reading: true,
  async run(ctx) {
    const given = parseChartArgs(ctx.args);
    if (!given || (given.name !== undefined && given.name.length > 200)) {
      await ctx.reply(ctx.t.chartUsage);
      return "bad_input";
    }
    let who: Record<string, unknown> = given;
    if (given.name === undefined) {
      const profile = await firstProfile(ctx);
      if (!profile) {
        await ctx.reply(ctx.t.noProfile);
        return "bad_input";
      }
      who = { profile_id: profile.id };
    }
    // A name no system can read (the letters it cannot place) or a birth date after the day asked about.
    return makeAndReply(ctx, () => ctx.env.api.chart(ctx.chatId, { ...who, locale: ctx.lang }), (err) => ctx.t.chartRefused(escapeHtml(Object.values(err.fields)[0] ?? err.message)));
  },
};

export const daily: Command = {
  name: "daily",
  access: "linked",
  reading: true,
  async run(ctx) {
    if ((await ctx.env.api.profiles(ctx.chatId)).length === 0) {
      await ctx.reply(ctx.t.noProfile);
      return "bad_input";
    }
    const { date, profile, reading } = await ctx.env.api.dailyReading(ctx.chatId);
    await ctx.reply(formatReading(reading, ctx.t, ctx.env.frontendUrl, `${ctx.t.labels.dailyFor} ${profile.name} · ${date}`), linkButton(ctx, reading));
    return "ok";
  },
};

/** The profile a name means: the same name (either script, any case), else the only one that starts with it. */
export function resolveProfile(profiles: readonly ProfileItem[], wanted: string): ProfileItem | undefined {
  const w = wanted.toLocaleLowerCase();
  const names = (p: ProfileItem) => [p.name, p.name_persian ?? ""].map((n) => n.toLocaleLowerCase());
  const exact = profiles.filter((p) => names(p).includes(w));
  if (exact.length >= 1) return exact[0];
  const prefix = profiles.filter((p) => names(p).some((n) => n !== "" && n.startsWith(w)));
  return prefix.length === 1 ? prefix[0] : undefined;
}

export const compare: Command = {
  name: "compare",
  access: "linked",
  reading: true,
  async run(ctx) {
    const wanted = splitNames(ctx.args);
    if (wanted.length < 2 || wanted.length > 5) {
      await ctx.reply(ctx.t.compareUsage);
      return "bad_input";
    }
    const profiles = await ctx.env.api.profiles(ctx.chatId);
    const ids: string[] = [];
    for (const w of wanted) {
      const p = resolveProfile(profiles, w);
      if (!p) {
        await ctx.reply(ctx.t.compareUnknown(w.replace(/[<>&"]/g, "")));
        return "bad_input";
      }
      if (!ids.includes(p.id)) ids.push(p.id);
    }
    if (ids.length < 2) {
      await ctx.reply(ctx.t.compareUsage);
      return "bad_input";
    }
    return readAndReply(ctx, { reading_type: "multi", profile_ids: ids });
  },
};

async function historyPage(ctx: Pick<CommandContext, "chatId" | "t" | "env">, offset: number): Promise<{ html: string; keyboard?: Keyboard }> {
  const page = await ctx.env.api.history(ctx.chatId, offset, HISTORY_PAGE);
  if (page.total === 0) return { html: ctx.t.historyEmpty };
  const { page: n, pages } = pageOf(offset, HISTORY_PAGE, page.total);
  const lines = page.readings.map((r, i) => formatSummary(r, offset + i + 1, ctx.t, ctx.env.frontendUrl));
  return { html: [ctx.t.historyTitle(n, pages), ...lines].join("\n"), keyboard: pager("history", offset, HISTORY_PAGE, page.total, ctx.t) };
}

export const history: Command = {
  name: "history",
  access: "linked",
  async run(ctx) {
    const { html, keyboard } = await historyPage(ctx, 0);
    await ctx.reply(html, keyboard);
    return "ok";
  },
};

export const historyPages: CallbackHandler = {
  prefix: "history",
  access: "linked",
  async run(ctx) {
    const offset = Number.parseInt(ctx.data, 10);
    if (!Number.isSafeInteger(offset) || offset < 0) return;
    const { html, keyboard } = await historyPage(ctx, offset);
    await ctx.edit(html, keyboard);
  },
};
