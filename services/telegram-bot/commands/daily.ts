import { parseClock } from "../args";
import { dailyLine } from "./account";
import type { Command, LinkedContext } from "./command";

/** /daily_on, /daily_off, /daily_time HH:MM: the chat's daily delivery. */

const toggle = (name: string, on: boolean): Command => ({
  name,
  access: "linked",
  async run(ctx) {
    const prefs = await ctx.env.api.setPreferences(ctx.chatId, { daily_enabled: on });
    await ctx.reply(dailyLine(ctx as LinkedContext, prefs));
    return "ok";
  },
});

export const dailyOn = toggle("daily_on", true);
export const dailyOff = toggle("daily_off", false);

export const dailyTime: Command = {
  name: "daily_time",
  access: "linked",
  async run(ctx) {
    const time = /^\d{2}:\d{2}$/.test(ctx.args.trim()) ? parseClock(ctx.args.trim()) : null;
    if (!time) {
      await ctx.reply(ctx.t.dailyTimeUsage);
      return "bad_input";
    }
    const prefs = await ctx.env.api.setPreferences(ctx.chatId, { delivery_time: time });
    await ctx.reply(dailyLine(ctx as LinkedContext, prefs));
    return "ok";
  },
};
