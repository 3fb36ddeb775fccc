import type { ChatStatus, Lang } from "../api-client";
import { en } from "./en";
import { fa } from "./fa";
import type { Texts } from "./texts";

export type { Texts };
export const TEXTS: Readonly<Record<Lang, Texts>> = { en, fa };

/** A chat's texts: its account's language once linked, English before (for messages no user asked for). */
export function textsOfChat(status: ChatStatus): Texts {
  return TEXTS[status.linked ? status.locale : "en"];
}

/** A Telegram user's own language, for a chat that is not linked yet. */
export function langOf(telegramLanguageCode: string | undefined): Lang {
  return telegramLanguageCode?.toLowerCase().startsWith("fa") ? "fa" : "en";
}

/** An account's role in this language's words; a role this build does not know shows as the API names it. */
export function roleName(t: Texts, role: string): string {
  return (t.labels.roles as Readonly<Record<string, string>>)[role] ?? role;
}
