import type { Role } from "../../lib/db/repositories/users";
import type { CompatibilityClass } from "../../oracle/readings/types";

/**
 * Everything the bot says, in one shape per language (./en.ts, ./fa.ts). Values are HTML for
 * Telegram's HTML parse mode: arguments that come from users or the API are escaped by the
 * caller (format.ts), never here.
 */
export interface Texts {
  readonly commands: Readonly<Record<string, string>>;
  welcome(name: string | null): string;
  notLinked: string;
  linkUsage: string;
  linked(username: string): string;
  linkBadCode: string;
  unlinked: string;
  helpTitle: string;
  helpAdmin: string;
  unknownCommand(name: string): string;
  notCommand: string;
  tryAgain: string;
  adminOnly: string;
  slowDown: string;
  readingLimit: string;
  noProfile: string;
  status(p: { username: string; role: string; profiles: number; readings: number; daily: string; language: string }): string;
  dailyState(p: { on: boolean; time: string; offset: string }): string;
  profilesTitle: string;
  timeUsage: string;
  nameUsage: string;
  questionUsage: string;
  chartUsage: string;
  /** The API refused the chart; `why` (escaped) names the field's problem, such as the letters no system could place. */
  chartRefused(why: string): string;
  compareUsage: string;
  compareUnknown(name: string): string;
  dailyTimeUsage: string;
  timezoneUsage: string;
  languageUsage: string;
  languageSet: string;
  badDate: string;
  historyTitle(page: number, pages: number): string;
  historyEmpty: string;
  newer: string;
  older: string;
  usersTitle(page: number, pages: number, total: number): string;
  /** One account of /admin_users: `role` is already this language's word for it. */
  userLine(u: { n: number; username: string; role: string; active: boolean; readings: number }): string;
  statsTitle: string;
  stats(s: { users: number; profiles: number; chats: number; today: number; total: number; last: string }): string;
  broadcastUsage: string;
  broadcastConfirm: string;
  broadcastSend: string;
  broadcastCancel: string;
  broadcastCancelled: string;
  broadcastDone(sent: number, failed: number): string;
  labels: {
    readonly reading: Readonly<Record<string, string>>;
    readonly lifePath: string;
    readonly personalDay: string;
    readonly expression: string;
    readonly soulUrge: string;
    readonly questionNumber: string;
    readonly personality: string;
    readonly maturity: string;
    readonly birthday: string;
    readonly personalYear: string;
    readonly karmicDebt: string;
    readonly moon: string;
    readonly year: string;
    readonly confidence: string;
    readonly compatibility: string;
    /** The Oracle's class of a pair's compatibility, as a word of this language. */
    readonly compatibilityClass: Readonly<Record<CompatibilityClass, string>>;
    readonly roles: Readonly<Record<Role, string>>;
    readonly fullReading: string;
    readonly dailyFor: string;
    readonly on: string;
    readonly off: string;
    readonly language: string;
  };
  notices: { started(version: string): string; stopping: string };
}
