import { help, language, link, profile, start, status, timezone, unlink } from "./account";
import { adminBroadcast, adminStats, adminUsers, broadcastConfirmation, usersPages } from "./admin";
import type { CallbackHandler, Command } from "./command";
import { dailyOff, dailyOn, dailyTime } from "./daily";
import { chart, compare, daily, history, historyPages, name, question, time } from "./readings";

export { ADMIN_COMMANDS, USER_COMMANDS } from "./account";

/** Every command the bot answers, by name. */
export const COMMANDS: ReadonlyMap<string, Command> = new Map(
  [start, help, link, unlink, status, profile, time, name, question, chart, daily, history, compare, dailyOn, dailyOff, dailyTime, timezone, language, adminStats, adminUsers, adminBroadcast].map((c) => [c.name, c]),
);

export function callbackHandlers(sendBroadcast: (chatId: number, html: string) => Promise<void>): ReadonlyMap<string, CallbackHandler> {
  return new Map([historyPages, usersPages, broadcastConfirmation(sendBroadcast)].map((h) => [h.prefix, h]));
}
