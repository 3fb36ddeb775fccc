import type { BotApiClient, ChatStatus, Lang } from "../api-client";
import type { Texts } from "../text";
import type { ReadingLimiter } from "../limits";

/**
 * One bot command: its name, whether the chat must be linked (or linked to an administrator),
 * whether it makes a reading (and so counts against the hourly reading limit), and its handler.
 * Handlers say what happened as an outcome (the commands metric counts them by name).
 */

export type Outcome = "ok" | "bad_input" | "not_linked" | "limited" | "forbidden" | "failed";

export type Button = { readonly text: string; readonly callback_data: string } | { readonly text: string; readonly url: string };
export interface Keyboard {
  readonly inline_keyboard: ReadonlyArray<ReadonlyArray<Button>>;
}

export interface BotEnv {
  readonly api: BotApiClient;
  readonly frontendUrl: string;
  readonly readings: ReadingLimiter;
}

export type Linked = Extract<ChatStatus, { linked: true }>;

export interface CommandContext {
  readonly chatId: number;
  readonly args: string;
  readonly lang: Lang;
  readonly t: Texts;
  readonly chat: ChatStatus;
  readonly telegramUsername: string | null;
  readonly env: BotEnv;
  reply(html: string, keyboard?: Keyboard): Promise<void>;
}

export interface LinkedContext extends CommandContext {
  readonly chat: Linked;
}

export interface Command {
  readonly name: string;
  /** "any": works unlinked (/start, /help, /link); "linked"; "admin": linked to an administrator. */
  readonly access: "any" | "linked" | "admin";
  /** Makes a reading: counts against the per-chat hourly limit. */
  readonly reading?: boolean;
  run(ctx: CommandContext): Promise<Outcome>;
}

/** A tap on an inline button whose callback data starts with `prefix:`. */
export interface CallbackContext {
  readonly chatId: number;
  /** The callback data after the prefix and its colon. */
  readonly data: string;
  readonly lang: Lang;
  readonly t: Texts;
  readonly chat: ChatStatus;
  /** The text of the message the button sits on. */
  readonly messageText: string;
  readonly env: BotEnv;
  edit(html: string, keyboard?: Keyboard): Promise<void>;
  reply(html: string): Promise<void>;
}

export interface CallbackHandler {
  readonly prefix: string;
  readonly access: "linked" | "admin";
  run(ctx: CallbackContext & { readonly chat: Linked }): Promise<void>;
}

/** Pages of `size` for a total: 1-based page number and count. */
export function pageOf(offset: number, size: number, total: number): { page: number; pages: number } {
  return { page: Math.floor(offset / size) + 1, pages: Math.max(1, Math.ceil(total / size)) };
}

/** "‹ Newer" / "Older ›" buttons around a page, with callback data `prefix:offset`. */
export function pager(prefix: string, offset: number, size: number, total: number, t: Texts): Keyboard | undefined {
  const row: Button[] = [];
  if (offset > 0) row.push({ text: t.newer, callback_data: `${prefix}:${Math.max(0, offset - size)}` });
  if (offset + size < total) row.push({ text: t.older, callback_data: `${prefix}:${offset + size}` });
  return row.length ? { inline_keyboard: [row] } : undefined;
}
